using Npgsql;

namespace Provenance.PostgreSql;

/// <summary>
/// The store's tables and their versioned migrations. Keys are integers: every element's key is its position in graph
/// order, so <c>ORDER BY</c> a key is graph order. Affiliation, source and claim are small (Citus reference tables);
/// report, assertion and citation grow, and assertion and citation carry the claim id so that they can be distributed by
/// claim and co-located (see <c>Sql/citus.sql</c>).
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>The indexes beyond the primary keys: dropped before a bulk import and created again after it.</summary>
    public static readonly (string Name, string Definition)[] SecondaryIndexes =
    [
        // Trace: a claim's citations by citing report (the recursive step), covering the target and graph position.
        ("citation_trace", "citation (claim_id, from_report) INCLUDE (to_report, seq)"),

        // Impact: who cites a report (downstream), for any claim.
        ("citation_cited", "citation (to_report) INCLUDE (from_report, claim_id)"),

        // Upstream: what a report cites, for any claim.
        ("citation_citing", "citation (from_report) INCLUDE (to_report, claim_id)"),

        // First-hand look-ups: the reports stating a claim first-hand (mode 0), and the explicit starting reports.
        ("assertion_first_hand", "assertion (claim_id, report_id) WHERE mode = 0"),
        ("assertion_report", "assertion (report_id)"),
        ("report_source", "report (source_id)"),
        ("report_cited_in", "report (cited_in) WHERE cited_in IS NOT NULL"),
    ];

    /// <summary>
    /// The keys and unique indexes of the large tables, as the migrations create them: a bulk import into empty tables drops
    /// them before its COPY and adds them again, under the same names, after it (one sorted build instead of a B-tree insert
    /// per row).
    /// </summary>
    public static readonly (string Drop, string Add)[] BulkConstraints =
    [
        ("ALTER TABLE report DROP CONSTRAINT report_pkey, DROP CONSTRAINT report_key_key",
            "ALTER TABLE report ADD CONSTRAINT report_pkey PRIMARY KEY (id), ADD CONSTRAINT report_key_key UNIQUE (key)"),
        ("ALTER TABLE assertion DROP CONSTRAINT assertion_pkey", "ALTER TABLE assertion ADD CONSTRAINT assertion_pkey PRIMARY KEY (claim_id, report_id)"),
        ("ALTER TABLE citation DROP CONSTRAINT citation_pkey", "ALTER TABLE citation ADD CONSTRAINT citation_pkey PRIMARY KEY (claim_id, seq)"),
        ("DROP INDEX assertion_seq", "CREATE UNIQUE INDEX assertion_seq ON assertion (seq, claim_id)"),
        ("DROP INDEX citation_seq", "CREATE UNIQUE INDEX citation_seq ON citation (seq, claim_id)"),
    ];

    /// <summary>The migrations, in order; version <c>i + 1</c> is <c>Migrations[i]</c>. Never edit one that has shipped: add the next.</summary>
    public static readonly string[] Migrations =
    [
        """
        CREATE TABLE affiliation (
            id          integer PRIMARY KEY,
            key         text    NOT NULL UNIQUE,
            name        text    NOT NULL,
            description text
        );
        CREATE TABLE source (
            id             integer  PRIMARY KEY,
            key            text     NOT NULL UNIQUE,
            name           text     NOT NULL,
            kind           smallint NOT NULL,
            aliases        text[]   NOT NULL,
            country        text,
            affiliation_id integer,
            url            text
        );
        CREATE TABLE claim (
            id          integer PRIMARY KEY,
            key         text    NOT NULL UNIQUE,
            text        text    NOT NULL,
            contradicts text[]  NOT NULL
        );
        CREATE TABLE report (
            id               integer  PRIMARY KEY,
            key              text     NOT NULL UNIQUE,
            source_id        integer  NOT NULL,
            kind             smallint NOT NULL,
            title            text,
            published        timestamptz,
            published_offset smallint,
            url              text,
            language         text,
            cited_in         integer
        );
        CREATE TABLE assertion (
            claim_id        integer  NOT NULL,
            report_id       integer  NOT NULL,
            seq             integer  NOT NULL,
            report_implicit boolean  NOT NULL,
            mode            smallint NOT NULL,
            wording         text,
            PRIMARY KEY (claim_id, report_id)
        );
        CREATE TABLE citation (
            claim_id    integer  NOT NULL,
            seq         integer  NOT NULL,
            from_report integer  NOT NULL,
            to_report   integer  NOT NULL,
            kind        smallint NOT NULL,
            hedge       smallint NOT NULL,
            evidence    text,
            PRIMARY KEY (claim_id, seq)
        );
        CREATE UNIQUE INDEX assertion_seq ON assertion (seq, claim_id);
        CREATE UNIQUE INDEX citation_seq ON citation (seq, claim_id);
        """,
        string.Concat(SecondaryIndexes.Select(i => $"CREATE INDEX {i.Name} ON {i.Definition};\n")),
    ];

    /// <summary>The current schema version: the number of migrations.</summary>
    public static int Version => Migrations.Length;

    /// <summary>
    /// Creates the schema and its tables if absent and applies every migration not yet applied, in one transaction
    /// under an advisory lock, so concurrent callers migrate once.
    /// </summary>
    public static async Task MigrateAsync(NpgsqlDataSource dataSource, string schema, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, "SELECT pg_advisory_xact_lock(hashtext('provenance-migrate:' || $1))", cancellationToken, schema).ConfigureAwait(false);
        await Execute(connection, $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_version (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now());
            """, cancellationToken).ConfigureAwait(false);

        int current;
        await using (var command = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {schema}.schema_version", connection))
        {
            current = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }

        if (current > Version)
        {
            throw new ProvenanceException(PostgreSqlMessages.SchemaTooNew(schema, current, Version));
        }

        await Execute(connection, $"SET LOCAL search_path TO {schema}", cancellationToken).ConfigureAwait(false);
        for (var v = current + 1; v <= Version; v++)
        {
            await Execute(connection, Migrations[v - 1], cancellationToken).ConfigureAwait(false);
            await Execute(connection, $"INSERT INTO {schema}.schema_version (version) VALUES ($1)", cancellationToken, v).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters) =>
        Execute(connection, sql, null, cancellationToken, parameters);

    /// <summary>
    /// A statement whose time grows with the graph (a bulk import's keys, indexes and ANALYZE): no command timeout, since the
    /// connection's (30 s by default) would cancel them at a size the import is meant for; the token still cancels them.
    /// </summary>
    internal static Task ExecuteUnbounded(NpgsqlConnection connection, string sql, CancellationToken cancellationToken) =>
        Execute(connection, sql, 0, cancellationToken);

    private static async Task Execute(NpgsqlConnection connection, string sql, int? timeout, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (timeout is { } seconds)
        {
            command.CommandTimeout = seconds;
        }

        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
