using Provenance.Bulk;
using Provenance.Generation;

namespace Provenance.Benchmarks;

/// <summary>The generated graphs every benchmark runs on, and their files, made once per size and seed.</summary>
internal static class Corpus
{
    /// <summary>The seed of every benchmark graph, so runs and machines compare like with like.</summary>
    public const int Seed = 2020;

    private static readonly Dictionary<int, CitationGraph> Graphs = [];

    /// <summary>
    /// The sizes (citations) of most benchmarks: 1,000, 100,000 and 1,000,000, or the comma-separated list in
    /// <c>PROVENANCE_BENCH_SIZES</c>, so that a slow machine can run the largest size for a few classes only.
    /// </summary>
    public static IEnumerable<int> Sizes => Configured() ?? [1_000, 100_000, 1_000_000];

    /// <summary>The sizes of the YAML and DOT benchmarks, which stop at 100,000: <see cref="Sizes"/> without larger ones.</summary>
    public static IEnumerable<int> SmallSizes => (Configured() ?? [1_000, 100_000]).Where(size => size <= 100_000);

    /// <summary>Limits raised for corpus-sized files (the defaults stop at 64 MiB).</summary>
    public static GraphBuildOptions Unlimited => new()
    {
        Limits = new GraphLimits { MaxFileBytes = long.MaxValue, MaxScalarLength = 1_000_000 },
    };

    /// <summary>Adds every element of <paramref name="graph"/> to <paramref name="builder"/>, in the order a loader would.</summary>
    public static CitationGraphBuilder AddAll(CitationGraphBuilder builder, CitationGraph graph)
    {
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

    private static int[]? Configured() =>
        Environment.GetEnvironmentVariable("PROVENANCE_BENCH_SIZES") is { Length: > 0 } sizes
            ? [.. sizes.Split(',').Select(size => int.Parse(size, System.Globalization.CultureInfo.InvariantCulture))]
            : null;

    /// <summary>The folder holding generated input files; reused between runs.</summary>
    public static string Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable("PROVENANCE_BENCH_DATA")
                ?? Path.Combine(Path.GetTempPath(), "provenance-bench");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static CitationGraph Graph(int citations)
    {
        lock (Graphs)
        {
            if (!Graphs.TryGetValue(citations, out var graph))
            {
                graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = citations, Seed = Seed });
                Graphs[citations] = graph;
            }

            return graph;
        }
    }

    /// <summary>Drops cached graphs so that a large one does not stay alive through the next benchmark.</summary>
    public static void Release()
    {
        lock (Graphs)
        {
            Graphs.Clear();
        }
    }

    /// <summary>The graph of <paramref name="citations"/> citations as a file written by <paramref name="write"/>, made if missing.</summary>
    public static string File(int citations, string extension, Action<CitationGraph, string> write)
    {
        var path = Path.Combine(Folder, $"news-{citations}-seed{Seed}.{extension}");
        if (!System.IO.File.Exists(path))
        {
            var partial = path + ".partial";
            write(Graph(citations), partial);
            System.IO.File.Move(partial, path, overwrite: true);
        }

        return path;
    }

    public static string JsonLinesFile(int citations) => File(citations, "jsonl", ProvenanceJsonLines.Save);

    /// <summary>The claim asserted by the most reports: the widest single trace, the worst case for one claim.</summary>
    public static string BusiestClaim(CitationGraph graph)
    {
        var best = 0;
        for (var c = 1; c < graph.Claims.Length; c++)
        {
            if (Width(graph, c) > Width(graph, best))
            {
                best = c;
            }
        }

        return graph.Claims[best].Id;
    }

    /// <summary>The source whose reports are cited most often (the biggest news agency).</summary>
    public static string MostCitedSource(CitationGraph graph)
    {
        var cited = new int[graph.Sources.Length];
        foreach (var to in graph.CitationTo)
        {
            cited[graph.ReportSource[to]]++;
        }

        return graph.Sources[Array.IndexOf(cited, cited.Max())].Id;
    }

    private static int Width(CitationGraph graph, int claim) => graph.ClaimAssertionStart[claim + 1] - graph.ClaimAssertionStart[claim];
}
