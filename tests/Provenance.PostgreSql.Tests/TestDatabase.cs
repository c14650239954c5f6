using Provenance.Testing;

namespace Provenance.PostgreSql.Tests;

/// <summary>
/// The throwaway PostgreSQL cluster the tests use: its connection string comes from <c>PROVENANCE_TEST_POSTGRES</c> (set by
/// .ci/run). Without it a test skips locally and fails in CI. Each store gets its own schema, dropped when disposed.
/// </summary>
internal static class TestDatabase
{
    public const string Variable = "PROVENANCE_TEST_POSTGRES";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : ExternalTool.Missing($"{Variable} is not set; start a PostgreSQL cluster and set it to its connection string (see .ci/run)");

    public static string NewSchema() => "t_" + Guid.NewGuid().ToString("N")[..20];

    public static async Task<ScratchStore> OpenAsync(bool allowTimelineErrors = false)
    {
        var store = new PostgreSqlProvenanceStore(new ProvenancePostgreSqlOptions
        {
            ConnectionString = ConnectionString,
            Schema = NewSchema(),
            AllowTimelineErrors = allowTimelineErrors,
        });
        await store.EnsureSchemaAsync();
        return new ScratchStore(store);
    }
}

/// <summary>A store in a schema of its own, dropped on dispose.</summary>
internal sealed class ScratchStore(PostgreSqlProvenanceStore store) : IAsyncDisposable
{
    public PostgreSqlProvenanceStore Store { get; } = store;

    public async ValueTask DisposeAsync()
    {
        await Store.DropSchemaAsync();
        await Store.DisposeAsync();
    }
}
