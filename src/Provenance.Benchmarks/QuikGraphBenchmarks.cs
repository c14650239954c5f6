using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Provenance.QuikGraph;
using QuikGraph;
using QuikGraph.Algorithms;
using QuikGraph.Algorithms.Search;

namespace Provenance.Benchmarks;

/// <summary>
/// Our graph walks against QuikGraph's algorithms run through the zero-copy views (and on a <c>BidirectionalGraph</c> copy),
/// and what each view costs to make. Three groups, each with its own baseline: strongly connected components (ours is the
/// baseline), everything downstream of the most-cited report (ours is the baseline), and making a view (a copy into
/// QuikGraph's <c>BidirectionalGraph&lt;int, SEdge&lt;int&gt;&gt;</c> is the baseline).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class QuikGraphBenchmarks
{
    private CitationGraph graph = null!;
    private CitationGraphView view = null!;
    private BidirectionalGraph<int, SEdge<int>> copy = null!;
    private int[] target = [];
    private int mostCited;
    private string busiestClaim = "";

    /// <summary>The number of citations in the generated graph.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes => Corpus.Sizes;

    /// <summary>Generates the graph, its view and its copy, and picks the report and claim.</summary>
    [GlobalSetup]
    public void Setup()
    {
        graph = Corpus.Graph(Citations);
        view = graph.AsQuikGraph();
        copy = Copy();
        target = [.. graph.OutCitations.Select(c => graph.CitationTo[c])];
        mostCited = Enumerable.Range(0, graph.Reports.Length).MaxBy(r => graph.InStart[r + 1] - graph.InStart[r]);
        busiestClaim = Corpus.BusiestClaim(graph);
    }

    /// <summary>Ours: iterative Tarjan over the CSR arrays, as <c>CircularReporting</c> runs it.</summary>
    /// <returns>The number of components.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("SCC")]
    public int OurComponents()
    {
        GraphWalk.StronglyConnectedComponents(graph.Reports.Length, graph.OutStart, target, out var count);
        return count;
    }

    /// <summary>QuikGraph's strongly connected components through <see cref="CitationGraphQuikGraphExtensions.AsQuikGraph(CitationGraph)"/>.</summary>
    /// <returns>The number of components.</returns>
    [Benchmark]
    [BenchmarkCategory("SCC")]
    public int QuikGraphComponentsThroughView() => view.StronglyConnectedComponents(new Dictionary<ReportVertex, int>(graph.Reports.Length));

    /// <summary>QuikGraph's strongly connected components on a <c>BidirectionalGraph</c> copy made beforehand.</summary>
    /// <returns>The number of components.</returns>
    [Benchmark]
    [BenchmarkCategory("SCC")]
    public int QuikGraphComponentsOnCopy() => copy.StronglyConnectedComponents(new Dictionary<int, int>(graph.Reports.Length));

    /// <summary>Ours: the breadth-first walk <c>Downstream</c> runs, from the most-cited report.</summary>
    /// <returns>The number of reports reached.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Downstream")]
    public int OurDownstream() =>
        GraphWalk.Reach(graph.Reports.Length, graph.InStart, graph.InCitations, graph.CitationFrom, graph.CitationClaim, -1, [mostCited]).Count;

    /// <summary>QuikGraph's breadth-first search from the same report over the reversed view.</summary>
    /// <returns>The number of reports reached, the report itself included.</returns>
    [Benchmark]
    [BenchmarkCategory("Downstream")]
    public int QuikGraphDownstreamThroughView()
    {
        var reached = 0;
        var search = new BreadthFirstSearchAlgorithm<ReportVertex, SReversedEdge<ReportVertex, CitationEdge>>(
            new ReversedBidirectionalGraph<ReportVertex, CitationEdge>(view));
        search.DiscoverVertex += _ => reached++;
        search.Compute(view.Vertex(graph.Reports[mostCited].Id));
        return reached;
    }

    /// <summary>QuikGraph's breadth-first search from the same report over the reversed copy.</summary>
    /// <returns>The number of reports reached, the report itself included.</returns>
    [Benchmark]
    [BenchmarkCategory("Downstream")]
    public int QuikGraphDownstreamOnCopy()
    {
        var reached = 0;
        var search = new BreadthFirstSearchAlgorithm<int, SReversedEdge<int, SEdge<int>>>(new ReversedBidirectionalGraph<int, SEdge<int>>(copy));
        search.DiscoverVertex += _ => reached++;
        search.Compute(mostCited);
        return reached;
    }

    /// <summary>The baseline of the views: a copy of the report graph into QuikGraph's own <c>BidirectionalGraph</c>.</summary>
    /// <returns>The copy.</returns>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("View")]
    public BidirectionalGraph<int, SEdge<int>> CopyToBidirectionalGraph() => Copy();

    /// <summary>The report view: nothing to build.</summary>
    /// <returns>The view.</returns>
    [Benchmark]
    [BenchmarkCategory("View")]
    public CitationGraphView ReportView() => graph.AsQuikGraph();

    /// <summary>The view of the claim asserted by the most reports: counts its edges.</summary>
    /// <returns>The view.</returns>
    [Benchmark]
    [BenchmarkCategory("View")]
    public CitationGraphView ClaimView() => graph.AsQuikGraph(busiestClaim);

    /// <summary>The source view: builds its index of source pairs.</summary>
    /// <returns>The view.</returns>
    [Benchmark]
    [BenchmarkCategory("View")]
    public SourceGraphView SourceView() => graph.AsSourceQuikGraph();

    private BidirectionalGraph<int, SEdge<int>> Copy()
    {
        var g = new BidirectionalGraph<int, SEdge<int>>(allowParallelEdges: true, vertexCapacity: graph.Reports.Length, edgeCapacity: -1);
        for (var u = 0; u < graph.Reports.Length; u++)
        {
            g.AddVertex(u);
        }

        for (var i = 0; i < graph.Citations.Length; i++)
        {
            g.AddEdge(new SEdge<int>(graph.CitationFrom[i], graph.CitationTo[i]));
        }

        return g;
    }
}
