using System.Collections.Immutable;
using Npgsql;

namespace Provenance.PostgreSql;

public sealed partial class PostgreSqlProvenanceStore
{
    /// <summary>The most rows (path prefixes) one trace's recursive walk may produce before the store refuses the trace.</summary>
    internal const long TraceWalkRows = 2_000_000;

    // End kinds as the trace statement codes them.
    private const int EndPrimary = 0;
    private const int EndCycle = 2;
    private const int EndUnattributed = 3;
    private const int EndNoFirstHand = 4;
    private const int EndDepthLimit = 5;

    // The claim ($1) and the reports a trace reaches from its explicit reports through attributed assertions, each once
    // (UNION), and the sources of those with a first-hand statement of the claim somewhere: what the primary sources are
    // made of. Every table is read with the claim id, so under Citus (assertion and citation distributed by claim) the
    // statement is a single-shard query.
    private const string ReachSql = """
        the_claim AS (SELECT id FROM claim WHERE key = $1),
        reach(report_id) AS (
            SELECT a.report_id FROM assertion a WHERE a.claim_id = (SELECT id FROM the_claim) AND NOT a.report_implicit
            UNION
            SELECT c.to_report FROM reach
            JOIN assertion a ON a.claim_id = (SELECT id FROM the_claim) AND a.report_id = reach.report_id AND a.mode = 1
            JOIN citation c ON c.claim_id = (SELECT id FROM the_claim) AND c.from_report = reach.report_id
        ),
        first_hand_sources AS (
            SELECT DISTINCT r.source_id FROM assertion a JOIN report r ON r.id = a.report_id
            WHERE a.claim_id = (SELECT id FROM the_claim) AND a.mode = 0
        ),
        primaries AS (
            SELECT DISTINCT r.source_id FROM reach
            JOIN assertion a ON a.claim_id = (SELECT id FROM the_claim) AND a.report_id = reach.report_id AND a.mode IN (0, 3)
            JOIN report r ON r.id = reach.report_id
            WHERE r.source_id IN (SELECT source_id FROM first_hand_sources)
        )
        """;

    // Row 0: the claim. Rows 3: the primary sources in graph order, with their affiliations.
    private const string ClaimAndPrimariesSql = """
        SELECT 0 AS row_kind, c.id::bigint AS a, NULL::integer AS b, NULL::integer AS c, NULL::integer[] AS seqs,
               c.key AS t1, c.text AS t2, NULL::text AS t3, NULL::text AS t4, NULL::text AS t5
        FROM claim c WHERE c.key = $1
        UNION ALL
        SELECT 3, s.id, NULL, NULL, NULL, s.key, af.key, NULL, NULL, NULL
        FROM primaries p JOIN source s ON s.id = p.source_id LEFT JOIN affiliation af ON af.id = s.affiliation_id
        """;

    // The trace of claim $1 in one statement (one snapshot): a recursive CTE walks every chain, depth first in effect: each
    // row is a path from an explicit report asserting the claim, along the claim's citations, through reports whose assertion
    // is attributed, to at most $2 (MaxDepth) hops. CYCLE marks a row whose report is already on its path (the closing hop of
    // a cycle) and walks no further from it. A row ends a chain when its report does not go on: first-hand (primary source),
    // unknown (primary source when the report's source states the claim first-hand anywhere, otherwise no first-hand
    // statement), unattributed or missing (dead end), a cycle, or an attributed report at the depth limit. Chains are
    // numbered in trace order (starting report, then the citation positions of the path, which is depth-first order
    // following citations in graph order, since no chain is a prefix of another); those within $4 (MaxChains) and whose
    // running hop total is within $5 (MaxTotalHops) are kept, with their hops; the rest are counted. The walk is cut at $3
    // rows, which the caller reports.
    private static readonly string TraceSql = $"""
        WITH RECURSIVE
        {ReachSql},
        walk(start_id, report_id, depth, seqs) AS (
            SELECT a.report_id, a.report_id, 0, ARRAY[]::integer[]
            FROM assertion a WHERE a.claim_id = (SELECT id FROM the_claim) AND NOT a.report_implicit
            UNION ALL
            SELECT w.start_id, c.to_report, w.depth + 1, w.seqs || c.seq
            FROM walk w
            JOIN assertion a ON a.claim_id = (SELECT id FROM the_claim) AND a.report_id = w.report_id AND a.mode = 1
            JOIN citation c ON c.claim_id = (SELECT id FROM the_claim) AND c.from_report = w.report_id
            WHERE w.depth < $2
        ) CYCLE report_id SET is_cycle USING path,
        bounded AS MATERIALIZED (SELECT start_id, report_id, depth, seqs, is_cycle FROM walk LIMIT $3),
        ended AS (
            SELECT b.start_id, b.report_id, b.depth, b.seqs,
                CASE
                    WHEN b.is_cycle THEN {EndCycle}
                    WHEN a.mode = 0 THEN {EndPrimary}
                    WHEN a.mode = 3 THEN CASE WHEN fh.report_id IS NULL THEN {EndNoFirstHand} ELSE {EndPrimary} END
                    WHEN a.mode = 1 AND EXISTS (
                        SELECT 1 FROM citation c WHERE c.claim_id = (SELECT id FROM the_claim) AND c.from_report = b.report_id)
                        THEN CASE WHEN b.depth >= $2 THEN {EndDepthLimit} END
                    ELSE {EndUnattributed}
                END AS end_kind,
                CASE WHEN NOT b.is_cycle AND a.mode = 0 THEN b.report_id WHEN NOT b.is_cycle THEN fh.report_id END AS first_hand
            FROM bounded b
            LEFT JOIN assertion a ON a.claim_id = (SELECT id FROM the_claim) AND a.report_id = b.report_id
            LEFT JOIN LATERAL (
                SELECT min(f.report_id) AS report_id FROM assertion f JOIN report fr ON fr.id = f.report_id
                WHERE a.mode = 3 AND NOT b.is_cycle AND f.claim_id = (SELECT id FROM the_claim) AND f.mode = 0
                  AND fr.source_id = (SELECT r.source_id FROM report r WHERE r.id = b.report_id)
            ) fh ON true
        ),
        numbered AS (
            SELECT e.*, row_number() OVER w AS n, sum(e.depth) OVER w AS hops
            FROM ended e WHERE e.end_kind IS NOT NULL
            WINDOW w AS (ORDER BY e.start_id, e.seqs ROWS UNBOUNDED PRECEDING)
        ),
        kept AS (SELECT * FROM numbered WHERE n <= $4 AND hops <= $5)
        {ClaimAndPrimariesSql}
        UNION ALL
        SELECT 1, k.n, k.end_kind, NULL, k.seqs, sr.key, ss.key, er.key, es.key, fr.key
        FROM kept k
        JOIN report sr ON sr.id = k.start_id JOIN source ss ON ss.id = sr.source_id
        JOIN report er ON er.id = k.report_id JOIN source es ON es.id = er.source_id
        LEFT JOIN report fr ON fr.id = k.first_hand
        UNION ALL
        SELECT 2, h.seq, c.kind, c.hedge, NULL, fr.key, tr.key, ts.key, c.evidence, NULL
        FROM (SELECT DISTINCT unnest(seqs) AS seq FROM kept) h
        JOIN citation c ON c.claim_id = (SELECT id FROM the_claim) AND c.seq = h.seq
        JOIN report fr ON fr.id = c.from_report JOIN report tr ON tr.id = c.to_report JOIN source ts ON ts.id = tr.source_id
        UNION ALL
        SELECT 4, (SELECT count(*) FROM numbered), (SELECT count(*) FROM bounded)::integer, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        ORDER BY row_kind, a
        """;

    private static readonly string PrimariesSql = $"""
        WITH RECURSIVE
        {ReachSql}
        {ClaimAndPrimariesSql}
        ORDER BY row_kind, a
        """;

    /// <inheritdoc />
    /// <remarks>
    /// The walk is one recursive CTE in PostgreSQL (see the remarks on the class); a claim whose walk passes two million paths
    /// is refused with a <see cref="ProvenanceException"/> naming <see cref="TraceOptions.MaxDepth"/>, where the in-memory
    /// trace would count the chains it leaves out.
    /// </remarks>
    public async Task<TraceResult> TraceAsync(string claimId, TraceOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        options ??= new TraceOptions();
        options.Validate();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, TraceSql, claimId, options.MaxDepth, TraceWalkRows + 1, (long)options.MaxChains, options.MaxTotalHops);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var (claim, more) = await ReadClaimAsync(reader, claimId, cancellationToken).ConfigureAwait(false);
        var chains = new List<(int End, int[] Seqs, string Start, string StartSource, string Report, string Source, string? FirstHand)>();
        var hops = new Dictionary<int, TraceHop>();
        var primaries = new List<(string Source, string? Affiliation)>();
        long total = 0;
        long walked = 0;
        for (; more; more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            switch (reader.GetInt32(0))
            {
                case 1:
                    chains.Add((reader.GetInt32(2), reader.GetFieldValue<int[]>(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), ReportRow.Text(reader, 9)));
                    break;
                case 2:
                    var citation = new Citation(reader.GetString(5), reader.GetString(6), claimId, (CitationKind)reader.GetInt32(2), (Hedge)reader.GetInt32(3), ReportRow.Text(reader, 8));
                    hops.Add((int)reader.GetInt64(1), new TraceHop(citation, reader.GetString(7)));
                    break;
                case 3:
                    primaries.Add((reader.GetString(5), ReportRow.Text(reader, 6)));
                    break;
                default:
                    total = reader.GetInt64(1);
                    walked = reader.GetInt32(2);
                    break;
            }
        }

        if (walked > TraceWalkRows)
        {
            throw new ProvenanceException(PostgreSqlMessages.TraceTooLarge(claimId, TraceWalkRows));
        }

        var result = ImmutableArray.CreateBuilder<TraceChain>(chains.Count);
        foreach (var c in chains)
        {
            var path = ImmutableArray.CreateBuilder<TraceHop>(c.Seqs.Length);
            foreach (var seq in c.Seqs)
            {
                path.Add(hops[seq]);
            }

            var end = c.End switch
            {
                EndPrimary => new TraceEnd(ChainEndKind.PrimarySource, c.Report, c.Source, null, c.FirstHand),
                EndCycle => new TraceEnd(ChainEndKind.Cycle, c.Report, c.Source),
                EndNoFirstHand => new TraceEnd(ChainEndKind.DeadEnd, c.Report, c.Source, DeadEndReason.NoFirstHandStatement),
                EndDepthLimit => new TraceEnd(ChainEndKind.DeadEnd, c.Report, c.Source, DeadEndReason.DepthLimit),
                _ => new TraceEnd(ChainEndKind.DeadEnd, c.Report, c.Source, DeadEndReason.UnattributedAssertion),
            };
            result.Add(new TraceChain(c.Start, c.StartSource, path.MoveToImmutable(), end));
        }

        var sources = primaries.Select(p => p.Source).ToImmutableArray();
        return new TraceResult(claim, result.MoveToImmutable(), total - chains.Count, true, sources, Origins(claim, primaries));
    }

    /// <inheritdoc />
    public async Task<ImmutableArray<string>> PrimarySourcesAsync(string claimId, CancellationToken cancellationToken = default) =>
        [.. (await PrimariesAsync(claimId, cancellationToken).ConfigureAwait(false)).Primaries.Select(p => p.Source)];

    /// <inheritdoc />
    public async Task<IndependentOriginsResult> IndependentOriginsAsync(string claimId, CancellationToken cancellationToken = default)
    {
        var (claim, primaries) = await PrimariesAsync(claimId, cancellationToken).ConfigureAwait(false);
        return Origins(claim, primaries);
    }

    /// <summary>The claim's key and its primary sources (with their affiliations) in graph order, from one statement.</summary>
    private async Task<(string Claim, List<(string Source, string? Affiliation)> Primaries)> PrimariesAsync(string claimId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, PrimariesSql, claimId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var (claim, more) = await ReadClaimAsync(reader, claimId, cancellationToken).ConfigureAwait(false);
        var primaries = new List<(string, string?)>();
        for (; more; more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            primaries.Add((reader.GetString(5), ReportRow.Text(reader, 6)));
        }

        return (claim, primaries);
    }

    /// <summary>Reads the claim row that heads a trace statement's result, or throws when there is none.</summary>
    /// <returns>The claim's key, and whether the reader is on a next row.</returns>
    private static async Task<(string Claim, bool More)> ReadClaimAsync(NpgsqlDataReader reader, string claimId, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false) || reader.GetInt32(0) != 0)
        {
            throw new KeyNotFoundException($"No claim has the id '{claimId}'.");
        }

        var claim = reader.GetString(5);
        return (claim, await reader.ReadAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// The independent origins over primary sources in graph order: one group per affiliation, ordered by its first source,
    /// and a group of its own for each source without affiliation.
    /// </summary>
    private static IndependentOriginsResult Origins(string claim, List<(string Source, string? Affiliation)> primaries)
    {
        var groups = new List<(string? Affiliation, ImmutableArray<string>.Builder Sources)>();
        var byAffiliation = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (source, affiliation) in primaries)
        {
            if (affiliation is null)
            {
                groups.Add((null, ImmutableArray.CreateBuilder<string>()));
                groups[^1].Sources.Add(source);
            }
            else if (byAffiliation.TryGetValue(affiliation, out var g))
            {
                groups[g].Sources.Add(source);
            }
            else
            {
                byAffiliation[affiliation] = groups.Count;
                groups.Add((affiliation, ImmutableArray.CreateBuilder<string>()));
                groups[^1].Sources.Add(source);
            }
        }

        return new IndependentOriginsResult(claim, [.. groups.Select(g => new OriginGroup(g.Affiliation, g.Sources.ToImmutable()))]);
    }
}
