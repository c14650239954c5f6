using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Provenance.Benchmarks;

/// <summary>
/// Runs the benchmarks (<c>-- --filter '*'</c>, any BenchmarkDotNet switch), or one of two small modes:
/// <c>memory [sizes...]</c> prints bytes per citation of the frozen graph; <c>compare [sizes...]</c> times the
/// jobs the Python comparison times, in process; <c>postgresql [sizes...]</c> times the PostgreSQL store against the
/// in-memory graph (<see cref="PostgreSqlReport"/>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["memory", .. var sizes])
        {
            return MemoryReport.Run(sizes);
        }

        if (args is ["postgresql", .. var pgSizes])
        {
            return PostgreSqlReport.Run(pgSizes);
        }

        if (args is ["compare", .. var rest])
        {
            return Comparison.Run(rest);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, Config());
        return 0;
    }

    /// <summary>
    /// A short job, so that the whole suite runs in about a quarter of an hour on a shared two-core machine: one
    /// launch, one warm-up and three measured iterations of at least 250 ms (an operation longer than that is one
    /// invocation per iteration), run in process so that no project is built per run and the generated graphs are
    /// made once per process. <c>PROVENANCE_BENCH_WARMUP</c> and <c>PROVENANCE_BENCH_ITERATIONS</c> override the counts.
    /// </summary>
    private static ManualConfig Config()
    {
        var job = Job.Default
            .WithStrategy(RunStrategy.Throughput)
            .WithLaunchCount(1)
            .WithWarmupCount(Setting("PROVENANCE_BENCH_WARMUP", 1))
            .WithIterationCount(Setting("PROVENANCE_BENCH_ITERATIONS", 3))
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(250))
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(20), logOutput: true))
            .WithId("Short");
        return DefaultConfig.Instance.AddJob(job.AsDefault());
    }

    /// <summary>An environment override of the job, for the few minutes-long cases on a slow machine.</summary>
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
