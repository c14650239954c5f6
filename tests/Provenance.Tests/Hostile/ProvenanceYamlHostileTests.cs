using System.Text;
using Provenance.Yaml;

namespace Provenance.Tests.Hostile;

/// <summary>
/// The adversarial YAML corpus (issue 9): every input is loaded through the file, stream and TryLoad entry points under a
/// watchdog, and must either load or fail with one <see cref="GraphValidationException"/> whose whole message is pinned,
/// naming file, line and column. Inputs are generated here so that huge and deep ones need no files.
/// </summary>
public sealed class ProvenanceYamlHostileTests
{
    private const string Small = "sources:\n  - id: tass\n    name: TASS\n    kind: news-agency\n";

    private static readonly string NotUtf8Tail =
        " here does not start or continue a character (is it saved as Latin-1 or another legacy encoding?); save it as UTF-8.";

    private static readonly string TooLong =
        "this value is longer than 1000000 characters, the limit (GraphLimits.MaxScalarLength); shorten it.";

    private static readonly string TooDeep =
        "the input is nested more than 64 levels deep, the limit (GraphLimits.MaxNestingDepth); flatten it.";

    private static readonly string MalformedTail =
        " is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters).";

    /// <summary>Inputs that must be rejected: the bytes and the whole expected message, with {file} for the path.</summary>
    private static readonly Dictionary<string, (Func<byte[]> Bytes, string Message)> Rejected = new()
    {
        ["utf16le-without-bom"] = (() => Encoding.Unicode.GetBytes(Small),
            "{file}:1:3: invalid YAML: while parsing a block mapping, did not find expected key; fix the syntax at this position."),
        ["latin1"] = (() => Encoding.Latin1.GetBytes(Small.Replace("TASS", "TAéSS", StringComparison.Ordinal)),
            "{file}:3:13: the file is not valid UTF-8: byte 0xE9" + NotUtf8Tail),
        ["utf8-bom-then-latin1"] = (() => [0xEF, 0xBB, 0xBF, .. Encoding.Latin1.GetBytes(Small.Replace("TASS", "TAéSS", StringComparison.Ordinal))],
            "{file}:3:13: the file is not valid UTF-8: byte 0xE9" + NotUtf8Tail),
        ["invalid-byte-ff-on-last-line"] = (() => [.. HostileHarness.Utf8(Small), 0xFF, 0x0A],
            "{file}:5:1: the file is not valid UTF-8: byte 0xFF" + NotUtf8Tail),
        ["truncated-sequence"] = (() => Around([0xC3, 0x28]), "{file}:3:13: the file is not valid UTF-8: byte 0xC3" + NotUtf8Tail),
        ["overlong-slash"] = (() => Around([0xC0, 0xAF]), "{file}:3:13: the file is not valid UTF-8: byte 0xC0" + NotUtf8Tail),
        ["encoded-surrogate"] = (() => Around([0xED, 0xA0, 0x80]), "{file}:3:13: the file is not valid UTF-8: byte 0xED" + NotUtf8Tail),
        ["after-four-byte-character"] = (() => Around([.. HostileHarness.Utf8("\U0001F600"), 0xFE]),
            "{file}:3:15: the file is not valid UTF-8: byte 0xFE" + NotUtf8Tail),
        ["raw-nul"] = (() => HostileHarness.Utf8(Small.Replace("TASS", "TA\0SS", StringComparison.Ordinal)),
            "{file}:3:14: invalid YAML: while parsing a block mapping, did not find expected key; fix the syntax at this position."),
        ["raw-nul-in-quotes"] = (() => HostileHarness.Utf8(Small.Replace("TASS", "\"TA\0SS\"", StringComparison.Ordinal)),
            "{file}:3:11: invalid YAML: while scanning a quoted scalar, found unexpected end of stream; fix the syntax at this position."),
        ["scalar-over-limit"] = (() => HostileHarness.Utf8(Small.Replace("TASS", new string('x', 1_000_001), StringComparison.Ordinal)),
            "{file}:3:11: " + TooLong),
        ["explicit-key-over-limit"] = (() => HostileHarness.Utf8("sources:\n  - ? " + new string('k', 1_000_001) + "\n    : 1\n"),
            "{file}:2:7: " + TooLong),
        ["five-million-characters-on-one-line"] = (() => HostileHarness.Utf8(new string('a', 5_000_000)), "{file}:1:1: " + TooLong),
        ["flow-sequences-100000-deep"] = (() => HostileHarness.Utf8("sources: " + new string('[', 100_000) + new string(']', 100_000)),
            "{file}:1:73: " + TooDeep),
        ["flow-sequences-100000-deep-unclosed"] = (() => HostileHarness.Utf8("sources: " + new string('[', 100_000)), "{file}:1:73: " + TooDeep),
        ["flow-mappings-100000-deep"] = (() => HostileHarness.Utf8("sources: " + string.Concat(Enumerable.Repeat("{a: ", 100_000))),
            "{file}:1:262: " + TooDeep),
        ["block-sequences-10000-deep"] = (() => HostileHarness.Utf8("sources:\n" + string.Concat(Enumerable.Range(1, 10_000).Select(i => new string(' ', i) + "- \n"))),
            "{file}:65:65: " + TooDeep),
        ["block-mappings-10000-deep"] = (() => HostileHarness.Utf8(string.Concat(Enumerable.Range(0, 10_000).Select(i => new string(' ', i) + "k:\n"))),
            "{file}:65:65: " + TooDeep),
        ["half-a-million-aliases-of-one-scalar"] = (() => HostileHarness.Utf8("a: &a x\nb: [" + string.Join(",", Enumerable.Repeat("*a", 500_000)) + "]\n"),
            "{file}:2:30140: aliases in this file expand to more than 10 times the nodes it spells out (GraphLimits.MaxAliasExpansion); write the values out instead of nesting aliases."),
        ["alias-as-key"] = (() => HostileHarness.Utf8("? &a [x]\n: 1\n"), "{file}:1:3: a key in the graph must be a plain string, not a list or mapping."),
        ["alias-inside-its-own-anchor"] = (() => HostileHarness.Utf8("sources: &s [*s]\n"),
            "{file}:1:14: alias '*s' refers to no complete anchor before it; define '&s' earlier."),
        ["duplicate-top-level-key"] = (() => HostileHarness.Utf8("sources: []\nsources: []\n"),
            "{file}:2:1: 'sources' is given twice in the graph; the first is at {file}:1:1; keep one."),
        ["nfc-and-nfd-ids"] = (() => HostileHarness.Utf8(TwoSources("caf\u00e9", "cafe\u0301")),
            "The graph has 2 problems and was not loaded:\n"
            + "{file}:2:9: source id 'caf\u00e9'" + MalformedTail + "\n"
            + "{file}:5:9: source id 'cafe\u0301'" + MalformedTail),
        ["cyrillic-look-alike-id"] = (() => HostileHarness.Utf8(TwoSources("tass", "t\u0430ss")), "{file}:5:9: source id 't\u0430ss'" + MalformedTail),
        ["fullwidth-digit-id"] = (() => HostileHarness.Utf8(TwoSources("tass", "tass\uFF11")), "{file}:5:9: source id 'tass\uFF11'" + MalformedTail),
        ["zero-width-joiner-in-id"] = (() => HostileHarness.Utf8(TwoSources("tass", "ta\u200Dss")), "{file}:5:9: source id 'ta\u200Dss'" + MalformedTail),
        ["newline-in-id-cannot-forge-a-problem-line"] = (() => HostileHarness.Utf8(TwoSources("tass", "\"a\\nother.yaml:1:1: all is well\"")),
            "{file}:5:9: source id 'a\\u000Aother.yaml:1:1: all is well'" + MalformedTail),
        ["terminal-escape-in-id"] = (() => HostileHarness.Utf8(TwoSources("tass", "\"ta\\e[31mss\"")), "{file}:5:9: source id 'ta\\u001B[31mss'" + MalformedTail),
        ["right-to-left-override-in-id"] = (() => HostileHarness.Utf8(TwoSources("tass", "ta\u202Ess")), "{file}:5:9: source id 'ta\\u202Ess'" + MalformedTail),
        ["implicit-separator-in-id"] = (() => HostileHarness.Utf8(TwoSources("tass", "a~b")), "{file}:5:9: source id 'a~b'" + MalformedTail),
        ["id-of-201-characters"] = (() => HostileHarness.Utf8(TwoSources("tass", new string('a', 201))), "{file}:5:9: source id '" + new string('a', 201) + "'" + MalformedTail),
        ["year-0"] = (() => Published("0000-01-01T00:00:00Z"), "{file}:9:16: date '0000-01-01T00:00:00Z' does not exist: year 0 does not exist; fix it."),
        ["year-10000"] = (() => Published("10000-01-01T00:00:00Z"),
            "{file}:9:16: date '10000-01-01T00:00:00Z' is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00."),
        ["offset-plus-25"] = (() => Published("2020-01-01T00:00:00+25:00"),
            "{file}:9:16: date '2020-01-01T00:00:00+25:00' does not exist: offset +25:00 is beyond ±14:00; fix it."),
        ["february-30"] = (() => Published("2020-02-30T00:00:00Z"), "{file}:9:16: date '2020-02-30T00:00:00Z' does not exist: 2020-02 has 29 days; fix it."),
        ["february-29-of-a-common-year"] = (() => Published("2021-02-29T00:00:00Z"), "{file}:9:16: date '2021-02-29T00:00:00Z' does not exist: 2021-02 has 28 days; fix it."),
        ["hour-24"] = (() => Published("2020-01-01T24:00:00Z"), "{file}:9:16: date '2020-01-01T24:00:00Z' does not exist: there is no hour 24; fix it."),
        ["leap-second"] = (() => Published("2020-12-31T23:59:60Z"), "{file}:9:16: date '2020-12-31T23:59:60Z' does not exist: there is no second 60; fix it."),
        ["last-day-west-of-utc-overflows"] = (() => Published("9999-12-31T23:00:00-14:00"),
            "{file}:9:16: date '9999-12-31T23:00:00-14:00' does not exist: it is out of range; fix it."),
        ["first-day-east-of-utc-underflows"] = (() => Published("0001-01-01T00:00:00+14:00"),
            "{file}:9:16: date '0001-01-01T00:00:00+14:00' does not exist: it is out of range; fix it."),
        ["arabic-indic-digits"] = (() => Published("\u0662\u0660\u0662\u0660-01-01T00:00:00Z"),
            "{file}:9:16: date '\u0662\u0660\u0662\u0660-01-01T00:00:00Z' is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00."),
        ["self-citation"] = (() => HostileHarness.Utf8(Reports(("r1", "r1"))),
            "{file}:15:21: report 'r1' cites itself for claim 'c'; a citation must point to another report or source."),
        ["dangling-report"] = (() => HostileHarness.Utf8(Reports(("r1", "nowhere"))), "{file}:15:21: unknown report 'nowhere'; define it or fix the reference."),
        ["dangling-source"] = (() => HostileHarness.Utf8(Small + "reports:\n  - id: r\n    source: nobody\n    kind: article\n"),
            "{file}:7:13: unknown source 'nobody'; define it or fix the reference."),
        ["custom-tag-on-root"] = (() => HostileHarness.Utf8("!!python/object:os.system [rm]\n"),
            "{file}:1:1: a graph file must be a mapping with the keys affiliations, sources, claims and reports, not a list."),
    };

    public static TheoryData<string> RejectedNames => [.. Rejected.Keys];

    [Theory]
    [MemberData(nameof(RejectedNames))]
    public void Load_HostileInput_ThrowsGraphValidationExceptionWithPosition(string name)
    {
        var (bytes, expected) = Rejected[name];

        var (graph, error, file) = HostileHarness.LoadYaml(name, bytes());

        Assert.Null(graph);
        Assert.NotNull(error);
        Assert.Equal(expected.Replace("{file}", file, StringComparison.Ordinal), error.Message);
        Assert.Equal(file, error.FilePath);
        Assert.All(error.Diagnostics, d => Assert.True(d.Location is { Line: >= 1, Column: >= 1 } at && at.File == file, d.ToString()));
    }

    [Theory]
    [InlineData("utf8-bom", new byte[] { 0xEF, 0xBB, 0xBF })]
    [InlineData("utf16le-bom", new byte[] { 0xFF, 0xFE })]
    [InlineData("utf16be-bom", new byte[] { 0xFE, 0xFF })]
    [InlineData("utf32le-bom", new byte[] { 0xFF, 0xFE, 0x00, 0x00 })]
    public void Load_ByteOrderMark_DecodesAsYamlAllows(string name, byte[] bom)
    {
        // YAML 1.2 (section 5.2) allows UTF-16 and UTF-32 with a byte-order mark; the mark picks the decoder.
        var encoding = name switch
        {
            "utf16le-bom" => Encoding.Unicode,
            "utf16be-bom" => Encoding.BigEndianUnicode,
            "utf32le-bom" => Encoding.UTF32,
            _ => Encoding.UTF8,
        };
        var text = Small.Replace("TASS", "ТАСС \U0001F600", StringComparison.Ordinal);

        var (graph, error, _) = HostileHarness.LoadYaml(name, [.. bom, .. encoding.GetBytes(text)]);

        Assert.Null(error);
        Assert.Equal("ТАСС \U0001F600", Assert.Single(graph!.Sources).Name);
    }

    [Fact]
    public void Load_EscapedNulInQuotedName_LoadsAndRoundTrips()
    {
        var (graph, error, _) = HostileHarness.LoadYaml("escaped-nul", HostileHarness.Utf8(Small.Replace("TASS", "\"TA\\0SS\\e\\u2028\"", StringComparison.Ordinal)));

        Assert.Null(error);
        Assert.Equal("TA\0SS\u001B\u2028", Assert.Single(graph!.Sources).Name);
        var saved = ProvenanceYaml.ToYaml(graph);
        Assert.Equal(saved, ProvenanceYaml.ToYaml(ProvenanceYaml.Parse(saved)));
    }

    [Fact]
    public void Load_IdsDifferingOnlyByCase_AreDistinct()
    {
        // Ids are ASCII and compared ordinally (README "Security and limits"): 'tass' and 'TASS' are two sources.
        var (graph, error, _) = HostileHarness.LoadYaml("case", HostileHarness.Utf8(TwoSources("tass", "TASS")));

        Assert.Null(error);
        Assert.Equal(["tass", "TASS"], graph!.Sources.Select(s => s.Id));
    }

    [Fact]
    public void Load_NamesDifferingByNormalisation_AreKeptAsWritten()
    {
        // Free text is never normalised: NFC and NFD spellings stay distinct strings, byte for byte.
        var yaml = TwoSources("a", "b").Replace("name: A", "name: caf\u00e9", StringComparison.Ordinal).Replace("name: B", "name: cafe\u0301", StringComparison.Ordinal);

        var (graph, error, _) = HostileHarness.LoadYaml("normalisation", HostileHarness.Utf8(yaml));

        Assert.Null(error);
        Assert.Equal(["caf\u00e9", "cafe\u0301"], graph!.Sources.Select(s => s.Name));
    }

    [Fact]
    public void Load_NonSeekableStreamWithLatin1_ReportsFileStart()
    {
        var bytes = Encoding.Latin1.GetBytes(Small.Replace("TASS", "TAéSS", StringComparison.Ordinal));

        var error = Assert.Throws<GraphValidationException>(() => HostileHarness.Run("non-seekable", () => ProvenanceYaml.Load(new OneWayStream(bytes), "in.yaml")));

        Assert.Equal("in.yaml:1:1: the file is not valid UTF-8: byte 0xE9" + NotUtf8Tail, error.Message);
        Assert.IsType<DecoderFallbackException>(error.InnerException);
    }

    [Fact]
    public void Load_EveryTruncationOfAValidFile_LoadsOrReportsAPosition()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "valid", "mi24-excerpt.yaml"));

        HostileHarness.Run("truncations", () =>
        {
            for (var length = 0; length <= bytes.Length; length++)
            {
                var cut = bytes[..length];
                var (graph, error) = HostileHarness.Outcome($"cut at {length}", () => ProvenanceYaml.Load(new MemoryStream(cut), "cut.yaml"));
                if (error is not null)
                {
                    Assert.True(error.Diagnostics.All(d => d.Location is { Line: >= 1, Column: >= 1 }), $"cut at {length}: {error.Message}");
                }
                else
                {
                    Assert.Equal(ProvenanceYaml.ToYaml(graph!), ProvenanceYaml.ToYaml(ProvenanceYaml.Parse(ProvenanceYaml.ToYaml(graph!))));
                }
            }

            return 0;
        });
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(1000)]
    public void Load_ReportCycleOfLengthN_LoadsAndIsFound(int n)
    {
        var yaml = Reports([.. Enumerable.Range(0, n).Select(i => ($"r{i}", $"r{(i + 1) % n}"))]);

        var (graph, error, _) = HostileHarness.LoadYaml($"cycle of {n}", HostileHarness.Utf8(yaml));

        Assert.Null(error);
        var cycle = Assert.Single(graph!.CircularReporting().Overall);
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"r{i}"), cycle.Reports);
        var trace = graph!.Trace("c");
        Assert.Equal(n, trace.Chains.Length);
        Assert.All(trace.Chains, chain => Assert.Equal(ChainEndKind.Cycle, chain.End.Kind));
        Assert.All(trace.Chains, chain => Assert.Equal(n, chain.Hops.Length));
    }

    [Fact]
    public void Load_BraceOpenedInsideBlockMapping_ReportsSyntaxErrorNotInvalidOperation()
    {
        // Regression for issue 9, found by mutation: YamlDotNet 16.3 throws InvalidOperationException on this file.
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "hostile", "yamldotnet-invalid-operation.yaml"));

        var (graph, error, file) = HostileHarness.LoadYaml("brace in block mapping", bytes);

        Assert.Null(graph);
        Assert.Equal(file + ":76:5: invalid YAML: the parser cannot read on from here; fix the syntax at this position.", error!.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void Load_ManyLongDanglingReferencesAgainstManyLongIds_FinishesWithoutSuggestions()
    {
        // Regression for issue 9: every unknown id was compared with up to 100,000 known ids by edit distance, so 20 unknown
        // 200-character ids against 20,000 known ones took minutes. The suggestions now share a bounded budget of work.
        var random = new Random(9);
        string Id() => new([.. Enumerable.Range(0, 200).Select(_ => (char)('a' + random.Next(26)))]);
        var yaml = new StringBuilder("sources:\n  - id: s\n    name: S\n    kind: outlet\nclaims:\n  - id: c\n    text: C\nreports:\n");
        for (var i = 0; i < 20_000; i++)
        {
            yaml.Append("  - id: ").Append(Id()).Append("\n    source: s\n    kind: article\n    assertions: [{claim: c, mode: first-hand}]\n");
        }

        for (var i = 0; i < 20; i++)
        {
            yaml.Append("  - id: x").Append(i).Append("\n    source: s\n    kind: article\n    assertions: [{claim: c, via: [{report: ").Append(Id()).Append(", kind: citing}]}]\n");
        }

        var error = HostileHarness.Run("dangling", () => Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse(yaml.ToString())), TimeSpan.FromMinutes(2));

        Assert.Equal(20, error.Diagnostics.Length);
        Assert.All(error.Diagnostics, d => Assert.EndsWith("; define it or fix the reference.", d.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ManyLongUnknownEnumValues_FinishesWithoutFillingEditDistanceTables()
    {
        // Regression for issue 9: each unknown value was compared with every valid name through a full edit-distance table,
        // (value length + 1) x (name length + 1) cells, so 50 values of 200,000 characters cost gigabytes of tables.
        var yaml = new StringBuilder("sources:\n");
        for (var i = 0; i < 50; i++)
        {
            yaml.Append("  - id: s").Append(i).Append("\n    name: S\n    kind: ").Append('k', 200_000).Append('\n');
        }

        var error = HostileHarness.Run("long enum values", () => Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse(yaml.ToString())), TimeSpan.FromMinutes(2));

        Assert.Equal(50, error.Diagnostics.Length);
        Assert.All(error.Diagnostics, d => Assert.StartsWith("unknown source kind 'kkk", d.Message, StringComparison.Ordinal));
        Assert.All(error.Diagnostics, d => Assert.EndsWith("'; use one of news-agency, outlet, broadcaster, government, military-unit, person, social-media, anonymous, other.", d.Message, StringComparison.Ordinal));
    }

    private static byte[] Around(byte[] bad) =>
        [.. HostileHarness.Utf8("sources:\n  - id: tass\n    name: TA"), .. bad, .. HostileHarness.Utf8("SS\n    kind: news-agency\n")];

    private static string TwoSources(string first, string second) =>
        $"sources:\n  - id: {first}\n    name: A\n    kind: outlet\n  - id: {second}\n    name: B\n    kind: outlet\n";

    private static byte[] Published(string date) =>
        HostileHarness.Utf8("sources:\n  - id: s\n    name: S\n    kind: outlet\nreports:\n  - id: r\n    source: s\n    kind: article\n    published: " + date + "\n");

    /// <summary>A graph of reports of one source, each citing another report for claim c (line 15 holds the first 'report:').</summary>
    private static string Reports(params (string From, string To)[] citations)
    {
        var yaml = new StringBuilder("sources:\n  - id: s\n    name: S\n    kind: outlet\nclaims:\n  - id: c\n    text: C\nreports:\n");
        foreach (var (from, to) in citations)
        {
            yaml.Append("  - id: ").Append(from).Append("\n    source: s\n    kind: article\n    assertions:\n      - claim: c\n        via:\n")
                .Append("          - report: ").Append(to).Append("\n            kind: citing\n");
        }

        return yaml.ToString();
    }

    /// <summary>A stream that cannot seek, as a network stream.</summary>
    internal sealed class OneWayStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
