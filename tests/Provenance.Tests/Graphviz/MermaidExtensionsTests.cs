using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Provenance.Graphviz;
using Provenance.Testing;
using static Provenance.Tests.Graphviz.GraphvizTestKit;

namespace Provenance.Tests.Graphviz;

public partial class MermaidExtensionsTests
{
    [SkippableTheory]
    [InlineData("sources")]
    [InlineData("reports")]
    [InlineData("az-mistake")]
    public void ToMermaid_SmallGraph_MatchesGolden(string view)
    {
        var dotView = view switch { "sources" => DotView.Sources, "reports" => DotView.Reports, _ => DotView.ClaimTrace(view) };

        var mermaid = GraphvizSamples.Small().ToMermaid(dotView);

        AssertGolden($"small-{(view is "sources" or "reports" ? view : "trace-" + view)}.mmd", mermaid);
        MermaidCheck.AssertRenders(mermaid, $"the small graph's {dotView}");
    }

    [SkippableTheory]
    [InlineData("say \"hi\"", "say #quot;hi#quot;")]
    [InlineData("#quot; #35;", "#35;quot; #35;35;")]
    [InlineData("<b>&</b>", "#lt;b#gt;#amp;#lt;/b#gt;")]
    [InlineData("a\r\nb\nc", "a<br/>b<br/>c")]
    [InlineData("`md` \\ | ; %% end", "#96;md#96; \\ | ; %% end")]
    [InlineData("Ж🚁", "Ж🚁")]
    [InlineData("a\r", "a<br/>")]
    [InlineData("a\rb", "a<br/>b")]
    [InlineData("\r\r\n", "<br/><br/>")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\u0001b\u007F", "a\uFFFDb\uFFFD")]
    public void Text_Hostile_IsEscapedWithEntities(string text, string expected) => Assert.Equal(expected, MermaidWriter.Text(text));

    [SkippableFact]
    public void ToMermaid_HostileGraph_KeepsEveryTextInsideItsQuotes()
    {
        var graph = GraphvizSamples.Hostile();

        foreach (var view in new[] { DotView.Sources, DotView.Reports, DotView.ClaimTrace("c") })
        {
            var mermaid = graph.ToMermaid(view, new DotOptions { MaxLabelLength = 1000, ClusterBy = DotClusterBy.Affiliation, Title = "t \"x\" \\" });

            // A claim trace's title carries the headline answer after the given title.
            var title = view is DotView.ClaimTraceView ? "t \\\"x\\\" \\\\ " + TraceHeadline.Of(graph, graph.Trace("c")).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) : "t \\\"x\\\" \\\\";
            Assert.StartsWith("---\ntitle: \"" + title + "\"\n---\nflowchart LR\n", mermaid, StringComparison.Ordinal);
            foreach (var line in mermaid.Split('\n')[4..^1])
            {
                var outside = QuotedString().Replace(line, "\"\"");
                Assert.True(Structure().IsMatch(outside), $"Line escapes its quotes in {view}: {line}");
                foreach (Match quoted in QuotedString().Matches(line.TrimStart().StartsWith("click ", StringComparison.Ordinal) ? "" : line))
                {
                    var inside = LabelTags().Replace(quoted.Value[1..^1], "");
                    Assert.True(inside.IndexOfAny(['<', '>', '&', '`', '\n', '\r']) < 0, $"Unescaped markup in {view}: {line}");
                }
            }

            var modelNodes = mermaid.Split('\n').Count(l => NodeLine().IsMatch(QuotedString().Replace(l, "\"\"")));
            Assert.Equal(view == DotView.Sources ? graph.Sources.Length : graph.Reports.Length, modelNodes);
            MermaidCheck.AssertRenders(mermaid, $"the hostile graph's {view}, clustered by affiliation, with a hostile title");
        }
    }

    [SkippableFact]
    public void ToMermaid_NodeIds_AreGeneratedNotModelIds()
    {
        var mermaid = GraphvizSamples.Hostile().ToMermaid(DotView.Sources, new DotOptions { ShowLegend = false });

        Assert.Contains("\n  n9[\"<b>]; x -#gt; y [</b><br/>outlet · X#quot;Y\"]\n", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("\n  end[", mermaid, StringComparison.Ordinal);
        MermaidCheck.AssertRenders(mermaid, "the hostile graph's sources without a legend");
    }

    [SkippableFact]
    public void ToMermaid_Links_OnlyHttp()
    {
        var mermaid = GraphvizSamples.Hostile().ToMermaid(DotView.Sources, new DotOptions { ShowLegend = false });

        Assert.Contains("  click n0 href \"https://example.org/a?b=%22%3Cc%3E&d=%27e%27%20f\" \"node\" _blank", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", mermaid, StringComparison.Ordinal);
        MermaidCheck.AssertRenders(mermaid, "the hostile graph's sources with links");
    }

    [SkippableFact]
    public void ToMermaid_TextWriter_WritesTheSameText()
    {
        var graph = GraphvizSamples.Small();
        var writer = new StringWriter { NewLine = "\r\n" };

        graph.ToMermaid(DotView.Reports, writer);

        Assert.Equal(graph.ToMermaid(DotView.Reports), writer.ToString());
        Assert.DoesNotContain('\r', writer.ToString());
        MermaidCheck.AssertRenders(writer.ToString(), "the small graph's reports written to a TextWriter");
    }

    // Lone surrogates cannot go through attribute data (metadata stores strings as UTF-8), so they are built here.
    [Fact]
    public void Text_LoneSurrogates_BecomeReplacementCharacters()
    {
        Assert.Equal("a\uFFFD", MermaidWriter.Text(new string(['a', (char)0xD83D])));
        Assert.Equal("\uFFFDx", MermaidWriter.Text(new string([(char)0xD83D, 'x'])));
        Assert.Equal("x\uFFFD", MermaidWriter.Text(new string(['x', (char)0xDE81])));
        Assert.Equal("\uD83D\uDE81", MermaidWriter.Text(new string([(char)0xD83D, (char)0xDE81])));
    }

    [SkippableTheory]
    [InlineData(DotRankDirection.LeftToRight, "LR")]
    [InlineData(DotRankDirection.TopToBottom, "TB")]
    [InlineData(DotRankDirection.RightToLeft, "RL")]
    [InlineData(DotRankDirection.BottomToTop, "BT")]
    public void ToMermaid_RankDirection_IsTheFlowchartDirection(DotRankDirection direction, string expected)
    {
        var mermaid = GraphvizSamples.Small().ToMermaid(DotView.Sources, new DotOptions { RankDirection = direction });

        Assert.Equal(["flowchart " + expected], mermaid.Split('\n').Where(l => l.StartsWith("flowchart", StringComparison.Ordinal)));
        MermaidCheck.AssertRenders(mermaid, $"the small graph's sources, {direction}");
    }

    [SkippableFact]
    public void ToMermaid_InvalidOptions_Throw()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => GraphvizSamples.Small().ToMermaid(DotView.Sources, new DotOptions { MaxLabelLength = 0 }));

        Assert.Equal("MaxLabelLength", error.ParamName);
    }

    [SkippableFact]
    public void ToMermaid_CitationStyleHook_GivesEveryStyledEdgeItsOwnLinkStyleAfterTheSharedOnes()
    {
        var options = new DotOptions { ShowLegend = false, CitationStyle = _ => new DotEdgeStyle { Color = "#123456", Width = 3 } };
        var lines = GraphvizSamples.Small().ToMermaid(DotView.Reports, options).Split('\n');
        var edgeCount = lines.Count(l => Regex.IsMatch(l, "^  n\\d+ (-->|-\\.->|==>)"));
        var linkStyles = lines.Select((l, i) => (Line: l, Index: i)).Where(l => l.Line.StartsWith("  linkStyle ", StringComparison.Ordinal)).ToList();
        var custom = linkStyles.Where(l => l.Line.Contains("stroke:#123456,stroke-width:3px", StringComparison.Ordinal)).ToList();

        Assert.Equal(8, edgeCount);
        Assert.Equal(Enumerable.Range(0, edgeCount).Select(i => "  linkStyle " + i + " stroke:#123456,stroke-width:3px"), custom.Select(l => l.Line[..(l.Line.IndexOf("px", StringComparison.Ordinal) + 2)]));
        Assert.All(linkStyles.Except(custom), shared => Assert.True(shared.Index < custom[0].Index, "a shared linkStyle after the per-edge ones would override them"));
        MermaidCheck.AssertRenders(string.Join('\n', lines), "the small graph's reports, every citation styled by a hook");
    }

    [SkippableFact]
    public void ToMermaid_NoLabels_NodesShowNamesOnlyAndEdgesHaveNoLabel()
    {
        var mermaid = GraphvizSamples.Small().ToMermaid(DotView.Reports, new DotOptions { Labels = DotLabels.None, ShowLegend = false });
        var lines = mermaid.Split('\n');

        Assert.Contains("  n0[[\"<b>Russian Ministry of Defence</b>\"]]", lines);
        Assert.Contains("  n4[\"<b>Interfax</b>\"]", lines);
        Assert.DoesNotContain("<br/>", mermaid, StringComparison.Ordinal);
        Assert.DoesNotContain("|", mermaid, StringComparison.Ordinal);
        Assert.Contains(lines, l => Regex.IsMatch(l, "^  n\\d+ --> n\\d+$"));
        Assert.Contains(lines, l => Regex.IsMatch(l, "^  n\\d+ -\\.-> n\\d+$"));
        MermaidCheck.AssertRenders(mermaid, "the small graph's reports without labels");
    }

    [Theory]
    [InlineData("", null, "[\" \"]")]
    [InlineData("", "", "[\" \"]")]
    [InlineData("", "d", "[\"<br/>d\"]")]
    [InlineData("N", null, "[\"<b>N</b>\"]")]
    [InlineData("N", "", "[\"<b>N</b>\"]")]
    [InlineData("N", "d", "[\"<b>N</b><br/>d\"]")]
    public void Write_NameAndDetails_MakeTheLabel(string name, string? details, string expected)
    {
        var diagram = new Diagram(null, [], [new DiagramNode("a", name, details, null, null, NodeMarks.None, -1)], [], []);

        Assert.Equal("  n0" + expected, MermaidLines(diagram)[1]);
    }

    [Theory]
    [InlineData(DotShape.Box, false, "[\"<b>N</b>\"]")]
    [InlineData(DotShape.RoundedBox, false, "(\"<b>N</b>\")")]
    [InlineData(DotShape.Ellipse, false, "([\"<b>N</b>\"])")]
    [InlineData(DotShape.Octagon, false, "{{\"<b>N</b>\"}}")]
    [InlineData(DotShape.Hexagon, false, "{{\"<b>N</b>\"}}")]
    [InlineData(DotShape.Note, false, "[/\"<b>N</b>\"/]")]
    [InlineData(DotShape.Cylinder, false, "[(\"<b>N</b>\")]")]
    [InlineData(DotShape.Cylinder, true, "[[\"<b>N</b>\"]]")]
    public void Write_Shape_IsTheFlowchartShape(DotShape shape, bool doubleBorder, string expected)
    {
        var node = new DiagramNode("a", "N", null, null, null, NodeMarks.None, -1) { Custom = new DotNodeStyle { Shape = shape, DoubleBorder = doubleBorder } };

        Assert.Equal("  n0" + expected, MermaidLines(new Diagram(null, [], [node], [], []))[1]);
    }

    [Theory]
    [InlineData(0, null, "-->")]
    [InlineData(1, "a<b", "-.->|\"a#lt;b\"|")]
    [InlineData(4, null, "-.->")]
    [InlineData(3, "x", "==>|\"x\"|")]
    // Marks as numbers (the enum is internal): 1 hedged, 2 cycle, 4 inferred.
    public void Write_EdgeMarksAndLabel_MakeTheArrow(int marks, string? label, string expected)
    {
        var nodes = ImmutableArray.Create(new DiagramNode("a", "A", null, null, null, NodeMarks.None, -1), new DiagramNode("b", "B", null, null, null, NodeMarks.None, -1));

        Assert.Equal("  n0 " + expected + " n1", MermaidLines(new Diagram(null, [], nodes, [new DiagramEdge("a", "b", label, null, (EdgeMarks)marks, 1)], []))[3]);
    }

    private static string[] MermaidLines(Diagram diagram)
    {
        using var writer = new StringWriter();
        MermaidWriter.Write(diagram, new DotOptions(), writer);
        return writer.ToString().Split('\n');
    }

    [GeneratedRegex("\"[^\"\\n]*\"")]
    private static partial Regex QuotedString();

    [GeneratedRegex("<br/>|<b>|</b>")]
    private static partial Regex LabelTags();

    [GeneratedRegex("""^\s*n\d+(\[|\(|\(\[|\{\{|\[/|\[\(|\[\[)""(\]|\)|\]\)|\}\}|/\]|\)\]|\]\])$""")]
    private static partial Regex NodeLine();

    [GeneratedRegex("""^(flowchart (LR|TB|RL|BT)|\s*subgraph (c\d+|legend)\[""\]|\s*end|\s*(n\d+|legend\d+)(\[|\(|\(\[|\{\{|\[/|\[\(|\[\[)""(\]|\)|\]\)|\}\}|/\]|\)\]|\]\])|\s*(n\d+|legend\d+a\(\(""\)\)) (-->|-\.->|==>)(\|""\|)? (n\d+|legend\d+b\(\(""\)\))|\s*classDef m\d+ [-a-z:#0-9A-F,. ]+|\s*class [n0-9legd,]+ m\d+|\s*linkStyle [0-9,]+ [-a-z:#0-9A-F,. ]+|\s*click n\d+ href "" "" _blank)$""")]
    private static partial Regex Structure();
}
