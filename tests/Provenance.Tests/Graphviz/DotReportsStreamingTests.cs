using Provenance.Generation;
using Provenance.Graphviz;

namespace Provenance.Tests.Graphviz;

/// <summary>
/// The report view is written straight from the graph's columns (<c>DotReportsWriter</c>); these tests hold it to the
/// text the diagram path gives for the same view (<c>DiagramBuilder</c>'s diagram, which Mermaid still draws, written
/// by <c>DotDiagramWriter</c>), on generated, random and hostile graphs under many option sets.
/// </summary>
public class DotReportsStreamingTests
{
    public static TheoryData<string> OptionSets => [.. Options.Keys];

    private static readonly Dictionary<string, Func<DotOptions>> Options = new()
    {
        ["defaults"] = () => new DotOptions(),
        ["by affiliation"] = () => new DotOptions { ClusterBy = DotClusterBy.Affiliation },
        ["by country, mono, top-down"] = () => new DotOptions { ClusterBy = DotClusterBy.Country, Theme = DotTheme.Monochrome, RankDirection = DotRankDirection.TopToBottom },
        ["no labels"] = () => new DotOptions { Labels = DotLabels.None },
        ["claims only"] = () => new DotOptions { Labels = DotLabels.Claims },
        ["kinds and hedges"] = () => new DotOptions { Labels = DotLabels.CitationKinds | DotLabels.Hedges },
        ["details only"] = () => new DotOptions { Labels = DotLabels.NodeDetails },
        ["cut to 1"] = () => new DotOptions { MaxLabelLength = 1 },
        ["cut to 4"] = () => new DotOptions { MaxLabelLength = 4 },
        ["cut to 9"] = () => new DotOptions { MaxLabelLength = 9 },
        ["no tooltips, no links"] = () => new DotOptions { EvidenceTooltips = false, Links = false },
        ["no legend, hostile title"] = () => new DotOptions { ShowLegend = false, Title = "t \" \\ <&> \n x\\" },
        ["legend and title"] = () => new DotOptions { Title = "Mi-24 \"by mistake\" & <more>" },
        ["hooks"] = () => new DotOptions
        {
            ReportStyle = r => r.Id.Length % 3 == 0 ? new DotNodeStyle { FillColor = "#123456", Shape = DotShape.Hexagon, BorderWidth = 2.5 } : null,
            CitationStyle = c => c.Hedge != Hedge.None ? new DotEdgeStyle { Color = "#654321", LineStyle = DotLineStyle.Dotted } : null,
            ClusterBy = DotClusterBy.Affiliation,
        },
    };

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Reports_GeneratedGraph_SameTextAsDiagramPath(string optionSet)
    {
        foreach (var seed in new[] { 1, 7 })
        {
            var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 600, Seed = seed });

            AssertSame(graph, Options[optionSet]());
        }
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void Reports_RandomHostileAndSmallGraphs_SameTextAsDiagramPath(string optionSet)
    {
        AssertSame(GraphvizSamples.Small(), Options[optionSet]());
        AssertSame(GraphvizSamples.Hostile(), Options[optionSet]());
        AssertSame(OddText(), Options[optionSet]());
        for (var seed = 0; seed < 12; seed++)
        {
            AssertSame(GraphvizSamples.Random(seed), Options[optionSet]());
        }
    }

    [Fact]
    public void Reports_EmptyGraph_SameTextAsDiagramPath()
    {
        AssertSame(new CitationGraphBuilder().Build(), new DotOptions());
        AssertSame(new CitationGraphBuilder().Build(), new DotOptions { Title = "empty" });
    }

    [Fact]
    public void Reports_HookFails_NothingWritten()
    {
        var options = new DotOptions { CitationStyle = _ => new DotEdgeStyle { Color = "x;y" } };
        using var writer = new StringWriter();

        var error = Assert.Throws<ArgumentException>(() => GraphvizSamples.Small().ToDot(DotView.Reports, writer, options));

        Assert.StartsWith("DotOptions.CitationStyle.Color 'x;y' is not a colour", error.Message, StringComparison.Ordinal);
        Assert.Equal("", writer.ToString());
    }

    /// <summary>Titles cut inside a surrogate pair or ending in a carriage return, a lone surrogate (kept as a string by the text store), odd URLs, offsets.</summary>
    private static CitationGraph OddText() => new CitationGraphBuilder()
        .AddAffiliation(new Affiliation("a.b", "A \"&\" B"))
        .AddSource(new Source("s", "🚁🚁🚁🚁🚁", SourceKind.Outlet) { Affiliation = "a.b", Country = "RU" })
        .AddSource(new Source("t:x", "T\r", SourceKind.Person) { Url = "https://example.org/p" })
        .AddClaim(new Claim("c/1", "claim"))
        .AddClaim(new Claim("c-2", "claim 2"))
        .AddReport(new Report("r1", "s", ReportKind.Article)
        {
            Title = "ab🚁cd🚁ef\r",
            Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromMinutes(-330)),
            Url = "https://Example.org/a b?x=1&y=<2>",
        })
        .AddReport(new Report("r.2", "t:x", ReportKind.Video) { Title = "lone \ud800 surrogate\\", Url = "https://example.org/ok/path-1" })
        .AddReport(new Report("r3", "t:x", ReportKind.Post) { Title = "\r\n", Url = "http://xn--e1afmkfd.example/x", Published = new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero) })
        .AddReport(new Report("r4", "s", ReportKind.Statement) { Url = "ftp://example.org/x" })
        .AddReport(Report.Implicit("r1~t:x", "t:x", "r1"))
        .AddAssertion(new Assertion("r4", "c/1", AssertionMode.FirstHand))
        .AddAssertion(new Assertion("r3", "c-2", AssertionMode.Unattributed))
        .AddCitation(new Citation("r1", "r4", "c/1", CitationKind.DirectQuote, Hedge.Alleged, "ev \\ \"q\" \r\n 🚁 \u0001"))
        .AddCitation(new Citation("r.2", "r1", "c/1", CitationKind.Inferred, Hedge.None, "\\"))
        .AddCitation(new Citation("r1", "r1~t:x", "c-2", CitationKind.Citing, Hedge.Unconfirmed, ""))
        .AddCitation(new Citation("r.2", "r3", "c-2", CitationKind.Paraphrase, Hedge.Reportedly, "x"))
        .Build();

    private static void AssertSame(CitationGraph graph, DotOptions options)
    {
        using var reference = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        DotDiagramWriter.Write(DiagramBuilder.Build(graph, DotView.Reports, options), options, reference);

        var streamed = graph.ToDot(DotView.Reports, options);

        Assert.Equal(reference.ToString(), streamed);
    }
}
