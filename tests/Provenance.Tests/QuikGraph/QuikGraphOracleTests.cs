using Provenance.QuikGraph;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Search;

namespace Provenance.Tests.QuikGraph;

/// <summary>
/// QuikGraph as an independent oracle (issue 14): on seeded random graphs of several shapes and sizes, our strongly connected
/// components, circular reporting, downstream and upstream reachability and topological orders agree with QuikGraph's own
/// algorithms run through the zero-copy views. QuikGraph shares no code with the library's walks; the views only read the
/// graph's arrays.
/// </summary>
public sealed class QuikGraphOracleTests
{
    public static TheoryData<GraphShape, int, int> Graphs() => new()
    {
        { GraphShape.Sparse, 10, 1 },
        { GraphShape.Sparse, 300, 2 },
        { GraphShape.Sparse, 20_000, 3 },
        { GraphShape.ChainWithBackEdges, 50, 4 },
        { GraphShape.ChainWithBackEdges, 5_000, 5 },
        { GraphShape.ChainWithBackEdges, 30_000, 6 },
        { GraphShape.LayeredDag, 20, 7 },
        { GraphShape.LayeredDag, 2_000, 8 },
        { GraphShape.LayeredDag, 20_000, 9 },
        { GraphShape.Dense, 8, 10 },
        { GraphShape.Dense, 40, 11 },
        { GraphShape.Rings, 12, 12 },
        { GraphShape.Rings, 3_000, 13 },
        { GraphShape.Rings, 20_000, 14 },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void StronglyConnectedComponents_SamePartitionAsQuikGraph(GraphShape shape, int reports, int seed)
    {
        var graph = RandomGraphs.Make(shape, reports, seed);
        var n = graph.Reports.Length;
        var target = new int[graph.Citations.Length];
        for (var p = 0; p < target.Length; p++)
        {
            target[p] = graph.CitationTo[graph.OutCitations[p]];
        }

        var ours = GraphWalk.StronglyConnectedComponents(n, graph.OutStart, target, out var ourCount);
        var theirs = new Dictionary<ReportVertex, int>();
        var theirCount = graph.AsQuikGraph().StronglyConnectedComponents(theirs);

        Assert.Equal(theirCount, ourCount);
        Assert.Equal(n, theirs.Count);
        Assert.Equal(Canonical(n, u => theirs[new ReportVertex(graph, u)]), Canonical(n, u => ours[u]));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void CircularReporting_CyclesAreQuikGraphsNonTrivialComponents(GraphShape shape, int reports, int seed)
    {
        var graph = RandomGraphs.Make(shape, reports, seed);
        var result = graph.CircularReporting();

        Assert.Equal(NonTrivialComponents(graph.AsQuikGraph()), Describe(result.Overall.Where(c => c.Claim is null)));
        var byClaim = graph.Claims.SelectMany(c => NonTrivialComponents(graph.AsQuikGraph(c.Id)).Select(x => c.Id + ": " + x));
        Assert.Equal(byClaim.Order(StringComparer.Ordinal), Describe(result.ByClaim).Order(StringComparer.Ordinal));
        Assert.All(result.ByClaim, c => Assert.NotNull(c.Claim));
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void DownstreamAndUpstream_MatchQuikGraphBreadthFirstSearch(GraphShape shape, int reports, int seed)
    {
        var graph = RandomGraphs.Make(shape, reports, seed);
        var random = new Random(seed);
        var (reportSamples, sourceSamples) = reports > 5_000 ? (5, 1) : (12, 3);
        var ids = Enumerable.Range(0, reportSamples).Select(_ => graph.Reports[random.Next(graph.Reports.Length)].Id)
            .Concat(Enumerable.Range(0, sourceSamples).Select(_ => graph.Sources[random.Next(graph.Sources.Length)].Id))
            .Distinct();
        foreach (var id in ids)
        {
            foreach (var claim in graph.Claims.Select(c => c.Id).Prepend(null))
            {
                var view = claim is null ? graph.AsQuikGraph() : graph.AsQuikGraph(claim);
                var roots = graph.TryGetReport(id, out _) ? [id] : graph.ReportsOf(id).Select(r => r.Id).ToArray();
                var up = new SortedSet<int>();
                var down = new SortedSet<int>();
                foreach (var root in roots.Where(r => view.ContainsVertex(graph.AsQuikGraph().Vertex(r))))
                {
                    var vertex = view.Vertex(root);
                    up.UnionWith(ReachedByOneOrMoreEdges(view, vertex));
                    down.UnionWith(ReachedByOneOrMoreEdges(new ReversedBidirectionalGraph<ReportVertex, CitationEdge>(view), vertex));
                }

                AssertDependency(graph, up, graph.Upstream(id, claim), $"upstream of {id} for {claim ?? "all claims"}");
                AssertDependency(graph, down, graph.Downstream(id, claim), $"downstream of {id} for {claim ?? "all claims"}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Graphs))]
    public void TopologicalOrder_AgreesWithQuikGraph(GraphShape shape, int reports, int seed)
    {
        var graph = RandomGraphs.Make(shape, reports, seed);
        var view = graph.AsQuikGraph();
        var target = new int[graph.Citations.Length];
        for (var p = 0; p < target.Length; p++)
        {
            target[p] = graph.CitationTo[graph.OutCitations[p]];
        }

        var ours = GraphWalk.TopologicalOrder(graph.Reports.Length, graph.OutStart, target);
        var theirs = TopologicalSortOrNull(view);

        Assert.Equal(theirs is null, ours is null);
        Assert.Equal(view.IsDirectedAcyclicGraph(), ours is not null);
        Assert.Equal(shape == GraphShape.LayeredDag, ours is not null);
        if (ours is not null && theirs is not null)
        {
            // Orders need not be equal; each must put every citing report before the report it cites, by the other's edges.
            Assert.Equal(Enumerable.Range(0, graph.Reports.Length), ours.Order());
            AssertTopological(view.Edges.Select(e => (e.Source.Index, e.Target.Index)), ours);
            AssertTopological(Enumerable.Range(0, graph.Citations.Length).Select(i => (graph.CitationFrom[i], graph.CitationTo[i])), [.. theirs.Select(v => v.Index)]);
        }

        var cyclicClaims = graph.CircularReporting().ByClaim.Select(c => c.Claim).ToHashSet();
        foreach (var claim in graph.Claims)
        {
            var claimView = graph.AsQuikGraph(claim.Id);
            var order = TopologicalSortOrNull(claimView);
            Assert.Equal(cyclicClaims.Contains(claim.Id), order is null);
            if (order is not null)
            {
                Assert.Equal(claimView.VertexCount, order.Count);
                var claimCitations = graph.Citations.Select((c, i) => (c, i)).Where(p => p.c.Claim == claim.Id)
                    .Select(p => (graph.CitationFrom[p.i], graph.CitationTo[p.i]));
                AssertTopological(claimCitations, [.. order.Select(v => v.Index)], partial: true);
            }
        }
    }

    [Fact]
    public void MillionHopChain_QuikGraphStronglyConnectedComponentsThroughTheView_OnA256KiBStack()
    {
        const int hops = 1_000_000;
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s", "S", SourceKind.Outlet)).AddClaim(new Claim("c", "C"));
        builder.AddReport(new Report("head", "s", ReportKind.Article));
        for (var i = 1; i <= hops; i++)
        {
            builder.AddReport(Report.Implicit("h" + i, "s", "head"));
        }

        for (var i = 0; i < hops; i++)
        {
            builder.AddCitation(new Citation(i == 0 ? "head" : "h" + i, "h" + (i + 1), "c", CitationKind.Citing));
        }

        builder.AddAssertion(new Assertion("h" + hops, "c", AssertionMode.FirstHand));
        var graph = builder.Build();

        // The work runs on a worker with a 256 KiB stack, which the harness joins; it rethrows whatever the worker threw, and
        // the results are asserted here, on the test's own thread.
        var (components, first, last, ordered) = Hostile.HostileHarness.Run("QuikGraph SCC over a 1M-hop chain", () =>
        {
            var view = graph.AsQuikGraph();
            var strong = new Dictionary<ReportVertex, int>();
            var count = view.StronglyConnectedComponents(strong);
            var order = view.TopologicalSort().ToList();
            return (count, order[0].Id, order[^1].Id, order.Count);
        }, TimeSpan.FromMinutes(5));

        Assert.Equal(hops + 1, components);
        Assert.Equal("head", first);
        Assert.Equal("h" + hops, last);
        Assert.Equal(hops + 1, ordered);
    }

    /// <summary>Each node's component named by its smallest member, so two labelings of the same partition compare equal.</summary>
    private static int[] Canonical(int n, Func<int, int> label)
    {
        var smallest = new Dictionary<int, int>();
        for (var u = n - 1; u >= 0; u--)
        {
            smallest[label(u)] = u;
        }

        return [.. Enumerable.Range(0, n).Select(u => smallest[label(u)])];
    }

    /// <summary>QuikGraph's components of two or more reports (the graph has no self-citations), each as its sorted report ids and citations.</summary>
    private static List<string> NonTrivialComponents(CitationGraphView view)
    {
        var components = new Dictionary<ReportVertex, int>();
        view.StronglyConnectedComponents(components);
        var inside = view.Edges.Where(e => components[e.Source] == components[e.Target]).ToLookup(e => components[e.Source], e => e.Index);
        return [.. components.GroupBy(p => p.Value, p => p.Key)
            .Where(g => g.Count() > 1)
            .Select(g => (First: g.Min(v => v.Index), Text: Text(g.OrderBy(v => v.Index).Select(v => v.Id), inside[g.Key].Order().Select(i => view.Graph.Citations[i]))))
            .OrderBy(p => p.First)
            .Select(p => p.Text)];
    }

    private static List<string> Describe(IEnumerable<CitationCycle> cycles) =>
        [.. cycles.Select(c => (c.Claim is null ? "" : c.Claim + ": ") + Text(c.Reports, c.Citations))];

    private static string Text(IEnumerable<string> reports, IEnumerable<Citation> citations) =>
        string.Join(' ', reports) + " | " + string.Join(' ', citations.Select(c => $"{c.From}>{c.To}/{c.Claim}"));

    /// <summary>What QuikGraph's breadth-first search reaches from <paramref name="root"/> by one or more edges.</summary>
    private static SortedSet<int> ReachedByOneOrMoreEdges<TEdge>(IBidirectionalGraph<ReportVertex, TEdge> graph, ReportVertex root)
        where TEdge : IEdge<ReportVertex>
    {
        var found = new SortedSet<int>();
        var search = new BreadthFirstSearchAlgorithm<ReportVertex, TEdge>(graph);
        search.DiscoverVertex += v => found.Add(v.Index);
        search.Compute(root);

        // The root is discovered at the start; it is reached by an edge only if something it reaches (or it) leads back to it.
        if (!graph.InEdges(root).Any(e => found.Contains(e.Source.Index)))
        {
            found.Remove(root.Index);
        }

        return found;
    }

    private static void AssertDependency(CitationGraph graph, SortedSet<int> reports, DependencyResult actual, string what)
    {
        Assert.True(
            reports.Select(r => graph.Reports[r].Id).SequenceEqual(actual.Reports),
            $"{what}: QuikGraph reaches [{string.Join(' ', reports.Select(r => graph.Reports[r].Id))}], ours [{string.Join(' ', actual.Reports)}]");
        var sources = reports.Select(r => graph.Reports[r].Source).Distinct().OrderBy(s => graph.Sources.IndexOf(graph.GetSource(s)));
        Assert.Equal(sources, actual.Sources);
    }

    private static List<ReportVertex>? TopologicalSortOrNull(CitationGraphView view)
    {
        try
        {
            return [.. view.TopologicalSort()];
        }
        catch (NonAcyclicGraphException)
        {
            return null;
        }
    }

    /// <summary>Every edge goes from earlier to later in <paramref name="order"/>; with <paramref name="partial"/>, the order may hold only some nodes, but every edge's two.</summary>
    private static void AssertTopological(IEnumerable<(int From, int To)> edges, int[] order, bool partial = false)
    {
        var position = new Dictionary<int, int>();
        for (var i = 0; i < order.Length; i++)
        {
            Assert.True(position.TryAdd(order[i], i), $"report {order[i]} appears twice in the order");
        }

        foreach (var (from, to) in edges)
        {
            Assert.True(position.ContainsKey(from) && position.ContainsKey(to), $"citation {from}->{to} has an end missing from the order");
            Assert.True(position[from] < position[to], $"citation {from}->{to} goes backwards in the order");
        }

        Assert.True(partial || position.Count == order.Length);
    }
}
