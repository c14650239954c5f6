using System.Diagnostics;
using System.Globalization;
using Provenance.PostgreSql;

namespace Provenance.Benchmarks;

/// <summary>
/// <c>postgresql [sizes...]</c>: the PostgreSQL store against the in-memory graph, in one process, on the generated graph of
/// each size (default 1,000,000 citations): import by binary COPY (citations per second, against building the same graph in
/// memory), one-claim trace p50 over many claims, downstream of the most-cited source, and every cycle. The database is the
/// one <c>PROVENANCE_BENCH_POSTGRES</c> (or <c>PROVENANCE_TEST_POSTGRES</c>) names; each size gets a fresh schema, dropped
/// afterwards. One import per size (it takes a minute at 1M); the other jobs report the median of several runs.
/// </summary>
internal static class PostgreSqlReport
{
    private const int TraceClaims = 300;
    private const int Repeats = 3;

    public static int Run(string[] sizes)
    {
        var connection = Environment.GetEnvironmentVariable("PROVENANCE_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("PROVENANCE_TEST_POSTGRES");
        if (string.IsNullOrEmpty(connection))
        {
            Console.Error.WriteLine("Set PROVENANCE_BENCH_POSTGRES to a PostgreSQL connection string (see the README's PostgreSQL section).");
            return 2;
        }

        Console.WriteLine("| Citations | Job | In memory | PostgreSQL | Ratio | Goal | PostgreSQL CPU (server + client) |");
        Console.WriteLine("|----------:|-----|----------:|-----------:|------:|------|---------------------------------:|");
        foreach (var size in sizes.Length == 0 ? [1_000_000] : sizes.Select(s => int.Parse(s, CultureInfo.InvariantCulture)))
        {
            RunSize(connection, size).GetAwaiter().GetResult();
            Corpus.Release();
        }

        return 0;
    }

    private static async Task RunSize(string connection, int size)
    {
        Progress(size, "generating the graph");
        var graph = Corpus.Graph(size);
        // PROVENANCE_BENCH_JOBS=trace (the 10M run, where only the trace has a goal of its own) skips the in-memory import
        // baseline, which at 10M takes minutes and a second copy of the graph's memory, and stops after the trace.
        var traceOnly = Environment.GetEnvironmentVariable("PROVENANCE_BENCH_JOBS") == "trace";
        double? memory = null;
        if (!traceOnly)
        {
            Progress(size, "building it in memory (import baseline)");
            memory = Time(() => Rebuild(graph));
        }

        var cpu = await PostgreSqlCpu.OpenAsync(connection);
        await using var store = new PostgreSqlProvenanceStore(new ProvenancePostgreSqlOptions { ConnectionString = connection, Schema = $"bench_{size}" });
        var keep = Environment.GetEnvironmentVariable("PROVENANCE_BENCH_KEEP") == "1";
        var reuse = keep && await HoldsAsync(connection, $"bench_{size}", graph.Citations.Length);
        if (!reuse)
        {
            await store.DropSchemaAsync();
            await store.EnsureSchemaAsync();
        }

        try
        {
            var citations = graph.Citations.Length;
            if (reuse)
            {
                Progress(size, "reusing the schema a kept run imported (no import figure)");
            }
            else
            {
                Progress(size, "importing by binary COPY");
                var cpu0 = cpu.Now();
                var import = await TimeAsync(() => store.ImportAsync(graph));
                var importCpu = cpu.Now() - cpu0;
                Row(size, "import (citations/s)", memory is { } m ? Rate(citations, m) : "not run", Rate(citations, import), memory is { } b ? b / import : double.NaN, ">= 50,000/s", Cpu(cpu, importCpu, "s"));
            }

            // p50 over claims spread through the graph, after one warm-up pass over the same claims in both: the figure is a
            // trace whose pages are in shared buffers (after a bulk import they are not: COPY and CREATE INDEX write through a
            // small ring of buffers, so a claim's first trace reads its pages from the operating system's cache).
            var claims = Enumerable.Range(0, TraceClaims).Select(i => graph.Claims[(int)((long)i * graph.Claims.Length / TraceClaims)].Id).ToArray();
            Progress(size, $"tracing {TraceClaims} claims in memory and in the store");
            foreach (var claim in claims)
            {
                graph.Trace(claim);
                await store.TraceAsync(claim);
            }

            var inMemory = claims.Select(c => Time(() => graph.Trace(c))).Order().ToArray();
            var inStore = new List<double>();
            var traceCpu0 = cpu.Now();
            foreach (var claim in claims)
            {
                inStore.Add(await TimeAsync(() => store.TraceAsync(claim)));
            }

            var traceCpu = (cpu.Now() - traceCpu0) / claims.Length;

            var p50Memory = inMemory[inMemory.Length / 2];
            var p50Store = inStore.Order().ElementAt(inStore.Count / 2);
            Row(size, $"one-claim trace p50 ({TraceClaims} claims)", Ms(p50Memory), Ms(p50Store), p50Store / p50Memory, "<= 2 ms", Cpu(cpu, traceCpu * 1000, "ms mean"));

            if (traceOnly)
            {
                return;
            }

            var source = Corpus.MostCitedSource(graph);
            Progress(size, $"downstream of {source}");
            var down = await Median(() => { graph.Downstream(source); return Task.CompletedTask; });
            var (downStore, downCpu) = await Median(() => store.DownstreamAsync(source), cpu);
            Row(size, $"downstream of {source} ({graph.Downstream(source).Reports.Length} reports)", Ms(down), Ms(downStore), downStore / down, "<= 1.5 s", Cpu(cpu, downCpu * 1000, "ms mean"));

            Progress(size, "all cycles");
            var cycles = await Median(() => { graph.CircularReporting(); return Task.CompletedTask; });
            var (cyclesStore, cyclesCpu) = await Median(() => store.CircularReportingAsync(), cpu);
            Row(size, $"all cycles ({graph.CircularReporting().Overall.Length} overall)", Ms(cycles), Ms(cyclesStore), cyclesStore / cycles, "<= 3 s", Cpu(cpu, cyclesCpu * 1000, "ms mean"));
        }
        finally
        {
            // PROVENANCE_BENCH_KEEP=1 leaves the imported schema, for looking at plans in psql afterwards and for the next run
            // with the same variable, which queries it without importing again.
            if (!keep)
            {
                await store.DropSchemaAsync();
            }
        }
    }

    /// <summary>Whether the schema already holds a graph of this many citations (a schema a kept run left).</summary>
    private static async Task<bool> HoldsAsync(string connection, string schema, int citations)
    {
        await using var source = Npgsql.NpgsqlDataSource.Create(connection);
        await using var command = source.CreateCommand($"SELECT count(*) FROM {schema}.citation");
        try
        {
            return (long)(await command.ExecuteScalarAsync())! == citations;
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is "42P01" or "3F000")
        {
            return false;
        }
    }

    /// <summary>Says on stderr which phase starts, so a long run shows where it is (the table goes to stdout).</summary>
    private static void Progress(int size, string phase) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.UtcNow:HH:mm:ss}] {size:N0}: {phase}"));

    private static CitationGraph Rebuild(CitationGraph graph)
    {
        var options = Corpus.Unlimited;
        options.Limits.MaxNodes = int.MaxValue;
        options.Limits.MaxCitations = int.MaxValue;
        return Corpus.AddAll(new CitationGraphBuilder(options), graph).Build();
    }

    private static void Row(int size, string job, string memory, string store, double ratio, string goal, string cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {size:N0} | {job} | {memory} | {store} | {ratio:0.00} | {goal} | {cpu} |"));

    private static string Cpu(PostgreSqlCpu cpu, double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0.000} {unit}{(cpu.HasServer ? "" : " (client only)")}");

    private static string Ms(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:0.000} ms");

    private static string Rate(int citations, double seconds) => string.Create(CultureInfo.InvariantCulture, $"{citations / seconds:N0}/s");

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Time<T>(Func<T> action) => Time(() => { action(); });

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> Median(Func<Task> action)
    {
        await action();
        var times = new double[Repeats];
        for (var i = 0; i < Repeats; i++)
        {
            times[i] = await TimeAsync(action);
        }

        Array.Sort(times);
        return times[Repeats / 2];
    }

    /// <summary>The median as <see cref="Median(Func{Task})"/>, and the mean CPU time of one timed run.</summary>
    private static async Task<(double Median, double Cpu)> Median(Func<Task> action, PostgreSqlCpu cpu)
    {
        await action();
        var times = new double[Repeats];
        var start = cpu.Now();
        for (var i = 0; i < Repeats; i++)
        {
            times[i] = await TimeAsync(action);
        }

        var used = (cpu.Now() - start) / Repeats;
        Array.Sort(times);
        return (times[Repeats / 2], used);
    }
}
