using System.Collections.Immutable;
using Npgsql;

namespace Provenance.PostgreSql;

public sealed partial class PostgreSqlProvenanceStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The batch is checked by <see cref="CitationGraphBuilder"/> together with the stored elements it touches (those with the
    /// ids it uses or cites, and their assertions of its claims), so duplicates, unknown references, modes and the timeline are
    /// judged by the builder's own rules and messages. A did-you-mean suggestion is drawn from those touched elements only.
    /// Writers of one schema are serialised by an advisory lock held for the transaction; readers are never blocked.
    /// </remarks>
    public async Task<ImmutableArray<GraphDiagnostic>> TryAddAsync(GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var unstorable = Storable.Check(batch.Affiliations, batch.Sources, batch.Claims, batch.Reports, batch.Assertions, batch.Citations);
        if (unstorable.Count > 0)
        {
            return Problems(unstorable);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritersAsync(connection, cancellationToken).ConfigureAwait(false);

        // The stored elements the batch touches.
        var reportKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in batch.Reports)
        {
            reportKeys.Add(r.Id);
            AddIf(reportKeys, r.CitedIn);
        }

        foreach (var a in batch.Assertions)
        {
            AddIf(reportKeys, a.Report);
        }

        foreach (var c in batch.Citations)
        {
            AddIf(reportKeys, c.From);
            AddIf(reportKeys, c.To);
        }

        var found = await ReadAsync(connection, $"SELECT id FROM report WHERE key = ANY($1)", r => r.GetInt32(0), cancellationToken, (object)reportKeys.ToArray()).ConfigureAwait(false);
        var reports = await ReportsAsync(connection, found, cancellationToken).ConfigureAwait(false);

        var sourceKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in batch.Sources)
        {
            AddIf(sourceKeys, s.Id);
        }

        foreach (var r in batch.Reports)
        {
            AddIf(sourceKeys, r.Source);
        }

        var sourceIds = (await ReadAsync(connection, "SELECT id FROM source WHERE key = ANY($1)", r => r.GetInt32(0), cancellationToken, (object)sourceKeys.ToArray()).ConfigureAwait(false))
            .Concat(reports.Values.Select(r => r.SourceId)).Distinct().ToArray();
        var (contextAffiliations, sources) = await SourcesAsync(connection, sourceIds, cancellationToken).ConfigureAwait(false);

        var affiliationKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in batch.Affiliations)
        {
            AddIf(affiliationKeys, a.Id);
        }

        foreach (var s in batch.Sources)
        {
            AddIf(affiliationKeys, s.Affiliation);
        }

        var affiliations = contextAffiliations.ToDictionary(a => a.Id, a => a.Value);
        foreach (var a in await ReadAsync(connection, "SELECT id, key, name, description FROM affiliation WHERE key = ANY($1)", r => (r.GetInt32(0), new Affiliation(r.GetString(1), r.GetString(2)) { Description = ReportRow.Text(r, 3) }), cancellationToken, (object)affiliationKeys.ToArray()).ConfigureAwait(false))
        {
            affiliations.TryAdd(a.Item1, a.Item2);
        }

        var claimKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in batch.Claims)
        {
            AddIf(claimKeys, c.Id);
            foreach (var other in c.Contradicts.IsDefault ? [] : c.Contradicts)
            {
                AddIf(claimKeys, other);
            }
        }

        foreach (var a in batch.Assertions)
        {
            AddIf(claimKeys, a.Claim);
        }

        foreach (var c in batch.Citations)
        {
            AddIf(claimKeys, c.Claim);
        }

        var claims = await ReadAsync(connection, "SELECT id, key, text FROM claim WHERE key = ANY($1) ORDER BY id", r => (Id: r.GetInt32(0), Value: new Claim(r.GetString(1), r.GetString(2))), cancellationToken, (object)claimKeys.ToArray()).ConfigureAwait(false);
        var reportIds = reports.Keys.ToArray();
        var claimIds = claims.Select(c => c.Id).ToArray();
        var assertions = await ReadAsync(connection, $"SELECT {AssertionRow.Columns} FROM assertion WHERE report_id = ANY($1) AND claim_id = ANY($2) ORDER BY seq", AssertionRow.Read, cancellationToken, reportIds, claimIds).ConfigureAwait(false);
        var citations = await ReadAsync(connection, $"SELECT {CitationRow.Columns} FROM citation WHERE from_report = ANY($1) AND to_report = ANY($1) AND claim_id = ANY($2) ORDER BY seq", CitationRow.Read, cancellationToken, reportIds, claimIds).ConfigureAwait(false);

        // Stored citations matter only as duplicates of new ones; stored attributed assertions without one of them become
        // unattributed, so that the builder does not ask for citations it was not given.
        var claimKey = claims.ToDictionary(c => c.Id, c => c.Value.Id);
        var newEdges = batch.Citations.Select(c => (c.From, c.To, c.Claim)).ToHashSet();
        citations = citations.FindAll(c => newEdges.Contains((reports[c.From].Key, reports[c.To].Key, claimKey[c.ClaimId])));
        var citing = batch.Citations.Select(c => (c.From, c.Claim)).Concat(citations.Select(c => (reports[c.From].Key, claimKey[c.ClaimId]))).ToHashSet();

        var builder = new CitationGraphBuilder(new GraphBuildOptions
        {
            AllowTimelineErrors = allowTimelineErrors,
            Limits = new GraphLimits { MaxNodes = int.MaxValue, MaxCitations = int.MaxValue },
        });
        foreach (var (_, a) in affiliations.OrderBy(p => p.Key))
        {
            builder.AddAffiliation(a);
        }

        foreach (var s in sources.Values.OrderBy(s => s.Id))
        {
            builder.AddSource(s.Value);
        }

        foreach (var (_, c) in claims)
        {
            builder.AddClaim(c);
        }

        foreach (var r in reports.Values.OrderBy(r => r.Id))
        {
            builder.AddReport(r.ToReport(sources[r.SourceId].Value.Id, r.CitedIn is { } ci ? reports[ci].Key : null));
        }

        var stored = new HashSet<(string, string)>();
        foreach (var a in assertions)
        {
            var key = (reports[a.ReportId].Key, claimKey[a.ClaimId]);
            stored.Add(key);
            var mode = a.Mode == AssertionMode.Attributed && !citing.Contains(key) ? AssertionMode.Unattributed : a.Mode;
            builder.AddAssertion(new Assertion(key.Key, key.Item2, mode, a.Wording));
        }

        foreach (var c in citations)
        {
            builder.AddCitation(new Citation(reports[c.From].Key, reports[c.To].Key, claimKey[c.ClaimId], c.Kind, c.Hedge, c.Evidence));
        }

        var storedCitations = citations.Count;
        batch.AddTo(builder);
        if (!builder.TryBuild(out var checkedGraph, out var problems))
        {
            return problems;
        }

        await WriteNewAsync(connection, checkedGraph, reports.Values, sources.Values, affiliations, claims, stored, storedCitations, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return [];
    }

    private static void AddIf(HashSet<string> keys, string? key)
    {
        if (key is not null)
        {
            keys.Add(key);
        }
    }

    /// <summary>Writes the elements of the checked graph that are not stored yet, with the next keys, by binary COPY.</summary>
    private static async Task WriteNewAsync(
        NpgsqlConnection connection,
        CitationGraph graph,
        IEnumerable<ReportRow> storedReports,
        IEnumerable<SourceRow> storedSources,
        Dictionary<int, Affiliation> storedAffiliations,
        List<(int Id, Claim Value)> storedClaims,
        HashSet<(string, string)> storedAssertions,
        int storedCitations,
        CancellationToken cancellationToken)
    {
        var affiliationId = storedAffiliations.ToDictionary(p => p.Value.Id, p => p.Key, StringComparer.Ordinal);
        var sourceId = storedSources.ToDictionary(s => s.Value.Id, s => s.Id, StringComparer.Ordinal);
        var claimId = storedClaims.ToDictionary(c => c.Value.Id, c => c.Id, StringComparer.Ordinal);
        var reportId = storedReports.ToDictionary(r => r.Key, r => r.Id, StringComparer.Ordinal);

        async Task<int> Next(string sql)
        {
            await using var command = Command(connection, sql);
            return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        var nextAffiliation = await Next("SELECT coalesce(max(id) + 1, 0) FROM affiliation").ConfigureAwait(false);
        var newAffiliations = Storable.Items(graph.Affiliations.Length, i => graph.Affiliations[i]).Where(a => !affiliationId.ContainsKey(a.Id)).ToList();
        foreach (var a in newAffiliations)
        {
            affiliationId[a.Id] = nextAffiliation++;
        }

        var nextSource = await Next("SELECT coalesce(max(id) + 1, 0) FROM source").ConfigureAwait(false);
        var newSources = Storable.Items(graph.Sources.Length, i => graph.Sources[i]).Where(s => !sourceId.ContainsKey(s.Id)).ToList();
        foreach (var s in newSources)
        {
            sourceId[s.Id] = nextSource++;
        }

        var nextClaim = await Next("SELECT coalesce(max(id) + 1, 0) FROM claim").ConfigureAwait(false);
        var newClaims = Storable.Items(graph.Claims.Length, i => graph.Claims[i]).Where(c => !claimId.ContainsKey(c.Id)).ToList();
        foreach (var c in newClaims)
        {
            claimId[c.Id] = nextClaim++;
        }

        var nextReport = await Next("SELECT coalesce(max(id) + 1, 0) FROM report").ConfigureAwait(false);
        var newReports = Storable.Items(graph.Reports.Length, i => graph.Reports[i]).Where(r => !reportId.ContainsKey(r.Id)).ToList();
        foreach (var r in newReports)
        {
            reportId[r.Id] = nextReport++;
        }

        var nextAssertion = await Next("SELECT coalesce(max(seq) + 1, 0) FROM assertion").ConfigureAwait(false);
        var newAssertions = Storable.Items(graph.Assertions.Length, i => graph.Assertions[i]).Where(a => !storedAssertions.Contains((a.Report, a.Claim))).ToList();
        var nextCitation = await Next("SELECT coalesce(max(seq) + 1, 0) FROM citation").ConfigureAwait(false);
        var newCitations = Storable.Items(graph.Citations.Length - storedCitations, i => graph.Citations[storedCitations + i]).ToList();

        await CopyAsync(connection, RowCopy.Affiliations + RowCopy.Binary, newAffiliations.Count, (w, i) => RowCopy.Affiliation(w, affiliationId[newAffiliations[i].Id], newAffiliations[i]), cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, RowCopy.Sources + RowCopy.Binary, newSources.Count, (w, i) =>
        {
            var s = newSources[i];
            RowCopy.Source(w, sourceId[s.Id], s, s.Affiliation is { } a ? affiliationId[a] : null);
        }, cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, RowCopy.Claims + RowCopy.Binary, newClaims.Count, (w, i) => RowCopy.Claim(w, claimId[newClaims[i].Id], newClaims[i]), cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, RowCopy.Reports + RowCopy.Binary, newReports.Count, (w, i) =>
        {
            var r = newReports[i];
            RowCopy.Report(w, reportId[r.Id], r, sourceId[r.Source], r.CitedIn is { } ci ? reportId[ci] : null);
        }, cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, RowCopy.Assertions + RowCopy.Binary, newAssertions.Count, (w, i) =>
        {
            var a = newAssertions[i];
            RowCopy.Assertion(w, nextAssertion + i, claimId[a.Claim], reportId[a.Report], graph.GetReport(a.Report).IsImplicit, a);
        }, cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, RowCopy.Citations + RowCopy.Binary, newCitations.Count, (w, i) =>
        {
            var c = newCitations[i];
            RowCopy.Citation(w, nextCitation + i, claimId[c.Claim], reportId[c.From], reportId[c.To], c);
        }, cancellationToken).ConfigureAwait(false);
    }
}
