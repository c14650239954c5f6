using System.Globalization;

namespace Provenance.PostgreSql;

/// <summary>The store's messages, one plain sentence each, naming the offending value and the fix. None ever holds a password.</summary>
internal static class PostgreSqlMessages
{
    public static string SchemaTooNew(string schema, int found, int known) =>
        $"The schema '{schema}' is at version {found}, newer than this library's {known}; upgrade Provenance.PostgreSql.";

    public static string InvalidSchemaName(string? schema) =>
        $"The schema name '{schema}' is not a plain lower-case SQL identifier (a-z, 0-9, _; starting with a letter or _; at most 63 characters); choose another.";

    public static string NotEmpty(string schema) =>
        $"The schema '{schema}' already holds a graph; import into an empty schema, or add reports with AddAsync.";

    public static string NulCharacter(string what, string field) =>
        $"{what} has a NUL character in '{field}', which PostgreSQL text cannot store; remove it.";

    public static string SubMicrosecond(string report) =>
        $"report '{report}' has a 'published' time finer than a microsecond, which PostgreSQL cannot store; round it to microseconds.";

    public static string InvalidUri(string reason) =>
        $"The PostgreSQL URI is not valid: {reason}; write it as postgresql://user:password@host:port/database.";

    public static string TraceTooLarge(string claim, long rows) =>
        string.Create(CultureInfo.InvariantCulture, $"The trace of claim '{claim}' walks more than {rows:N0} paths, more than the store enumerates in one query; trace it with a smaller TraceOptions.MaxDepth.");

    public const string MissingConnectionString = "ProvenancePostgreSqlOptions.ConnectionString is empty; set it to a connection string or a postgresql:// URI.";
}
