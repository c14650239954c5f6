using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Provenance.Prov;

namespace Provenance.Benchmarks;

/// <summary>Importing the PROV-JSON file the exporter writes, against reading every JSON token of it.</summary>
[MemoryDiagnoser]
public class ProvJsonImportBenchmarks
{
    private string path = null!;

    /// <summary>The number of citations in the generated graph.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Citations { get; set; }

    /// <summary>The sizes to run (see <see cref="Corpus.Sizes"/>).</summary>
    public static IEnumerable<int> Sizes => Corpus.Sizes;

    /// <summary>Writes the graph's PROV-JSON file if it is missing.</summary>
    [GlobalSetup]
    public void Setup()
    {
        path = Corpus.File(Citations, "prov.json", (graph, file) =>
        {
            using var stream = System.IO.File.Create(file);
            ProvJson.Export(graph, stream);
        });
        Corpus.Release();
    }

    /// <summary>The floor: every token of the file with <see cref="Utf8JsonReader"/> over 1 MB pooled chunks, building nothing.</summary>
    /// <returns>The number of tokens.</returns>
    [Benchmark(Baseline = true)]
    public long ReadTokens()
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = 64 });
        long tokens = 0;
        var length = 0;
        var final = false;
        try
        {
            while (true)
            {
                while (!final && length < buffer.Length)
                {
                    var read = stream.Read(buffer, length, buffer.Length - length);
                    final = read == 0;
                    length += read;
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(0, length), final, state);
                while (reader.Read())
                {
                    tokens++;
                }

                if (final)
                {
                    return tokens;
                }

                var consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
                Array.Copy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><see cref="ProvJson.Import(string, GraphBuildOptions?)"/> of the file, built into a graph.</summary>
    /// <returns>The graph's citation count.</returns>
    [Benchmark]
    public int Import() => ProvJson.Import(path, Corpus.Unlimited).Graph.Citations.Length;
}
