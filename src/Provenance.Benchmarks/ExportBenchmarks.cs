using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Provenance.Graphviz;
using Provenance.Prov;

namespace Provenance.Benchmarks;

/// <summary>Writing the report-level DOT diagram, against writing one bare <c>"a" -> "b"</c> line per citation.</summary>
[MemoryDiagnoser]
public class DotBenchmarks
{
    private CitationGraph graph = null!;

    /// <summary>The number of citations in the generated graph (a diagram of a million reports is not drawable: no 1,000,000 case).</summary>
    [ParamsSource(nameof(SmallSizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.SmallSizes"/>).</summary>
    public static IEnumerable<int> SmallSizes => Corpus.SmallSizes;

    /// <summary>Generates the graph.</summary>
    [GlobalSetup]
    public void Setup() => graph = Corpus.Graph(Citations);

    /// <summary>The floor: one edge line per citation, ids quoted but not escaped, no styling.</summary>
    /// <returns>The characters written.</returns>
    [Benchmark(Baseline = true)]
    public long BareEdges()
    {
        var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        writer.Write("digraph g {\n");
        foreach (var c in graph.Citations)
        {
            writer.Write('"');
            writer.Write(c.From);
            writer.Write("\" -> \"");
            writer.Write(c.To);
            writer.Write("\";\n");
        }

        writer.Write("}\n");
        return writer.GetStringBuilder().Length;
    }

    /// <summary>The report-level diagram: escaped ids and labels, marks for primary sources, dead ends, hedges and cycles, a legend.</summary>
    /// <returns>The characters written.</returns>
    [Benchmark]
    public long ToDotReports() => graph.ToDot(DotView.Reports).Length;
}

/// <summary>Exporting W3C PROV-JSON, against writing one bare JSON object per citation.</summary>
[MemoryDiagnoser]
public class ProvJsonBenchmarks
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

    /// <summary>The floor: <c>{"from":…,"to":…,"claim":…}</c> per citation, to a null stream.</summary>
    /// <returns>The bytes written.</returns>
    [Benchmark(Baseline = true)]
    public long BareJson()
    {
        using var json = new Utf8JsonWriter(Stream.Null);
        json.WriteStartArray();
        foreach (var c in graph.Citations)
        {
            json.WriteStartObject();
            json.WriteString("from"u8, c.From);
            json.WriteString("to"u8, c.To);
            json.WriteString("claim"u8, c.Claim);
            json.WriteEndObject();
            if (json.BytesPending > 65_536)
            {
                json.Flush();
            }
        }

        json.WriteEndArray();
        json.Flush();
        return json.BytesCommitted;
    }

    /// <summary>The whole graph as a PROV-JSON document (agents, entities, attributions, derivations, influences), to a null stream.</summary>
    /// <returns>The graph's citation count.</returns>
    [Benchmark]
    public int Export()
    {
        ProvJson.Export(graph, Stream.Null);
        return graph.Citations.Length;
    }
}
