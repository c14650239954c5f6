using System.Collections.Immutable;
using System.Net.Sockets;
using System.Text;
using Provenance.Bulk;
using Provenance.Generation;

namespace Provenance.Tests.Bulk;

/// <summary>
/// The JSON Lines reader's and writer's field names, record checks, limits and line buffer, each pinned exactly: tests
/// written against the mutants that survived the first mutation run of src/Provenance/Bulk (see tests/MUTATION.md).
/// </summary>
public sealed class JsonLinesMutationTests
{
    private const string Header = "{\"type\":\"provenance\",\"version\":1}\n";

    private const string Source = "{\"type\":\"source\",\"id\":\"s\",\"name\":\"n\",\"kind\":\"outlet\"}";

    private const string Claim = "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\"}";

    private static string Lines(params string[] lines) => Header + string.Concat(lines.Select(l => l + "\n"));

    private static GraphBuildOptions Options(GraphLimits? limits) => new() { Limits = limits ?? new GraphLimits() };

    private static CitationGraph Parse(string text, GraphLimits? limits = null) => ProvenanceJsonLines.Parse(text, "g.jsonl", Options(limits));

    private static ImmutableArray<GraphDiagnostic> Diagnostics(byte[] bytes, GraphLimits? limits = null)
    {
        using var stream = new MemoryStream(bytes);
        Assert.False(ProvenanceJsonLines.TryLoad(stream, "g.jsonl", out var graph, out var diagnostics, Options(limits)));
        Assert.Null(graph);
        return diagnostics;
    }

    private static string[] Messages(string text, GraphLimits? limits = null) =>
        [.. Diagnostics(Encoding.UTF8.GetBytes(text), limits).Select(d => d.ToString())];

    private static string Message(string text, GraphLimits? limits = null) => Assert.Single(Messages(text, limits));

    [Fact]
    public void Load_UnknownKeyOfEachLength_IsNotTakenForAFieldOfThatLength()
    {
        // The keys are matched by their length first: a key of a field's length that is no field stays unknown.
        int[] lengths = [2, 4, 5, 6, 7, 8, 9, 10, 11];
        var text = Lines([.. lengths.Select(n => $"{{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"{new string('q', n)}\":1}}")]);

        Assert.Equal(
            lengths.Select((n, i) => $"g.jsonl:{i + 2}:37: unknown field '{new string('q', n)}' in claim 'c'; valid fields are id, text, contradicts."),
            Messages(text));
    }

    [Fact]
    public void Load_UnknownField_ListsTheValidFieldsOfEachRecordType()
    {
        var text = "{\"type\":\"provenance\",\"version\":1,\"qq\":1}\n"
            + "{\"type\":\"affiliation\",\"id\":\"a\",\"name\":\"n\",\"qq\":1}\n"
            + "{\"type\":\"source\",\"id\":\"s\",\"name\":\"n\",\"kind\":\"outlet\",\"qq\":1}\n"
            + "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"qq\":1}\n"
            + "{\"type\":\"report\",\"id\":\"r\",\"source\":\"s\",\"kind\":\"article\",\"qq\":1}\n"
            + "{\"type\":\"assertion\",\"report\":\"r\",\"claim\":\"c\",\"mode\":\"first-hand\",\"qq\":1}\n"
            + "{\"type\":\"citation\",\"from\":\"r\",\"to\":\"r2\",\"claim\":\"c\",\"kind\":\"citing\",\"qq\":1}\n";

        Assert.Equal(
            [
                "g.jsonl:1:34: unknown field 'qq' in the header; valid fields are version.",
                "g.jsonl:2:43: unknown field 'qq' in affiliation 'a'; valid fields are id, name, description.",
                "g.jsonl:3:54: unknown field 'qq' in source 's'; valid fields are id, name, kind, aliases, country, affiliation, url.",
                "g.jsonl:4:37: unknown field 'qq' in claim 'c'; valid fields are id, text, contradicts.",
                "g.jsonl:5:57: unknown field 'qq' in report 'r'; valid fields are id, source, kind, cited-in, title, published, url, language.",
                "g.jsonl:6:66: unknown field 'qq' in an assertion of report 'r'; valid fields are report, claim, mode, wording.",
                "g.jsonl:7:69: unknown field 'qq' in a citation; valid fields are from, to, claim, kind, hedge, evidence.",
            ],
            Messages(text));
    }

    [Fact]
    public void Load_TypeNotAString_NamesTheTypeField()
    {
        var problem = Assert.Single(Diagnostics(Encoding.UTF8.GetBytes(Lines("{\"type\":1}"))));

        Assert.Equal("wrong-type", problem.Code);
        Assert.Equal("g.jsonl:2:9: 'type' must be a string, not a number.", problem.ToString());
    }

    [Fact]
    public void Load_FieldOfAnotherRecordType_IsReportedInKeyOrderWithUnknownKeys()
    {
        var text = Lines(
            "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"qq\":1,\"source\":\"s\"}",
            "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"source\":\"s\",\"qq\":1}",
            "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"url\":\"u\",\"description\":\"d\"}");

        Assert.Equal(
            [
                "g.jsonl:2:37: unknown field 'qq' in claim 'c'; valid fields are id, text, contradicts.",
                "g.jsonl:3:37: unknown field 'source' in claim 'c'; valid fields are id, text, contradicts.",
                "g.jsonl:4:37: unknown field 'url' in claim 'c'; valid fields are id, text, contradicts.",
            ],
            Messages(text));
    }

    [Fact]
    public void Load_DuplicateKeys_NameTheFirstRepeatedKeyAndSkipItsValue()
    {
        var text = Lines(
            "{\"type\":\"claim\",\"type\":\"claim\",\"id\":\"c\",\"id\":\"d\",\"text\":\"t\"}",
            "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"text\":[\"a\"]}",
            "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"text\":{\"a\":1}}");

        var diagnostics = Diagnostics(Encoding.UTF8.GetBytes(text));

        Assert.All(diagnostics, d => Assert.Equal("duplicate-key", d.Code));
        Assert.Equal(
            [
                "g.jsonl:2:17: 'type' is given twice in claim 'c'; the first is at g.jsonl:2:2; keep one.",
                "g.jsonl:3:37: 'text' is given twice in claim 'c'; the first is at g.jsonl:3:26; keep one.",
                "g.jsonl:4:37: 'text' is given twice in claim 'c'; the first is at g.jsonl:4:26; keep one.",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_HeaderWithoutVersion_SaysToAddIt()
    {
        var problem = Assert.Single(Diagnostics("{\"type\":\"provenance\"}\n"u8.ToArray()));

        Assert.Equal("missing-field", problem.Code);
        Assert.Equal("g.jsonl:1:1: the header has no 'version'; add it.", problem.ToString());
    }

    [Fact]
    public void Load_MissingRequiredFields_AreReportedInFieldOrder()
    {
        var text = Lines(
            "{\"type\":\"affiliation\"}",
            "{\"type\":\"affiliation\",\"name\":\"n\"}",
            "{\"type\":\"affiliation\",\"id\":\"a\"}",
            "{\"type\":\"source\"}",
            "{\"type\":\"source\",\"id\":\"s\"}",
            "{\"type\":\"source\",\"id\":\"s\",\"name\":\"n\"}",
            "{\"type\":\"source\",\"name\":\"n\",\"kind\":\"outlet\"}",
            "{\"type\":\"source\",\"id\":\"s\",\"kind\":\"outlet\"}",
            "{\"type\":\"claim\"}",
            "{\"type\":\"claim\",\"id\":\"c\"}",
            "{\"type\":\"claim\",\"text\":\"t\"}",
            "{\"type\":\"report\"}",
            "{\"type\":\"report\",\"id\":\"r\"}",
            "{\"type\":\"report\",\"source\":\"s\",\"kind\":\"article\"}",
            "{\"type\":\"report\",\"id\":\"r\",\"kind\":\"article\"}",
            "{\"type\":\"report\",\"id\":\"r\",\"source\":\"s\"}",
            "{\"type\":\"assertion\"}",
            "{\"type\":\"assertion\",\"report\":\"r\"}",
            "{\"type\":\"assertion\",\"report\":\"r\",\"claim\":\"c\"}",
            "{\"type\":\"assertion\",\"claim\":\"c\",\"mode\":\"first-hand\"}",
            "{\"type\":\"assertion\",\"report\":\"r\",\"mode\":\"first-hand\"}",
            "{\"type\":\"citation\"}",
            "{\"type\":\"citation\",\"from\":\"r\"}",
            "{\"type\":\"citation\",\"from\":\"r\",\"to\":\"q\"}",
            "{\"type\":\"citation\",\"from\":\"r\",\"to\":\"q\",\"claim\":\"c\"}",
            "{\"type\":\"citation\",\"to\":\"q\",\"claim\":\"c\",\"kind\":\"citing\"}",
            "{\"type\":\"citation\",\"from\":\"r\",\"claim\":\"c\",\"kind\":\"citing\"}",
            "{\"type\":\"citation\",\"from\":\"r\",\"to\":\"q\",\"kind\":\"citing\"}");

        var diagnostics = Diagnostics(Encoding.UTF8.GetBytes(text));

        Assert.All(diagnostics, d => Assert.Equal("missing-field", d.Code));
        Assert.Equal(
            [
                "2: an affiliation has no 'id'",
                "3: an affiliation has no 'id'",
                "4: affiliation 'a' has no 'name'",
                "5: a source has no 'id'",
                "6: source 's' has no 'name'",
                "7: source 's' has no 'kind'",
                "8: a source has no 'id'",
                "9: source 's' has no 'name'",
                "10: a claim has no 'id'",
                "11: claim 'c' has no 'text'",
                "12: a claim has no 'id'",
                "13: a report has no 'id'",
                "14: report 'r' has no 'source'",
                "15: a report has no 'id'",
                "16: report 'r' has no 'source'",
                "17: report 'r' has no 'kind'",
                "18: an assertion of a report has no 'report'",
                "19: an assertion of report 'r' has no 'claim'",
                "20: an assertion of report 'r' has no 'mode'",
                "21: an assertion of a report has no 'report'",
                "22: an assertion of report 'r' has no 'claim'",
                "23: a citation has no 'from'",
                "24: a citation has no 'to'",
                "25: a citation has no 'claim'",
                "26: a citation has no 'kind'",
                "27: a citation has no 'from'",
                "28: a citation has no 'to'",
                "29: a citation has no 'claim'",
            ],
            diagnostics.Select(d => $"{d.Location!.Value.Line}: {d.Message.Replace("; add it.", "", StringComparison.Ordinal)}"));
        Assert.All(diagnostics, d => Assert.Equal(1, d.Location!.Value.Column));
    }

    [Fact]
    public void Load_ReportCitedInAnotherWithoutKind_IsAnOtherReport()
    {
        var graph = Parse(Lines(Source, "{\"type\":\"report\",\"id\":\"r\",\"source\":\"s\",\"kind\":\"article\"}", "{\"type\":\"report\",\"id\":\"r~s\",\"source\":\"s\",\"cited-in\":\"r\"}"));

        Assert.Equal(ReportKind.Other, graph.GetReport("r~s").Kind);
        Assert.Equal("r", graph.GetReport("r~s").CitedIn);
    }

    [Theory]
    [InlineData("{\"type\":\"affiliation\",\"id\":\"a\",\"name\":\"n\"}", "{\"type\":\"affiliation\",\"id\":\"b\",\"name\":\"n\"}")]
    [InlineData("{\"type\":\"source\",\"id\":\"a\",\"name\":\"n\",\"kind\":\"outlet\"}", "{\"type\":\"source\",\"id\":\"b\",\"name\":\"n\",\"kind\":\"outlet\"}")]
    [InlineData("{\"type\":\"claim\",\"id\":\"a\",\"text\":\"t\"}", "{\"type\":\"claim\",\"id\":\"b\",\"text\":\"t\"}")]
    public void Load_OneNodeOverTheLimit_StopsAtThatRecord(string first, string second)
    {
        var limits = new GraphLimits { MaxNodes = 1 };

        var problem = Assert.Single(Diagnostics(Encoding.UTF8.GetBytes(Lines(first, second)), limits));

        Assert.Equal("limit", problem.Code);
        Assert.Equal("g.jsonl:3:1: the graph has more than 1 nodes, the limit; raise GraphLimits.MaxNodes to load it.", problem.ToString());
        var graph = Parse(Lines(first, second), new GraphLimits { MaxNodes = 2 });
        Assert.Equal(2, graph.Affiliations.Length + graph.Sources.Length + graph.Claims.Length);
    }

    [Fact]
    public void Load_ReportsOverTheNodeLimit_StopAtTheFirstReportOver()
    {
        var text = Lines(Source, "{\"type\":\"report\",\"id\":\"a\",\"source\":\"s\",\"kind\":\"article\"}", "{\"type\":\"report\",\"id\":\"b\",\"source\":\"s\",\"kind\":\"article\"}");

        Assert.Equal("g.jsonl:4:1: the graph has more than 2 nodes, the limit; raise GraphLimits.MaxNodes to load it.", Message(text, new GraphLimits { MaxNodes = 2 }));
        Assert.Equal(2, Parse(text, new GraphLimits { MaxNodes = 3 }).Reports.Length);
    }

    [Fact]
    public void Load_ValuesOfExactlyTheLengthLimit_AreAccepted()
    {
        // Six characters each: a name of twelve UTF-8 bytes, an escaped text, a list item, a kind.
        var graph = Parse(
            Lines("{\"type\":\"source\",\"id\":\"s\",\"name\":\"ТАССРТ\",\"kind\":\"outlet\",\"aliases\":[\"abcdef\"]}", "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"ab\\ncde\"}"),
            new GraphLimits { MaxScalarLength = 6 });

        Assert.Equal("ТАССРТ", graph.GetSource("s").Name);
        Assert.Equal(["abcdef"], graph.GetSource("s").Aliases.ToArray());
        Assert.Equal("ab\ncde", graph.GetClaim("c").Text);
    }

    [Fact]
    public void Load_ValuesOneOverTheLengthLimit_PointAtTheValue()
    {
        var text = Lines(
            "{\"type\":\"source\",\"id\":\"s\",\"name\":\"n\",\"kind\":\"outlet\",\"aliases\":[\"abcdef\",\"abcdefg\"]}",
            "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"ab\\ncdef\"}",
            "{\"type\":\"source\",\"id\":\"t\",\"name\":\"ТАССРТЫ\",\"kind\":\"outlet\"}");

        var diagnostics = Diagnostics(Encoding.UTF8.GetBytes(text), new GraphLimits { MaxScalarLength = 6 });

        Assert.All(diagnostics, d => Assert.Equal("limit", d.Code));
        Assert.Equal(
            [
                "g.jsonl:2:74: this value is longer than 6 characters, the limit (GraphLimits.MaxScalarLength); shorten it.",
                "g.jsonl:3:33: this value is longer than 6 characters, the limit (GraphLimits.MaxScalarLength); shorten it.",
                "g.jsonl:4:34: this value is longer than 6 characters, the limit (GraphLimits.MaxScalarLength); shorten it.",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_ListItemNotAString_NamesTheList()
    {
        var problem = Assert.Single(Diagnostics(Encoding.UTF8.GetBytes(Lines("{\"type\":\"source\",\"id\":\"u\",\"name\":\"n\",\"kind\":\"outlet\",\"aliases\":[\"a\",7]}"))));

        Assert.Equal("wrong-type", problem.Code);
        Assert.Equal(new SourceLocation("g.jsonl", 2, 69), problem.Location);
        // Quoted once: the message used to read "'an item of 'aliases'' must be ...".
        Assert.Equal("an item of 'aliases' must be a string, not a number.", problem.Message);
    }

    [Fact]
    public void Load_TypeAndDateLongerThanTheLengthLimit_AreNotLimitedValues()
    {
        // "provenance" and the date are longer than 9 characters; they are read as a type and a date, not as values.
        var graph = Parse(
            Lines(Source, "{\"type\":\"report\",\"id\":\"r\",\"source\":\"s\",\"kind\":\"other\",\"published\":\"2020-11-09T13:00:00Z\"}"),
            new GraphLimits { MaxScalarLength = 9 });

        Assert.Equal(new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.Zero), graph.GetReport("r").Published);
    }

    [Fact]
    public void Load_EscapedRecordType_IsUnescaped()
    {
        var graph = Parse(Lines("{\"type\":\"cl\\u0061im\",\"id\":\"c\",\"text\":\"t\"}"));

        Assert.Equal("t", graph.GetClaim("c").Text);
    }

    [Fact]
    public void Load_NullValues_AreAbsentFields()
    {
        var graph = Parse(Lines(
            "{\"type\":\"affiliation\",\"id\":\"a\",\"name\":\"n\",\"description\":null}",
            "{\"type\":\"source\",\"id\":\"s\",\"name\":\"n\",\"kind\":\"outlet\",\"url\":null,\"aliases\":null}"));

        Assert.Null(graph.Affiliations[0].Description);
        Assert.Null(graph.GetSource("s").Url);
        Assert.Empty(graph.GetSource("s").Aliases);
    }

    [Fact]
    public void Load_InvalidUtf8InAnEscapedValueOrAKey_PointsAtIt()
    {
        var bytes = Encoding.UTF8.GetBytes(Lines("{\"type\":\"claim\",\"id\":\"c\",\"text\":\"\\u0041#\"}", "{\"type\":\"claim\",\"id\":\"d\",\"text\":\"t\",\"q#\":1}"));
        bytes = [.. bytes.Select(b => b == (byte)'#' ? (byte)0xFF : b)];

        var diagnostics = Diagnostics(bytes);

        Assert.All(diagnostics, d => Assert.Equal("syntax", d.Code));
        Assert.Equal(
            [
                "g.jsonl:2:33: the line is not valid UTF-8; save the file as UTF-8.",
                "g.jsonl:3:37: the line is not valid UTF-8; save the file as UTF-8.",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_ByteOrderMarkBeforeARecord_KeepsItsValuesInPlace()
    {
        // The record's id is read from the line's bytes after the mark.
        Assert.Equal(
            "g.jsonl:1:39: unknown field 'qq' in claim 'abc'; valid fields are id, text, contradicts.",
            Message("\uFEFF{\"type\":\"claim\",\"id\":\"abc\",\"text\":\"t\",\"qq\":1}\n"));
    }

    [Fact]
    public void Load_TruncatedCrLfLine_PointsBeforeTheCarriageReturn()
    {
        var text = (Header + Claim + "\n{\"type\":\"claim\",\"id\":\"d\"\n").Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(
            "g.jsonl:3:25: the record ends before its JSON object is complete (a truncated line?); finish the object or remove the line.",
            Message(text));
    }

    [Fact]
    public void Load_BlankCrLfLines_AreSkipped()
    {
        var graph = Parse((Header + "\n" + Claim + "\n  \n").Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal("t", graph.GetClaim("c").Text);
    }

    [Fact]
    public void Load_LineLongerThanTheFirstBuffer_IsReadWhole()
    {
        var text = new string('a', 100_000);

        var graph = Parse(Lines($"{{\"type\":\"claim\",\"id\":\"c\",\"text\":\"{text}\"}}"));

        Assert.Equal(text, graph.GetClaim("c").Text);
    }

    [Fact]
    public void Load_ManyShortLinesBeyondTheLineLimit_AreAllRead()
    {
        // A line may be at most 65,596 bytes here; the file is twice that, so the buffer must move its lines down.
        var limits = new GraphLimits { MaxScalarLength = 10 };
        var text = Lines([.. Enumerable.Range(0, 4_000).Select(i => $"{{\"type\":\"claim\",\"id\":\"c{i:D5}\",\"text\":\"t\"}}")]);
        Assert.True(text.Length > 2 * 65_596);

        var graph = Parse(text, limits);

        Assert.Equal(4_000, graph.Claims.Length);
        Assert.Equal("c03999", graph.Claims[^1].Id);
    }

    [Fact]
    public void Load_LineOneByteUnderTheLineLimit_IsRead()
    {
        // 65,595 bytes and its '\n': under the most a line may take when MaxScalarLength is 10 (65,596 and its newline).
        var limits = new GraphLimits { MaxScalarLength = 10 };
        var line = Claim[..^1] + new string(' ', 65_595 - Claim.Length) + "}";
        Assert.Equal(65_595, line.Length);

        var graph = Parse(Lines(line, "{\"type\":\"claim\",\"id\":\"d\",\"text\":\"u\"}"), limits);

        Assert.Equal(["c", "d"], graph.Claims.Select(c => c.Id));
    }

    [Fact]
    public void Load_UnknownFieldWithANestedValue_IsSkippedWhole()
    {
        // The nested keys look like the claim's own fields; they must not be read as a second id or text.
        Assert.Equal(
            [
                "g.jsonl:2:37: unknown field 'qq' in claim 'c'; valid fields are id, text, contradicts.",
                "g.jsonl:3:37: unknown field 'qq' in claim 'd'; valid fields are id, text, contradicts.",
            ],
            Messages(Lines(
                "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"qq\":{\"id\":\"x\",\"text\":{\"id\":\"y\"}}}",
                "{\"type\":\"claim\",\"id\":\"d\",\"text\":\"t\",\"qq\":[{\"id\":\"x\"},[\"text\"]],\"contradicts\":[\"c\"]}")));
    }

    [Fact]
    public void Load_LineOfExactlyTheLineLimit_IsRead_WithItsNewlineOrAsTheLastLine()
    {
        // 65,596 bytes before the '\n': not longer than the limit, so read (it used to be refused: the newline was counted).
        var limits = new GraphLimits { MaxScalarLength = 10 };
        var line = Claim[..^1] + new string(' ', 65_596 - Claim.Length) + "}";
        Assert.Equal(65_596, line.Length);

        Assert.Equal(["c", "d"], Parse(Lines(line, "{\"type\":\"claim\",\"id\":\"d\",\"text\":\"u\"}"), limits).Claims.Select(c => c.Id));
        Assert.Equal(["c"], Parse(Header + line, limits).Claims.Select(c => c.Id));
    }

    [Fact]
    public void Load_LastLineOneByteOverTheLineLimit_IsRefused()
    {
        var limits = new GraphLimits { MaxScalarLength = 10 };
        var line = Claim[..^1] + new string(' ', 65_597 - Claim.Length) + "}";

        Assert.Equal(
            "g.jsonl:2:1: the line is longer than 65596 bytes, the limit; raise GraphLimits.MaxScalarLength or split the record.",
            Message(Header + line, limits));
    }

    [Fact]
    public void Load_LineOneByteOverTheLineLimit_IsSkipped()
    {
        var limits = new GraphLimits { MaxScalarLength = 10 };
        var line = Claim[..^1] + new string(' ', 65_597 - Claim.Length) + "}";

        Assert.Equal(
            [
                "g.jsonl:2:1: the line is longer than 65596 bytes, the limit; raise GraphLimits.MaxScalarLength or split the record.",
                "g.jsonl:3:9: unknown record type 'sorce'; did you mean 'source'?",
            ],
            Messages(Lines(line, "{\"type\":\"sorce\"}"), limits));
    }

    [Fact]
    public void Load_OverlongLastLineWithoutNewline_IsOneProblem()
    {
        var limits = new GraphLimits { MaxScalarLength = 10 };
        var text = Header + "{\"type\":\"claim\",\"id\":\"c\",\"text\":\"" + new string('a', 70_000) + "\"}";

        Assert.Equal(
            "g.jsonl:2:1: the line is longer than 65596 bytes, the limit; raise GraphLimits.MaxScalarLength or split the record.",
            Message(text, limits));
    }

    [Fact]
    public void Load_FileOfExactlyTheByteLimit_Loads()
    {
        var bytes = Encoding.UTF8.GetBytes(Lines(Source, Claim));
        var limits = new GraphLimits { MaxFileBytes = bytes.Length };

        Assert.Single(ProvenanceJsonLines.Load(new MemoryStream(bytes), "g.jsonl", Options(limits)).Claims);
        Assert.Single(ProvenanceJsonLines.Load(new ForwardOnlyStream(bytes), "pipe", Options(limits)).Claims);
        Assert.Equal(
            $"pipe:1:1: the file is larger than {bytes.Length - 1} bytes, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.",
            Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Load(new ForwardOnlyStream(bytes), "pipe", Options(new GraphLimits { MaxFileBytes = bytes.Length - 1 }))).Message);
    }

    [Fact]
    public void Load_StreamPositionedAfterAPrefix_CountsOnlyWhatFollows()
    {
        var content = Encoding.UTF8.GetBytes(Lines(Source, Claim));
        using var stream = new MemoryStream([.. new byte[500], .. content]) { Position = 500 };

        var graph = ProvenanceJsonLines.Load(stream, "g.jsonl", Options(new GraphLimits { MaxFileBytes = content.Length }));

        Assert.Equal("t", graph.GetClaim("c").Text);
    }

    [Fact]
    public void Load_UnknownReferencesInAListOrCitedIn_PointAtTheField()
    {
        Assert.Equal(
            "g.jsonl:2:51: unknown claim 'nope'; define it or fix the reference.",
            Message(Lines("{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"contradicts\":[\"nope\"]}")));
        Assert.Equal(
            "g.jsonl:3:51: unknown report 'nope'; define it or fix the reference.",
            Message(Lines(Source, "{\"type\":\"report\",\"id\":\"r\",\"source\":\"s\",\"cited-in\":\"nope\"}")));
    }

    [Fact]
    public void Load_EmptyIds_AreGivenToTheBuilderAsEmpty()
    {
        Assert.Equal(
            "g.jsonl:2:28: affiliation id is empty; give it an id of letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_'.",
            Message(Lines("{\"type\":\"affiliation\",\"id\":\"\",\"name\":\"n\"}")));
        Assert.Equal(
            "g.jsonl:2:36: unknown source ''; define it or fix the reference.",
            Message(Lines("{\"type\":\"report\",\"id\":\"r\",\"source\":\"\",\"kind\":\"article\"}")));
        Assert.Equal(
            "g.jsonl:4:42: unknown claim ''; define it or fix the reference.",
            Message(Lines(Source, "{\"type\":\"report\",\"id\":\"r\",\"source\":\"s\",\"kind\":\"article\"}", "{\"type\":\"assertion\",\"report\":\"r\",\"claim\":\"\",\"mode\":\"first-hand\"}")));
    }

    [Fact]
    public void Load_EmptyTexts_AreKeptEmpty()
    {
        var graph = Parse(Lines(
            Source,
            Claim,
            "{\"type\":\"report\",\"id\":\"r\",\"source\":\"s\",\"kind\":\"article\",\"title\":\"\"}",
            "{\"type\":\"report\",\"id\":\"q\",\"source\":\"s\",\"kind\":\"article\"}",
            "{\"type\":\"assertion\",\"report\":\"q\",\"claim\":\"c\",\"mode\":\"first-hand\"}",
            "{\"type\":\"assertion\",\"report\":\"r\",\"claim\":\"c\",\"mode\":\"attributed\",\"wording\":\"\"}",
            "{\"type\":\"citation\",\"from\":\"r\",\"to\":\"q\",\"claim\":\"c\",\"kind\":\"citing\",\"evidence\":\"\"}"));

        Assert.Equal("", graph.GetReport("r").Title);
        Assert.Null(graph.GetReport("q").Title);
        Assert.True(graph.TryGetAssertion("r", "c", out var assertion));
        Assert.Equal("", assertion.Wording);
        Assert.Equal("", Assert.Single(graph.Citations).Evidence);
    }

    [Fact]
    public void Load_SameListItemTwice_SharesOneString()
    {
        var graph = Parse(Lines(
            "{\"type\":\"source\",\"id\":\"a\",\"name\":\"n\",\"kind\":\"outlet\",\"aliases\":[\"ТАСС\"]}",
            "{\"type\":\"source\",\"id\":\"b\",\"name\":\"n\",\"kind\":\"outlet\",\"aliases\":[\"ТАСС\"]}"));

        Assert.Same(graph.GetSource("a").Aliases[0], graph.GetSource("b").Aliases[0]);
    }

    [Fact]
    public void Load_ListItemsLongerThanTheUnescapeBuffer_AreReadWhole()
    {
        var shortAlias = new string('b', 300);
        var longAlias = new string('a', 2_000);

        var graph = Parse(Lines($"{{\"type\":\"source\",\"id\":\"a\",\"name\":\"n\",\"kind\":\"outlet\",\"aliases\":[\"{shortAlias}\",\"{longAlias}\"]}}"));

        Assert.Equal([shortAlias, longAlias], graph.GetSource("a").Aliases.ToArray());
    }

    [Fact]
    public void Serialize_ExplicitReportOfKindOther_WritesItsKind()
    {
        var text = Lines(Source, "{\"type\":\"report\",\"id\":\"r\",\"source\":\"s\",\"kind\":\"other\"}", "{\"type\":\"report\",\"id\":\"r~s\",\"source\":\"s\",\"kind\":\"article\",\"cited-in\":\"r\"}");

        Assert.Equal(text, ProvenanceJsonLines.Serialize(Parse(text)));
    }

    [Fact]
    public void Save_ToABufferedStream_FlushesIt()
    {
        var text = Lines(Source, Claim);
        using var inner = new MemoryStream();
        using var buffered = new BufferedStream(inner, 1 << 16);

        ProvenanceJsonLines.Save(Parse(text), buffered);

        Assert.Equal(text, Encoding.UTF8.GetString(inner.ToArray()));
    }

    [Fact]
    public void Save_SmallGraph_WritesOnce()
    {
        using var stream = new RecordingStream();

        ProvenanceJsonLines.Save(Parse(Lines(Source, Claim)), stream);

        Assert.Equal([Encoding.UTF8.GetByteCount(Lines(Source, Claim))], stream.Writes);
    }

    [Fact]
    public void Save_LargeGraph_WritesInChunksOfAQuarterMebibyte()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 5_000, Seed = 3 });
        using var stream = new RecordingStream();

        ProvenanceJsonLines.Save(graph, stream);

        Assert.True(stream.Writes.Count >= 3, $"{stream.Writes.Count} writes");
        Assert.All(stream.Writes.SkipLast(1), w => Assert.InRange(w, 256 * 1024, (256 * 1024) + 65_536));
        Assert.Equal(ProvenanceJsonLines.Serialize(graph), Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void LoadAndSave_NullArguments_NameTheirParameter()
    {
        var graph = Parse(Lines(Claim));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Lines(Claim)));

        Assert.Equal("content", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.Parse(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.Parse(Lines(Claim), null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.TryLoad((string)null!, out _, out _)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.Load((string)null!)).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.TryLoad((Stream)null!, "g.jsonl", out _, out _)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.TryLoad(stream, null!, out _, out _)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.Save(null!, "x.jsonl")).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.Save(graph, (string)null!)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.Save(null!, new MemoryStream())).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.Save(graph, (Stream)null!)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.Serialize(null!)).ParamName);
    }

    [Fact]
    public void TryLoad_BadLimits_AreArgumentErrors()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Lines(Claim)));

        Assert.Equal(
            "options.Limits",
            Assert.Throws<ArgumentNullException>(() => ProvenanceJsonLines.TryLoad(stream, "g.jsonl", out _, out _, new GraphBuildOptions { Limits = null! })).ParamName);
        Assert.Equal(
            "MaxNodes",
            Assert.Throws<ArgumentOutOfRangeException>(() => ProvenanceJsonLines.TryLoad(stream, "g.jsonl", out _, out _, Options(new GraphLimits { MaxNodes = 0 }))).ParamName);
    }

    [Fact]
    public void TryLoad_MissingFile_IsANotFoundProblem()
    {
        var path = Path.Combine(Path.GetTempPath(), $"provenance-missing-{Guid.NewGuid():N}.jsonl");

        Assert.False(ProvenanceJsonLines.TryLoad(path, out var graph, out var diagnostics));

        Assert.Null(graph);
        var problem = Assert.Single(diagnostics);
        Assert.Equal("not-found", problem.Code);
        Assert.Null(problem.Location);
        Assert.Equal($"no file or folder at '{path}'; check the path.", problem.Message);
    }

    [SkippableFact]
    public void TryLoad_FileThatCannotBeOpened_IsAnIoProblem()
    {
        // A Unix socket is a file that exists but cannot be opened for reading (ENXIO), even by root.
        Skip.IfNot(OperatingSystem.IsLinux(), "needs a Unix domain socket file that open(2) refuses (Linux)");
        var folder = Directory.CreateTempSubdirectory("provenance-bulk-").FullName;
        try
        {
            var path = Path.Combine(folder, "socket");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new UnixDomainSocketEndPoint(path));

            Assert.False(ProvenanceJsonLines.TryLoad(path, out var graph, out var diagnostics));

            Assert.Null(graph);
            var problem = Assert.Single(diagnostics);
            Assert.Equal("io", problem.Code);
            Assert.Equal(new SourceLocation(path, 1, 1), problem.Location);
            Assert.StartsWith($"cannot read '{path}': ", problem.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void TryLoad_ValidGraphOrRecordProblems_ReadTheStreamOnce()
    {
        using var valid = new RecordingStream(Encoding.UTF8.GetBytes(Lines(Source, Claim)));
        using var bad = new RecordingStream(Encoding.UTF8.GetBytes(Header + string.Concat(Enumerable.Repeat("{\"type\":\"x\"}\n", 150))));

        Assert.True(ProvenanceJsonLines.TryLoad(valid, "g.jsonl", out _, out _));
        Assert.False(ProvenanceJsonLines.TryLoad(bad, "g.jsonl", out _, out var diagnostics));

        Assert.Equal(101, diagnostics.Length);
        Assert.Equal(0, valid.Seeks);
        Assert.Equal(0, bad.Seeks);
    }

    [Fact]
    public void TryLoad_GraphProblem_IsLocatedOnASecondPassFromTheStartPosition()
    {
        var content = Encoding.UTF8.GetBytes(Lines("{\"type\":\"claim\",\"id\":\"c\",\"text\":\"t\",\"contradicts\":[\"nope\"]}"));
        using var atStart = new RecordingStream(content);
        using var afterPrefix = new RecordingStream([.. "xyz"u8, .. content]) { Position = 3 };
        afterPrefix.Seeks = 0;

        Assert.False(ProvenanceJsonLines.TryLoad(atStart, "g.jsonl", out _, out var first));
        Assert.False(ProvenanceJsonLines.TryLoad(afterPrefix, "g.jsonl", out _, out var second));

        Assert.Equal("g.jsonl:2:51: unknown claim 'nope'; define it or fix the reference.", Assert.Single(first).ToString());
        Assert.Equal("g.jsonl:2:51: unknown claim 'nope'; define it or fix the reference.", Assert.Single(second).ToString());
        Assert.Equal(1, atStart.Seeks);
        Assert.Equal(1, afterPrefix.Seeks);
    }

    /// <summary>A memory stream that records its writes and counts how often its position is set.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public RecordingStream()
        {
        }

        public RecordingStream(byte[] bytes)
            : base(bytes)
        {
        }

        public List<int> Writes { get; } = [];

        public int Seeks { get; set; }

        public override long Position
        {
            get => base.Position;
            set
            {
                Seeks++;
                base.Position = value;
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer) => Write(buffer.ToArray(), 0, buffer.Length);

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes.Add(count);
            base.Write(buffer, offset, count);
        }
    }
}
