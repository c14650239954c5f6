using System.Text;
using System.Xml.Linq;
using Provenance.Graphviz;

namespace Provenance.Tests.Graphviz;

/// <summary>Runs the real Graphviz dot and reads its SVG; compares golden files.</summary>
internal static class GraphvizTestKit
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    /// <summary>Graphviz's dot: /usr/bin/dot, else the first on PATH. The test fails (never skips) without it.</summary>
    public static string DotPath
    {
        get
        {
            if (File.Exists("/usr/bin/dot"))
            {
                return "/usr/bin/dot";
            }

            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var name in new[] { "dot", "dot.exe" })
                {
                    if (File.Exists(Path.Combine(directory, name)))
                    {
                        return Path.Combine(directory, name);
                    }
                }
            }

            Assert.Fail("Graphviz's dot was not found at /usr/bin/dot or on PATH; install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz) to run the diagram tests.");
            return "";
        }
    }

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

    /// <summary>
    /// Compares text with the golden file byte for byte. Run the tests with <c>PROVENANCE_UPDATE_GOLDEN=1</c> to
    /// rewrite the golden files in the source tree (tests/Provenance.Tests/Golden) instead, then review the diff.
    /// The source tree's file is read when the tests run from it, else the copy next to the test assembly.
    /// </summary>
    public static void AssertGolden(string name, string actual)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Provenance.sln")))
        {
            directory = directory.Parent;
        }

        var source = directory is null ? null : Path.Combine(directory.FullName, "tests", "Provenance.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("PROVENANCE_UPDATE_GOLDEN") == "1")
        {
            Assert.True(source is not null, "PROVENANCE_UPDATE_GOLDEN=1 needs the tests to run from a source tree (with Provenance.sln above them).");
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            return;
        }

        var path = source is not null && File.Exists(source) ? source : Path.Combine(AppContext.BaseDirectory, "Golden", name);
        Assert.True(File.Exists(path), $"Golden file {name} is missing; run the tests with PROVENANCE_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path, Encoding.UTF8);
        Assert.True(expected == actual, $"Output differs from Golden/{name}; if the change is intended, rerun with PROVENANCE_UPDATE_GOLDEN=1 and review the diff.\n--- actual ---\n{actual}");
    }

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
