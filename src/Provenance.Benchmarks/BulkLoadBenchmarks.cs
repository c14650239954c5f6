using BenchmarkDotNet.Attributes;
using Provenance.Bulk;

namespace Provenance.Benchmarks;

/// <summary>Loading the JSON Lines bulk format, against reading every JSON token of the same file and building nothing.</summary>
[MemoryDiagnoser]
public class BulkLoadBenchmarks
{
    private string path = "";

    /// <summary>The number of citations in the generated graph.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes => Corpus.Sizes;

    /// <summary>Writes the file (once per size; reused between runs) and releases the graph it came from.</summary>
    [GlobalSetup]
    public void Setup()
    {
        path = Corpus.JsonLinesFile(Citations);
        Corpus.Release();
    }

    /// <summary>The floor: read every line and every token on it.</summary>
    /// <returns>The token count.</returns>
    [Benchmark(Baseline = true)]
    public long RawJsonLines() => Floors.ReadJsonLines(path);

    /// <summary>The loader's own share: stream every record into a builder (its public Add methods), without building.</summary>
    /// <returns>The problem count (zero).</returns>
    [Benchmark]
    public int ReadIntoBuilder()
    {
        var options = Corpus.Unlimited;
        var reader = new JsonLinesReader(path, options.Limits, locate: false, new CitationGraphBuilder(options));
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        reader.Read(stream);
        return reader.Problems.Count;
    }

    /// <summary>Stream, validate and build the graph.</summary>
    /// <returns>The graph.</returns>
    [Benchmark]
    public CitationGraph Load() => ProvenanceJsonLines.Load(path, Corpus.Unlimited);
}
