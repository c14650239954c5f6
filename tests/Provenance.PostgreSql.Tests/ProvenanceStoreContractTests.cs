namespace Provenance.PostgreSql.Tests;

/// <summary>
/// The contract every <see cref="IProvenanceStore"/> keeps: the same answers, in the same order, as the in-memory queries on
/// the graph it holds. Runs against <see cref="InMemoryProvenanceStore"/> and <see cref="PostgreSqlProvenanceStore"/> (issue 18).
/// </summary>
public abstract class ProvenanceStoreContractTests
{
    private static readonly TraceOptions[] Limits =
    [
        new(),
        new() { MaxChains = 3 },
        new() { MaxDepth = 2 },
        new() { MaxTotalHops = 5 },
        new() { MaxDepth = 4, MaxChains = 40, MaxTotalHops = 90 },
    ];

    private protected abstract Task<(IProvenanceStore Store, IAsyncDisposable Owner)> CreateAsync(CitationGraph graph);

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public async Task Export_AfterImport_ContentEquals(string name)
    {
        var graph = TestGraphs.Get(name);
        var (store, owner) = await CreateAsync(graph);
        await using var _ = owner;
        Assert.True(graph.ContentEquals(await store.ExportAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public async Task TraceAsync_EveryClaimAndLimit_MatchesInMemory(string name)
    {
        var graph = TestGraphs.Get(name);
        var (store, owner) = await CreateAsync(graph);
        await using var _ = owner;
        foreach (var claim in graph.Claims)
        {
            foreach (var options in Limits)
            {
                Assert.Equal(TestGraphs.Render(graph.Trace(claim.Id, options)), TestGraphs.Render(await store.TraceAsync(claim.Id, options)));
            }

            Assert.Equal(graph.PrimarySources(claim.Id).ToArray(), (await store.PrimarySourcesAsync(claim.Id)).ToArray());
            Assert.Equal(TestGraphs.Render(graph.IndependentOrigins(claim.Id)), TestGraphs.Render(await store.IndependentOriginsAsync(claim.Id)));
            Assert.Equal(graph.Drift(claim.Id).ToArray(), (await store.DriftAsync(claim.Id)).ToArray());
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public async Task DownstreamAndUpstream_ReportsSourcesAndClaims_MatchInMemory(string name)
    {
        var graph = TestGraphs.Get(name);
        var (store, owner) = await CreateAsync(graph);
        await using var _ = owner;
        var ids = new List<string>();
        for (var i = 0; i < graph.Reports.Length; i += Math.Max(1, graph.Reports.Length / 25))
        {
            ids.Add(graph.Reports[i].Id);
        }

        for (var i = 0; i < graph.Sources.Length; i += Math.Max(1, graph.Sources.Length / 10))
        {
            ids.Add(graph.Sources[i].Id);
        }

        foreach (var id in ids)
        {
            Assert.Equal(graph.Downstream(id), await store.DownstreamAsync(id));
            Assert.Equal(graph.Upstream(id), await store.UpstreamAsync(id));
            var claim = graph.Claims[ids.IndexOf(id) % graph.Claims.Length].Id;
            Assert.Equal(graph.Downstream(id, claim), await store.DownstreamAsync(id, claim));
            Assert.Equal(graph.Upstream(id, claim), await store.UpstreamAsync(id, claim));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Names))]
    public async Task CircularReportingAndTimeline_MatchInMemory(string name)
    {
        var graph = TestGraphs.Get(name);
        var (store, owner) = await CreateAsync(graph);
        await using var _ = owner;
        Assert.Equal(graph.CircularReporting(), await store.CircularReportingAsync());
        Assert.Equal(graph.TimelineErrors().ToArray(), (await store.TimelineErrorsAsync()).ToArray());
    }

    [SkippableFact]
    public async Task CircularReportingAsync_CyclicGraph_FindsCycles()
    {
        var graph = TestGraphs.Get("cyclic-11");
        var (store, owner) = await CreateAsync(graph);
        await using var _ = owner;
        var cycles = await store.CircularReportingAsync();
        Assert.NotEmpty(cycles.Overall);
        Assert.Equal(graph.CircularReporting(), cycles);
    }

    [SkippableFact]
    public async Task TimelineErrorsAsync_GraphWithLateCitations_MatchesInMemory()
    {
        var graph = TimelineGraph();
        var (store, owner) = await CreateAsync(graph);
        await using var _ = owner;
        var errors = await store.TimelineErrorsAsync();
        Assert.Equal(2, errors.Length);
        Assert.Equal(graph.TimelineErrors().ToArray(), errors.ToArray());
        Assert.Equal(graph.TimelineErrors().Select(e => e.FromPublished.Offset), errors.Select(e => e.FromPublished.Offset));
    }

    [SkippableFact]
    public async Task Queries_UnknownIds_ThrowKeyNotFoundLikeInMemory()
    {
        var graph = TestGraphs.Get("mi24-yeraskh");
        var (store, owner) = await CreateAsync(graph);
        await using var _ = owner;
        var trace = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.TraceAsync("no-such-claim"));
        Assert.Equal(Assert.Throws<KeyNotFoundException>(() => graph.Trace("no-such-claim")).Message, trace.Message);
        var down = await Assert.ThrowsAsync<KeyNotFoundException>(() => store.DownstreamAsync("no-such-node"));
        Assert.Equal(Assert.Throws<KeyNotFoundException>(() => graph.Downstream("no-such-node")).Message, down.Message);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.UpstreamAsync(graph.Reports[0].Id, "no-such-claim"));
    }

    [SkippableFact]
    public async Task Queries_Cancelled_Throw()
    {
        var graph = TestGraphs.Get("seed-1");
        var (store, owner) = await CreateAsync(graph);
        await using var _ = owner;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TraceAsync(graph.Claims[0].Id, null, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.CircularReportingAsync(cancelled.Token));
    }

    public static TheoryData<string> Names => TestGraphs.Names;

    /// <summary>A graph with two citations of later reports, one from an implicit report, in offsets other than UTC.</summary>
    internal static CitationGraph TimelineGraph()
    {
        var builder = new CitationGraphBuilder(new GraphBuildOptions { AllowTimelineErrors = true });
        builder.AddSource(new Source("a", "A", SourceKind.Outlet)).AddSource(new Source("b", "B", SourceKind.Outlet)).AddSource(new Source("m", "M", SourceKind.Government));
        builder.AddClaim(new Claim("c", "C."));
        builder.AddReport(new Report("late", "b", ReportKind.Article) { Published = new DateTimeOffset(2020, 11, 10, 9, 0, 0, TimeSpan.FromHours(3)) });
        builder.AddReport(new Report("early", "a", ReportKind.Article) { Published = new DateTimeOffset(2020, 11, 9, 8, 30, 0, TimeSpan.FromHours(-5)) });
        builder.AddReport(Report.Implicit("early~m", "m", "early"));
        builder.AddAssertion(new Assertion("late", "c", AssertionMode.FirstHand, "It happened."));
        builder.AddCitation(new Citation("early", "late", "c", CitationKind.Citing));
        builder.AddCitation(new Citation("early", "early~m", "c", CitationKind.AccordingTo, Hedge.Alleged, "the ministry said"));
        builder.AddCitation(new Citation("early~m", "late", "c", CitationKind.Citing));
        return builder.Build();
    }
}

public sealed class InMemoryProvenanceStoreContractTests : ProvenanceStoreContractTests
{
    private protected override Task<(IProvenanceStore Store, IAsyncDisposable Owner)> CreateAsync(CitationGraph graph) =>
        Task.FromResult<(IProvenanceStore, IAsyncDisposable)>((new InMemoryProvenanceStore(graph), new Nothing()));

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public sealed class PostgreSqlProvenanceStoreContractTests : ProvenanceStoreContractTests
{
    private protected override async Task<(IProvenanceStore Store, IAsyncDisposable Owner)> CreateAsync(CitationGraph graph)
    {
        var scratch = await TestDatabase.OpenAsync();
        await scratch.Store.ImportAsync(graph);
        return (scratch.Store, scratch);
    }
}
