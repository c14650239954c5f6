using BenchmarkDotNet.Attributes;
using Provenance.Yaml;
using YamlDotNet.Core;

namespace Provenance.Benchmarks;

/// <summary>Loading the YAML format, against YamlDotNet merely parsing the same file into events.</summary>
[MemoryDiagnoser]
public class YamlLoadBenchmarks
{
    private string path = "";

    /// <summary>The number of citations in the generated graph (a hand-written format: no 1,000,000 case).</summary>
    [ParamsSource(nameof(SmallSizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.SmallSizes"/>).</summary>
    public static IEnumerable<int> SmallSizes => Corpus.SmallSizes;

    /// <summary>Writes the file (once per size; reused between runs) and releases the graph it came from.</summary>
    [GlobalSetup]
    public void Setup()
    {
        path = Corpus.File(Citations, "yaml", ProvenanceYaml.Save);
        Corpus.Release();
    }

    /// <summary>The floor: YamlDotNet's parser reads every event of the file, building nothing.</summary>
    /// <returns>The event count.</returns>
    [Benchmark(Baseline = true)]
    public long RawYamlEvents()
    {
        using var reader = new StreamReader(path);
        var parser = new Parser(reader);
        long events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    /// <summary>The loader's own share: stream every event, check every key and value, add every element to a builder, without building.</summary>
    /// <returns>The problem count (zero).</returns>
    [Benchmark]
    public int ReadIntoBuilder()
    {
        var options = Corpus.Unlimited;
        var problems = new List<GraphDiagnostic>();
        var sink = new YamlGraphReader(new CitationGraphBuilder(options), options.Limits, problems, positions: false);
        using var reader = new StreamReader(path);
        Exception? cause = null;
        YamlTreeReader.Read(reader, path, options.Limits, problems, ref cause, sink);
        return problems.Count;
    }

    /// <summary>Parse, check every key, validate and build the graph.</summary>
    /// <returns>The graph.</returns>
    [Benchmark]
    public CitationGraph Load() => ProvenanceYaml.Load(path, new YamlLoadOptions { Limits = Corpus.Unlimited.Limits });
}
