using Npgsql;
using Provenance.Testing;

namespace Provenance.Cli.Tests.Commands;

/// <summary>A <c>postgresql://</c> URI or connection string as a graph and as import's output (issue 18).</summary>
public class PostgreSqlGraphsTests
{
    [SkippableFact]
    public void ImportToDatabase_ThenTrace_SameOutputAsFromTheFile()
    {
        var connection = Environment.GetEnvironmentVariable("PROVENANCE_TEST_POSTGRES") is { Length: > 0 } value
            ? new NpgsqlConnectionStringBuilder(value)
            : new NpgsqlConnectionStringBuilder(ExternalTool.Missing("PROVENANCE_TEST_POSTGRES is not set; start a PostgreSQL cluster and set it (see .ci/run)"));
        var schema = "cli_" + Guid.NewGuid().ToString("N")[..16];
        connection.Password = "cli-S3CRET-pw";
        var uri = $"postgresql://{connection.Username}:{connection.Password}@{connection.Host}:{connection.Port}/{connection.Database}?schema={schema}";
        var json = Path.Combine(Path.GetTempPath(), schema + ".json");
        try
        {
            Assert.Equal(0, CliRun.Of("export", Repository.BundledGraph, "--format", "prov-json", "-o", json).ExitCode);
            var import = CliRun.Of("import", json, "-o", uri);
            Assert.Equal(0, import.ExitCode);
            Assert.Contains("Password=***", import.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("cli-S3CRET-pw", import.Output + import.Error, StringComparison.Ordinal);

            // The same PROV-JSON imported into a YAML file is the graph the database must give back.
            var yaml = json.Replace(".json", ".yaml", StringComparison.Ordinal);
            Assert.Equal(0, CliRun.Of("import", json, "-o", yaml).ExitCode);
            var fromFile = CliRun.Of("trace", yaml, "az-mistake");
            var fromDatabase = CliRun.Of("trace", uri, "az-mistake");
            Assert.Equal(0, fromDatabase.ExitCode);
            Assert.Equal(fromFile.Output, fromDatabase.Output);

            var again = CliRun.Of("import", json, "-o", uri);
            Assert.NotEqual(0, again.ExitCode);
            Assert.Contains($"The schema '{schema}' already holds a graph", again.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("cli-S3CRET-pw", again.Error, StringComparison.Ordinal);
        }
        finally
        {
            using var source = NpgsqlDataSource.Create(connection.ConnectionString);
            using var drop = source.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            drop.ExecuteNonQuery();
            File.Delete(json);
            File.Delete(json.Replace(".json", ".yaml", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Trace_UnreachableDatabase_ErrorShowsNoPassword()
    {
        var run = CliRun.Of("trace", "postgresql://someone:very-S3CRET@127.0.0.1:1/db?Timeout=2", "az-mistake");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Password=***", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("very-S3CRET", run.Output + run.Error, StringComparison.Ordinal);
    }
}
