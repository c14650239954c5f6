using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Provenance.Graphviz;
using Provenance.Prov;

namespace Provenance.Tests.DependencyInjection;

public sealed class ProvenanceServiceCollectionExtensionsTests : IDisposable
{
    internal const string GraphYaml = """
        sources:
          - id: ru-mod
            name: Russian Ministry of Defence
            kind: government
          - id: zerohedge
            name: ZeroHedge
            kind: outlet
        claims:
          - id: downed
            text: A Russian Mi-24 was shot down.
        reports:
          - id: mod
            source: ru-mod
            kind: statement
            assertions:
              - claim: downed
                mode: first-hand
          - id: zh
            source: zerohedge
            kind: article
            assertions:
              - claim: downed
                via:
                  - report: mod
                    kind: citing
                    evidence: citing the ministry
        """;

    private static readonly ServiceProviderOptions Strict = new() { ValidateOnBuild = true, ValidateScopes = true };

    private readonly string folder = Path.Combine(Path.GetTempPath(), "provenance-di-tests-" + Guid.NewGuid().ToString("N"));

    public ProvenanceServiceCollectionExtensionsTests()
    {
        Directory.CreateDirectory(folder);
        GraphPath = Path.Combine(folder, "graph.yaml");
        File.WriteAllText(GraphPath, GraphYaml);
    }

    private string GraphPath { get; }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void AddProvenance_WithGraph_ResolvesEveryService()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.GraphPath = GraphPath).BuildServiceProvider(Strict);

        var graphs = provider.GetRequiredService<IProvenanceGraphProvider>();
        var queries = provider.GetRequiredService<ProvenanceQueries>();

        Assert.Equal(["ru-mod", "zerohedge"], graphs.Graph.Sources.Select(s => s.Id));
        Assert.Same(graphs.Graph, queries.Graph);
        Assert.Equal(["ru-mod"], queries.PrimarySources("downed").AsEnumerable());
        Assert.Equal(1, queries.IndependentOrigins("downed").Count);
        Assert.Equal(2, queries.Trace("downed").Chains.Length);
        Assert.Equal(["mod"], queries.Upstream("zh").Reports.AsEnumerable());
        Assert.Equal(["zh"], queries.Downstream("ru-mod").Reports.AsEnumerable());
        Assert.Empty(queries.CircularReporting().Overall);
        Assert.Empty(queries.DeadEnds());
        Assert.Empty(queries.UnattributedAssertions());
        Assert.Empty(queries.Drift("downed"));
        Assert.Empty(queries.TimelineErrors());
        Assert.Single(queries.PathsBetween("zh", "mod").Paths);
        Assert.Equal(2, queries.SourceSummary().Sources.Length);
        Assert.Equal(["downed"], queries.SingleOriginClaims().Select(c => c.Claim));
    }

    [SkippableFact]
    public async Task AddProvenance_WithGraph_ResolvesExportsRendererAndGraph()
    {
        var configuredDot = Path.Combine(folder, "configured-dot");
        using var provider = new ServiceCollection()
            .AddProvenance(o =>
            {
                o.GraphPath = GraphPath;
                o.DotPath = configuredDot;
            })
            .BuildServiceProvider(Strict);

        var exports = provider.GetRequiredService<ProvenanceExports>();

        Assert.Same(provider.GetRequiredService<IProvenanceGraphProvider>().Graph, provider.GetRequiredService<CitationGraph>());
        // The registered renderer runs the configured dot (which does not exist), not the default one on PATH.
        var missing = await Assert.ThrowsAsync<GraphvizNotFoundException>(() => provider.GetRequiredService<GraphvizRenderer>().RenderAsync("digraph { }", GraphvizFormat.Svg));
        Assert.Contains(configuredDot, missing.Message, StringComparison.Ordinal);
        Assert.StartsWith("digraph", exports.ToDot(DotView.Sources), StringComparison.Ordinal);
        Assert.Equal(provider.GetRequiredService<CitationGraph>().ToMermaid(DotView.Reports), exports.ToMermaid(DotView.Reports));
        Assert.Equal(provider.GetRequiredService<CitationGraph>().ToProvN(), exports.ToProvN());
        using var prov = System.Text.Json.JsonDocument.Parse(exports.ToProvJson());
        Assert.True(prov.RootElement.TryGetProperty("agent", out _));
        MermaidCheck.AssertRenders(exports.ToMermaid(DotView.Reports), "ProvenanceExports.ToMermaid of the reports view");
    }

    [SkippableFact]
    public async Task Exports_RenderAsync_RunsConfiguredDot()
    {
        var dot = ExternalTool.Require("dot", "apt-get install graphviz");
        using var provider = new ServiceCollection()
            .AddProvenance(o =>
            {
                o.GraphPath = GraphPath;
                o.DotPath = dot;
            })
            .BuildServiceProvider(Strict);

        var svg = await provider.GetRequiredService<ProvenanceExports>().RenderAsync(DotView.Sources, GraphvizFormat.Svg);

        Assert.Contains("<svg", System.Text.Encoding.UTF8.GetString(svg), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_MissingDot_ThrowsNotFound()
    {
        using var provider = new ServiceCollection()
            .AddProvenance(o =>
            {
                o.GraphPath = GraphPath;
                o.DotPath = Path.Combine(folder, "no-such-dot");
            })
            .BuildServiceProvider(Strict);

        await Assert.ThrowsAsync<GraphvizNotFoundException>(() => provider.GetRequiredService<ProvenanceExports>().RenderAsync(DotView.Sources, GraphvizFormat.Svg));
    }

    [Fact]
    public void Exports_NullArguments_ThrowNamingThem()
    {
        var graphs = new FixedGraph(new CitationGraphBuilder().Build());

        Assert.Equal("graphProvider", Assert.Throws<ArgumentNullException>(() => new ProvenanceExports(null!, new GraphvizRenderer())).ParamName);
        Assert.Equal("renderer", Assert.Throws<ArgumentNullException>(() => new ProvenanceExports(graphs, null!)).ParamName);
    }

    [Fact]
    public void Queries_TraceCaps_ComeFromOptions()
    {
        using var provider = new ServiceCollection()
            .AddProvenance(o =>
            {
                o.GraphPath = GraphPath;
                o.Trace.MaxChains = 1;
            })
            .BuildServiceProvider(Strict);

        var trace = provider.GetRequiredService<ProvenanceQueries>().Trace("downed");

        Assert.Single(trace.Chains);
        Assert.Equal(1, trace.OmittedChains);
    }

    [Fact]
    public void GraphProvider_NoGraphPath_ThrowsClearMessageOnFirstUse()
    {
        using var provider = new ServiceCollection().AddProvenance().BuildServiceProvider(Strict);

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IProvenanceGraphProvider>().Graph);

        Assert.Equal("No graph to load: set ProvenanceOptions.GraphPath to a graph file or folder in AddProvenance.", error.Message);
    }

    [Fact]
    public void GraphProvider_InvalidGraph_ThrowsValidationExceptionWithPosition()
    {
        var bad = Path.Combine(folder, "bad.yaml");
        File.WriteAllText(bad, "sources:\n  - id: a\n    name: A\n    kind: outlet\nreports:\n  - id: r\n    source: b\n    kind: article\n");
        using var provider = new ServiceCollection().AddProvenance(o => o.GraphPath = bad).BuildServiceProvider(Strict);

        var error = Assert.Throws<GraphValidationException>(() => provider.GetRequiredService<IProvenanceGraphProvider>().Graph);

        Assert.Equal((bad, 7, 13), (error.FilePath, error.Line, error.Column));
    }

    [Fact]
    public void GraphProvider_GraphPaths_MergesThemAfterGraphPath()
    {
        var more = Path.Combine(folder, "more.yaml");
        File.WriteAllText(more, """
            sources:
              - id: rt
                name: RT
                kind: broadcaster
            """);
        using var provider = new ServiceCollection()
            .AddProvenance(o =>
            {
                o.GraphPath = GraphPath;
                o.GraphPaths.Add(more);
            })
            .BuildServiceProvider(Strict);

        var graph = provider.GetRequiredService<CitationGraph>();

        Assert.Equal("rt", graph.Sources[^1].Id);
        Assert.True(graph.TryGetReport("zh", out _));
    }

    [Fact]
    public void GraphProvider_MissingGraphPathsEntry_FailsWhenResolved()
    {
        var missing = Path.Combine(folder, "missing.yaml");
        using var provider = new ServiceCollection().AddProvenance(o => o.GraphPaths.Add(missing)).BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IProvenanceGraphProvider>());

        Assert.Equal($"ProvenanceOptions.GraphPaths[0] '{missing}' does not exist; give an existing graph file or folder.", error.Message);
    }

    [Fact]
    public void GraphProvider_InvalidOptions_FailsWhenResolved()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.Trace.MaxDepth = 0).BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IProvenanceGraphProvider>());

        Assert.Equal("ProvenanceOptions.Trace.MaxDepth is 0; it must be positive.", error.Message);
    }

    [Fact]
    public void GraphProvider_ConcurrentFirstAccess_ReturnsOneInstance()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.GraphPath = GraphPath).BuildServiceProvider(Strict);
        var graphs = provider.GetRequiredService<IProvenanceGraphProvider>();
        using var start = new Barrier(8);

        var seen = new CitationGraph[8];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            start.SignalAndWait();
            seen[i] = graphs.Graph;
        });

        Assert.All(seen, g => Assert.Same(seen[0], g));
    }

    [Fact]
    public void AddProvenance_RegistersSingletons()
    {
        var services = new ServiceCollection().AddProvenance();

        Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == typeof(IProvenanceGraphProvider)).Lifetime);
        Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == typeof(ProvenanceQueries)).Lifetime);
        Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == typeof(ProvenanceExports)).Lifetime);
        Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == typeof(GraphvizRenderer)).Lifetime);
        Assert.Equal(ServiceLifetime.Singleton, services.Single(d => d.ServiceType == typeof(CitationGraph)).Lifetime);
    }

    [Fact]
    public void AddProvenance_ExistingRegistration_IsKept()
    {
        var mine = new FixedGraph(new CitationGraphBuilder().Build());
        using var provider = new ServiceCollection()
            .AddSingleton<IProvenanceGraphProvider>(mine)
            .AddProvenance()
            .BuildServiceProvider(Strict);

        Assert.Same(mine, provider.GetRequiredService<IProvenanceGraphProvider>());
        Assert.Same(mine.Graph, provider.GetRequiredService<ProvenanceQueries>().Graph);
    }

    [Fact]
    public void Queries_NullArguments_ThrowNamingThem()
    {
        var options = Options.Create(new ProvenanceOptions());

        Assert.Equal("graphProvider", Assert.Throws<ArgumentNullException>(() => new ProvenanceQueries(null!, options)).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new ProvenanceQueries(new FixedGraph(new CitationGraphBuilder().Build()), null!)).ParamName);
    }

    private sealed class FixedGraph(CitationGraph graph) : IProvenanceGraphProvider
    {
        public CitationGraph Graph { get; } = graph;
    }

    [Fact]
    public void AddProvenance_NullServices_ThrowsNamingServices()
    {
        var error = Assert.Throws<ArgumentNullException>(() => ProvenanceServiceCollectionExtensions.AddProvenance(null!));

        Assert.Equal("services", error.ParamName);
    }

    [Fact]
    public void AddProvenance_ReturnsSameCollection()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddProvenance());
    }

    [Fact]
    public void AddProvenance_CalledTwice_AddsNoMoreDescriptors()
    {
        var once = new ServiceCollection().AddProvenance();
        var twice = new ServiceCollection().AddProvenance().AddProvenance();

        Assert.Equal(once.Count, twice.Count);
        Assert.Equal(
            once.Select(d => (d.ServiceType.FullName, d.Lifetime)),
            twice.Select(d => (d.ServiceType.FullName, d.Lifetime)));
    }

    [Fact]
    public void AddProvenance_CalledTwiceWithConfigure_AppliesBothInOrder()
    {
        using var provider = new ServiceCollection()
            .AddProvenance(o => o.DotPath = "/opt/first/dot")
            .AddProvenance(o => o.DotPath = "/opt/second/dot")
            .BuildServiceProvider(Strict);

        Assert.Equal("/opt/second/dot", provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value.DotPath);
    }

    [Fact]
    public void Options_Defaults_AreDocumentedValues()
    {
        using var provider = new ServiceCollection().AddProvenance().BuildServiceProvider(Strict);

        var options = provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value;

        Assert.Null(options.GraphPath);
        Assert.False(options.AllowTimelineErrors);
        Assert.Null(options.DotPath);
        Assert.Equal(GraphLimits.Default.MaxNodes, options.Limits.MaxNodes);
    }

    [Fact]
    public void Options_EmptyDotPath_FailsWithClearMessage()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.DotPath = " ").BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);

        Assert.Equal(
            "ProvenanceOptions.DotPath is empty; give the path of Graphviz's dot program, or leave it null to look it up on PATH.",
            error.Message);
    }

    [Fact]
    public void Options_SeveralProblems_ListsEachInOneFailure()
    {
        var missing = Path.Combine(Path.GetTempPath(), "provenance-no-such-graph-" + Guid.NewGuid().ToString("N") + ".yaml");
        using var provider = new ServiceCollection()
            .AddProvenance(o =>
            {
                o.GraphPath = missing;
                o.DotPath = "";
                o.Limits = new GraphLimits { MaxNodes = 0 };
            })
            .BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);

        Assert.Equal(
            [
                $"ProvenanceOptions.GraphPath '{missing}' does not exist; give an existing graph file or folder.",
                "ProvenanceOptions.DotPath is empty; give the path of Graphviz's dot program, or leave it null to look it up on PATH.",
                "ProvenanceOptions.Limits.MaxNodes is 0; it must be positive.",
            ],
            error.Failures);
    }

    [Fact]
    public void Options_BlankGraphPath_FailsWithClearMessage()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.GraphPath = "").BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);

        Assert.Equal("ProvenanceOptions.GraphPath is empty; give a graph file or folder, or leave it null.", error.Message);
    }

    [Fact]
    public void Options_NullLimits_FailsWithClearMessage()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.Limits = null!).BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ProvenanceOptions>>().Value);

        Assert.Equal("ProvenanceOptions.Limits is null; leave the default or set a GraphLimits.", error.Message);
    }

    [Fact]
    public void StartupValidator_InvalidOptions_Throws()
    {
        using var provider = new ServiceCollection().AddProvenance(o => o.Limits.MaxCitations = -1).BuildServiceProvider(Strict);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("ProvenanceOptions.Limits.MaxCitations is -1; it must be positive.", error.Message);
    }
}
