using System.Text;
using System.Xml.Linq;
using Provenance.Graphviz;

namespace Provenance.Tests.Graphviz;

/// <summary>Runs the real Graphviz dot and reads its SVG; compares golden files.</summary>
internal static class GraphvizTestKit
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Graphviz's dot, the first on PATH: locally the test skips without it, in CI it fails.</summary>
    public static string DotPath => ExternalTool.Require("dot", "apt-get install graphviz / brew install graphviz / choco install graphviz");

    public static GraphvizRenderer Renderer => new(new GraphvizRendererOptions { DotPath = DotPath, Timeout = TimeSpan.FromMinutes(2) });

    /// <summary>Renders DOT to SVG with the real dot; fails on any dot error or warning.</summary>
    public static RenderedSvg RenderSvg(string dot, string context = "")
    {
        byte[] output;
        string warnings;
        try
        {
            (output, warnings) = Renderer.RunAsync(dot, GraphvizFormat.Svg, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (GraphvizException e)
        {
            Assert.Fail($"dot rejected the DOT{context}: {e.Message}\n{dot}");
            throw;
        }

        Assert.True(warnings.Length == 0, $"dot warned{context}: {warnings}\n{dot}");
        return new RenderedSvg(XDocument.Parse(Encoding.UTF8.GetString(output)));
    }

    /// <summary>Compares text with tests/Provenance.Tests/Golden/<paramref name="name"/> byte for byte (see <see cref="Golden"/>).</summary>
    public static void AssertGolden(string name, string actual) =>
        Golden.AssertMatches($"tests/Provenance.Tests/Golden/{name}", actual, copiedAs: Path.Combine("Golden", name));

    /// <summary>An SVG drawn by dot, split into model elements and legend elements.</summary>
    internal sealed class RenderedSvg(XDocument document)
    {
        public XDocument Document { get; } = document;

        public IEnumerable<XElement> Groups(string kind) =>
            Document.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == kind);

        public IReadOnlyList<XElement> Nodes => [.. Groups("node").Where(g => !Title(g).StartsWith("legend ", StringComparison.Ordinal))];

        public IReadOnlyList<XElement> Edges => [.. Groups("edge").Where(g => !Title(g).StartsWith("legend ", StringComparison.Ordinal))];

        public int LegendNodes => Groups("node").Count() - Nodes.Count;

        public static string Title(XElement group) => group.Element(Svg + "title")?.Value ?? "";

        /// <summary>The lines of text drawn in a group, non-breaking spaces read as spaces.</summary>
        public static IReadOnlyList<string> Texts(XElement group) =>
            [.. group.Descendants(Svg + "text").Select(t => t.Value.Replace('\u00A0', ' '))];

        /// <summary>The tooltip (xlink:title) and link (xlink:href) of a group's anchor.</summary>
        public static (string? Tooltip, string? Href) Anchor(XElement group)
        {
            var anchor = group.Descendants(Svg + "a").FirstOrDefault();
            // dot writes runs of spaces in tooltips as space + no-break space.
            return (((string?)anchor?.Attribute(XLink + "title"))?.Replace('\u00A0', ' '), (string?)anchor?.Attribute(XLink + "href"));
        }

        public XElement Node(string id) => Nodes.Single(n => Title(n) == id);
    }
}
