using System.Collections.Immutable;
using Npgsql;

namespace Provenance.PostgreSql;

public sealed partial class PostgreSqlProvenanceStore
{
    /// <summary>
    /// Writes a whole graph into the store's empty schema by binary COPY, in one transaction: the secondary indexes are dropped
    /// first and built again after the rows, which is faster than maintaining them row by row.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="cancellationToken">Cancels the import; nothing is written.</param>
    /// <returns>A task that completes when the graph is committed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The graph holds a value PostgreSQL cannot store exactly (a NUL character, a sub-microsecond time).</exception>
    /// <exception cref="ProvenanceException">The schema already holds a graph.</exception>
    public async Task ImportAsync(CitationGraph graph, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (Storable.MayHoldUnstorable(graph))
        {
            var problems = Storable.Check(
                Storable.Items(graph.Affiliations.Length, i => graph.Affiliations[i]),
                Storable.Items(graph.Sources.Length, i => graph.Sources[i]),
                Storable.Items(graph.Claims.Length, i => graph.Claims[i]),
                Storable.Items(graph.Reports.Length, i => graph.Reports[i]),
                Storable.Items(graph.Assertions.Length, i => graph.Assertions[i]),
                Storable.Items(graph.Citations.Length, i => graph.Citations[i]));
            if (problems.Count > 0)
            {
                throw new GraphValidationException(problems);
            }
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockWritersAsync(connection, cancellationToken).ConfigureAwait(false);
        await using (var empty = Command(connection, "SELECT NOT (EXISTS (SELECT 1 FROM affiliation) OR EXISTS (SELECT 1 FROM source) OR EXISTS (SELECT 1 FROM claim) OR EXISTS (SELECT 1 FROM report))"))
        {
            if (!(bool)(await empty.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                throw new ProvenanceException(PostgreSqlMessages.NotEmpty(schema));
            }
        }

        // The tables are empty: truncating them in this transaction lets COPY write frozen rows (no hint bits to set, nothing
        // for vacuum to freeze later), and every index and key constraint is built once after the rows rather than row by row.
        await PostgreSqlSchema.ExecuteUnbounded(connection, "TRUNCATE affiliation, source, claim, report, assertion, citation", cancellationToken).ConfigureAwait(false);
        foreach (var (name, _) in PostgreSqlSchema.SecondaryIndexes)
        {
            await PostgreSqlSchema.Execute(connection, $"DROP INDEX IF EXISTS {name}", cancellationToken).ConfigureAwait(false);
        }

        foreach (var (drop, _) in PostgreSqlSchema.BulkConstraints)
        {
            await PostgreSqlSchema.Execute(connection, drop, cancellationToken).ConfigureAwait(false);
        }

        var affiliations = graph.Affiliations;
        var sources = graph.Sources;
        await CopyAsync(connection, RowCopy.Affiliations + RowCopy.BinaryFrozen, affiliations.Length, (w, i) => RowCopy.Affiliation(w, i, affiliations[i]), cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, RowCopy.Sources + RowCopy.BinaryFrozen, sources.Length, (w, i) =>
        {
            var a = graph.SourceAffiliation[i];
            RowCopy.Source(w, i, sources[i], a < 0 ? null : a);
        }, cancellationToken).ConfigureAwait(false);
        var claims = graph.Claims;
        await CopyAsync(connection, RowCopy.Claims + RowCopy.BinaryFrozen, claims.Length, (w, i) => RowCopy.Claim(w, i, claims[i]), cancellationToken).ConfigureAwait(false);
        var reports = graph.Reports;
        await CopyAsync(connection, RowCopy.Reports + RowCopy.BinaryFrozen, reports.Length, (w, i) =>
        {
            var citedIn = graph.CitedIn(i);
            RowCopy.Report(w, i, reports[i], graph.ReportSource[i], citedIn < 0 ? null : citedIn);
        }, cancellationToken).ConfigureAwait(false);

        // The two large tables straight from the graph's columns: positions are the integer keys, so no id is looked up.
        await CopyAsync(connection, RowCopy.Assertions + RowCopy.BinaryFrozen, graph.AssertionReport.Length, (w, i) =>
        {
            var report = graph.AssertionReport[i];
            RowCopy.Assertion(w, i, graph.AssertionClaim[i], report, graph.IsImplicit(report), graph.ModeOf(i), graph.WordingOf(i));
        }, cancellationToken).ConfigureAwait(false);
        await CopyAsync(connection, RowCopy.Citations + RowCopy.BinaryFrozen, graph.CitationFrom.Length, (w, i) =>
            RowCopy.Citation(w, i, graph.CitationClaim[i], graph.CitationFrom[i], graph.CitationTo[i], graph.KindOf(i), graph.HedgeOf(i), graph.EvidenceOf(i)),
            cancellationToken).ConfigureAwait(false);

        await PostgreSqlSchema.Execute(connection, "SET LOCAL maintenance_work_mem = '512MB'", cancellationToken).ConfigureAwait(false);
        foreach (var (_, add) in PostgreSqlSchema.BulkConstraints)
        {
            await PostgreSqlSchema.ExecuteUnbounded(connection, add, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (name, definition) in PostgreSqlSchema.SecondaryIndexes)
        {
            await PostgreSqlSchema.ExecuteUnbounded(connection, $"CREATE INDEX {name} ON {definition}", cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        await PostgreSqlSchema.ExecuteUnbounded(connection, "ANALYZE affiliation, source, claim, report, assertion, citation", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CitationGraph> ExportAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);

        var affiliations = await ExportRowsAsync(connection, "SELECT key, name, description FROM affiliation ORDER BY id", r =>
            new Affiliation(r.Read<string>(), r.Read<string>()) { Description = Text(r) }, cancellationToken).ConfigureAwait(false);
        var sources = await ExportRowsAsync(connection, "SELECT key, name, kind, aliases, country, affiliation_id, url FROM source ORDER BY id", r =>
        {
            var s = new Source(r.Read<string>(), r.Read<string>(), (SourceKind)r.Read<short>()) { Aliases = [.. r.Read<string[]>()], Country = Text(r) };
            var a = Int(r);
            return s with { Affiliation = a is { } id ? affiliations[id].Id : null, Url = Text(r) };
        }, cancellationToken).ConfigureAwait(false);
        var claims = await ExportRowsAsync(connection, "SELECT key, text, contradicts FROM claim ORDER BY id", r =>
            new Claim(r.Read<string>(), r.Read<string>()) { Contradicts = [.. r.Read<string[]>()] }, cancellationToken).ConfigureAwait(false);
        var rows = await ExportRowsAsync(connection, "SELECT key, source_id, kind, title, published, published_offset, url, language, cited_in FROM report ORDER BY id", r =>
        {
            var key = r.Read<string>();
            var source = r.Read<int>();
            var kind = (ReportKind)r.Read<short>();
            var title = Text(r);
            DateTimeOffset? published = null;
            if (r.IsNull)
            {
                r.Skip();
                r.Skip();
            }
            else
            {
                var utc = r.Read<DateTime>();
                published = new DateTimeOffset(utc).ToOffset(TimeSpan.FromMinutes(r.Read<short>()));
            }

            var report = new Report(key, sources[source].Id, kind) { Title = title, Published = published, Url = Text(r), Language = Text(r) };
            return (Report: report, CitedIn: Int(r));
        }, cancellationToken).ConfigureAwait(false);
        var reports = rows.Select(p => p.CitedIn is { } ci ? p.Report with { CitedIn = rows[ci].Report.Id } : p.Report).ToList();
        var assertions = await ExportRowsAsync(connection, "SELECT report_id, claim_id, mode, wording FROM assertion ORDER BY seq", r =>
            new Assertion(reports[r.Read<int>()].Id, claims[r.Read<int>()].Id, (AssertionMode)r.Read<short>(), Text(r)), cancellationToken).ConfigureAwait(false);
        var citations = await ExportRowsAsync(connection, "SELECT from_report, to_report, claim_id, kind, hedge, evidence FROM citation ORDER BY seq", r =>
            new Citation(reports[r.Read<int>()].Id, reports[r.Read<int>()].Id, claims[r.Read<int>()].Id, (CitationKind)r.Read<short>(), (Hedge)r.Read<short>(), Text(r)), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);

        var builder = new CitationGraphBuilder(SliceOptions());
        GraphCopy.AddTo(builder, affiliations, sources, claims, reports, assertions, citations);
        return builder.Build();

        static string? Text(NpgsqlBinaryExporter r)
        {
            if (r.IsNull)
            {
                r.Skip();
                return null;
            }

            return r.Read<string>();
        }

        static int? Int(NpgsqlBinaryExporter r)
        {
            if (r.IsNull)
            {
                r.Skip();
                return null;
            }

            return r.Read<int>();
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string copy, int count, Action<NpgsqlBinaryImporter, int> row, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(copy, cancellationToken).ConfigureAwait(false);

        // No timeout (zero is infinite here): the connection's command timeout would cancel a large table's COPY at its end.
        writer.Timeout = TimeSpan.Zero;
        for (var i = 0; i < count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            row(writer, i);
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<T>> ExportRowsAsync<T>(NpgsqlConnection connection, string query, Func<NpgsqlBinaryExporter, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await connection.BeginBinaryExportAsync($"COPY ({query}) TO STDOUT (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        while (reader.StartRow() >= 0)
        {
            if ((rows.Count & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Serialises writers of one schema: validation and key allocation see every committed batch. Readers never wait.</summary>
    private async Task LockWritersAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        await PostgreSqlSchema.Execute(connection, "SELECT pg_advisory_xact_lock(hashtext('provenance-write:' || $1))", cancellationToken, schema).ConfigureAwait(false);
}
