using System.Text;
using System.Text.Json;
using Provenance.Generation;
using Provenance.Graphviz;
using Provenance.Prov;

namespace Provenance.Tests.Hostile;

/// <summary>
/// The graph is documented as immutable and thread-safe (issue 9): the same queries and exports run from 16 threads at once
/// on one graph must give exactly what one thread gives.
/// </summary>
public sealed class CitationGraphConcurrencyTests
{
    private const int Threads = 16;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [SkippableFact]
    public void Queries_From16ThreadsOnOneGraph_EqualSingleThreadedResults()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 1_500, Seed = 11, CycleRate = 0.05 });
        Assert.NotEmpty(graph.CircularReporting().Overall);
        var expected = Everything(graph);
        var results = new string[Threads];
        using var start = new Barrier(Threads);

        HostileHarness.Run("16 threads", () =>
        {
            TestThreads.Run(
                Threads,
                t =>
                {
                    start.SignalAndWait();
                    results[t] = Everything(graph);
                    Assert.True(expected == results[t], $"thread {t} got a different result");
                },
                4 * 1024 * 1024);
            return 0;
        });

        for (var t = 0; t < Threads; t++)
        {
            Assert.True(expected == results[t], $"thread {t} got a different result");
        }

        MermaidCheck.AssertRenders(graph.ToMermaid(DotView.Sources), "the 1,500-citation generated graph's sources");
    }

    /// <summary>Every query and export of the graph, serialised in one deterministic text.</summary>
    private static string Everything(CitationGraph graph)
    {
        var text = new StringBuilder();
        void Add(string name, object value) => text.Append(name).Append(": ").Append(JsonSerializer.Serialize(value, value.GetType(), Json)).Append('\n');

        Add("circular", graph.CircularReporting());
        Add("summary", graph.SourceSummary());
        Add("timeline", graph.TimelineErrors());
        Add("single-origin", graph.SingleOriginClaims());
        foreach (var claim in graph.Claims)
        {
            Add("trace " + claim.Id, graph.Trace(claim.Id));
            Add("drift " + claim.Id, graph.Drift(claim.Id));
            Add("dead-ends " + claim.Id, graph.DeadEnds(claim.Id));
        }

        foreach (var report in graph.Reports.Take(60))
        {
            Add("downstream " + report.Id, graph.Downstream(report.Id));
            Add("upstream " + report.Id, graph.Upstream(report.Id));
        }

        Add("paths", graph.PathsBetween(graph.Reports[0].Id, graph.Reports[^1].Id));
        text.Append(graph.ToDot(DotView.Sources, new DotOptions { ClusterBy = DotClusterBy.Affiliation }));
        text.Append(graph.ToDot(DotView.Reports));
        text.Append(graph.ToDot(DotView.ClaimTrace(graph.Claims[0].Id)));
        text.Append(graph.ToMermaid(DotView.Sources));
        text.Append(graph.ToProvJson());
        text.Append(Provenance.Yaml.ProvenanceYaml.ToYaml(graph));
        return text.ToString();
    }
}
