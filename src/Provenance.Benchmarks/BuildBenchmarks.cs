using BenchmarkDotNet.Attributes;

namespace Provenance.Benchmarks;

/// <summary>
/// Validating and freezing a graph (<see cref="CitationGraphBuilder.Build"/>), against only handing the same records
/// to a builder: the share of any loader's time that is the builder's.
/// </summary>
[MemoryDiagnoser]
public class BuildBenchmarks
{
    private CitationGraph graph = null!;

    /// <summary>The number of citations in the generated graph.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes => Corpus.Sizes;

    /// <summary>Generates the graph whose records are rebuilt.</summary>
    [GlobalSetup]
    public void Setup() => graph = Corpus.Graph(Citations);

    /// <summary>The floor: add every record to a new builder, without building.</summary>
    /// <returns>The builder.</returns>
    [Benchmark(Baseline = true)]
    public CitationGraphBuilder AddOnly() => Add();

    /// <summary>Add every record, then validate everything and build the CSR indexes.</summary>
    /// <returns>The graph.</returns>
    [Benchmark]
    public CitationGraph Build() => Add().Build();

    private CitationGraphBuilder Add() => Corpus.AddAll(new CitationGraphBuilder(), graph);
}
