using System.Collections.Immutable;
using Npgsql;
using Provenance.PostgreSql;

namespace Provenance.Cli;

/// <summary>
/// A <c>&lt;graph&gt;</c> argument or output that names a PostgreSQL database: a <c>postgresql://</c> URI (an optional
/// <c>schema=</c> query option picks the schema, default <c>provenance</c>) or an Npgsql connection string (<c>Host=...</c>).
/// Messages show the target with its password replaced by <c>***</c>.
/// </summary>
internal static class PostgreSqlGraphs
{
    /// <summary>Whether a graph argument or output names a database rather than a file.</summary>
    public static bool IsDatabase(string value) =>
        PostgreSqlConnectionStrings.IsUri(value)
        || (!File.Exists(value) && !Directory.Exists(value) && value.Contains('=', StringComparison.Ordinal)
            && value.Contains("host", StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads the whole graph stored in the database.</summary>
    public static bool TryLoad(string target, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CitationGraph? graph, out ImmutableArray<string> problems)
    {
        try
        {
            using var store = Open(target);
            graph = store.ExportAsync().GetAwaiter().GetResult();
            if (graph.Sources.Length == 0 && graph.Claims.Length == 0 && graph.Reports.Length == 0)
            {
                graph = null;
                problems = [$"{Shown(target)}: error: the schema '{store.Schema}' holds no graph; write one first with 'provenance import <file.json> -o <database>'."];
                return false;
            }

            problems = [];
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or FormatException or ArgumentException or ProvenanceException or TimeoutException)
        {
            graph = null;
            problems = [$"{Shown(target)}: error: cannot read the graph from PostgreSQL: {Message(e)}"];
            return false;
        }
    }

    /// <summary>Writes a graph into the database's empty schema by binary COPY, or throws a <see cref="CliException"/>.</summary>
    public static void Save(CitationGraph graph, string target)
    {
        try
        {
            using var store = Open(target);
            store.ImportAsync(graph).GetAwaiter().GetResult();
        }
        catch (GraphValidationException e)
        {
            throw new CliException(ExitCodes.InvalidInput, [.. e.Diagnostics.Select(d => $"{Shown(target)}: error: {d}")]);
        }
        catch (Exception e) when (e is NpgsqlException or FormatException or ArgumentException or ProvenanceException or TimeoutException)
        {
            throw CliException.Input($"{Shown(target)}: cannot write the graph to PostgreSQL: {Message(e)}");
        }
    }

    /// <summary>The target as messages show it: the password replaced by <c>***</c>, and the schema.</summary>
    public static string Shown(string target)
    {
        var (connection, schema) = SplitSchema(target);
        return PostgreSqlConnectionStrings.Redact(connection) + (schema == "provenance" ? "" : $" (schema {schema})");
    }

    private static PostgreSqlProvenanceStore Open(string target)
    {
        var (connection, schema) = SplitSchema(target);
        return new PostgreSqlProvenanceStore(new ProvenancePostgreSqlOptions { ConnectionString = connection, Schema = schema });
    }

    /// <summary>Takes the <c>schema=</c> option out of a URI's query (the rest goes to Npgsql).</summary>
    internal static (string Connection, string Schema) SplitSchema(string target)
    {
        var query = target.IndexOf('?', StringComparison.Ordinal);
        if (!PostgreSqlConnectionStrings.IsUri(target) || query < 0)
        {
            return (target, "provenance");
        }

        var schema = "provenance";
        var kept = new List<string>();
        foreach (var pair in target[(query + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("schema=", StringComparison.OrdinalIgnoreCase))
            {
                schema = Uri.UnescapeDataString(pair["schema=".Length..]);
            }
            else
            {
                kept.Add(pair);
            }
        }

        return (target[..query] + (kept.Count > 0 ? "?" + string.Join('&', kept) : ""), schema);
    }

    private static string Message(Exception e) => e is PostgresException pg ? pg.MessageText : e.Message.Split(" (Parameter", 2)[0];
}
