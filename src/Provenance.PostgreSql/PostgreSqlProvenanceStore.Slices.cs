using Npgsql;

namespace Provenance.PostgreSql;

public sealed partial class PostgreSqlProvenanceStore
{
    /// <summary>
    /// Builds the small graph that holds the given assertion and citation rows, every report they name (and the explicit report
    /// each implicit one is cited in), their sources, the sources' affiliations and the claims, all in graph (key) order, so
    /// that an in-memory query on it answers as on the whole graph. With <paramref name="synthesize"/>, the assertions the rows
    /// leave out are made up so the slice validates: attributed for a citing report, unknown for a cited implicit report (both
    /// inferred by the builder) and unattributed for a cited explicit report; only queries that ignore modes may use that.
    /// </summary>
    private async Task<CitationGraph> SliceAsync(
        NpgsqlConnection connection,
        IReadOnlyList<AssertionRow> assertions,
        IReadOnlyList<CitationRow> citations,
        IEnumerable<int> moreReports,
        bool synthesize,
        CancellationToken cancellationToken)
    {
        var reportIds = new HashSet<int>(moreReports);
        foreach (var a in assertions)
        {
            reportIds.Add(a.ReportId);
        }

        foreach (var c in citations)
        {
            reportIds.Add(c.From);
            reportIds.Add(c.To);
        }

        var reports = await ReportsAsync(connection, reportIds, cancellationToken).ConfigureAwait(false);
        var claimIds = new HashSet<int>();
        foreach (var a in assertions)
        {
            claimIds.Add(a.ClaimId);
        }

        foreach (var c in citations)
        {
            claimIds.Add(c.ClaimId);
        }

        var (affiliations, sources) = await SourcesAsync(connection, [.. reports.Values.Select(r => r.SourceId).Distinct()], cancellationToken).ConfigureAwait(false);
        var claims = await ReadAsync(connection, "SELECT id, key, text FROM claim WHERE id = ANY($1) ORDER BY id", r => (Id: r.GetInt32(0), Value: new Claim(r.GetString(1), r.GetString(2))), cancellationToken, claimIds.ToArray()).ConfigureAwait(false);
        return BuildSlice(affiliations, sources, claims, reports, assertions, citations, synthesize);
    }

    /// <summary>Builds the slice from rows already read; see <see cref="SliceAsync"/>.</summary>
    private CitationGraph BuildSlice(
        List<(int Id, Affiliation Value)> affiliations,
        Dictionary<int, SourceRow> sources,
        List<(int Id, Claim Value)> claims,
        Dictionary<int, ReportRow> reports,
        IReadOnlyList<AssertionRow> assertions,
        IReadOnlyList<CitationRow> citations,
        bool synthesize)
    {
        var claimKey = claims.ToDictionary(c => c.Id, c => c.Value.Id);
        var builder = new CitationGraphBuilder(SliceOptions());
        foreach (var a in affiliations.OrderBy(a => a.Id))
        {
            builder.AddAffiliation(a.Value);
        }

        foreach (var s in sources.Values.OrderBy(s => s.Id))
        {
            builder.AddSource(s.Value);
        }

        foreach (var c in claims.OrderBy(c => c.Id))
        {
            builder.AddClaim(c.Value);
        }

        foreach (var r in reports.Values.OrderBy(r => r.Id))
        {
            builder.AddReport(r.ToReport(sources[r.SourceId].Value.Id, r.CitedIn is { } ci ? reports[ci].Key : null));
        }

        foreach (var a in assertions.OrderBy(a => a.Seq))
        {
            builder.AddAssertion(new Assertion(reports[a.ReportId].Key, claimKey[a.ClaimId], a.Mode, a.Wording));
        }

        if (synthesize)
        {
            var citing = citations.Select(c => (c.From, c.ClaimId)).ToHashSet();
            var asserted = assertions.Select(a => (a.ReportId, a.ClaimId)).ToHashSet();
            foreach (var (to, claim) in citations.Select(c => (c.To, c.ClaimId)).Distinct().OrderBy(p => p))
            {
                if (!citing.Contains((to, claim)) && !asserted.Contains((to, claim)) && reports[to].CitedIn is null)
                {
                    builder.AddAssertion(new Assertion(reports[to].Key, claimKey[claim], AssertionMode.Unattributed));
                }
            }
        }

        foreach (var c in citations.OrderBy(c => c.Seq))
        {
            builder.AddCitation(new Citation(reports[c.From].Key, reports[c.To].Key, claimKey[c.ClaimId], c.Kind, c.Hedge, c.Evidence));
        }

        return builder.Build();
    }

    /// <summary>The report rows with the given ids, plus the explicit reports the implicit ones among them are cited in.</summary>
    private static async Task<Dictionary<int, ReportRow>> ReportsAsync(NpgsqlConnection connection, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(connection, $"SELECT {ReportRow.Columns} FROM report WHERE id = ANY($1)", ReportRow.Read, cancellationToken, ids.ToArray()).ConfigureAwait(false);
        var reports = rows.ToDictionary(r => r.Id);
        var missing = rows.Where(r => r.CitedIn is { } ci && !reports.ContainsKey(ci)).Select(r => r.CitedIn!.Value).Distinct().ToArray();
        if (missing.Length > 0)
        {
            foreach (var r in await ReadAsync(connection, $"SELECT {ReportRow.Columns} FROM report WHERE id = ANY($1)", ReportRow.Read, cancellationToken, missing).ConfigureAwait(false))
            {
                reports[r.Id] = r;
            }
        }

        return reports;
    }

    /// <summary>The source rows with the given ids, with their affiliations resolved, and those affiliations in key order.</summary>
    private static async Task<(List<(int Id, Affiliation Value)> Affiliations, Dictionary<int, SourceRow> Sources)> SourcesAsync(
        NpgsqlConnection connection, int[] ids, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(connection, $"SELECT {SourceRow.Columns} FROM source WHERE id = ANY($1)", SourceRow.Read, cancellationToken, ids).ConfigureAwait(false);
        var affiliationIds = rows.Where(s => s.AffiliationId is not null).Select(s => s.AffiliationId!.Value).Distinct().ToArray();
        var affiliations = affiliationIds.Length == 0
            ? []
            : await ReadAsync(connection, "SELECT id, key, name, description FROM affiliation WHERE id = ANY($1) ORDER BY id", r => (r.GetInt32(0), new Affiliation(r.GetString(1), r.GetString(2)) { Description = ReportRow.Text(r, 3) }), cancellationToken, affiliationIds).ConfigureAwait(false);
        var affiliationKey = affiliations.ToDictionary(a => a.Item1, a => a.Item2.Id);
        var sources = rows.ToDictionary(
            s => s.Id,
            s => s.AffiliationId is { } a ? s with { Value = s.Value with { Affiliation = affiliationKey[a] } } : s);
        return (affiliations, sources);
    }
}
