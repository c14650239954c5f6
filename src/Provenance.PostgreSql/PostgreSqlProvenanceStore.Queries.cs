using System.Collections.Immutable;
using Npgsql;

namespace Provenance.PostgreSql;

public sealed partial class PostgreSqlProvenanceStore
{
    /// <inheritdoc />
    public async Task<TraceResult> TraceAsync(string claimId, TraceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        options ??= new TraceOptions();
        options.Validate();
        return (await TraceSliceAsync(claimId, cancellationToken).ConfigureAwait(false)).Trace(claimId, options);
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<string>> PrimarySourcesAsync(string claimId, CancellationToken cancellationToken = default) =>
        (await TraceSliceAsync(claimId, cancellationToken).ConfigureAwait(false)).PrimarySources(claimId);

    /// <inheritdoc />
    public async Task<IndependentOriginsResult> IndependentOriginsAsync(string claimId, CancellationToken cancellationToken = default) =>
        (await TraceSliceAsync(claimId, cancellationToken).ConfigureAwait(false)).IndependentOrigins(claimId);

    /// <inheritdoc />
    public async Task<ImmutableArray<WordingDrift>> DriftAsync(string claimId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var claim = await ClaimIdAsync(connection, claimId, cancellationToken).ConfigureAwait(false);
        var assertions = await ReadAsync(connection, $"SELECT {AssertionRow.Columns} FROM assertion WHERE claim_id = $1 AND wording IS NOT NULL", AssertionRow.Read, cancellationToken, claim).ConfigureAwait(false);
        var citations = await ReadAsync(connection, $"SELECT {CitationRow.Columns} FROM citation WHERE claim_id = $1", CitationRow.Read, cancellationToken, claim).ConfigureAwait(false);

        // Only citations with a wording at both ends drift; the others are left out, and the slice makes up their ends' modes.
        var worded = assertions.Select(a => a.ReportId).ToHashSet();
        var kept = citations.Where(c => worded.Contains(c.From) && worded.Contains(c.To)).ToList();
        if (kept.Count == 0)
        {
            return [];
        }

        var ends = kept.SelectMany(c => new[] { c.From, c.To }).ToHashSet();
        var slice = await SliceAsync(connection, [.. assertions.Where(a => ends.Contains(a.ReportId)).Select(a => a with { Mode = ModeFor(a, kept) })], kept, [], true, cancellationToken).ConfigureAwait(false);
        return slice.Drift(claimId);
    }

    /// <inheritdoc />
    public async Task<DependencyResult> DownstreamAsync(string id, string? claimId = null, CancellationToken cancellationToken = default) =>
        await DependencyAsync(id, claimId, "to_report", "from_report", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<DependencyResult> UpstreamAsync(string id, string? claimId = null, CancellationToken cancellationToken = default) =>
        await DependencyAsync(id, claimId, "from_report", "to_report", cancellationToken).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<CircularReportingResult> CircularReportingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        int nodes;
        await using (var count = Command(connection, "SELECT coalesce(max(id) + 1, 0) FROM report"))
        {
            nodes = (int)(await count.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        // The integer edge list, in graph order, streamed by binary COPY.
        var from = new List<int>();
        var to = new List<int>();
        var seq = new List<int>();
        await using (var export = await connection.BeginBinaryExportAsync("COPY (SELECT seq, from_report, to_report FROM citation ORDER BY seq) TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            while (await export.StartRowAsync(cancellationToken).ConfigureAwait(false) >= 0)
            {
                seq.Add(export.Read<int>());
                from.Add(export.Read<int>());
                to.Add(export.Read<int>());
            }
        }

        var start = new int[nodes + 1];
        foreach (var f in from)
        {
            start[f + 1]++;
        }

        for (var u = 0; u < nodes; u++)
        {
            start[u + 1] += start[u];
        }

        var next = (int[])start.Clone();
        var target = new int[from.Count];
        for (var i = 0; i < from.Count; i++)
        {
            target[next[from[i]]++] = to[i];
        }

        var component = GraphWalk.StronglyConnectedComponents(nodes, start, target, out _);

        // Only citations inside a component can lie on a cycle, overall or of one claim; the rest is never read again.
        var inside = new List<int>();
        for (var i = 0; i < from.Count; i++)
        {
            if (component[from[i]] == component[to[i]])
            {
                inside.Add(seq[i]);
            }
        }

        if (inside.Count == 0)
        {
            return new CircularReportingResult([], []);
        }

        var citations = await ReadAsync(connection, $"SELECT {CitationRow.Columns} FROM citation WHERE seq = ANY($1)", CitationRow.Read, cancellationToken, inside.ToArray()).ConfigureAwait(false);
        var slice = await SliceAsync(connection, [], citations, [], true, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return slice.CircularReporting();
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<TimelineError>> TimelineErrorsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var citations = await ReadAsync(
            connection,
            $"""
            SELECT {string.Join(", ", CitationRow.Columns.Split(", ").Select(c => "c." + c))}
            FROM citation c
            JOIN report f ON f.id = c.from_report
            LEFT JOIN report root ON root.id = f.cited_in
            JOIN report t ON t.id = c.to_report
            WHERE t.published > coalesce(f.published, root.published)
            """,
            CitationRow.Read,
            cancellationToken).ConfigureAwait(false);
        if (citations.Count == 0)
        {
            return [];
        }

        var slice = await SliceAsync(connection, [], citations, [], true, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return slice.TimelineErrors();
    }

    /// <summary>The mode an assertion keeps in a drift slice: attributed exactly when one of the kept citations starts at it.</summary>
    private static AssertionMode ModeFor(AssertionRow a, List<CitationRow> kept)
    {
        var cites = kept.Exists(c => c.From == a.ReportId);
        return cites ? AssertionMode.Attributed : a.Mode == AssertionMode.Unknown ? AssertionMode.Unknown : AssertionMode.Unattributed;
    }

    /// <summary>
    /// The slice a claim's trace walks: the reports the recursive CTE reaches, their assertions and citations of the claim,
    /// every first-hand assertion of it, and the reports, sources and affiliations those name: one batch, in one snapshot.
    /// </summary>
    private async Task<CitationGraph> TraceSliceAsync(string claimId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // Statements of one batch each take their own snapshot under read committed; repeatable read gives them one, so that a
        // batch committed meanwhile is seen by all of them or by none. Npgsql sends the BEGIN with the batch.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var sql in TraceSliceSql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = claimId });
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var claims = await Rows(reader, r => (Id: r.GetInt32(0), Value: new Claim(r.GetString(1), r.GetString(2))), cancellationToken).ConfigureAwait(false);
        if (claims.Count == 0)
        {
            throw new KeyNotFoundException($"No claim has the id '{claimId}'.");
        }

        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var citations = await Rows(reader, CitationRow.Read, cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var assertions = await Rows(reader, AssertionRow.Read, cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var reports = (await Rows(reader, ReportRow.Read, cancellationToken).ConfigureAwait(false)).ToDictionary(r => r.Id);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var sources = await Rows(reader, SourceRow.Read, cancellationToken).ConfigureAwait(false);
        await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
        var affiliations = await Rows(reader, r => (Id: r.GetInt32(0), Value: new Affiliation(r.GetString(1), r.GetString(2)) { Description = ReportRow.Text(r, 3) }), cancellationToken).ConfigureAwait(false);
        await reader.CloseAsync().ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var affiliationKey = affiliations.ToDictionary(a => a.Id, a => a.Value.Id);
        var sourceRows = sources.ToDictionary(
            s => s.Id,
            s => s.AffiliationId is { } a ? s with { Value = s.Value with { Affiliation = affiliationKey[a] } } : s);
        return BuildSlice(affiliations, sourceRows, claims, reports, assertions, citations, false);

        static async Task<List<T>> Rows<T>(NpgsqlDataReader reader, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        {
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
    }

    // The statements of a trace slice, each with the claim's key as $1 and the same recursive CTE: the part of a claim's citations a trace walks: from the explicit reports asserting the claim, along the claim's citations.
    // UNION (not UNION ALL) keeps each report once, so a citation cycle ends the recursion. Every table is read with the claim
    // id, so under Citus (assertion and citation distributed by claim) this is a single-shard query.
    private const string ClaimReach = """
        WITH RECURSIVE the_claim AS (SELECT id FROM claim WHERE key = $1),
        reach(report_id) AS (
            SELECT a.report_id FROM assertion a WHERE a.claim_id = (SELECT id FROM the_claim) AND NOT a.report_implicit
            UNION
            SELECT c.to_report FROM reach JOIN citation c ON c.claim_id = (SELECT id FROM the_claim) AND c.from_report = reach.report_id
        ),
        named(report_id) AS (
            SELECT report_id FROM reach
            UNION
            SELECT a.report_id FROM assertion a WHERE a.claim_id = (SELECT id FROM the_claim) AND a.mode = 0
        ),
        slice_reports(id) AS (
            SELECT report_id FROM named
            UNION
            SELECT r.cited_in FROM report r JOIN named ON r.id = named.report_id WHERE r.cited_in IS NOT NULL
        )
        """;

    private static readonly string[] TraceSliceSql =
    [
        "SELECT id, key, text FROM claim WHERE key = $1",
        ClaimReach + $"SELECT {CitationRow.Columns} FROM citation WHERE claim_id = (SELECT id FROM the_claim) AND from_report IN (SELECT report_id FROM reach)",
        ClaimReach + $"SELECT {AssertionRow.Columns} FROM assertion WHERE claim_id = (SELECT id FROM the_claim) AND report_id IN (SELECT report_id FROM named)",
        ClaimReach + $"SELECT {ReportRow.Columns} FROM report WHERE id IN (SELECT id FROM slice_reports)",
        ClaimReach + $"SELECT {SourceRow.Columns} FROM source WHERE id IN (SELECT r.source_id FROM report r WHERE r.id IN (SELECT id FROM slice_reports))",
        ClaimReach + "SELECT id, key, name, description FROM affiliation WHERE id IN (SELECT s.affiliation_id FROM source s WHERE s.id IN (SELECT r.source_id FROM report r WHERE r.id IN (SELECT id FROM slice_reports)))",
    ];

    private async Task<DependencyResult> DependencyAsync(string id, string? claimId, string near, string far, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        int[] start;
        if (await IdOfAsync(connection, "report", id, cancellationToken).ConfigureAwait(false) is { } report)
        {
            start = [report];
        }
        else if (await IdOfAsync(connection, "source", id, cancellationToken).ConfigureAwait(false) is { } source)
        {
            start = [.. await ReadAsync(connection, "SELECT id FROM report WHERE source_id = $1", r => r.GetInt32(0), cancellationToken, source).ConfigureAwait(false)];
        }
        else
        {
            throw new KeyNotFoundException($"No report or source has the id '{id}'.");
        }

        var claim = claimId is null ? -1 : await ClaimIdAsync(connection, claimId, cancellationToken).ConfigureAwait(false);
        var filter = claimId is null ? "" : " AND c.claim_id = $2";

        // Each report once (UNION), so cycles end the recursion. Nested loops over the impact index beat the hash joins the
        // planner picks for a large working table.
        await PostgreSqlSchema.Execute(connection, "SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off", cancellationToken).ConfigureAwait(false);
        var sql = $"""
            WITH RECURSIVE reach(report_id) AS (
                SELECT c.{far} FROM citation c WHERE c.{near} = ANY($1){filter}
                UNION
                SELECT c.{far} FROM reach JOIN citation c ON c.{near} = reach.report_id{filter}
            )
            SELECT r.id, r.key, s.id, s.key FROM reach JOIN report r ON r.id = reach.report_id JOIN source s ON s.id = r.source_id
            ORDER BY r.id
            """;
        var rows = claimId is null
            ? await ReadAsync(connection, sql, Dependent, cancellationToken, start).ConfigureAwait(false)
            : await ReadAsync(connection, sql, Dependent, cancellationToken, start, claim).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var reports = ImmutableArray.CreateBuilder<string>(rows.Count);
        var sources = new SortedDictionary<int, string>();
        foreach (var (_, reportKey, sourceId, sourceKey) in rows)
        {
            reports.Add(reportKey);
            sources.TryAdd(sourceId, sourceKey);
        }

        return new DependencyResult(id, reports.MoveToImmutable(), [.. sources.Values]);

        static (int, string, int, string) Dependent(NpgsqlDataReader r) => (r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetString(3));
    }
}
