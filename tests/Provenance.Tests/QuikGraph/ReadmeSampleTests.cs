using System.Text.RegularExpressions;
using Provenance.QuikGraph;
using Provenance.Yaml;
using QuikGraph.Algorithms;

namespace Provenance.Tests.QuikGraph;

/// <summary>The README's "QuikGraph" example is <see cref="Sample"/>, character for character, and it runs on the bundled Mi-24 graph.</summary>
public sealed partial class ReadmeSampleTests
{
    [Fact]
    public void Readme_QuikGraphExample_IsTheSample()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var source = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Provenance.Tests", "QuikGraph", "ReadmeSampleTests.cs"));

        var snippet = Snippet().Match(source);
        Assert.True(snippet.Success, "the sample has no begin-snippet/end-snippet markers");
        var lines = snippet.Groups[1].Value.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var indent = lines.Min(l => l.Length - l.TrimStart().Length);
        var expected = string.Join('\n', snippet.Groups[1].Value.TrimEnd().Split('\n').Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

        Assert.Contains("```csharp\n" + expected + "\n```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_RunsOnTheBundledGraph()
    {
        var graph = ProvenanceYaml.Load(Path.Combine(RepositoryRoot(), "graphs", "mi24-yeraskh.yaml"));
        var writer = new StringWriter { NewLine = "\n" };

        Sample(graph, writer);

        var output = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cycles = graph.CircularReporting().Overall;
        var strong = graph.Reports.Length - cycles.Sum(c => c.Reports.Length - 1);
        Assert.Equal($"{graph.Reports.Length} reports, {strong} strongly and {WeakComponents(graph)} weakly connected components", output[0]);

        var claimCitations = graph.Citations.Where(c => c.Claim == "shot-down").Select(c => (c.From, c.To)).ToHashSet();
        var order = Assert.Single(output, l => l.StartsWith("citing before cited: ", StringComparison.Ordinal))["citing before cited: ".Length..].Split(", ");
        Assert.Equal(graph.Assertions.Count(a => a.Claim == "shot-down"), order.Length);
        Assert.All(claimCitations, c => Assert.True(Array.IndexOf(order, c.From) < Array.IndexOf(order, c.To), $"{c.From} -> {c.To} goes backwards"));

        var chain = graph.Trace("shot-down").Chains.First(c => c.End.Kind == ChainEndKind.PrimarySource);
        var chains = output.Where(l => l.StartsWith("chain: ", StringComparison.Ordinal)).Select(l => l["chain: ".Length..].Split(" -> ")).ToList();
        Assert.InRange(chains.Count, 1, 3);
        Assert.Equal(chains.Count, chains.Select(c => string.Join(' ', c)).Distinct().Count());
        Assert.Equal(chain.Hops.Length + 1, chains[0].Length);
        foreach (var path in chains.Append(Assert.Single(output, l => l.StartsWith("least hedged: ", StringComparison.Ordinal))["least hedged: ".Length..].Split(" -> ")))
        {
            Assert.Equal(chain.Report, path[0]);
            Assert.Equal(chain.End.Report, path[^1]);
            Assert.All(path.Zip(path.Skip(1)), hop => Assert.Contains(hop, claimCitations));
        }

        var busiest = graph.SourceSummary().Pairs.Max(p => p.Citations);
        var pair = Regex.Match(output[^1], "^busiest pair: (.+) -> (.+), ([0-9]+) citations$");
        Assert.True(pair.Success, output[^1]);
        Assert.Equal(busiest.ToString(System.Globalization.CultureInfo.InvariantCulture), pair.Groups[3].Value);
        Assert.Contains(graph.SourceSummary().Pairs, p => p.CitingSource == pair.Groups[1].Value && p.CitedSource == pair.Groups[2].Value && p.Citations == busiest);
    }

    private static void Sample(CitationGraph graph, TextWriter writer)
    {
        // begin-snippet: quikgraph
        var reports = graph.AsQuikGraph();                // zero-copy: reports are vertices, citations edges
        var strong = reports.StronglyConnectedComponents(new Dictionary<ReportVertex, int>());
        var weak = reports.WeaklyConnectedComponents(new Dictionary<ReportVertex, int>());
        writer.WriteLine($"{reports.VertexCount} reports, {strong} strongly and {weak} weakly connected components");

        var claim = graph.AsQuikGraph("shot-down");       // one claim's citations
        if (claim.IsDirectedAcyclicGraph())
        {
            writer.WriteLine("citing before cited: " + string.Join(", ", claim.TopologicalSort().Select(r => r.Id)));
        }

        // Up to three chains from a report to where it got the claim, fewest hops first; then the least hedged one.
        var traced = graph.Trace("shot-down").Chains.First(c => c.End.Kind == ChainEndKind.PrimarySource);
        ReportVertex from = claim.Vertex(traced.Report), to = claim.Vertex(traced.End.Report);
        foreach (var chain in claim.RankedShortestPathHoffmanPavley(_ => 1.0, from, to, 3))
        {
            writer.WriteLine("chain: " + string.Join(" -> ", chain.Select(c => c.Source.Id).Append(to.Id)));
        }

        var leastHedged = claim.ShortestPathsDijkstra(c => c.Citation.Hedge == Hedge.None ? 1.0 : 5.0, from);
        if (leastHedged(to, out var hops))
        {
            writer.WriteLine("least hedged: " + string.Join(" -> ", hops.Select(c => c.Target.Id).Prepend(from.Id)));
        }

        var sources = graph.AsSourceQuikGraph();          // one edge per citing/cited source pair
        var busiest = sources.Edges.MaxBy(e => e.CitationCount);
        writer.WriteLine($"busiest pair: {busiest.Source.Id} -> {busiest.Target.Id}, {busiest.CitationCount} citations");
        // end-snippet
    }

    /// <summary>Weakly connected components of the report graph by union-find over the public citation records.</summary>
    private static int WeakComponents(CitationGraph graph)
    {
        var parent = graph.Reports.Select(r => r.Id).ToDictionary(id => id, id => id);
        string Find(string x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        foreach (var c in graph.Citations)
        {
            parent[Find(c.From)] = Find(c.To);
        }

        return graph.Reports.Count(r => Find(r.Id) == r.Id);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provenance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Provenance.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"// begin-snippet: quikgraph\n(.*?)\n\s*// end-snippet", RegexOptions.Singleline)]
    private static partial Regex Snippet();
}
