using System.Collections.Immutable;

namespace Provenance.PostgreSql.Tests;

/// <summary>Writes: one batch per transaction, checked by the builder's rules, all or nothing, safe in parallel (issue 18).</summary>
public sealed class PostgreSqlProvenanceStoreWriteTests
{
    private static readonly DateTimeOffset Day = new(2020, 11, 10, 12, 0, 0, TimeSpan.FromHours(4));

    [SkippableFact]
    public async Task AddAsync_NewReportCitingStoredOnes_ExportEqualsInMemoryStore()
    {
        var graph = TestGraphs.Get("mi24-yeraskh");
        await using var scratch = await TestDatabase.OpenAsync();
        await scratch.Store.ImportAsync(graph);
        var memory = new InMemoryProvenanceStore(graph);

        foreach (var batch in Batches(graph))
        {
            Assert.Empty(await memory.TryAddAsync(batch));
            Assert.Empty(await scratch.Store.TryAddAsync(batch));
        }

        var exported = await scratch.Store.ExportAsync();
        Assert.True(memory.Graph.ContentEquals(exported));
        var claim = graph.Claims[0].Id;
        Assert.Equal(TestGraphs.Render(memory.Graph.Trace(claim)), TestGraphs.Render(await scratch.Store.TraceAsync(claim)));
        Assert.Equal(memory.Graph.Downstream(graph.Reports[0].Id), await scratch.Store.DownstreamAsync(graph.Reports[0].Id));
    }

    [SkippableFact]
    public async Task AddAsync_IntoEmptyStore_BuildsTheGraph()
    {
        await using var scratch = await TestDatabase.OpenAsync();
        var graph = ProvenanceStoreContractTests.TimelineGraph();
        var all = new GraphBatch
        {
            Sources = [.. graph.Sources],
            Claims = [.. graph.Claims],
            Reports = [.. graph.Reports],
            Assertions = [.. graph.Assertions],
            Citations = [.. graph.Citations],
        };

        // The graph has timeline errors, which a store with the default rules refuses with the builder's diagnostics.
        var refused = await scratch.Store.TryAddAsync(all);
        Assert.Equal(Builder(all).Select(d => d.ToString()), refused.Select(d => d.ToString()));
        Assert.All(refused, d => Assert.Equal("timeline", d.Code));
        Assert.Empty((await scratch.Store.ExportAsync()).Reports);

        await using var lenient = await TestDatabase.OpenAsync(allowTimelineErrors: true);
        Assert.Empty(await lenient.Store.TryAddAsync(all));
        Assert.True(graph.ContentEquals(await lenient.Store.ExportAsync()));
    }

    public static TheoryData<string> BadBatches => ["duplicate-report", "unknown-source", "self-citation", "not-asserted", "duplicate-citation", "timeline", "duplicate-assertion", "attributed-without-citation"];

    [SkippableTheory]
    [MemberData(nameof(BadBatches))]
    public async Task TryAddAsync_BadBatch_SameDiagnosticsAsBuilderAndNothingWritten(string kind)
    {
        var graph = TestGraphs.Get("mi24-yeraskh");
        await using var scratch = await TestDatabase.OpenAsync();
        await scratch.Store.ImportAsync(graph);
        var memory = new InMemoryProvenanceStore(graph);
        var batch = Bad(graph, kind);

        var expected = await memory.TryAddAsync(batch);
        var actual = await scratch.Store.TryAddAsync(batch);

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(d => d.ToString()), actual.Select(d => d.ToString()));
        Assert.True(graph.ContentEquals(await scratch.Store.ExportAsync()));
        var thrown = await Assert.ThrowsAsync<GraphValidationException>(() => scratch.Store.AddAsync(batch));
        Assert.Equal(new GraphValidationException(expected).Message, thrown.Message);
    }

    [SkippableFact]
    public async Task AddAsync_ParallelWritersAndReaders_LoseNothing()
    {
        var graph = TestGraphs.Get("seed-7");
        await using var scratch = await TestDatabase.OpenAsync();
        await scratch.Store.ImportAsync(graph);
        const int Writers = 4;
        const int PerWriter = 6;
        var claim = graph.Claims[0].Id;
        var cited = graph.AssertionsOfClaim(claim).First(a => !graph.GetReport(a.Report).IsImplicit && a.Mode == AssertionMode.FirstHand).Report;
        var source = graph.Sources[0].Id;

        using var stop = new CancellationTokenSource();
        var readerFailures = 0;
        var reads = 0;
        var readers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var trace = await scratch.Store.TraceAsync(claim);
                var down = await scratch.Store.DownstreamAsync(cited);
                if (trace.Chains.IsEmpty || down.Reports.IsEmpty)
                {
                    Interlocked.Increment(ref readerFailures);
                }

                Interlocked.Increment(ref reads);
            }
        })).ToArray();

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < PerWriter; i++)
            {
                var id = $"writer-{w}-{i}";
                await scratch.Store.AddAsync(new GraphBatch
                {
                    Reports = [new Report(id, source, ReportKind.Article)],
                    Assertions = [new Assertion(id, claim, AssertionMode.Attributed, "relayed")],
                    Citations = [new Citation(id, cited, claim, CitationKind.Citing)],
                });
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        Assert.Equal(0, readerFailures);
        Assert.True(reads > 0);
        var exported = await scratch.Store.ExportAsync();
        Assert.Equal(graph.Reports.Length + (Writers * PerWriter), exported.Reports.Length);
        Assert.Equal(graph.Citations.Length + (Writers * PerWriter), exported.Citations.Length);
        var written = Enumerable.Range(0, Writers).SelectMany(w => Enumerable.Range(0, PerWriter).Select(i => $"writer-{w}-{i}")).ToHashSet();
        Assert.Equal(written, (await scratch.Store.DownstreamAsync(cited, claim)).Reports.Where(written.Contains).ToHashSet());

        // The order the database committed them in, replayed in memory, gives the same graph.
        var memory = new InMemoryProvenanceStore(graph);
        foreach (var report in exported.Reports.Skip(graph.Reports.Length))
        {
            await memory.AddAsync(new GraphBatch
            {
                Reports = [report],
                Assertions = [.. exported.AssertionsOf(report.Id)],
                Citations = [.. exported.CitationsFrom(report.Id)],
            });
        }

        Assert.True(memory.Graph.ContentEquals(exported));
    }

    [SkippableFact]
    public async Task TryAddAsync_Cancelled_WritesNothing()
    {
        var graph = TestGraphs.Get("mi24-yeraskh");
        await using var scratch = await TestDatabase.OpenAsync();
        await scratch.Store.ImportAsync(graph);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scratch.Store.TryAddAsync(Batches(graph)[0], cancelled.Token));
        Assert.True(graph.ContentEquals(await scratch.Store.ExportAsync()));
    }

    private static ImmutableArray<GraphDiagnostic> Builder(GraphBatch batch)
    {
        var builder = new CitationGraphBuilder();
        batch.AddTo(builder);
        builder.TryBuild(out _, out var problems);
        return problems;
    }

    /// <summary>Two good batches: a new report with a new source, claim and affiliation citing a stored report through an implicit one; and a second relaying the first.</summary>
    private static GraphBatch[] Batches(CitationGraph graph)
    {
        var claim = graph.Claims[0].Id;
        var stored = graph.AssertionsOfClaim(claim).First(a => !graph.GetReport(a.Report).IsImplicit).Report;
        return
        [
            new GraphBatch
            {
                Affiliations = [new Affiliation("new-group", "New group") { Description = "added later" }],
                Sources = [new Source("new-outlet", "New outlet", SourceKind.Outlet) { Affiliation = "new-group", Aliases = ["NO"] }],
                Claims = [new Claim("new-claim", "Something else happened.") { Contradicts = [claim] }],
                Reports =
                [
                    new Report("new-outlet-1", "new-outlet", ReportKind.Article) { Title = "Follow-up", Published = Day, Language = "en" },
                    Report.Implicit("new-outlet-1~" + graph.Sources[0].Id, graph.Sources[0].Id, "new-outlet-1"),
                ],
                Assertions = [new Assertion("new-outlet-1", "new-claim", AssertionMode.FirstHand, "Something else")],
                Citations =
                [
                    new Citation("new-outlet-1", stored, claim, CitationKind.Paraphrase, Hedge.Reportedly, "as reported earlier"),
                    new Citation("new-outlet-1", "new-outlet-1~" + graph.Sources[0].Id, claim, CitationKind.AccordingTo),
                ],
            },
            new GraphBatch
            {
                Reports = [new Report("new-outlet-2", "new-outlet", ReportKind.Post) { Published = Day.AddHours(1) }],
                Citations = [new Citation("new-outlet-2", "new-outlet-1", "new-claim", CitationKind.DirectQuote)],
            },
        ];
    }

    private static GraphBatch Bad(CitationGraph graph, string kind)
    {
        var claim = graph.Claims[0].Id;
        var asserted = graph.AssertionsOfClaim(claim).First(a => !graph.GetReport(a.Report).IsImplicit);
        var notAsserting = graph.Reports.First(r => !r.IsImplicit && !graph.TryGetAssertion(r.Id, claim, out _)).Id;
        var source = graph.Sources[0].Id;
        var fresh = new Report("fresh", source, ReportKind.Article) { Published = Day };
        var cite = new Citation("fresh", asserted.Report, claim, CitationKind.Citing);
        return kind switch
        {
            "duplicate-report" => new GraphBatch { Reports = [new Report(graph.Reports[0].Id, source, ReportKind.Article)] },
            "unknown-source" => new GraphBatch { Reports = [fresh with { Source = "no-such-source" }] },
            "self-citation" => new GraphBatch { Reports = [fresh], Citations = [cite with { To = "fresh" }] },
            "not-asserted" => new GraphBatch { Reports = [fresh], Citations = [cite with { To = notAsserting }] },
            "duplicate-citation" => new GraphBatch { Reports = [fresh], Citations = [cite, cite] },
            "timeline" => new GraphBatch { Reports = [fresh with { Published = new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero) }], Citations = [cite] },
            "duplicate-assertion" => new GraphBatch { Assertions = [asserted with { Wording = "again" }] },
            _ => new GraphBatch { Reports = [fresh], Assertions = [new Assertion("fresh", claim, AssertionMode.Attributed)] },
        };
    }
}
