namespace Provenance.PostgreSql.Tests;

/// <summary>
/// URIs and connection strings turned into exact connection strings, and redaction, without a server (written against the
/// survivors of the 2026-12-05 Stryker run, tests/mutation-survivors/PostgreSql.txt).
/// </summary>
public sealed class PostgreSqlConnectionStringsTests
{
    [Theory]
    [InlineData("postgresql://h/db", "Host=h;Database=db")]
    [InlineData("postgres://h", "Host=h")]
    [InlineData("POSTGRESQL://h:6543/db", "Host=h;Port=6543;Database=db")]
    [InlineData("postgresql://h:0/db", "Host=h;Database=db")]
    [InlineData("postgresql://me@h/db", "Host=h;Username=me;Database=db")]
    [InlineData("postgresql://me:p%40ss%3Aw@h/db", "Host=h;Username=me;Password=p@ss:w;Database=db")]
    [InlineData("postgresql://:pw@h/db", "Host=h;Username=;Password=pw;Database=db")]
    [InlineData("postgresql://me:@h/db", "Host=h;Username=me;Password=;Database=db")]
    [InlineData("postgresql://[::1]:5433/my%20db", "Host=::1;Port=5433;Database=\"my db\"")]
    [InlineData("postgresql://h/db?Application%20Name=my%20app&Timeout=3", "Host=h;Database=db;Application Name=\"my app\";Timeout=3")]
    [InlineData("postgresql://h/db?ApplicationName", "Host=h;Database=db;Application Name=")]
    [InlineData("postgresql://h/db?&&Timeout=3&", "Host=h;Database=db;Timeout=3")]
    public void Normalize_Uri_IsTheExactConnectionString(string uri, string expected) =>
        Assert.Equal(expected, PostgreSqlConnectionStrings.Normalize(uri));

    [Fact]
    public void Normalize_ConnectionString_IsNpgsqlsForm() =>
        Assert.Equal("Host=h;Database=d;Username=u", PostgreSqlConnectionStrings.Normalize("host=h; database=d;USERNAME=u"));

    [Fact]
    public void Normalize_Null_ThrowsArgumentNull() =>
        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => PostgreSqlConnectionStrings.Normalize(null!)).ParamName);

    [Theory]
    [InlineData("Host", "The PostgreSQL connection string is not valid; write it as Host=...;Database=...;Username=...;Password=....")]
    [InlineData("Bogus=1;Password=secret", "The PostgreSQL connection string is not valid; write it as Host=...;Database=...;Username=...;Password=....")]
    [InlineData("postgresql:///nohost", "The PostgreSQL URI is not valid: it has no host; write it as postgresql://user:password@host:port/database.")]
    [InlineData("postgresql://h/db?bogus=1", "The PostgreSQL URI is not valid: the option 'bogus' is not a known connection-string keyword; write it as postgresql://user:password@host:port/database.")]
    [InlineData("postgresql://h/db?=x", "The PostgreSQL URI is not valid: the option '' is not a known connection-string keyword; write it as postgresql://user:password@host:port/database.")]
    public void Normalize_Malformed_ThrowsFormatExceptionWithTheFix(string value, string expected) =>
        Assert.Equal(expected, Assert.Throws<FormatException>(() => PostgreSqlConnectionStrings.Normalize(value)).Message);

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("postgresql://me:secret@h/db", "Host=h;Username=me;Password=***;Database=db")]
    [InlineData("postgresql://me@h/db", "Host=h;Username=me;Database=db")]
    [InlineData("Host=h;Password=secret", "Host=h;Password=***")]
    [InlineData("Host", "(an unreadable PostgreSQL connection string)")]
    [InlineData("postgresql://h/db?bogus=secret", "(an unreadable PostgreSQL connection string)")]
    public void Redact_IsTheConnectionStringWithoutItsPassword(string? value, string expected) =>
        Assert.Equal(expected, PostgreSqlConnectionStrings.Redact(value));
}
