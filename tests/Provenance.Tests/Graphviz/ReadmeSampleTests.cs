using System.Text.RegularExpressions;
using Provenance.Graphviz;
using Provenance.Yaml;

namespace Provenance.Tests.Graphviz;

/// <summary>The README's "Diagrams" sample is <see cref="Sample"/>, line for line, and it runs on the bundled graph.</summary>
public partial class ReadmeSampleTests
{
    [Fact]
    public void Readme_DiagramsSample_IsTheSample()
    {
        var readme = File.ReadAllText(TestRepository.File("README.md")).ReplaceLineEndings("\n");
        var source = File.ReadAllText(TestRepository.File("tests", "Provenance.Tests", "Graphviz", "ReadmeSampleTests.cs")).ReplaceLineEndings("\n");

        var snippet = Snippet().Match(source);
        Assert.True(snippet.Success, "the sample has no begin-snippet/end-snippet markers");
        var lines = snippet.Groups[1].Value.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var expected = string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()))
            .Replace("ProvenanceYaml.Load(bundledGraph)", "ProvenanceYaml.Load(\"graphs/mi24-yeraskh.yaml\")", StringComparison.Ordinal);

        Assert.Contains("```csharp\nusing Provenance.Graphviz;\n\n" + expected + "\n```", readme, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DiagramsSample_RunsOnTheBundledGraph()
    {
        ExternalTool.Require("dot", "apt-get install graphviz");
        var path = TestRepository.File("graphs", "mi24-yeraskh.yaml");

        var (dot, mermaid, svg) = await Sample(path);

        var graph = ProvenanceYaml.Load(path);
        Assert.Equal(graph.ToDot(DotView.ClaimTrace("az-mistake"), new DotOptions { ClusterBy = DotClusterBy.Affiliation, Theme = DotTheme.Monochrome }), dot);
        Assert.Equal(graph.ToMermaid(DotView.Sources), mermaid);
        Assert.Contains("subgraph \"cluster_", dot, StringComparison.Ordinal);
        Assert.Equal("<?xml"u8.ToArray(), svg.Take(5));
        Assert.Contains(">Azerbaijani Ministry of Foreign Affairs<", System.Text.Encoding.UTF8.GetString(svg), StringComparison.Ordinal);
        MermaidCheck.AssertRenders(mermaid, "the README sample's Mermaid (bundled graph, sources)");
    }

    /// <summary>The README's sample; the README names the bundled graph where this takes <paramref name="bundledGraph"/>.</summary>
    private static async Task<(string Dot, string Mermaid, byte[] Svg)> Sample(string bundledGraph)
    {
        // begin-snippet: diagrams
        var graph = ProvenanceYaml.Load(bundledGraph);
        var options = new DotOptions { ClusterBy = DotClusterBy.Affiliation, Theme = DotTheme.Monochrome };
        string dot = graph.ToDot(DotView.ClaimTrace("az-mistake"), options);
        string mermaid = graph.ToMermaid(DotView.Sources);
        byte[] svg = await new GraphvizRenderer().RenderAsync(dot, GraphvizFormat.Svg);
        // end-snippet
        return (dot, mermaid, svg);
    }

    [GeneratedRegex(@"// begin-snippet: diagrams\n(.*?)\n\s*// end-snippet", RegexOptions.Singleline)]
    private static partial Regex Snippet();
}
