using System.Text.RegularExpressions;

namespace Provenance.PostgreSql;

/// <summary>Where and how <see cref="PostgreSqlProvenanceStore"/> keeps a graph. Checked once, when the store is created.</summary>
public sealed partial class ProvenancePostgreSqlOptions
{
    /// <summary>An Npgsql connection string, or a <c>postgresql://user:password@host:port/database</c> URI.</summary>
    /// <value>Default: empty, which is an error.</value>
    public string ConnectionString { get; set; } = "";

    /// <summary>The PostgreSQL schema the tables live in, created if absent: a plain lower-case identifier.</summary>
    /// <value>Default: <c>provenance</c>.</value>
    public string Schema { get; set; } = "provenance";

    /// <summary>Whether a write may add a citation of a report published after the citing one (<see cref="GraphBuildOptions.AllowTimelineErrors"/>).</summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool AllowTimelineErrors { get; set; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed, or the schema name is not a plain identifier. The message never holds a password.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException(PostgreSqlMessages.MissingConnectionString, nameof(ConnectionString));
        }

        try
        {
            PostgreSqlConnectionStrings.Normalize(ConnectionString);
        }
        catch (FormatException e)
        {
            throw new ArgumentException(e.Message, nameof(ConnectionString));
        }

        if (!IsSchemaName(Schema))
        {
            throw new ArgumentException(PostgreSqlMessages.InvalidSchemaName(Schema), nameof(Schema));
        }
    }

    /// <summary>Whether a schema name is safe to write into SQL unquoted.</summary>
    internal static bool IsSchemaName(string? schema) => schema is not null && SchemaName().IsMatch(schema);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
