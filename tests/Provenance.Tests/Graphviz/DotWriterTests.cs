using Provenance.Graphviz;
using static Provenance.Tests.Graphviz.GraphvizTestKit;

namespace Provenance.Tests.Graphviz;

public class DotWriterTests
{
    [SkippableTheory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("", "\"\"")]
    [InlineData("node", "\"node\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("prov:x", "\"prov:x\"")]
    public void Id_Text_IsQuotedWithQuotesEscaped(string id, string expected) => Assert.Equal(expected, DotWriter.Id(id));

    [SkippableTheory]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    public void Id_BackslashOrControl_Throws(string id)
    {
        var error = Assert.Throws<ArgumentException>(() => DotWriter.Id(id));
        Assert.Equal($"A DOT id may not contain a backslash or a control character: '{id}'. (Parameter 'id')", error.Message);
    }

    [SkippableTheory]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    [InlineData("x\\", "\"x\\\\\\\n\"")]
    [InlineData("\\N\\l", "\"\\\\N\\\\l\"")]
    [InlineData("1\n2\r\n3\r4", "\"1\\n2\\n3\\n4\"")]
    [InlineData("&amp; <b>", "\"&amp;amp; <b>\"")]
    [InlineData("bell\u0007", "\"bell\uFFFD\"")]
    [InlineData("🚁", "\"🚁\"")]
    public void EscString_Text_EscapesForDot(string text, string expected) => Assert.Equal(expected, DotWriter.EscString(text));

    [SkippableFact]
    public void EscString_LoneSurrogate_BecomesReplacementCharacter() =>
        Assert.Equal("\"lone\uFFFD.\"", DotWriter.EscString("lone" + (char)0xD800 + "."));

    [SkippableFact]
    public void EscString_LeftJustified_EndsEveryLineWithL() =>
        Assert.Equal("\"a\\lb\\l\"", DotWriter.EscString("a\nb", DotWriter.Justify.Left));

    [SkippableTheory]
    [InlineData("<b>&\"'</b>", "&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;")]
    [InlineData("a\r\nb", "a<BR/>b")]
    [InlineData("\\N", "\\\\N")]
    public void Html_Text_IsXmlEscaped(string text, string expected) => Assert.Equal(expected, DotWriter.Html(text));

    [SkippableTheory]
    [InlineData("https://example.org/a?b=1&c=2", "\"https://example.org/a?b=1&amp;c=2\"")]
    [InlineData("https://example.org/a b\"<c>'", "\"https://example.org/a%20b%22%3Cc%3E%27\"")]
    [InlineData("http://пример.рф/путь", "\"http://xn--e1afmkfd.xn--p1ai/%D0%BF%D1%83%D1%82%D1%8C\"")]
    public void Url_Absolute_IsPercentEncoded(string url, string expected) =>
        Assert.Equal(expected, DotWriter.Url(url, DotOptions.LinkSchemes));

    [SkippableTheory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("relative/path")]
    [InlineData("")]
    [InlineData(null)]
    public void Url_NotHttp_IsDropped(string? url) => Assert.Null(DotWriter.Url(url, DotOptions.LinkSchemes));

    [SkippableFact]
    public void Number_Culture_IsInvariant()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.Equal("2.5", DotWriter.Number(2.5));
            Assert.Equal("3", DotWriter.Number(3));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [SkippableFact]
    public void End_NothingOpen_Throws()
    {
        var writer = new DotWriter(new StringWriter());
        var error = Assert.Throws<InvalidOperationException>(writer.End);
        Assert.Equal("No graph or subgraph is open.", error.Message);
    }

    [SkippableFact]
    public void Write_HostileIdsAndLabels_DotDrawsThemLiterally()
    {
        string[] ids = ["node", "Graph", "STRICT", "edge", "subgraph", "digraph", "1x5", "-", "prov:x", "", "a\"b", "]; x -> y [", "Ж"];
        var texts = GraphvizSamples.HostileTexts;
        var output = new StringWriter();
        var dot = new DotWriter(output);
        dot.BeginDigraph("strict");
        for (var i = 0; i < ids.Length; i++)
        {
            dot.Node(ids[i], new DotAttributes().Text("label", texts[i % texts.Length]).Tooltip(texts[(i + 1) % texts.Length]));
        }

        for (var i = 1; i < ids.Length; i++)
        {
            dot.Edge(ids[i - 1], ids[i], new DotAttributes().Text("label", texts[(i + 2) % texts.Length]));
        }

        dot.End();

        var svg = RenderSvg(output.ToString());

        Assert.Equal(ids.Length, svg.Nodes.Count);
        Assert.Equal(ids.Length - 1, svg.Edges.Count);
        for (var i = 0; i < ids.Length; i++)
        {
            var node = svg.Nodes[i];
            Assert.Equal(ids[i], RenderedSvg.Title(node));
            Assert.Equal(Lines(texts[i % texts.Length]), RenderedSvg.Texts(node));
            Assert.Equal(texts[(i + 1) % texts.Length].Replace("\r\n", "\n", StringComparison.Ordinal), RenderedSvg.Anchor(node).Tooltip);
        }

        for (var i = 1; i < ids.Length; i++)
        {
            Assert.Equal(Lines(texts[(i + 2) % texts.Length]), RenderedSvg.Texts(svg.Edges[i - 1]));
        }
    }

    [SkippableFact]
    public void Write_HtmlLabelsAndTooltips_DotDrawsThemLiterally()
    {
        var texts = GraphvizSamples.HostileTexts;
        var output = new StringWriter();
        var dot = new DotWriter(output);
        dot.BeginDigraph("g");
        for (var i = 0; i < texts.Length; i++)
        {
            dot.Node("n" + i, new DotAttributes().HtmlLabel("label", "<B>" + DotWriter.Html(texts[i]) + "</B>").Tooltip(texts[i]));
            dot.Edge("n" + i, "n" + i, new DotAttributes().Text("label", texts[i]).Tooltip(texts[i]));
        }

        dot.End();

        var svg = RenderSvg(output.ToString());

        for (var i = 0; i < texts.Length; i++)
        {
            var text = texts[i].Replace("\r\n", "\n", StringComparison.Ordinal);
            Assert.Equal(Lines(texts[i]), RenderedSvg.Texts(svg.Node("n" + i)));
            Assert.Equal(text, RenderedSvg.Anchor(svg.Node("n" + i)).Tooltip);
            var edge = svg.Edges.Single(e => RenderedSvg.Title(e) == $"n{i}->n{i}");
            Assert.Equal(Lines(texts[i]), RenderedSvg.Texts(edge));
            Assert.Equal(text, RenderedSvg.Anchor(edge).Tooltip);
        }
    }

    /// <summary>The lines dot draws for a label: one text element per line, blank lines left out.</summary>
    internal static string[] Lines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Length > 0)];
}
