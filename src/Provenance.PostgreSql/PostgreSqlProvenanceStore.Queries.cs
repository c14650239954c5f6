using System.Collections.Immutable;
using Npgsql;

namespace Provenance.PostgreSql;

public sealed partial class PostgreSqlProvenanceStore
{
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

    private async Task<DependencyResult> DependencyAsync(string id, string? claimId, string near, string far, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        var report = await IdOfAsync(connection, "report", id, cancellationToken).ConfigureAwait(false);
        var source = report is null ? await IdOfAsync(connection, "source", id, cancellationToken).ConfigureAwait(false) : null;
        if (report is null && source is null)
        {
            throw new KeyNotFoundException($"No report or source has the id '{id}'.");
        }

        var claim = claimId is null ? -1 : await ClaimIdAsync(connection, claimId, cancellationToken).ConfigureAwait(false);

        // One statement: the start (the report, or every report of the source) is found in the database rather than sent as
        // an array. Each report once (UNION), so cycles end the recursion. Both terms probe the impact index once per report
        // through a LATERAL subquery that OFFSET 0 keeps from being flattened: a nested loop whatever the planner guesses of
        // the working table (hash joins over the whole citation table per step are what make the default plan slow). The
        // reports reached are sorted by id (integers) and their rows fetched by id in that order, again through an unflattened
        // LATERAL: the import writes reports in id order and later writes append, so the fetches walk the table forwards.
        // Joined as a set, the planner (which guesses the closure at many times its size) hashes the whole report table
        // instead, in batches spilled to disk under the small work_mem below (figures in the benchmarks' postgresql.md).
        // Graph order is restored here, since the join with the sources does not promise to keep the sort's.
        var filter = claimId is null ? "" : " AND c.claim_id = $3";
        var sql = $"""
            WITH RECURSIVE reach(report_id) AS (
                SELECT x.report_id
                FROM (SELECT $1 AS id WHERE $1 >= 0 UNION ALL SELECT r.id FROM report r WHERE r.source_id = $2) s,
                    LATERAL (SELECT c.{far} AS report_id FROM citation c WHERE c.{near} = s.id{filter} OFFSET 0) x
                UNION
                SELECT x.report_id FROM reach, LATERAL (SELECT c.{far} AS report_id FROM citation c WHERE c.{near} = reach.report_id{filter} OFFSET 0) x
            )
            SELECT r.id, r.key, s.id, s.key
            FROM (SELECT report_id FROM reach ORDER BY report_id) o,
                LATERAL (SELECT r.id, r.key, r.source_id FROM report r WHERE r.id = o.report_id OFFSET 0) r
            JOIN source s ON s.id = r.source_id
            """;

        // PostgreSQL sizes the recursive UNION's hash table up front from its estimate of the closure, which for a recursive CTE
        // is many times the real size, capped by work_mem times hash_mem_multiplier; the table is allocated and zeroed before
        // the first row, so a large work_mem (64MB gave 1 to 1.5 s at 1M citations) is paid on every call, however small the
        // closure. A modest work_mem keeps that cost small; a closure larger than it grows the table or spills the final join.
        await PostgreSqlSchema.Execute(connection, "SET LOCAL work_mem = '8MB'", cancellationToken).ConfigureAwait(false);
        var rows = claimId is null
            ? await ReadAsync(connection, sql, Dependent, cancellationToken, report ?? -1, source ?? -1).ConfigureAwait(false)
            : await ReadAsync(connection, sql, Dependent, cancellationToken, report ?? -1, source ?? -1, claim).ConfigureAwait(false);
        rows.Sort((a, b) => a.Item1.CompareTo(b.Item1));
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
