using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Provenance.Bulk;
using Provenance.Prov;

namespace Provenance.Benchmarks;

/// <summary>
/// The <c>compare</c> mode: for each size, writes the generated graph as PROV-JSON (the file the Python side
/// reads), picks the nodes to walk from, and times the same jobs the Python script times, in process, with a
/// stopwatch: one warm-up run, then the median of several. Prints one JSON object per size for
/// <c>compare/compare.py</c>.
/// </summary>
internal static class Comparison
{
    public static int Run(string[] args)
    {
        var repetitions = 5;
        var sizes = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--repetitions")
            {
                repetitions = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            }
        }

        foreach (var size in sizes.Count > 0 ? sizes : [10_000, 100_000])
        {
            Console.WriteLine(Measure(size, repetitions));
        }

        return 0;
    }

    private static string Measure(int size, int repetitions)
    {
        var graph = Corpus.Graph(size);
        var provPath = Corpus.File(size, "prov.json", (g, path) =>
        {
            using var stream = System.IO.File.Create(path);
            ProvJson.Export(g, stream);
        });
        var bulkPath = Corpus.JsonLinesFile(size);
        var sourceId = Corpus.MostCitedSource(graph);
        var reportId = DeepestReport(graph);
        var options = Corpus.Unlimited;

        var times = new SortedDictionary<string, double>(StringComparer.Ordinal)
        {
            ["load_prov_json"] = Median(repetitions, () => ProvJson.Import(provPath, options)),
            ["load_bulk"] = Median(repetitions, () => ProvenanceJsonLines.Load(bulkPath, options)),
            ["serialize_prov_json"] = Median(repetitions, () => graph.ToProvJson()),
            ["upstream"] = Median(repetitions, () => graph.Upstream(reportId)),
            ["downstream"] = Median(repetitions, () => graph.Downstream(sourceId)),
        };
        var upstream = graph.Upstream(reportId);
        var downstream = graph.Downstream(sourceId);
        Corpus.Release();

        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["citations"] = size,
            ["prov_json"] = Path.GetFullPath(provPath),
            ["prov_json_bytes"] = new FileInfo(provPath).Length,
            ["upstream_node"] = "report:" + reportId,
            ["upstream_reports"] = upstream.Reports.Length,
            ["upstream_sources"] = upstream.Sources.Length,
            ["downstream_node"] = "source:" + sourceId,
            ["downstream_reports"] = downstream.Reports.Length,
            ["downstream_sources"] = downstream.Sources.Length,
            ["repetitions"] = repetitions,
            ["seconds"] = times,
        });
    }

    /// <summary>The explicit report with the most reports upstream of it among the last thousand made: a long trace.</summary>
    private static string DeepestReport(CitationGraph graph)
    {
        var best = "";
        var most = -1;
        var seen = 0;
        for (var r = graph.Reports.Length - 1; r >= 0 && seen < 1_000; r--)
        {
            var report = graph.Reports[r];
            if (report.IsImplicit)
            {
                continue;
            }

            seen++;
            var reach = graph.Upstream(report.Id).Reports.Length;
            if (reach > most)
            {
                (best, most) = (report.Id, reach);
            }
        }

        return best;
    }

    private static double Median(int repetitions, Func<object> job)
    {
        GC.KeepAlive(job());
        var seconds = new double[repetitions];
        for (var i = 0; i < repetitions; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(job());
            seconds[i] = watch.Elapsed.TotalSeconds;
        }

        Array.Sort(seconds);
        return repetitions % 2 == 1 ? seconds[repetitions / 2] : (seconds[(repetitions / 2) - 1] + seconds[repetitions / 2]) / 2;
    }
}
