using BenchmarkDotNet.Attributes;

namespace Provenance.Benchmarks;

/// <summary>Finding circular reporting in the whole graph, against a bare iterative Tarjan over the same arrays.</summary>
[MemoryDiagnoser]
public class CycleBenchmarks
{
    private CitationGraph graph = null!;

    /// <summary>The number of citations in the generated graph.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes => Corpus.Sizes;

    /// <summary>Generates the graph.</summary>
    [GlobalSetup]
    public void Setup() => graph = Corpus.Graph(Citations);

    /// <summary>The floor: strongly connected components of the report graph, all claims together.</summary>
    /// <returns>The number of components with more than one report.</returns>
    [Benchmark(Baseline = true)]
    public int BareComponents() => Floors.CyclicComponents(graph);

    /// <summary>Every citation cycle, overall and per claim, with its reports and citations.</summary>
    /// <returns>The cycles.</returns>
    [Benchmark]
    public CircularReportingResult CircularReporting() => graph.CircularReporting();
}

/// <summary>Everything downstream of the most-cited source, against a bare breadth-first walk over the incoming citations.</summary>
[MemoryDiagnoser]
public class DownstreamBenchmarks
{
    private CitationGraph graph = null!;
    private string sourceId = "";
    private int source;

    /// <summary>The number of citations in the generated graph.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes => Corpus.Sizes;

    /// <summary>Generates the graph and picks the source.</summary>
    [GlobalSetup]
    public void Setup()
    {
        graph = Corpus.Graph(Citations);
        sourceId = Corpus.MostCitedSource(graph);
        graph.TryGetSourceIndex(sourceId, out source);
    }

    /// <summary>The floor: reports reached against the citations from the source's reports.</summary>
    /// <returns>The number of reports reached.</returns>
    [Benchmark(Baseline = true)]
    public int BareWalk() => Floors.WalkDownstream(graph, source);

    /// <summary>Every report and source that depends on the source, in graph order.</summary>
    /// <returns>The dependants.</returns>
    [Benchmark]
    public DependencyResult Downstream() => graph.Downstream(sourceId);
}
