using System.Text.RegularExpressions;
using Provenance.Graphviz;
using Provenance.Testing;
using Provenance.Tests.Graphviz;

namespace Provenance.Tests.Hostile;

/// <summary>
/// Injection (issue 9): ids and labels built to break out of DOT or Mermaid syntax must come out as literal text. Each hostile
/// graph has a benign twin of the same shape; dot must accept both and draw the same number of nodes, edges and clusters, and
/// the Mermaid text must have the same lines with only the quoted labels differing.
/// </summary>
public sealed partial class DiagramInjectionTests
{
    private static readonly string[] Hostile =
    [
        "\"]; evil -> x [label=\"", "<b>bold</b> <i>", "ends with a backslash \\", "two\nlines", "carriage\rreturn", "} { node [shape=box]",
        "a --> b", "%%{init: {\"theme\": \"dark\"}}%%", "`backtick` ``", "&amp; &#x27; &lt;", "\\N \\G \\L \\l \\r", "<<html>>", "'single'",
        "tab\there", "]] [[", "click n0 call alert()", "\u202Eevil\u202C", "|pipe|", "; digraph g {", "#quot; #35;", "\\\"", "end",
        "subgraph x", "-->|x|", "<br/>", "\0nul", "\"", "\\", "{", "}",
    ];

    private static readonly string[] HostileIds = ["node", "edge", "graph", "subgraph", "end", "strict", "digraph", "style", "click", "classDef", "default", "a:b/c.d-e_f", "o", "x"];

    public static TheoryData<string> Views => ["sources", "reports", "trace"];

    [SkippableTheory]
    [MemberData(nameof(Views))]
    public void ToDot_HostileIdsAndLabels_DrawnLikeTheirBenignTwin(string view)
    {
        var options = new DotOptions { ClusterBy = DotClusterBy.Affiliation, MaxLabelLength = 1000 };
        var hostile = Build(hostile: true);
        var benign = Build(hostile: false);

        var hostileSvg = GraphvizTestKit.RenderSvg(hostile.ToDot(View(view, hostile), With(options, Hostile[0])), $" (hostile, {view})");
        var benignSvg = GraphvizTestKit.RenderSvg(benign.ToDot(View(view, benign), With(options, "Title")), $" (benign, {view})");

        Assert.Equal(benignSvg.Nodes.Count, hostileSvg.Nodes.Count);
        Assert.Equal(benignSvg.Edges.Count, hostileSvg.Edges.Count);
        Assert.Equal(benignSvg.Groups("cluster").Count(), hostileSvg.Groups("cluster").Count());
        Assert.Equal(benignSvg.LegendNodes, hostileSvg.LegendNodes);
        Assert.True(benignSvg.Nodes.Count > 1, "the twin draws something");
    }

    [SkippableTheory]
    [MemberData(nameof(Views))]
    public void ToMermaid_HostileIdsAndLabels_OnlyQuotedLabelsDiffer(string view)
    {
        var options = new DotOptions { ClusterBy = DotClusterBy.Affiliation, MaxLabelLength = 1000 };
        var hostile = Build(hostile: true);
        var benign = Build(hostile: false);

        var hostileMermaid = hostile.ToMermaid(View(view, hostile), options);
        var benignMermaid = benign.ToMermaid(View(view, benign), options);
        var hostileLines = hostileMermaid.Split('\n');
        var benignLines = benignMermaid.Split('\n');

        Assert.Equal(benignLines.Length, hostileLines.Length);
        Assert.Equal(benignLines.Select(Skeleton), hostileLines.Select(Skeleton));
        Assert.All(hostileLines, line => Assert.DoesNotContain('\r', line));
        Assert.All(hostileLines, line => Assert.False(line.TrimStart().StartsWith("%%", StringComparison.Ordinal), line));
        MermaidCheck.AssertRenders(hostileMermaid, $"the injection graph's {view} (hostile ids and labels)");
        MermaidCheck.AssertRenders(benignMermaid, $"the injection graph's benign twin, {view}");
    }

    /// <summary>
    /// A Mermaid line with its quoted labels and tooltips emptied: what Mermaid parses as syntax. The title in the front
    /// matter is a YAML double-quoted string, where <c>\"</c> is an escaped quote.
    /// </summary>
    private static string Skeleton(string line) =>
        line.StartsWith("title: ", StringComparison.Ordinal) ? YamlQuoted().Replace(line, "\"\"") : Quoted().Replace(line, "\"\"");

    private static DotView View(string view, CitationGraph graph) => view switch
    {
        "sources" => DotView.Sources,
        "reports" => DotView.Reports,
        _ => DotView.ClaimTrace(graph.Claims[0].Id),
    };

    private static DotOptions With(DotOptions options, string title) =>
        new() { ClusterBy = options.ClusterBy, MaxLabelLength = options.MaxLabelLength, Title = title };

    /// <summary>The same graph, with hostile or benign ids and text: sources in two affiliations, a report chain, an implicit chain, hedges.</summary>
    private static CitationGraph Build(bool hostile)
    {
        var k = 0;
        string Text() => hostile ? string.Join(" ", Hostile.Skip(k++ % Hostile.Length).Take(4)) : "text " + k++;
        string Id(int i) => hostile ? HostileIds[i] : "id" + i;
        var b = new CitationGraphBuilder();
        b.AddAffiliation(new Affiliation(Id(0), Text()) { Description = Text() });
        b.AddAffiliation(new Affiliation(Id(1), Text()));
        for (var i = 2; i < 7; i++)
        {
            b.AddSource(new Source(Id(i), Text(), (SourceKind)(i % 9)) { Aliases = [Text(), Text()], Affiliation = i < 4 ? Id(i % 2) : null, Url = "https://example.org/" + i });
        }

        b.AddClaim(new Claim(Id(7), Text()) { Contradicts = [Id(8)] });
        b.AddClaim(new Claim(Id(8), Text()));
        for (var i = 9; i < 13; i++)
        {
            b.AddReport(new Report(Id(i), Id(2 + (i % 5)), ReportKind.Article) { Title = Text(), Url = "https://example.org/r" + i });
        }

        b.AddAssertion(new Assertion(Id(9), Id(7), AssertionMode.FirstHand, Text()));
        b.AddAssertion(new Assertion(Id(9), Id(8), AssertionMode.Unattributed, Text()));
        b.AddCitation(new Citation(Id(10), Id(9), Id(7), CitationKind.DirectQuote, Hedge.Alleged, Text()));
        b.AddCitation(new Citation(Id(11), Id(10), Id(7), CitationKind.Paraphrase, Hedge.None, Text()));
        b.AddCitation(new Citation(Id(12), Id(9), Id(7), CitationKind.AccordingTo, Hedge.Reportedly, Text()));
        var implicitId = Id(12) + "~" + Id(13);
        b.AddSource(new Source(Id(13), Text(), SourceKind.Anonymous));
        b.AddReport(Report.Implicit(implicitId, Id(13), Id(12)));
        b.AddCitation(new Citation(Id(12), implicitId, Id(8), CitationKind.Citing, Hedge.Unconfirmed, Text()));
        return b.Build();
    }

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex Quoted();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex YamlQuoted();
}
