using BenchmarkDotNet.Attributes;

namespace Provenance.Benchmarks;

/// <summary>Tracing the claim asserted by the most reports, against a bare breadth-first walk of the same claim's citations.</summary>
[MemoryDiagnoser]
public class TraceOneBenchmarks
{
    private CitationGraph graph = null!;
    private string claimId = "";
    private int claim;
    private int[] stamp = [];
    private int[] queue = [];
    private int mark;

    /// <summary>The number of citations in the generated graph.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes => Corpus.Sizes;

    /// <summary>Generates the graph and picks the claim.</summary>
    [GlobalSetup]
    public void Setup()
    {
        graph = Corpus.Graph(Citations);
        claimId = Corpus.BusiestClaim(graph);
        graph.TryGetClaimIndex(claimId, out claim);
        stamp = new int[graph.Reports.Length];
        queue = new int[graph.Reports.Length];
    }

    /// <summary>The floor: visit every report the claim's citations reach, once, over the CSR arrays.</summary>
    /// <returns>The number of reports reached.</returns>
    [Benchmark(Baseline = true)]
    public int BareWalk() => Floors.WalkClaim(graph, claim, stamp, ++mark, queue);

    /// <summary>The full trace: every chain from every asserting report to its end, with primary sources and independent origins.</summary>
    /// <returns>The trace.</returns>
    [Benchmark]
    public TraceResult Trace() => graph.Trace(claimId);
}

/// <summary>Tracing every claim of the graph, against a bare breadth-first walk of every claim.</summary>
[MemoryDiagnoser]
public class TraceAllBenchmarks
{
    private CitationGraph graph = null!;
    private int[] stamp = [];
    private int[] queue = [];
    private int mark;

    /// <summary>The number of citations in the generated graph.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes => Corpus.Sizes;

    /// <summary>Generates the graph.</summary>
    [GlobalSetup]
    public void Setup()
    {
        graph = Corpus.Graph(Citations);
        stamp = new int[graph.Reports.Length];
        queue = new int[graph.Reports.Length];
    }

    /// <summary>The floor: walk every claim's citations from its asserting reports.</summary>
    /// <returns>The number of reports reached, summed over claims.</returns>
    [Benchmark(Baseline = true)]
    public long BareWalkAll()
    {
        long reached = 0;
        for (var c = 0; c < graph.Claims.Length; c++)
        {
            reached += Floors.WalkClaim(graph, c, stamp, ++mark, queue);
        }

        return reached;
    }

    /// <summary>Trace every claim.</summary>
    /// <returns>The number of chains, summed over claims.</returns>
    [Benchmark]
    public long TraceAll()
    {
        long chains = 0;
        foreach (var claim in graph.Claims)
        {
            chains += graph.Trace(claim.Id).Chains.Length;
        }

        return chains;
    }
}
