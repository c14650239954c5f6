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

        /// <summary>The graph-level texts: the title and the legend, which dot draws outside every node, edge and cluster.</summary>
        public IReadOnlyList<XElement> GraphTexts =>
            [.. Document.Root!.Element(Svg + "g")!.Elements(Svg + "text")];

        /// <summary>The legend's entry texts: small graph-level texts in the default colour (samples carry their mark's colour).</summary>
        public IReadOnlyList<string> LegendTexts =>
            [.. GraphTexts.Where(t => (string?)t.Attribute("font-size") == "8.00" && t.Attribute("fill") is null).Select(t => t.Value.Replace('\u00A0', ' '))];

        /// <summary>The area of the legend's frame (the largest graph-level outline in the cluster colour) over the drawing's area.</summary>
        public double LegendShare(string frameColor)
        {
            var frames = Document.Root!.Element(Svg + "g")!.Elements(Svg + "polygon")
                .Where(p => (string?)p.Attribute("fill") == "none" && string.Equals((string?)p.Attribute("stroke"), frameColor, StringComparison.OrdinalIgnoreCase))
                .Select(p => Box((string)p.Attribute("points")!))
                .ToList();
            if (frames.Count == 0)
            {
                return 0;
            }

            var legend = frames.Max(b => b.Width * b.Height);
            var viewBox = ((string)Document.Root!.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return legend / (viewBox[2] * viewBox[3]);
        }

        private static (double Width, double Height) Box(string points)
        {
            var xy = points.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray())
                .ToList();
            return (xy.Max(p => p[0]) - xy.Min(p => p[0]), xy.Max(p => p[1]) - xy.Min(p => p[1]));
        }

        /// <summary>The drawn edges as (from, to) node ids, read from dot's edge titles.</summary>
        public IReadOnlyList<(string From, string To)> EdgePairs =>
            [.. Edges.Select(e => Title(e).Split("->")).Select(p => (p[0], p[1]))];
    }

    /// <summary>
    /// Checks a rendered claim trace against the trace query, without the diagram code: one edge per hop citation; every
    /// node a chain report or one source standing for several of its implicit reports; no source's primary end reports
    /// drawn twice; and, where no chain ends in a cycle, as many start-to-end paths in the drawing as chains.
    /// </summary>
    public static void AssertTraceDrawing(CitationGraph graph, TraceResult trace, RenderedSvg svg, string context)
    {
        var hops = trace.Chains.SelectMany(c => c.Hops).Select(h => h.Citation).Distinct().Count();
        Assert.True(hops == svg.Edges.Count, $"{context}: {svg.Edges.Count} edges, expected {hops}");
        var reports = trace.Chains.SelectMany(c => c.Hops.Select(h => h.To).Prepend(c.Report)).ToHashSet(StringComparer.Ordinal);
        var titles = svg.Nodes.Select(RenderedSvg.Title).ToList();
        Assert.True(titles.Count == titles.Distinct().Count(), $"{context}: a node is drawn twice");
        foreach (var title in titles)
        {
            var source = title.StartsWith("source ", StringComparison.Ordinal) ? title["source ".Length..].Replace(" dead end", "", StringComparison.Ordinal) : null;
            Assert.True(reports.Contains(title) || (source is not null && reports.Count(r => graph.GetReport(r).Source == source && graph.GetReport(r).IsImplicit) >= 2),
                $"{context}: node {title} is neither a chain report nor a source relayed in several reports");
        }

        foreach (var report in reports.Where(r => !titles.Contains(r)))
        {
            var r = graph.GetReport(report);
            Assert.True(r.IsImplicit && (titles.Contains("source " + r.Source) || titles.Contains("source " + r.Source + " dead end")), $"{context}: report {report} is not drawn");
        }

        var starts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chain in trace.Chains.Where(c => c.End.Kind == ChainEndKind.PrimarySource))
        {
            var source = chain.End.Source;
            Assert.False(
                titles.Contains("source " + source) && titles.Contains(chain.End.Report) && graph.GetReport(chain.End.Report).IsImplicit
                    && !trace.Chains.Any(c => c.Hops.Any(h => h.From == chain.End.Report)),
                $"{context}: primary source {source} is drawn as a source node and as its report {chain.End.Report}");
        }

        if (trace.OmittedChains == 0 && trace.Chains.All(c => c.End.Kind != ChainEndKind.Cycle))
        {
            var outgoing = svg.EdgePairs.ToLookup(e => e.From, e => e.To);
            var memo = new Dictionary<string, long>(StringComparer.Ordinal);
            long Paths(string node)
            {
                if (!memo.TryGetValue(node, out var n))
                {
                    n = outgoing[node].Any() ? outgoing[node].Sum(Paths) : 1;
                    memo[node] = n;
                }

                return n;
            }

            var drawn = trace.Chains.Select(c => c.Report).Distinct().Sum(Paths);
            Assert.True(drawn == trace.Chains.Length, $"{context}: {drawn} start-to-end paths drawn, {trace.Chains.Length} chains traced");
        }
    }
}
