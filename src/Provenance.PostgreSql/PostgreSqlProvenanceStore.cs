using System.Collections.Immutable;
using Npgsql;

namespace Provenance.PostgreSql;

/// <summary>
/// An <see cref="IProvenanceStore"/> in a PostgreSQL database: the graph in integer-keyed tables (created and migrated by the
/// store), imported and exported by binary COPY, written one batch per transaction and queried with the same results, in the
/// same order, as <see cref="CitationGraphQueries"/> on the graph it holds. Thread-safe; many stores (in many processes) may
/// share one database.
/// </summary>
/// <remarks>
/// A claim's queries read only that claim's assertions and citations, so with assertion and citation distributed by claim
/// under Citus each is a single-shard query. The trace is one statement: a recursive CTE walks the chains (with
/// <c>CYCLE ... SET ... USING</c> for the cycles and the depth limit in its recursive term), orders them in trace order and
/// applies <see cref="TraceOptions.MaxChains"/> and <see cref="TraceOptions.MaxTotalHops"/> with window functions; primary
/// sources and independent origins come from a second recursive CTE over the reports the claim reaches. Downstream and upstream
/// are recursive CTEs too. Drift, circular reporting and timeline errors read the rows they need (circular reporting streams
/// the integer edge list by binary COPY and runs the library's Tarjan) and assemble them into a small
/// <see cref="CitationGraph"/> that keeps graph order, on which the in-memory query runs. No message of the store holds the
/// connection's password.
/// </remarks>
public sealed partial class PostgreSqlProvenanceStore : IProvenanceStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly bool ownsDataSource;
    private readonly string schema;
    private readonly bool allowTimelineErrors;
    private readonly Lazy<Task> migration;

    /// <summary>Creates a store from options; the schema is created or migrated on first use.</summary>
    /// <param name="options">The connection string, schema and write rules.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are not valid (see <see cref="ProvenancePostgreSqlOptions.Validate"/>).</exception>
    public PostgreSqlProvenanceStore(ProvenancePostgreSqlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = new NpgsqlDataSourceBuilder(PostgreSqlConnectionStrings.Normalize(options.ConnectionString));
        builder.ConnectionStringBuilder.SearchPath = options.Schema;

        // The store sends a few fixed statements over and over (a trace is one long statement): prepared once per connection,
        // they are parsed and planned once, not on every call. A connection string that sets Max Auto Prepare keeps its value.
        if (builder.ConnectionStringBuilder.MaxAutoPrepare == 0)
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = 64;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        // JIT compilation is for long scans over many rows. PostgreSQL decides on it from cost estimates, and its estimates for
        // the store's recursive CTEs are tens of times the real work, so every downstream query and many traces paid 0.3 to
        // 0.5 s of LLVM compilation for statements whose work is index probes. Off for the store's sessions (a startup
        // option, so no extra round trip); a connection string that names jit in its Options keeps its own choice.
        var startup = builder.ConnectionStringBuilder.Options;
        if (startup is null || !startup.Contains("jit", StringComparison.Ordinal))
        {
            builder.ConnectionStringBuilder.Options = string.IsNullOrWhiteSpace(startup) ? "-c jit=off" : startup + " -c jit=off";
        }

        dataSource = builder.Build();
        ownsDataSource = true;
        schema = options.Schema;
        allowTimelineErrors = options.AllowTimelineErrors;
        migration = new Lazy<Task>(() => PostgreSqlSchema.MigrateAsync(dataSource, schema, CancellationToken.None));
    }

    /// <summary>The PostgreSQL schema the store's tables live in.</summary>
    public string Schema => schema;

    /// <summary>The schema version this library creates and reads.</summary>
    public static int SchemaVersion => PostgreSqlSchema.Version;

    /// <summary>Opens a store and creates or migrates its schema.</summary>
    /// <param name="connectionString">An Npgsql connection string or a <c>postgresql://</c> URI.</param>
    /// <param name="schema">The schema the tables live in. Default: <c>provenance</c>.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The store, ready.</returns>
    /// <exception cref="ArgumentException">The connection string or schema name is not valid.</exception>
    /// <exception cref="NpgsqlException">The database cannot be reached.</exception>
    public static async Task<PostgreSqlProvenanceStore> OpenAsync(string connectionString, string schema = "provenance", CancellationToken cancellationToken = default)
    {
        var store = new PostgreSqlProvenanceStore(new ProvenancePostgreSqlOptions { ConnectionString = connectionString, Schema = schema });
        try
        {
            await store.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            return store;
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the schema if absent and applies any migration not yet applied. Idempotent and safe to call concurrently.</summary>
    /// <param name="cancellationToken">Cancels the wait (the migration itself finishes or rolls back on its own).</param>
    /// <returns>A task that completes when the schema is current.</returns>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => migration.Value.WaitAsync(cancellationToken);

    /// <summary>Drops the store's schema and everything in it. Meant for tests and throwaway databases.</summary>
    /// <param name="cancellationToken">Cancels the drop.</param>
    /// <returns>A task that completes when the schema is gone.</returns>
    public async Task DropSchemaAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PostgreSqlSchema.Execute(connection, $"DROP SCHEMA IF EXISTS {schema} CASCADE", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (ownsDataSource)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsDataSource)
        {
            dataSource.Dispose();
        }
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return command;
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static async Task<int?> IdOfAsync(NpgsqlConnection connection, string table, string key, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, $"SELECT id FROM {table} WHERE key = $1", key);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int id ? id : null;
    }

    private static async Task<int> ClaimIdAsync(NpgsqlConnection connection, string claimId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        return await IdOfAsync(connection, "claim", claimId, cancellationToken).ConfigureAwait(false)
            ?? throw new KeyNotFoundException($"No claim has the id '{claimId}'.");
    }

    private GraphBuildOptions SliceOptions() => new()
    {
        AllowTimelineErrors = true,
        Limits = new GraphLimits { MaxNodes = int.MaxValue, MaxCitations = int.MaxValue },
    };

    private static ImmutableArray<GraphDiagnostic> Problems(List<GraphDiagnostic> problems) => [.. problems];
}
