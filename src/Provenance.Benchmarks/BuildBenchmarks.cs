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

    private CitationGraphBuilder Add()
    {
        var builder = new CitationGraphBuilder();
        foreach (var a in graph.Affiliations)
        {
            builder.AddAffiliation(a);
        }

        foreach (var s in graph.Sources)
        {
            builder.AddSource(s);
        }

        foreach (var c in graph.Claims)
        {
            builder.AddClaim(c);
        }

        foreach (var r in graph.Reports)
        {
            builder.AddReport(r);
        }

        foreach (var a in graph.Assertions)
        {
            builder.AddAssertion(a);
        }

        foreach (var c in graph.Citations)
        {
            builder.AddCitation(c);
        }

        return builder;
    }
}
