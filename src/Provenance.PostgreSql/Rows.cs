using Npgsql;
using NpgsqlTypes;

namespace Provenance.PostgreSql;

/// <summary>A report row with its integer references, resolved to keys once the referenced rows are read.</summary>
internal sealed record ReportRow(int Id, string Key, int SourceId, ReportKind Kind, string? Title, DateTimeOffset? Published, string? Url, string? Language, int? CitedIn)
{
    public const string Columns = "id, key, source_id, kind, title, published, published_offset, url, language, cited_in";

    public static ReportRow Read(NpgsqlDataReader r) => new(
        r.GetInt32(0),
        r.GetString(1),
        r.GetInt32(2),
        (ReportKind)r.GetInt16(3),
        Text(r, 4),
        r.IsDBNull(5) ? null : new DateTimeOffset(r.GetFieldValue<DateTime>(5)).ToOffset(TimeSpan.FromMinutes(r.GetInt16(6))),
        Text(r, 7),
        Text(r, 8),
        r.IsDBNull(9) ? null : r.GetInt32(9));

    public Report ToReport(string source, string? citedIn) =>
        new(Key, source, Kind) { Title = Title, Published = Published, Url = Url, Language = Language, CitedIn = citedIn };

    internal static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}

/// <summary>A source row.</summary>
internal sealed record SourceRow(int Id, Source Value, int? AffiliationId)
{
    public const string Columns = "id, key, name, kind, aliases, country, affiliation_id, url";

    public static SourceRow Read(NpgsqlDataReader r) => new(
        r.GetInt32(0),
        new Source(r.GetString(1), r.GetString(2), (SourceKind)r.GetInt16(3))
        {
            Aliases = [.. r.GetFieldValue<string[]>(4)],
            Country = ReportRow.Text(r, 5),
            Url = ReportRow.Text(r, 7),
        },
        r.IsDBNull(6) ? null : r.GetInt32(6));
}

/// <summary>An assertion row.</summary>
internal sealed record AssertionRow(int Seq, int ClaimId, int ReportId, AssertionMode Mode, string? Wording)
{
    public const string Columns = "seq, claim_id, report_id, mode, wording";

    public static AssertionRow Read(NpgsqlDataReader r) =>
        new(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), (AssertionMode)r.GetInt16(3), ReportRow.Text(r, 4));
}

/// <summary>A citation row.</summary>
internal sealed record CitationRow(int Seq, int ClaimId, int From, int To, CitationKind Kind, Hedge Hedge, string? Evidence)
{
    public const string Columns = "seq, claim_id, from_report, to_report, kind, hedge, evidence";

    public static CitationRow Read(NpgsqlDataReader r) =>
        new(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), (CitationKind)r.GetInt16(4), (Hedge)r.GetInt16(5), ReportRow.Text(r, 6));
}

/// <summary>Binary COPY writers for each table, shared by the bulk import and the transactional write.</summary>
internal static class RowCopy
{
    /// <summary>The COPY options of a transactional write.</summary>
    public const string Binary = " (FORMAT BINARY)";

    /// <summary>The COPY options of a bulk import into tables truncated in the same transaction: the rows are written frozen.</summary>
    public const string BinaryFrozen = " (FORMAT BINARY, FREEZE)";

    public const string Affiliations = "COPY affiliation (id, key, name, description) FROM STDIN";
    public const string Sources = "COPY source (id, key, name, kind, aliases, country, affiliation_id, url) FROM STDIN";
    public const string Claims = "COPY claim (id, key, text, contradicts) FROM STDIN";
    public const string Reports = "COPY report (id, key, source_id, kind, title, published, published_offset, url, language, cited_in) FROM STDIN";
    public const string Assertions = "COPY assertion (claim_id, report_id, seq, report_implicit, mode, wording) FROM STDIN";
    public const string Citations = "COPY citation (claim_id, seq, from_report, to_report, kind, hedge, evidence) FROM STDIN";

    public static void Affiliation(NpgsqlBinaryImporter w, int id, Affiliation a)
    {
        w.StartRow();
        w.Write(id, NpgsqlDbType.Integer);
        w.Write(a.Id, NpgsqlDbType.Text);
        w.Write(a.Name, NpgsqlDbType.Text);
        Text(w, a.Description);
    }

    public static void Source(NpgsqlBinaryImporter w, int id, Source s, int? affiliation)
    {
        w.StartRow();
        w.Write(id, NpgsqlDbType.Integer);
        w.Write(s.Id, NpgsqlDbType.Text);
        w.Write(s.Name, NpgsqlDbType.Text);
        w.Write((short)s.Kind, NpgsqlDbType.Smallint);
        w.Write(s.Aliases.IsDefault ? [] : s.Aliases.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
        Text(w, s.Country);
        Int(w, affiliation);
        Text(w, s.Url);
    }

    public static void Claim(NpgsqlBinaryImporter w, int id, Claim c)
    {
        w.StartRow();
        w.Write(id, NpgsqlDbType.Integer);
        w.Write(c.Id, NpgsqlDbType.Text);
        w.Write(c.Text, NpgsqlDbType.Text);
        w.Write(c.Contradicts.IsDefault ? [] : c.Contradicts.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
    }

    public static void Report(NpgsqlBinaryImporter w, int id, Report r, int source, int? citedIn)
    {
        w.StartRow();
        w.Write(id, NpgsqlDbType.Integer);
        w.Write(r.Id, NpgsqlDbType.Text);
        w.Write(source, NpgsqlDbType.Integer);
        w.Write((short)r.Kind, NpgsqlDbType.Smallint);
        Text(w, r.Title);
        if (r.Published is { } published)
        {
            w.Write(published.UtcDateTime, NpgsqlDbType.TimestampTz);
            w.Write((short)published.Offset.TotalMinutes, NpgsqlDbType.Smallint);
        }
        else
        {
            w.WriteNull();
            w.WriteNull();
        }

        Text(w, r.Url);
        Text(w, r.Language);
        Int(w, citedIn);
    }

    public static void Assertion(NpgsqlBinaryImporter w, int seq, int claim, int report, bool reportImplicit, Assertion a) =>
        Assertion(w, seq, claim, report, reportImplicit, a.Mode, a.Wording);

    public static void Assertion(NpgsqlBinaryImporter w, int seq, int claim, int report, bool reportImplicit, AssertionMode mode, string? wording)
    {
        w.StartRow();
        w.Write(claim, NpgsqlDbType.Integer);
        w.Write(report, NpgsqlDbType.Integer);
        w.Write(seq, NpgsqlDbType.Integer);
        w.Write(reportImplicit, NpgsqlDbType.Boolean);
        w.Write((short)mode, NpgsqlDbType.Smallint);
        Text(w, wording);
    }

    public static void Citation(NpgsqlBinaryImporter w, int seq, int claim, int from, int to, Citation c) =>
        Citation(w, seq, claim, from, to, c.Kind, c.Hedge, c.Evidence);

    public static void Citation(NpgsqlBinaryImporter w, int seq, int claim, int from, int to, CitationKind kind, Hedge hedge, string? evidence)
    {
        w.StartRow();
        w.Write(claim, NpgsqlDbType.Integer);
        w.Write(seq, NpgsqlDbType.Integer);
        w.Write(from, NpgsqlDbType.Integer);
        w.Write(to, NpgsqlDbType.Integer);
        w.Write((short)kind, NpgsqlDbType.Smallint);
        w.Write((short)hedge, NpgsqlDbType.Smallint);
        Text(w, evidence);
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Int(NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } v)
        {
            w.Write(v, NpgsqlDbType.Integer);
        }
        else
        {
            w.WriteNull();
        }
    }
}
