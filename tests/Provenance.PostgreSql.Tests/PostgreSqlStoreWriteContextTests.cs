namespace Provenance.PostgreSql.Tests;

/// <summary>
/// A batch that refers to what is stored only through one field: the PostgreSQL store must load exactly those stored elements
/// for the builder, so that it answers as the in-memory store (the oracle: one builder over the whole graph) does, a
/// duplicate as a diagnostic and a reference to a stored element as a success (written against the survivors of the
/// 2026-12-05 Stryker run in PostgreSqlProvenanceStore.Write.cs, tests/mutation-survivors/PostgreSql.txt).
/// </summary>
public sealed class PostgreSqlStoreWriteContextTests
{
    private static readonly DateTimeOffset Day = new(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(4));

    public static TheoryData<string, bool> Batches => new()
    {
        { "duplicate-affiliation", false },
        { "duplicate-source", false },
        { "duplicate-claim", false },
        { "contradicts-a-stored-claim", true },
        { "source-in-a-stored-affiliation", true },
        { "citation-between-stored-reports", true },
        { "report-cited-in-a-stored-report", true },
        { "two-new-affiliations", true },
        { "two-new-claims", true },
        { "two-new-sources-and-reports", true },
    };

    [SkippableTheory]
    [MemberData(nameof(Batches))]
    public async Task TryAddAsync_BatchReferringToStoredElements_AnswersAsTheInMemoryStore(string kind, bool accepted)
    {
        var graph = Stored();
        await using var scratch = await TestDatabase.OpenAsync();
        await scratch.Store.ImportAsync(graph);
        var memory = new InMemoryProvenanceStore(graph);
        var batch = Batch(kind);

        var expected = await memory.TryAddAsync(batch);
        var actual = await scratch.Store.TryAddAsync(batch);

        Assert.Equal(accepted, expected.IsEmpty);
        Assert.Equal(expected.Select(d => d.ToString()), actual.Select(d => d.ToString()));
        var exported = await scratch.Store.ExportAsync();
        Assert.True(memory.Graph.ContentEquals(exported));
        Assert.Equal(accepted, !graph.ContentEquals(exported));

        // A second batch after this one gets the next keys, not ones already taken.
        var more = new GraphBatch
        {
            Affiliations = [new Affiliation("af-late", "Late")],
            Sources = [new Source("s-late", "Late", SourceKind.Outlet) { Affiliation = "af-late" }],
            Claims = [new Claim("c-late", "Late")],
            Reports = [new Report("r-late", "s-late", ReportKind.Article) { Published = Day.AddDays(2) }],
            Assertions = [new Assertion("r-late", "c-late", AssertionMode.FirstHand)],
        };
        Assert.Empty(await memory.TryAddAsync(more));
        Assert.Empty(await scratch.Store.TryAddAsync(more));
        Assert.True(memory.Graph.ContentEquals(await scratch.Store.ExportAsync()));
        Assert.Equal(TestGraphs.Render(memory.Graph.Trace("c1")), TestGraphs.Render(await scratch.Store.TraceAsync("c1")));
    }

    [SkippableFact]
    public async Task TryAddAsync_NullBatch_ThrowsArgumentNull()
    {
        await using var scratch = await TestDatabase.OpenAsync();
        Assert.Equal("batch", (await Assert.ThrowsAsync<ArgumentNullException>(() => scratch.Store.TryAddAsync(null!))).ParamName);
    }

    private static CitationGraph Stored()
    {
        var builder = new CitationGraphBuilder();
        builder.AddAffiliation(new Affiliation("af", "Ministry") { Description = "a ministry" });
        builder.AddSource(new Source("s1", "One", SourceKind.Government) { Affiliation = "af" });
        builder.AddSource(new Source("s2", "Two", SourceKind.Outlet));
        builder.AddClaim(new Claim("c1", "A helicopter was downed."));
        builder.AddClaim(new Claim("c2", "It was an accident."));
        builder.AddReport(new Report("r1", "s1", ReportKind.Statement) { Published = Day });
        builder.AddReport(new Report("r2", "s2", ReportKind.Article) { Published = Day.AddHours(1) });
        builder.AddReport(new Report("r3", "s2", ReportKind.Article) { Published = Day.AddHours(2) });
        builder.AddAssertion(new Assertion("r1", "c1", AssertionMode.FirstHand));
        builder.AddAssertion(new Assertion("r1", "c2", AssertionMode.FirstHand));
        builder.AddAssertion(new Assertion("r2", "c1", AssertionMode.Attributed));
        builder.AddAssertion(new Assertion("r3", "c1", AssertionMode.Attributed));
        builder.AddCitation(new Citation("r2", "r1", "c1", CitationKind.Citing, Hedge.None));
        builder.AddCitation(new Citation("r3", "r1", "c1", CitationKind.Citing, Hedge.None));
        return builder.Build();
    }

    private static GraphBatch Batch(string kind) => kind switch
    {
        "duplicate-affiliation" => new GraphBatch { Affiliations = [new Affiliation("af", "Again")] },
        "duplicate-source" => new GraphBatch { Sources = [new Source("s1", "Again", SourceKind.Outlet)] },
        "duplicate-claim" => new GraphBatch { Claims = [new Claim("c1", "Again")] },
        "contradicts-a-stored-claim" => new GraphBatch { Claims = [new Claim("c3", "It was shot down.") { Contradicts = ["c2"] }] },
        "source-in-a-stored-affiliation" => new GraphBatch { Sources = [new Source("s3", "Three", SourceKind.NewsAgency) { Affiliation = "af" }] },
        "citation-between-stored-reports" => new GraphBatch { Citations = [new Citation("r3", "r2", "c1", CitationKind.Citing, Hedge.Reportedly)] },
        "report-cited-in-a-stored-report" => new GraphBatch { Reports = [new Report("r4", "s1", ReportKind.Other) { CitedIn = "r3" }] },
        "two-new-affiliations" => new GraphBatch { Affiliations = [new Affiliation("af2", "Second"), new Affiliation("af3", "Third")] },
        "two-new-claims" => new GraphBatch { Claims = [new Claim("c3", "Third claim."), new Claim("c4", "Fourth claim.")] },
        "two-new-sources-and-reports" => new GraphBatch
        {
            Sources = [new Source("s3", "Three", SourceKind.Outlet), new Source("s4", "Four", SourceKind.Outlet)],
            Reports = [new Report("r5", "s3", ReportKind.Article) { Published = Day.AddDays(1) }, new Report("r6", "s4", ReportKind.Article) { Published = Day.AddDays(1) }],
            Assertions = [new Assertion("r5", "c1", AssertionMode.Attributed), new Assertion("r6", "c1", AssertionMode.Attributed)],
            Citations = [new Citation("r5", "r2", "c1", CitationKind.Citing, Hedge.None), new Citation("r6", "r5", "c1", CitationKind.Citing, Hedge.None)],
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
