using System.Text;
using Provenance.Bulk;
using Provenance.Generation;

namespace Provenance.Tests.Bulk;

public class ProvenanceJsonLinesTests
{
    private const string Header = "{\"type\":\"provenance\",\"version\":1}\n";

    private const string Small =
        Header
        + "{\"type\":\"affiliation\",\"id\":\"ru-state\",\"name\":\"Russian state\"}\n"
        + "{\"type\":\"source\",\"id\":\"ru-mod\",\"name\":\"Russian Ministry of Defence\",\"kind\":\"government\",\"affiliation\":\"ru-state\"}\n"
        + "{\"type\":\"source\",\"id\":\"tass\",\"name\":\"TASS\",\"kind\":\"news-agency\",\"aliases\":[\"ТАСС\"],\"country\":\"RU\",\"affiliation\":\"ru-state\"}\n"
        + "{\"type\":\"source\",\"id\":\"zerohedge\",\"name\":\"ZeroHedge\",\"kind\":\"outlet\"}\n"
        + "{\"type\":\"claim\",\"id\":\"downed\",\"text\":\"A Russian Mi-24 was shot down.\"}\n"
        + "{\"type\":\"report\",\"id\":\"zh\",\"source\":\"zerohedge\",\"kind\":\"article\",\"published\":\"2020-11-09T13:00:00-05:00\"}\n"
        + "{\"type\":\"report\",\"id\":\"zh~tass\",\"source\":\"tass\",\"cited-in\":\"zh\"}\n"
        + "{\"type\":\"report\",\"id\":\"zh~tass~ru-mod\",\"source\":\"ru-mod\",\"cited-in\":\"zh\"}\n"
        + "{\"type\":\"assertion\",\"report\":\"zh\",\"claim\":\"downed\",\"mode\":\"attributed\",\"wording\":\"shot \\\"down\\\"\"}\n"
        + "{\"type\":\"assertion\",\"report\":\"zh~tass~ru-mod\",\"claim\":\"downed\",\"mode\":\"first-hand\"}\n"
        + "{\"type\":\"assertion\",\"report\":\"zh~tass\",\"claim\":\"downed\",\"mode\":\"attributed\"}\n"
        + "{\"type\":\"citation\",\"from\":\"zh\",\"to\":\"zh~tass\",\"claim\":\"downed\",\"kind\":\"according-to\",\"evidence\":\"According to TASS\"}\n"
        + "{\"type\":\"citation\",\"from\":\"zh~tass\",\"to\":\"zh~tass~ru-mod\",\"claim\":\"downed\",\"kind\":\"citing\",\"hedge\":\"alleged\",\"evidence\":\"citing the ministry\"}\n";

    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(1_000, 2)]
    [InlineData(10_000, 3)]
    public void Load_SavedGeneratedGraph_RoundTrips(int citations, int seed)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = citations, Seed = seed });

        var text = ProvenanceJsonLines.Serialize(graph);
        var loaded = ProvenanceJsonLines.Parse(text, "g.jsonl");

        Assert.True(graph.ContentEquals(loaded), $"seed {seed}: the loaded graph differs from the saved one");
        Assert.True(text == ProvenanceJsonLines.Serialize(loaded), $"seed {seed}: saving the loaded graph gives other bytes");
    }

    [Fact]
    public void Load_SavedFile_RoundTripsThroughDisk()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 2_000, Seed = 9 });
        var path = Path.Combine(Path.GetTempPath(), $"provenance-bulk-{Guid.NewGuid():N}.jsonl");
        try
        {
            ProvenanceJsonLines.Save(graph, path);

            Assert.True(graph.ContentEquals(ProvenanceJsonLines.Load(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Serialize_SmallGraph_WritesTheDocumentedRecords()
    {
        var graph = ProvenanceJsonLines.Parse(Small);

        Assert.Equal(Small, ProvenanceJsonLines.Serialize(graph));
        Assert.True(graph.TryGetAssertion("zh~tass~ru-mod", "downed", out var firstHand));
        Assert.Equal(AssertionMode.FirstHand, firstHand.Mode);
        Assert.Equal(new[] { "ТАСС" }, graph.GetSource("tass").Aliases.ToArray());
        Assert.Equal(new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(-5)), graph.GetReport("zh").Published);
        Assert.Equal(TimeSpan.FromHours(-5), graph.GetReport("zh").Published!.Value.Offset);
        Assert.Equal(Hedge.Alleged, graph.CitationsFrom("zh~tass")[0].Hedge);
    }

    [Fact]
    public void Load_CrLfAndByteOrderMark_AreAccepted()
    {
        var graph = ProvenanceJsonLines.Parse("\uFEFF" + Small.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(Small, ProvenanceJsonLines.Serialize(graph));
    }

    [Fact]
    public void Load_BlankLines_AreSkipped()
    {
        var graph = ProvenanceJsonLines.Parse(Small.Replace("\n", "\n\n   \n", StringComparison.Ordinal));

        Assert.Equal(Small, ProvenanceJsonLines.Serialize(graph));
    }

    public static TheoryData<string, string> MalformedLines => new()
    {
        { "{\"type\":\"claim\",\"id\":x,\"text\":\"y\"}", "g.jsonl:15:22: the line is not valid JSON ('x' is an invalid start of a value); write one JSON object per line." },
        { "{\"type\":\"sorce\",\"id\":\"x\"}", "g.jsonl:15:9: unknown record type 'sorce'; did you mean 'source'?" },
        { "{\"type\":\"gizmo\"}", "g.jsonl:15:9: unknown record type 'gizmo'; use one of affiliation, source, claim, report, assertion or citation." },
        { "{\"type\":\"citation\",\"from\":\"zh\",\"claim\":\"downed\",\"kind\":\"citing\"}", "g.jsonl:15:1: a citation has no 'to'; add it." },
        { "  {\"id\":\"x\",\"text\":\"y\"}", "g.jsonl:15:3: the record has no 'type'; add \"type\" with one of affiliation, source, claim, report, assertion or citation." },
        { "{\"type\":\"source\",\"id\":\"rt\",\"name\":\"РТ\",\"kind\":7}", "g.jsonl:15:47: 'kind' must be a string, not a number." },
        { "{\"type\":\"source\",\"id\":\"rt\",\"name\":\"RT\",\"kind\":\"outlet\",\"aliases\":\"РТ\"}", "g.jsonl:15:66: 'aliases' must be a list, not a string." },
        { "{\"type\":\"citation\",\"frm\":\"zh\",\"to\":\"zh~tass\",\"claim\":\"downed\",\"kind\":\"citing\"}", "g.jsonl:15:20: unknown field 'frm' in a citation; did you mean 'from'?" },
        { "{\"type\":\"claim\",\"id\":\"x\",\"text\":\"y\",\"source\":\"tass\"}", "g.jsonl:15:37: unknown field 'source' in claim 'x'; valid fields are id, text, contradicts." },
        { "{\"type\":\"claim\",\"id\":\"x\",\"id\":\"y\",\"text\":\"z\"}", "g.jsonl:15:26: 'id' is given twice in claim 'x'; the first is at g.jsonl:15:17; keep one." },
        { "{\"type\":\"citation\",\"from\":\"zh\",\"to\":\"zh~tass\",\"claim\":\"downed\",\"kind\":\"quote\"}", "g.jsonl:15:71: unknown citation kind 'quote'; use one of direct-quote, paraphrase, according-to, citing, confirms, inferred." },
        { "{\"type\":\"report\",\"id\":\"r\",\"source\":\"tass\",\"kind\":\"article\",\"published\":\"2020-11-09 13:00\"}", "g.jsonl:15:72: date '2020-11-09 13:00' has no UTC offset; write it with one, e.g. 2020-11-09T13:00:00+03:00 or 2020-11-09T10:00:00Z." },
        { "{\"type\":\"claim\",\"id\":\"x\",\"text\":\"y\"} {\"type\":\"claim\"}", "g.jsonl:15:38: a line holds exactly one record; move what follows the object to its own line." },
        { "[\"claim\",\"x\"]", "g.jsonl:15:1: a record must be a JSON object on one line, like {\"type\":\"source\",...}." },
        { "{\"type\":\"provenance\",\"version\":1}", "g.jsonl:15:1: the header record may only be the first record; remove this line." },
    };

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public void Load_MalformedLine_ReportsLineAndColumn(string line, string expected)
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(Small + line + "\n", "g.jsonl"));

        Assert.Equal(expected, error.Message);
        Assert.Equal(("g.jsonl", 15), (error.FilePath, error.Line));
    }

    [Fact]
    public void Load_TruncatedLastLine_ReportsItsEnd()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(Small + "{\"type\":\"citation\",\"from\":\"zh\",\"to\":\"zh~", "g.jsonl"));

        Assert.Equal("g.jsonl:15:41: the record ends before its JSON object is complete (a truncated line?); finish the object or remove the line.", error.Message);
    }

    [Fact]
    public void Load_UnknownReference_PointsAtTheFieldAndSuggests()
    {
        var line = "{\"type\":\"report\",\"id\":\"rt-1\",\"source\":\"tas\",\"kind\":\"article\"}\n";

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(Small + line, "g.jsonl"));

        Assert.Equal("g.jsonl:15:39: unknown source 'tas'; did you mean 'tass'?", error.Message);
    }

    [Fact]
    public void Load_UnknownReferenceFromNonSeekableStream_PointsAtTheField()
    {
        var line = "{\"type\":\"citation\",\"from\":\"zh\",\"to\":\"zh~tas\",\"claim\":\"downed\",\"kind\":\"citing\"}\n";
        using var stream = new ForwardOnlyStream(Encoding.UTF8.GetBytes(Small + line));

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Load(stream, "pipe"));

        Assert.Equal("pipe:15:37: unknown report 'zh~tas'; did you mean 'zh~tass'?", error.Message);
    }

    [Fact]
    public void Load_DuplicateId_NamesTheFirstDefinition()
    {
        var line = "{\"type\":\"claim\",\"id\":\"downed\",\"text\":\"again\"}\n";

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(Small + line, "g.jsonl"));

        Assert.Equal("g.jsonl:15:22: duplicate claim id 'downed'; it is already defined at g.jsonl:6:22.", error.Message);
    }

    [Fact]
    public void TryLoad_SeveralMalformedLines_GathersAllAndBuildsNothing()
    {
        var text = Small + "{\"type\":\"sorce\"}\n" + "{oops}\n" + "{\"type\":\"claim\",\"id\":\"x\"}\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));

        var ok = ProvenanceJsonLines.TryLoad(stream, "g.jsonl", out var graph, out var diagnostics);

        Assert.False(ok);
        Assert.Null(graph);
        Assert.Equal(
            [
                "g.jsonl:15:9: unknown record type 'sorce'; did you mean 'source'?",
                "g.jsonl:16:2: the line is not valid JSON ('o' is an invalid start of a property name. Expected a '\"'); write one JSON object per line.",
                "g.jsonl:17:1: claim 'x' has no 'text'; add it.",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_NoHeader_SaysToAddIt()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(Small[Header.Length..], "g.jsonl"));

        Assert.Equal("g.jsonl:1:1: the first record must be the header {\"type\":\"provenance\",\"version\":1}; add it as line 1.", error.Message);
    }

    [Fact]
    public void Load_EmptyInput_SaysToAddTheHeader()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse("", "g.jsonl"));

        Assert.Equal("g.jsonl:1:1: the first record must be the header {\"type\":\"provenance\",\"version\":1}; add it as line 1.", error.Message);
    }

    [Fact]
    public void Load_OtherVersion_IsRejected()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse("{\"type\":\"provenance\",\"version\":2}\n", "g.jsonl"));

        Assert.Equal("g.jsonl:1:32: the header's 'version' must be 1, the only version this library reads.", error.Message);
    }

    [Fact]
    public void Load_MoreCitationsThanTheLimit_StopsReading()
    {
        var options = new GraphBuildOptions { Limits = new GraphLimits { MaxCitations = 1 } };

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(Small, "g.jsonl", options));

        Assert.Equal("g.jsonl:14:1: the graph has more than 1 citations, the limit; raise GraphLimits.MaxCitations to load it.", error.Message);
    }

    [Fact]
    public void Load_FileLargerThanTheLimit_IsRejectedBeforeReading()
    {
        var options = new GraphBuildOptions { Limits = new GraphLimits { MaxFileBytes = 100 } };

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(Small, "g.jsonl", options));

        Assert.Equal("g.jsonl:1:1: the file is larger than 100 bytes, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.", error.Message);
    }

    [Fact]
    public void Load_NonSeekableStreamLargerThanTheLimit_StopsReading()
    {
        var options = new GraphBuildOptions { Limits = new GraphLimits { MaxFileBytes = 100 } };
        using var stream = new ForwardOnlyStream(Encoding.UTF8.GetBytes(Small));

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Load(stream, "pipe", options));

        Assert.Equal("pipe:1:1: the file is larger than 100 bytes, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.", error.Message);
    }

    [Fact]
    public void Load_StringLongerThanTheLimit_IsRejected()
    {
        var options = new GraphBuildOptions { Limits = new GraphLimits { MaxScalarLength = 10 } };
        var line = "{\"type\":\"claim\",\"id\":\"x\",\"text\":\"" + new string('a', 11) + "\"}\n";

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(Header + line, "g.jsonl", options));

        Assert.Equal("g.jsonl:2:33: this value is longer than 10 characters, the limit (GraphLimits.MaxScalarLength); shorten it.", error.Message);
    }

    [Fact]
    public void Load_LineLongerThanTheLimit_IsSkippedAndReadingGoesOn()
    {
        var options = new GraphBuildOptions { Limits = new GraphLimits { MaxScalarLength = 10 } };
        var text = Header + "{\"type\":\"claim\",\"id\":\"x\",\"text\":\"" + new string('a', 70_000) + "\"}\n" + "{\"type\":\"sorce\"}\n";

        var ok = ProvenanceJsonLines.TryLoad(new MemoryStream(Encoding.UTF8.GetBytes(text)), "g.jsonl", out _, out var diagnostics, options);

        Assert.False(ok);
        Assert.Equal(
            [
                "g.jsonl:2:1: the line is longer than 65596 bytes, the limit; raise GraphLimits.MaxScalarLength or split the record.",
                "g.jsonl:3:9: unknown record type 'sorce'; did you mean 'source'?",
            ],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_EscapedKeysAndValues_AreUnescaped()
    {
        var line = "{\"t\\u0079pe\":\"claim\",\"id\":\"e\\u0078\",\"text\":\"line\\nbreak \\\"quoted\\\"\"}\n";

        var graph = ProvenanceJsonLines.Parse(Header + line, "g.jsonl");

        Assert.Equal("line\nbreak \"quoted\"", graph.GetClaim("ex").Text);
    }

    [Fact]
    public void Load_ManyBadLines_StopsAfterOneHundredProblems()
    {
        var text = Header + string.Concat(Enumerable.Repeat("{\"type\":\"x\"}\n", 150));

        var ok = ProvenanceJsonLines.TryLoad(new MemoryStream(Encoding.UTF8.GetBytes(text)), "g.jsonl", out _, out var diagnostics);

        Assert.False(ok);
        Assert.Equal(101, diagnostics.Length);
        Assert.Equal("stopped after 100 problems; fix these and load again.", diagnostics[^1].ToString());
    }

    [Fact]
    public void Save_SameGraph_SameBytes()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 3_000, Seed = 4 });

        var first = ProvenanceJsonLines.Serialize(graph);
        var second = ProvenanceJsonLines.Serialize(NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 3_000, Seed = 4 }));

        Assert.Equal(first, second);
        Assert.DoesNotContain('\r', first);
        Assert.EndsWith("\n", first, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"citation\",\"from\":\"zh\",\"to\":\"zh~tass\",\"claim\":\"downed\",\"kind\":\"citing\",\"evidence\":\"caf\u00FF\"}", 91)]
    [InlineData("{\"type\":\"citation\",\"from\":\"z\u00FFh\",\"to\":\"zh~tass\",\"claim\":\"downed\",\"kind\":\"citing\"}", 27)]
    public void Load_InvalidUtf8InsideAValue_PointsAtTheValue(string line, int column)
    {
        // The record's text is kept as the line's bytes, so they are checked where they are read, as a string would be.
        var bytes = Encoding.UTF8.GetBytes(Small + line + "\n");
        var at = Array.IndexOf(bytes, (byte)0xC3, Encoding.UTF8.GetByteCount(Small));
        bytes = [.. bytes[..at], 0xFF, .. bytes[(at + 2)..]];

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Load(new MemoryStream(bytes), "g.jsonl"));

        Assert.Equal($"g.jsonl:15:{column}: the line is not valid UTF-8; save the file as UTF-8.", error.Message);
    }

    [Fact]
    public void Load_EscapedIdsAndText_EqualTheirPlainSpelling()
    {
        var escaped = Small
            .Replace("\"from\":\"zh\",\"to\":\"zh~tass\"", "\"from\":\"z\\u0068\",\"to\":\"zh\\u007etass\"", StringComparison.Ordinal)
            .Replace("According to TASS", "According to \\u0054ASS \\ud83d\\ude81", StringComparison.Ordinal);
        var plain = Small.Replace("According to TASS", "According to TASS \U0001F681", StringComparison.Ordinal);
        Assert.NotEqual(plain, escaped);

        var graph = ProvenanceJsonLines.Parse(escaped, "g.jsonl");

        Assert.True(ProvenanceJsonLines.Parse(plain, "g.jsonl").ContentEquals(graph));
        Assert.Equal("According to TASS \U0001F681", graph.Citations.Single(c => c.From == "zh").Evidence);
    }
}
