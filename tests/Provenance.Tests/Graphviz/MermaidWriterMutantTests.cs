using Provenance.Graphviz;
using Provenance.Testing;

namespace Provenance.Tests.Graphviz;

/// <summary>
/// Cases for MermaidWriter mutants that survived Stryker (tests/mutation-survivors/Graphviz-MermaidWriter.txt): the
/// flowchart direction of every <see cref="DotRankDirection"/>, and text edges (a CR or a high surrogate as the last
/// character, lone surrogates, tabs and control characters). Expected values are written out by hand.
/// </summary>
public class MermaidWriterMutantTests
{
    [SkippableTheory]
    [InlineData(DotRankDirection.LeftToRight, "LR")]
    [InlineData(DotRankDirection.TopToBottom, "TB")]
    [InlineData(DotRankDirection.RightToLeft, "RL")]
    [InlineData(DotRankDirection.BottomToTop, "BT")]
    public void ToMermaid_RankDirection_IsTheFlowchartDirection(DotRankDirection direction, string expected)
    {
        var mermaid = GraphvizSamples.Small().ToMermaid(DotView.Sources, new DotOptions { RankDirection = direction });

        var flowchart = mermaid.Split('\n').Where(l => l.StartsWith("flowchart", StringComparison.Ordinal)).ToList();
        Assert.Equal(["flowchart " + expected], flowchart);
        MermaidCheck.AssertRenders(mermaid, $"the small graph's sources, {direction}");
    }

    [Theory]
    [InlineData("a\r", "a<br/>")]
    [InlineData("a\rb", "a<br/>b")]
    [InlineData("\r\r\n", "<br/><br/>")]
    [InlineData("a\tb", "a b")]
    [InlineData("a\u0001b\u007F", "a\uFFFDb\uFFFD")]
    public void Text_LineBreaksSurrogatesAndControls_AreMapped(string text, string expected) =>
        Assert.Equal(expected, MermaidWriter.Text(text));

    // Lone surrogates cannot go through attribute data (metadata stores strings as UTF-8), so they are built here.
    [Fact]
    public void Text_LoneSurrogates_BecomeReplacementCharacters()
    {
        Assert.Equal("a\uFFFD", MermaidWriter.Text(new string(['a', (char)0xD83D])));
        Assert.Equal("\uFFFDx", MermaidWriter.Text(new string([(char)0xD83D, 'x'])));
        Assert.Equal("x\uFFFD", MermaidWriter.Text(new string(['x', (char)0xDE81])));
        Assert.Equal("\uD83D\uDE81", MermaidWriter.Text(new string([(char)0xD83D, (char)0xDE81])));
    }
}
