using System.Globalization;
using Provenance.Bulk;
using Provenance.Generation;

namespace Provenance.Benchmarks;

/// <summary>
/// The <c>memory</c> mode: how many bytes the frozen graph keeps alive per citation, measured as the managed heap
/// after a full collection with the graph held, minus the heap before it was made. The graph holds its elements as
/// columns and makes element records only when they are read, so the whole heap held is the graph's; the
/// "no text" row shows how much of it the text takes. <c>--no-bulk</c> skips the bulk-loaded row (which needs the
/// JSON Lines file of that size generated first).
/// </summary>
internal static class MemoryReport
{
    public static int Run(string[] args)
    {
        var bulk = !args.Contains("--no-bulk");
        var numbers = args.Where(a => a != "--no-bulk").ToArray();
        var sizes = numbers.Length > 0
            ? numbers.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray()
            : [1_000, 10_000, 100_000, 1_000_000];
        Console.WriteLine("| Citations | Reports | Assertions | Graph | Made in (s) | Heap held (MB) | Bytes per citation |");
        Console.WriteLine("|----------:|--------:|-----------:|-------|------------:|---------------:|-------------------:|");
        foreach (var size in sizes)
        {
            Row(size, "generated, with text", () => NewsGraphGenerator.Generate(new GeneratorOptions { Citations = size, Seed = Corpus.Seed }));
            Row(size, "generated, no text", () => NewsGraphGenerator.Generate(new GeneratorOptions { Citations = size, Seed = Corpus.Seed, IncludeText = false }));
            if (bulk)
            {
                var path = Corpus.JsonLinesFile(size);
                Corpus.Release();
                Row(size, "bulk-loaded, with text", () => ProvenanceJsonLines.Load(path, Corpus.Unlimited));
            }
        }

        return 0;
    }

    private static void Row(int size, string what, Func<CitationGraph> make)
    {
        var before = Settle();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var graph = make();
        var seconds = watch.Elapsed.TotalSeconds;
        var after = Settle();
        var held = after - before;
        var citations = (double)graph.Citations.Length;
        var (reports, assertions) = (graph.Reports.Length, graph.Assertions.Length);
        GC.KeepAlive(graph);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {size:N0} | {reports:N0} | {assertions:N0} | {what} | {seconds:F2} | {held / 1048576.0:F1} | {held / citations:F0} |"));
    }

    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
