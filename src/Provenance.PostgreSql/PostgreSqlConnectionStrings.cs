using System.Globalization;
using Npgsql;

namespace Provenance.PostgreSql;

/// <summary>Turns a <c>postgresql://</c> (or <c>postgres://</c>) URI or an Npgsql connection string into a connection string.</summary>
public static class PostgreSqlConnectionStrings
{
    /// <summary>Whether <paramref name="value"/> names a PostgreSQL database: a <c>postgresql://</c> or <c>postgres://</c> URI.</summary>
    /// <param name="value">A graph argument, path or URI.</param>
    /// <returns><see langword="true"/> for a PostgreSQL URI.</returns>
    public static bool IsUri(string? value) =>
        value is not null
        && (value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The Npgsql connection string for a <c>postgresql://user:password@host:port/database?option=value</c> URI (user and
    /// password percent-decoded; query options passed through as connection-string keywords), or
    /// <paramref name="value"/> itself when it is already a connection string.
    /// </summary>
    /// <param name="value">The URI or connection string.</param>
    /// <returns>The connection string.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The URI or connection string is malformed; the message never repeats a password.</exception>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsUri(value))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(value).ConnectionString;
            }
            catch (ArgumentException)
            {
                // Npgsql's message can quote the offending part, which may be the password.
                throw new FormatException("The PostgreSQL connection string is not valid; write it as Host=...;Database=...;Username=...;Password=....");
            }
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException(PostgreSqlMessages.InvalidUri("it has no host"));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo;
        if (userInfo.Length > 0)
        {
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var val = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                builder[key] = val;
            }
            catch (ArgumentException)
            {
                throw new FormatException(PostgreSqlMessages.InvalidUri(string.Create(CultureInfo.InvariantCulture, $"the option '{key}' is not a known connection-string keyword")));
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>A form of a connection string or URI safe to show: the password (if any) replaced by <c>***</c>.</summary>
    /// <param name="value">The URI or connection string.</param>
    /// <returns>The redacted text, or a placeholder when it cannot be parsed.</returns>
    public static string Redact(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(Normalize(value));
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }

            return builder.ConnectionString;
        }
        catch (FormatException)
        {
            return "(an unreadable PostgreSQL connection string)";
        }
    }
}
