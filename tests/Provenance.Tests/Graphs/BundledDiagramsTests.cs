using System.Text;
using System.Xml.Linq;
using Provenance.Graphviz;
using Provenance.Tests.Graphviz;
using Provenance.Yaml;

namespace Provenance.Tests.Graphs;

/// <summary>
/// The diagrams committed in <c>graphs/diagrams</c> are what <c>provenance diagrams</c> writes for the bundled graphs today: the
/// DOT files byte for byte, and each SVG as Graphviz's <c>dot</c> draws its DOT file, so the diagrams cannot go stale.
/// </summary>
public sealed class BundledDiagramsTests
{
    private const string Refresh = "dotnet run --project src/Provenance.Cli -- diagrams graphs/{0} -o graphs/diagrams --render always";

    public static TheoryData<string> BundledGraphFiles() =>
        [.. Directory.EnumerateFiles(GraphsFolder(), "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> CommittedDotFiles() =>
        [.. Directory.EnumerateFiles(DiagramsFolder(), "*.dot").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [SkippableTheory]
    [MemberData(nameof(BundledGraphFiles))]
    public void CommittedDot_EqualsFreshExport(string graphFile)
    {
        var name = Path.GetFileNameWithoutExtension(graphFile);
        var refresh = string.Format(System.Globalization.CultureInfo.InvariantCulture, Refresh, graphFile);
        var set = ProvenanceYaml.Load(Path.Combine(GraphsFolder(), graphFile)).ToDiagramSet(name);

        foreach (var file in set.Files)
        {
            var path = Path.Combine(DiagramsFolder(), file.FileName);
            Assert.True(File.Exists(path), $"graphs/diagrams/{file.FileName} is missing; run `{refresh}` and commit the result.");
            Assert.True(
                File.ReadAllText(path, Encoding.UTF8) == file.Dot,
                $"graphs/diagrams/{file.FileName} is stale: it differs from a fresh export of graphs/{graphFile}; run `{refresh}` and commit the result.");
        }

        var expected = set.Files.SelectMany(f => new[] { f.FileName, f.SvgFileName }).ToHashSet(StringComparer.Ordinal);
        var extra = Directory.EnumerateFiles(DiagramsFolder(), name + ".*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => !expected.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(extra.Count == 0, $"graphs/diagrams holds files the export of graphs/{graphFile} no longer writes: {string.Join(", ", extra)}; delete them and run `{refresh}`.");
    }

    [SkippableFact]
    public void CommittedDot_EachBelongsToABundledGraph()
    {
        var names = Directory.EnumerateFiles(GraphsFolder(), "*.yaml").Select(Path.GetFileNameWithoutExtension).OfType<string>().ToList();
        var orphans = Directory.EnumerateFiles(DiagramsFolder())
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(f => (f.EndsWith(".dot", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)) && !names.Any(n => f.StartsWith(n + ".", StringComparison.Ordinal)))
            .ToList();

        Assert.True(orphans.Count == 0, $"graphs/diagrams holds diagrams of no bundled graph: {string.Join(", ", orphans)}; delete them.");
        Assert.NotEmpty(CommittedDotFiles());
    }

    [SkippableTheory]
    [MemberData(nameof(CommittedDotFiles))]
    public void CommittedDot_RendersWithDotToTheCommittedSvg(string dotFile)
    {
        var dot = File.ReadAllText(Path.Combine(DiagramsFolder(), dotFile), Encoding.UTF8);
        var svgFile = Path.ChangeExtension(dotFile, ".svg");
        var svgPath = Path.Combine(DiagramsFolder(), svgFile);
        var refresh = string.Format(System.Globalization.CultureInfo.InvariantCulture, Refresh, dotFile[..dotFile.IndexOf('.', StringComparison.Ordinal)] + ".yaml");

        var fresh = GraphvizTestKit.RenderSvg(dot, $" for graphs/diagrams/{dotFile}");

        Assert.True(File.Exists(svgPath), $"graphs/diagrams/{svgFile} is missing; run `{refresh}` and commit the result.");
        var committed = XDocument.Parse(File.ReadAllText(svgPath, Encoding.UTF8));

        // The drawing's content (every node, edge and cluster with its title and texts), not its coordinates, which vary with the Graphviz version.
        Assert.True(
            Content(fresh.Document).SequenceEqual(Content(committed)),
            $"graphs/diagrams/{svgFile} does not show what graphs/diagrams/{dotFile} draws; run `{refresh}` and commit the result.");
    }

    private static IEnumerable<string> Content(XDocument svg)
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        return svg.Descendants(ns + "g")
            .Where(g => (string?)g.Attribute("class") is "node" or "edge" or "cluster")
            .Select(g => (string?)g.Attribute("class") + ": " + GraphvizTestKit.RenderedSvg.Title(g) + " | " + string.Join(" / ", GraphvizTestKit.RenderedSvg.Texts(g)));
    }

    private static string DiagramsFolder() => Path.Combine(GraphsFolder(), "diagrams");

    private static string GraphsFolder() => TestRepository.File("graphs");
}
