using System.Buffers;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Provenance.Internal;
using Provenance.Storage;

namespace Provenance.Bulk;

/// <summary>
/// Reads a JSON Lines graph into a <see cref="CitationGraphBuilder"/>, one line at a time from a pooled buffer:
/// the file is never held whole. Record-level problems (JSON syntax, unknown type or key, missing field, wrong
/// type, bad enum value) are gathered with their <c>path:line:column</c>; graph-level ones are the builder's.
/// </summary>
internal sealed class JsonLinesReader
{
    /// <summary>How many record-level problems are gathered before reading stops.</summary>
    public const int MaxProblems = 100;

    private const int FieldCount = (int)Field.Count;

    private static readonly string[] FieldNames =
    [
        "type", "id", "name", "description", "kind", "aliases", "country", "affiliation", "url", "text", "contradicts",
        "source", "title", "published", "language", "cited-in", "report", "claim", "mode", "wording", "from", "to",
        "hedge", "evidence", "version",
    ];

    private static readonly string[] TypeNames = ["provenance", "affiliation", "source", "claim", "report", "assertion", "citation"];

    private static readonly Field[][] Allowed =
    [
        [Field.Type, Field.Version],
        [Field.Type, Field.Id, Field.Name, Field.Description],
        [Field.Type, Field.Id, Field.Name, Field.Kind, Field.Aliases, Field.Country, Field.Affiliation, Field.Url],
        [Field.Type, Field.Id, Field.Text, Field.Contradicts],
        [Field.Type, Field.Id, Field.Source, Field.Kind, Field.CitedIn, Field.Title, Field.Published, Field.Url, Field.Language],
        [Field.Type, Field.Report, Field.Claim, Field.Mode, Field.Wording],
        [Field.Type, Field.From, Field.To, Field.Claim, Field.Kind, Field.Hedge, Field.Evidence],
    ];

    private static readonly string[][] AllowedNames = [.. Allowed.Select(fields => fields.Where(f => f != Field.Type).Select(f => FieldNames[(int)f]).ToArray())];

    private static readonly FrozenDictionary<string, SourceKind> SourceKinds = Names<SourceKind>();
    private static readonly FrozenDictionary<string, ReportKind> ReportKinds = Names<ReportKind>();
    private static readonly FrozenDictionary<string, AssertionMode> Modes = Names<AssertionMode>();
    private static readonly FrozenDictionary<string, CitationKind> CitationKinds = Names<CitationKind>();
    private static readonly FrozenDictionary<string, Hedge> Hedges = Names<Hedge>();
    private static readonly (byte[] Name, SourceKind Value)[] SourceKindsUtf8 = Utf8Names<SourceKind>();
    private static readonly (byte[] Name, ReportKind Value)[] ReportKindsUtf8 = Utf8Names<ReportKind>();
    private static readonly (byte[] Name, AssertionMode Value)[] ModesUtf8 = Utf8Names<AssertionMode>();
    private static readonly (byte[] Name, CitationKind Value)[] CitationKindsUtf8 = Utf8Names<CitationKind>();
    private static readonly (byte[] Name, Hedge Value)[] HedgesUtf8 = Utf8Names<Hedge>();

    private readonly string path;
    private readonly GraphLimits limits;
    private readonly bool locate;
    private readonly CitationGraphBuilder builder;
    private readonly HashSet<string> pool = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> poolLookup;
    private readonly string?[] values = new string?[FieldCount];

    // A string value read without escapes stays where it is in the line: its start and length there (-1: none).
    private readonly int[] spanStart = new int[FieldCount];
    private readonly int[] spanLength = new int[FieldCount];
    private readonly int[] offsets = new int[FieldCount];
    private readonly int[] keyOffsets = new int[FieldCount];

    // Per id field, the symbol its previous value had (see CitationGraphBuilder.InternId).
    private readonly int[] hints = new int[FieldCount];

    // For the fields whose values repeat in no declaration order (a report's source, the claim of an assertion or
    // citation, a citation's evidence), a memo of the values met last instead of a hint. Replaying the generated 1M
    // graph's values through a memo of this size answers 96% of sources, 76% of claims and 83% of evidence; wordings
    // (31%) are left to the index, since a miss in the memo costs a read of another text.
    private readonly TextPool.Builder.Recent sources = new();
    private readonly TextPool.Builder.Recent claims = new();
    private readonly TextPool.Builder.Recent evidence = new();
    private readonly ImmutableArray<string>[] arrays = new ImmutableArray<string>[FieldCount];
    private readonly List<string> items = [];
    private char[] chars = new char[256];
    private DateTimeOffset? published;
    private byte[] lineBytes = [];
    private int lineBase;
    private long nodes;
    private long citations;
    private bool sawRecord;

    public JsonLinesReader(string path, GraphLimits limits, bool locate, CitationGraphBuilder builder)
    {
        this.path = path;
        this.limits = limits;
        this.locate = locate;
        this.builder = builder;
        poolLookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private enum Field
    {
        Type, Id, Name, Description, Kind, Aliases, Country, Affiliation, Url, Text, Contradicts,
        Source, Title, Published, Language, CitedIn, Report, Claim, Mode, Wording, From, To,
        Hedge, Evidence, Version, Count,
    }

    private enum RecordType
    {
        Header, Affiliation, Source, Claim, Report, Assertion, Citation,
    }

    /// <summary>The record-level problems found, in line order.</summary>
    public List<GraphDiagnostic> Problems { get; } = [];

    /// <summary>Reads every line of <paramref name="stream"/>, adding records to the builder.</summary>
    public void Read(Stream stream)
    {
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxFileBytes)
        {
            Problem(1, 1, DiagnosticCodes.Limit, ErrorMessages.FileTooLarge(limits.MaxFileBytes));
            return;
        }

        var maxLine = (int)Math.Min(int.MaxValue - 64, ((long)limits.MaxScalarLength * 6) + 65_536);

        // A line of maxLine bytes and its newline: a line is refused only when it is longer than maxLine.
        var room = maxLine + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int start = 0, end = 0, line = 0;
            long total = 0;
            var eof = false;
            var skipping = false;
            while (Problems.Count < MaxProblems)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    line++;
                    if (!skipping)
                    {
                        Line(buffer, start, newline, line);
                    }

                    skipping = false;
                    start += newline + 1;
                    continue;
                }

                if (eof)
                {
                    if (end > start && !skipping)
                    {
                        Line(buffer, start, end - start, line + 1);
                    }

                    break;
                }

                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    start = 0;
                }

                // The pool may hand out a larger array than asked for; a line may still use only room bytes.
                var capacity = Math.Min(buffer.Length, room);
                if (end == capacity)
                {
                    if (skipping || capacity >= room)
                    {
                        if (!skipping)
                        {
                            Problem(line + 1, 1, DiagnosticCodes.Limit, ErrorMessages.LineTooLong(maxLine));
                            skipping = true;
                        }

                        end = 0;
                    }
                    else
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, room));
                        buffer.AsSpan(0, end).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                }

                var read = stream.Read(buffer, end, Math.Min(buffer.Length, room) - end);
                if (read == 0)
                {
                    eof = true;
                }

                end += read;
                total += read;
                if (total > limits.MaxFileBytes)
                {
                    Problem(1, 1, DiagnosticCodes.Limit, ErrorMessages.FileTooLarge(limits.MaxFileBytes));
                    return;
                }
            }

            if (Problems.Count >= MaxProblems)
            {
                Problems.Add(new GraphDiagnostic(null, DiagnosticCodes.TooManyProblems, ErrorMessages.TooManyProblems(Problems.Count)));
            }
            else if (!sawRecord)
            {
                Problem(1, 1, DiagnosticCodes.MissingHeader, ErrorMessages.JsonLinesHeader);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FrozenDictionary<string, TEnum> Names<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToFrozenDictionary(ProvenanceNames.Of, v => v, StringComparer.Ordinal);

    private static (byte[] Name, TEnum Value)[] Utf8Names<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetValues<TEnum>().Select(v => (Encoding.UTF8.GetBytes(ProvenanceNames.Of(v)), v))];

    private static int Match(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 => name.SequenceEqual("id"u8) ? (int)Field.Id : name.SequenceEqual("to"u8) ? (int)Field.To : -1,
        3 => name.SequenceEqual("url"u8) ? (int)Field.Url : -1,
        4 => name.SequenceEqual("type"u8) ? (int)Field.Type
            : name.SequenceEqual("from"u8) ? (int)Field.From
            : name.SequenceEqual("kind"u8) ? (int)Field.Kind
            : name.SequenceEqual("name"u8) ? (int)Field.Name
            : name.SequenceEqual("text"u8) ? (int)Field.Text
            : name.SequenceEqual("mode"u8) ? (int)Field.Mode : -1,
        5 => name.SequenceEqual("claim"u8) ? (int)Field.Claim
            : name.SequenceEqual("hedge"u8) ? (int)Field.Hedge
            : name.SequenceEqual("title"u8) ? (int)Field.Title : -1,
        6 => name.SequenceEqual("source"u8) ? (int)Field.Source : name.SequenceEqual("report"u8) ? (int)Field.Report : -1,
        7 => name.SequenceEqual("wording"u8) ? (int)Field.Wording
            : name.SequenceEqual("aliases"u8) ? (int)Field.Aliases
            : name.SequenceEqual("country"u8) ? (int)Field.Country
            : name.SequenceEqual("version"u8) ? (int)Field.Version : -1,
        8 => name.SequenceEqual("evidence"u8) ? (int)Field.Evidence
            : name.SequenceEqual("cited-in"u8) ? (int)Field.CitedIn
            : name.SequenceEqual("language"u8) ? (int)Field.Language : -1,
        9 => name.SequenceEqual("published"u8) ? (int)Field.Published : -1,
        11 => name.SequenceEqual("affiliation"u8) ? (int)Field.Affiliation
            : name.SequenceEqual("contradicts"u8) ? (int)Field.Contradicts
            : name.SequenceEqual("description"u8) ? (int)Field.Description : -1,
        _ => -1,
    };

    private static int MatchType(ReadOnlySpan<byte> name)
    {
        for (var i = 0; i < TypeNames.Length; i++)
        {
            if (name.Length == TypeNames[i].Length && Ascii.Equals(name, TypeNames[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Column(ReadOnlySpan<byte> line, long offset) =>
        Encoding.UTF8.GetCharCount(line[..(int)Math.Clamp(offset, 0, line.Length)]) + 1;

    private static string Detail(JsonException error)
    {
        // The reader's message ends with its own zero-based position, which the diagnostic already gives 1-based.
        var message = error.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    /// <summary>How messages name the record being read, as the YAML reader names the same element.</summary>
    private string Where(RecordType type) => type switch
    {
        RecordType.Header => "the header",
        RecordType.Assertion => $"an assertion of {ErrorMessages.Element("report", Value(Field.Report))}",
        RecordType.Citation => "a citation",
        _ => ErrorMessages.Element(TypeNames[(int)type], Value(Field.Id)),
    };

    private void Problem(int line, int column, string code, string message) =>
        Problems.Add(new GraphDiagnostic(new SourceLocation(path, line, column), code, message));

    private void Line(byte[] buffer, int start, int length, int number)
    {
        var line = buffer.AsSpan(start, length);
        if (number == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..];
            start += 3;
        }

        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.Trim(" \t"u8).IsEmpty)
        {
            return;
        }

        var first = !sawRecord;
        sawRecord = true;
        Array.Clear(values);
        Array.Fill(spanLength, -1);
        Array.Clear(arrays);
        (lineBytes, lineBase) = (buffer, start);
        published = null;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 4, AllowMultipleValues = true });
        try
        {
            if (Parse(ref reader, line, number, first) is { } problem)
            {
                Problem(number, Column(line, problem.Offset), problem.Code, problem.Message);
            }
        }
        catch (JsonException error)
        {
            var offset = error.BytePositionInLine ?? 0;
            var truncated = offset >= line.TrimEnd(" \t"u8).Length;
            Problem(number, Column(line, offset), DiagnosticCodes.Syntax, truncated ? ErrorMessages.TruncatedRecord : ErrorMessages.InvalidJsonLine(Detail(error)));
        }
        catch (InvalidOperationException)
        {
            Problem(number, Column(line, reader.TokenStartIndex), DiagnosticCodes.Syntax, ErrorMessages.LineNotUtf8);
        }
    }

    private (long Offset, string Code, string Message)? Parse(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, int number, bool first)
    {
        reader.Read();
        var recordStart = reader.TokenStartIndex;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (recordStart, DiagnosticCodes.Syntax, ErrorMessages.RecordNotAnObject);
        }

        var type = -1;
        string? unknownKey = null;
        long unknownAt = 0;
        var duplicate = -1;
        long duplicateAt = 0;
        Span<bool> seen = stackalloc bool[FieldCount];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyAt = reader.TokenStartIndex;
            var field = reader.ValueIsEscaped ? MatchEscaped(ref reader) : Match(reader.ValueSpan);
            if (field < 0)
            {
                if (unknownKey is null)
                {
                    unknownKey = reader.GetString();
                    unknownAt = keyAt;
                }

                reader.Read();
                reader.Skip();
                continue;
            }

            if (seen[field])
            {
                // Reported once the record is read, so that the message can name the element by its id as the other formats do.
                if (duplicate < 0)
                {
                    (duplicate, duplicateAt) = (field, keyAt);
                }

                reader.Read();
                reader.Skip();
                continue;
            }

            seen[field] = true;
            keyOffsets[field] = (int)keyAt;
            reader.Read();
            offsets[field] = (int)reader.TokenStartIndex;
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue;
            }

            if ((Field)field == Field.Version)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version != 1)
                {
                    return (reader.TokenStartIndex, DiagnosticCodes.BadVersion, ErrorMessages.BadVersion());
                }

                values[field] = "1";
                continue;
            }

            if ((Field)field is Field.Aliases or Field.Contradicts)
            {
                if (ReadArray(ref reader, (Field)field) is { } arrayProblem)
                {
                    return arrayProblem;
                }

                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                return (reader.TokenStartIndex, DiagnosticCodes.WrongType, ErrorMessages.WrongType(FieldNames[field], "a string", ErrorMessages.Describe(reader.TokenType)));
            }

            if ((Field)field == Field.Type)
            {
                type = reader.ValueIsEscaped ? MatchType(Encoding.UTF8.GetBytes(reader.GetString()!)) : MatchType(reader.ValueSpan);
                if (type < 0)
                {
                    var name = reader.GetString()!;
                    return (reader.TokenStartIndex, DiagnosticCodes.UnknownType, ErrorMessages.UnknownRecordType(name, Ids.Suggest(name, TypeNames), ErrorMessages.JsonLinesTypes));
                }

                continue;
            }

            if ((Field)field == Field.Published)
            {
                var text = Chars(ref reader);
                var dateProblem = IsoDate.Parse(text, out var date, out var reason);
                if (dateProblem != DateProblem.None)
                {
                    return (reader.TokenStartIndex, DiagnosticCodes.InvalidDate, IsoDate.Message(text.ToString(), dateProblem, reason));
                }

                published = date;
                continue;
            }

            if (!reader.ValueIsEscaped)
            {
                // Kept as the line's own bytes, checked as reading it as a string would check it.
                var utf8 = reader.ValueSpan;
                if (!Utf8.IsValid(utf8))
                {
                    return (reader.TokenStartIndex, DiagnosticCodes.Syntax, ErrorMessages.LineNotUtf8);
                }

                if (utf8.Length > limits.MaxScalarLength && Encoding.UTF8.GetCharCount(utf8) > limits.MaxScalarLength)
                {
                    return (reader.TokenStartIndex, DiagnosticCodes.Limit, ErrorMessages.ScalarTooLong(limits.MaxScalarLength));
                }

                spanStart[field] = (int)reader.TokenStartIndex + 1;
                spanLength[field] = utf8.Length;
                continue;
            }

            var value = reader.GetString()!;
            if (value.Length > limits.MaxScalarLength)
            {
                return (reader.TokenStartIndex, DiagnosticCodes.Limit, ErrorMessages.ScalarTooLong(limits.MaxScalarLength));
            }

            values[field] = value;
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return (reader.TokenStartIndex, DiagnosticCodes.Syntax, ErrorMessages.TruncatedRecord);
        }

        if (reader.Read())
        {
            return (reader.TokenStartIndex, DiagnosticCodes.Syntax, ErrorMessages.TrailingContent);
        }

        if (type < 0)
        {
            return (recordStart, DiagnosticCodes.MissingField, ErrorMessages.NoRecordType());
        }

        var allowed = Allowed[type];
        (long, string, string)? UnknownField(string key, long at)
        {
            var valid = AllowedNames[type];
            return (at, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(key, Where((RecordType)type), Ids.Suggest(key, valid), valid));
        }

        // In key order, as the YAML reader meets them.
        var firstUnknown = unknownKey is null ? long.MaxValue : unknownAt;
        var firstDisallowed = -1;
        for (var f = 0; f < FieldCount; f++)
        {
            if (seen[f] && Array.IndexOf(allowed, (Field)f) < 0 && (firstDisallowed < 0 || keyOffsets[f] < keyOffsets[firstDisallowed]))
            {
                firstDisallowed = f;
            }
        }

        if (firstDisallowed >= 0 && keyOffsets[firstDisallowed] < firstUnknown)
        {
            return UnknownField(FieldNames[firstDisallowed], keyOffsets[firstDisallowed]);
        }

        if (unknownKey is not null)
        {
            return UnknownField(unknownKey, unknownAt);
        }

        if (duplicate >= 0)
        {
            return (duplicateAt, DiagnosticCodes.DuplicateKey, ErrorMessages.DuplicateKey(FieldNames[duplicate], Where((RecordType)type), new SourceLocation(path, number, Column(line, keyOffsets[duplicate]))));
        }

        if (type == (int)RecordType.Header)
        {
            if (!first)
            {
                return (recordStart, DiagnosticCodes.Header, ErrorMessages.HeaderNotFirst());
            }

            return values[(int)Field.Version] is null ? (recordStart, DiagnosticCodes.MissingField, ErrorMessages.MissingField(Where(RecordType.Header), "version")) : null;
        }

        if (first)
        {
            return (recordStart, DiagnosticCodes.MissingHeader, ErrorMessages.JsonLinesHeader);
        }

        return Add((RecordType)type, line, number, recordStart);
    }

    private (long Offset, string Code, string Message)? Add(RecordType type, ReadOnlySpan<byte> line, int number, long recordStart)
    {
        (long, string, string)? Missing(Field field) => !Has(field) ? (recordStart, DiagnosticCodes.MissingField, ErrorMessages.MissingField(Where(type), FieldNames[(int)field])) : null;
        (long, string, string)? BadEnum<TEnum>(Field field)
            where TEnum : struct, Enum
        {
            var valid = ProvenanceNames.All<TEnum>();
            var value = Value(field)!;
            return (offsets[(int)field], DiagnosticCodes.UnknownEnum, ErrorMessages.UnknownEnumValue(ErrorMessages.EnumNoun<TEnum>(), value, Ids.Suggest(value, valid), valid));
        }

        string V(Field field) => Value(field)!;
        string? O(Field field) => Value(field);
        ImmutableArray<string> A(Field field) => arrays[(int)field].IsDefault ? [] : arrays[(int)field];

        switch (type)
        {
            case RecordType.Affiliation:
                if ((Missing(Field.Id) ?? Missing(Field.Name)) is { } a)
                {
                    return a;
                }

                nodes++;
                builder.AddAffiliation(new Affiliation(V(Field.Id), V(Field.Name)) { Description = O(Field.Description) }, At(line, number, recordStart, Field.Id, Field.Name));
                break;

            case RecordType.Source:
                if ((Missing(Field.Id) ?? Missing(Field.Name) ?? Missing(Field.Kind)) is { } s)
                {
                    return s;
                }

                if (!TryEnum(Field.Kind, SourceKinds, SourceKindsUtf8, out var sourceKind))
                {
                    return BadEnum<SourceKind>(Field.Kind);
                }

                nodes++;
                builder.AddSource(
                    new Source(V(Field.Id), V(Field.Name), sourceKind)
                    {
                        Aliases = A(Field.Aliases),
                        Country = O(Field.Country),
                        Affiliation = O(Field.Affiliation),
                        Url = O(Field.Url),
                    },
                    At(line, number, recordStart, Field.Id, Field.Name, Field.Kind, Field.Affiliation));
                break;

            case RecordType.Claim:
                if ((Missing(Field.Id) ?? Missing(Field.Text)) is { } c)
                {
                    return c;
                }

                nodes++;
                builder.AddClaim(new Claim(V(Field.Id), V(Field.Text)) { Contradicts = A(Field.Contradicts) }, At(line, number, recordStart, Field.Id, Field.Text, Field.Contradicts));
                break;

            case RecordType.Report:
                if ((Missing(Field.Id) ?? Missing(Field.Source) ?? (Has(Field.CitedIn) ? null : Missing(Field.Kind))) is { } r)
                {
                    return r;
                }

                var reportKind = ReportKind.Other;
                if (Has(Field.Kind) && !TryEnum(Field.Kind, ReportKinds, ReportKindsUtf8, out reportKind))
                {
                    return BadEnum<ReportKind>(Field.Kind);
                }

                nodes++;
                // Ids and text go to the builder as the line's bytes, in the order its Add(Report) would take them.
                builder.AddReport(
                    Id(Field.Id), Id(Field.Source), Id(Field.CitedIn), reportKind,
                    Text(Field.Title), Text(Field.Url), Text(Field.Language), published,
                    At(line, number, recordStart, Field.Id, Field.Source, Field.CitedIn));
                break;

            case RecordType.Assertion:
                if ((Missing(Field.Report) ?? Missing(Field.Claim) ?? Missing(Field.Mode)) is { } m)
                {
                    return m;
                }

                if (!TryEnum(Field.Mode, Modes, ModesUtf8, out var mode))
                {
                    return BadEnum<AssertionMode>(Field.Mode);
                }

                builder.AddAssertion(Id(Field.Report), Id(Field.Claim), mode, Text(Field.Wording), At(line, number, recordStart, Field.Report, Field.Claim, Field.Mode));
                break;

            default:
                if ((Missing(Field.From) ?? Missing(Field.To) ?? Missing(Field.Claim) ?? Missing(Field.Kind)) is { } e)
                {
                    return e;
                }

                if (!TryEnum(Field.Kind, CitationKinds, CitationKindsUtf8, out var citationKind))
                {
                    return BadEnum<CitationKind>(Field.Kind);
                }

                var hedge = Hedge.None;
                if (Has(Field.Hedge) && !TryEnum(Field.Hedge, Hedges, HedgesUtf8, out hedge))
                {
                    return BadEnum<Hedge>(Field.Hedge);
                }

                citations++;
                builder.AddCitation(
                    Id(Field.From), Id(Field.To), Id(Field.Claim), citationKind, hedge, Text(Field.Evidence),
                    At(line, number, recordStart, Field.From, Field.To, Field.Claim, Field.Kind));
                break;
        }

        // Checked while reading so that a hostile file is stopped before it fills memory.
        if (nodes > limits.MaxNodes)
        {
            return (recordStart, DiagnosticCodes.Limit, ErrorMessages.TooManyNodes(limits.MaxNodes));
        }

        return citations > limits.MaxCitations ? (recordStart, DiagnosticCodes.Limit, ErrorMessages.TooManyCitations(limits.MaxCitations)) : null;
    }

    /// <summary>The element's and its fields' positions, only on the locating pass: they cost memory per record.</summary>
    private FieldLocations? At(ReadOnlySpan<byte> line, int number, long recordStart, params ReadOnlySpan<Field> fields)
    {
        if (!locate)
        {
            return null;
        }

        var at = new FieldLocations(new SourceLocation(path, number, Column(line, recordStart)));
        foreach (var field in fields)
        {
            if (Has(field) || !arrays[(int)field].IsDefault)
            {
                at.Set(field == Field.CitedIn ? "citedIn" : FieldNames[(int)field], new SourceLocation(path, number, Column(line, offsets[(int)field])));
            }
        }

        return at;
    }

    private (long Offset, string Code, string Message)? ReadArray(ref Utf8JsonReader reader, Field field)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return (reader.TokenStartIndex, DiagnosticCodes.WrongType, ErrorMessages.WrongType(FieldNames[(int)field], "a list", ErrorMessages.Describe(reader.TokenType)));
        }

        items.Clear();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return (reader.TokenStartIndex, DiagnosticCodes.WrongType, ErrorMessages.WrongItemType(FieldNames[(int)field], "a string", ErrorMessages.Describe(reader.TokenType)));
            }

            var item = Pooled(Chars(ref reader));
            if (item.Length > limits.MaxScalarLength)
            {
                return (reader.TokenStartIndex, DiagnosticCodes.Limit, ErrorMessages.ScalarTooLong(limits.MaxScalarLength));
            }

            items.Add(item);
        }

        arrays[(int)field] = [.. items];
        return null;
    }

    private bool Has(Field field) => values[(int)field] is not null || spanLength[(int)field] >= 0;

    /// <summary>A value kept in the line, as its UTF-8 bytes.</summary>
    private ReadOnlySpan<byte> Utf8Of(Field field) => lineBytes.AsSpan(lineBase + spanStart[(int)field], spanLength[(int)field]);

    /// <summary>A value as a string (made on each call for one kept in the line); <see langword="null"/> when absent.</summary>
    private string? Value(Field field) =>
        values[(int)field] ?? (spanLength[(int)field] >= 0 ? Encoding.UTF8.GetString(Utf8Of(field)) : null);

    /// <summary>The builder's symbol of an id value; -1 when absent. An id declared here is new, so it is not looked for next to the previous one.</summary>
    private int Id(Field field) =>
        values[(int)field] is { } value ? builder.InternId(value)
        : spanLength[(int)field] < 0 ? -1
        : field == Field.Id ? builder.InternId(Utf8Of(field))
        : field == Field.Source ? builder.InternId(Utf8Of(field), sources)
        : field == Field.Claim ? builder.InternId(Utf8Of(field), claims)
        : builder.InternId(Utf8Of(field), ref hints[(int)field]);

    /// <summary>The builder's text reference of a value; -1 when absent.</summary>
    private int Text(Field field) =>
        values[(int)field] is { } value ? builder.AddText(value)
        : spanLength[(int)field] < 0 ? -1
        : field == Field.Evidence ? builder.AddText(Utf8Of(field), evidence)
        : builder.AddText(Utf8Of(field));

    private bool TryEnum<TEnum>(Field field, FrozenDictionary<string, TEnum> names, (byte[] Name, TEnum Value)[] utf8Names, out TEnum value)
        where TEnum : struct, Enum
    {
        if (values[(int)field] is { } name)
        {
            return names.TryGetValue(name, out value);
        }

        var utf8 = Utf8Of(field);
        foreach (var (candidate, candidateValue) in utf8Names)
        {
            if (utf8.SequenceEqual(candidate))
            {
                value = candidateValue;
                return true;
            }
        }

        value = default;
        return false;
    }

    private int MatchEscaped(ref Utf8JsonReader reader) => Match(Encoding.UTF8.GetBytes(reader.GetString()!));

    /// <summary>The current string token, unescaped into a reused buffer.</summary>
    private ReadOnlySpan<char> Chars(ref Utf8JsonReader reader)
    {
        // Unescaping never lengthens a string, so its UTF-8 length bounds its UTF-16 length.
        var length = reader.ValueSpan.Length;
        if (chars.Length < length)
        {
            chars = new char[Math.Max(length, chars.Length * 2)];
        }

        return chars.AsSpan(0, reader.CopyString(chars));
    }

    /// <summary>One string instance per distinct id, so the graph's records share them instead of copying.</summary>
    private string Pooled(ReadOnlySpan<char> value)
    {
        if (poolLookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        var created = value.ToString();
        pool.Add(created);
        return created;
    }
}
