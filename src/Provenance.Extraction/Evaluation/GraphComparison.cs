using System.Collections.Immutable;

namespace Provenance.Extraction.Evaluation;

/// <summary>How much of a reference graph's who-cited-whom structure a draft recovers. Immutable, thread-safe.</summary>
/// <param name="SourceEdges">Source-level edges (citing source, cited source), as sets.</param>
/// <param name="Chains">Explicit multi-hop chains: the sequence of sources from a report's publisher through two or more hops, as sets.</param>
/// <param name="MissingEdges">Reference edges the draft lacks, as <c>citing -> cited</c>.</param>
/// <param name="ExtraEdges">Draft edges the reference lacks.</param>
/// <param name="MissingChains">Reference chains the draft lacks, as <c>a -> b -> c</c>.</param>
public sealed record GraphComparisonResult(RoleScore SourceEdges, RoleScore Chains, ImmutableArray<string> MissingEdges, ImmutableArray<string> ExtraEdges, ImmutableArray<string> MissingChains);

/// <summary>Compares a draft graph with a reference graph at the level of sources: who cites whom, and along which chains.</summary>
public static class GraphComparison
{
    /// <summary>Scores <paramref name="draft"/> against <paramref name="reference"/>.</summary>
    public static GraphComparisonResult Compare(CitationGraph reference, CitationGraph draft)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(draft);
        var goldEdges = Edges(reference);
        var draftEdges = Edges(draft);
        var goldChains = Chains(reference);
        var draftChains = Chains(draft);
        return new GraphComparisonResult(
            new RoleScore(draftEdges.Count(goldEdges.Contains), draftEdges.Count, goldEdges.Count),
            new RoleScore(draftChains.Count(goldChains.Contains), draftChains.Count, goldChains.Count),
            [.. goldEdges.Except(draftEdges).Order(StringComparer.Ordinal)],
            [.. draftEdges.Except(goldEdges).Order(StringComparer.Ordinal)],
            [.. goldChains.Except(draftChains).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The source-level edges of a graph: for every citation, the citing report's source and the cited report's source.</summary>
    public static HashSet<string> Edges(CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var edges = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in graph.Citations)
        {
            var from = graph.GetReport(c.From).Source;
            var to = graph.TryGetReport(c.To, out var r) ? r.Source : c.To;
            if (from != to)
            {
                edges.Add(from + " -> " + to);
            }
        }

        return edges;
    }

    /// <summary>The explicit chains of two or more hops: the sources from an explicit report's publisher down each path of citations.</summary>
    public static HashSet<string> Chains(CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var chains = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in graph.Reports.Where(r => r.CitedIn is null))
        {
            // iterative depth-first walk over (report, path of sources), per claim
            var stack = new Stack<(string Report, string Claim, ImmutableList<string> Path)>();
            foreach (var c in graph.CitationsFrom(report.Id))
            {
                stack.Push((c.To, c.Claim, ImmutableList.Create(report.Source, SourceOf(graph, c.To))));
            }

            while (stack.Count > 0)
            {
                var (at, claim, path) = stack.Pop();
                var next = graph.TryGetReport(at, out _) ? graph.CitationsFrom(at).Where(c => c.Claim == claim).ToList() : [];
                if (next.Count == 0 || path.Count > 32)
                {
                    if (path.Count >= 3)
                    {
                        chains.Add(string.Join(" -> ", path));
                    }

                    continue;
                }

                foreach (var c in next)
                {
                    stack.Push((c.To, claim, path.Add(SourceOf(graph, c.To))));
                }
            }
        }

        return chains;
    }

    private static string SourceOf(CitationGraph graph, string id) => graph.TryGetReport(id, out var r) ? r.Source : id;
}
