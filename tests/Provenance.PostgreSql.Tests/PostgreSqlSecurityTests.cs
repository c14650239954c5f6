using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Provenance.PostgreSql.Tests;

/// <summary>Hostile ids and text are stored exactly or rejected with our diagnostic; passwords never show (issue 18).</summary>
public sealed class PostgreSqlSecurityTests
{
    private const string Password = "pa'ss;word-S3CRET-Zq9";

    [SkippableFact]
    public async Task Import_HostileText_RoundTripsExactly()
    {
        var evil = "'; DROP TABLE citation; -- \" \\ $1 $$ \u202E\u0007 ТАСС 🙂";
        var huge = new string('x', 2_000_000) + evil;
        var builder = new CitationGraphBuilder();
        builder.AddAffiliation(new Affiliation("a--1", evil) { Description = huge });
        builder.AddSource(new Source("s/drop:table", evil, SourceKind.Other) { Aliases = [evil, "", huge], Affiliation = "a--1", Url = evil, Country = "R'" });
        builder.AddClaim(new Claim("c_x", huge) { Contradicts = ["d-1"] });
        builder.AddClaim(new Claim("d-1", evil));
        builder.AddReport(new Report("r.1", "s/drop:table", ReportKind.Article) { Title = huge, Url = evil, Language = "en'", Published = new DateTimeOffset(2020, 1, 2, 3, 4, 5, 678, TimeSpan.FromMinutes(-210)).AddTicks(9990) });
        builder.AddReport(new Report(new string('r', 200), "s/drop:table", ReportKind.Post));
        builder.AddAssertion(new Assertion(new string('r', 200), "c_x", AssertionMode.FirstHand, huge));
        builder.AddCitation(new Citation("r.1", new string('r', 200), "c_x", CitationKind.DirectQuote, Hedge.Purported, evil));
        var graph = builder.Build();

        await using var scratch = await TestDatabase.OpenAsync();
        await scratch.Store.ImportAsync(graph);
        var back = await scratch.Store.ExportAsync();
        Assert.True(graph.ContentEquals(back));
        Assert.Equal(graph.Reports[0].Published!.Value.Offset, back.Reports[0].Published!.Value.Offset);
        Assert.Equal(TestGraphs.Render(graph.Trace("c_x")), TestGraphs.Render(await scratch.Store.TraceAsync("c_x")));
        Assert.Equal(graph.Downstream("s/drop:table"), await scratch.Store.DownstreamAsync("s/drop:table"));

        // Ids are checked by the builder's rules, so a hostile id never reaches SQL: it is refused with the builder's diagnostic.
        var hostile = await scratch.Store.TryAddAsync(new GraphBatch { Reports = [new Report("x'; DROP TABLE report; --", "s/drop:table", ReportKind.Article)] });
        Assert.Equal("malformed-id", Assert.Single(hostile).Code);
        Assert.True(graph.ContentEquals(await scratch.Store.ExportAsync()));
    }

    [SkippableFact]
    public async Task ImportAndAdd_NulCharacter_RejectedWithDiagnosticAndNothingWritten()
    {
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s", "S\0", SourceKind.Other));
        builder.AddClaim(new Claim("c", "C"));
        builder.AddReport(new Report("r", "s", ReportKind.Article) { Title = "a\0b" });
        builder.AddAssertion(new Assertion("r", "c", AssertionMode.FirstHand));
        var graph = builder.Build();

        await using var scratch = await TestDatabase.OpenAsync();
        var thrown = await Assert.ThrowsAsync<GraphValidationException>(() => scratch.Store.ImportAsync(graph));
        Assert.Equal(
            "The graph has 2 problems and was not loaded:\n"
            + "source 's' has a NUL character in 'name', which PostgreSQL text cannot store; remove it.\n"
            + "report 'r' has a NUL character in 'title', which PostgreSQL text cannot store; remove it.",
            thrown.Message);
        Assert.All(thrown.Diagnostics, d => Assert.Equal("unstorable", d.Code));
        Assert.Empty((await scratch.Store.ExportAsync()).Sources);

        var problems = await scratch.Store.TryAddAsync(new GraphBatch { Claims = [new Claim("c", "C")], Sources = [new Source("s", "S", SourceKind.Other) { Aliases = ["\0"] }] });
        Assert.Equal(["source 's' has a NUL character in 'aliases', which PostgreSQL text cannot store; remove it."], problems.Select(d => d.ToString()));
        Assert.Empty((await scratch.Store.ExportAsync()).Claims);
    }

    [SkippableTheory]
    [InlineData("evidence", "the citation from 'r' to 's2-report' has a NUL character in 'evidence', which PostgreSQL text cannot store; remove it.")]
    [InlineData("wording", "the assertion of 'c' by 'r' has a NUL character in 'wording', which PostgreSQL text cannot store; remove it.")]
    [InlineData("url", "report 'r' has a NUL character in 'url', which PostgreSQL text cannot store; remove it.")]
    public async Task Import_NulOnlyInALargeTable_RejectedAndNothingWritten(string where, string expected)
    {
        // The import checks the large tables from the graph's columns; a NUL only there must still be found.
        const string report = "r";
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s", "S", SourceKind.Outlet)).AddSource(new Source("s2", "S2", SourceKind.Outlet));
        builder.AddClaim(new Claim("c", "C"));
        builder.AddReport(new Report(report, "s", ReportKind.Article) { Url = where == "url" ? "https://example.org/\0" : null }).AddReport(new Report("s2-report", "s2", ReportKind.Article));
        builder.AddAssertion(new Assertion(report, "c", AssertionMode.Attributed, where == "wording" ? "it\0happened" : "it happened"));
        builder.AddAssertion(new Assertion("s2-report", "c", AssertionMode.FirstHand));
        builder.AddCitation(new Citation(report, "s2-report", "c", CitationKind.Citing, Hedge.None, where == "evidence" ? "said\0so" : "said so"));
        var graph = builder.Build();

        await using var scratch = await TestDatabase.OpenAsync();
        var thrown = await Assert.ThrowsAsync<GraphValidationException>(() => scratch.Store.ImportAsync(graph));
        Assert.Contains(expected, thrown.Diagnostics.Select(d => d.ToString()));
        Assert.Empty((await scratch.Store.ExportAsync()).Sources);
    }

    [SkippableFact]
    public async Task Import_SubMicrosecondTime_Rejected()
    {
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s", "S", SourceKind.Other));
        builder.AddReport(new Report("r", "s", ReportKind.Article) { Published = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1) });
        await using var scratch = await TestDatabase.OpenAsync();
        var thrown = await Assert.ThrowsAsync<GraphValidationException>(() => scratch.Store.ImportAsync(builder.Build()));
        Assert.Equal("report 'r' has a 'published' time finer than a microsecond, which PostgreSQL cannot store; round it to microseconds.", thrown.Message);
    }

    [SkippableFact]
    public async Task Open_UnreachableServerWithPassword_NoMessageHoldsThePassword()
    {
        _ = TestDatabase.ConnectionString;
        var uri = $"postgresql://someone:{Uri.EscapeDataString(Password)}@127.0.0.1:1/nowhere?Timeout=2";
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => PostgreSqlProvenanceStore.OpenAsync(uri, "p"));
        Assert.DoesNotContain(Password, Everything(thrown), StringComparison.Ordinal);

        var connectionString = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = 1, Username = "someone", Password = Password, Timeout = 2 }.ConnectionString;
        var again = await Assert.ThrowsAnyAsync<Exception>(() => PostgreSqlProvenanceStore.OpenAsync(connectionString, "p"));
        Assert.DoesNotContain(Password, Everything(again), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Open_WrongPasswordForRealServer_NoMessageHoldsThePassword()
    {
        var real = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Username = "no_such_role_x", Password = Password, Timeout = 5 };
        var thrown = await Assert.ThrowsAnyAsync<Exception>(() => PostgreSqlProvenanceStore.OpenAsync(real.ConnectionString, "p"));
        Assert.DoesNotContain(Password, Everything(thrown), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BadValues_MessagesHoldNoPassword()
    {
        var badSchema = new ProvenancePostgreSqlOptions { ConnectionString = new NpgsqlConnectionStringBuilder { Host = "h", Password = Password }.ConnectionString, Schema = "x\"; drop" };
        var e = Assert.Throws<ArgumentException>(badSchema.Validate);
        Assert.DoesNotContain(Password, e.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("The schema name 'x\"; drop' is not a plain lower-case SQL identifier", e.Message, StringComparison.Ordinal);

        var badString = new ProvenancePostgreSqlOptions { ConnectionString = $"Host=h;Password={Password};Bogus Keyword=1" };
        var f = Assert.Throws<ArgumentException>(badString.Validate);
        Assert.DoesNotContain(Password, f.ToString(), StringComparison.Ordinal);

        var badUri = new ProvenancePostgreSqlOptions { ConnectionString = $"postgresql://u:{Password}@h/db?bogus=1" };
        var g = Assert.Throws<ArgumentException>(badUri.Validate);
        Assert.DoesNotContain(Password, g.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_Uri_GivesConnectionString()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgreSqlConnectionStrings.Normalize("postgresql://me:p%40ss%3Aw@db.example:6543/news%20db?sslmode=disable&Timeout=7"));
        Assert.Equal("db.example", cs.Host);
        Assert.Equal(6543, cs.Port);
        Assert.Equal("me", cs.Username);
        Assert.Equal("p@ss:w", cs.Password);
        Assert.Equal("news db", cs.Database);
        Assert.Equal(SslMode.Disable, cs.SslMode);
        Assert.Equal(7, cs.Timeout);
        Assert.True(PostgreSqlConnectionStrings.IsUri("postgres://h"));
        Assert.False(PostgreSqlConnectionStrings.IsUri("graphs/mi24-yeraskh.yaml"));
        Assert.DoesNotContain("p@ss", PostgreSqlConnectionStrings.Redact("postgresql://me:p%40ss%3Aw@db.example/db"), StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => PostgreSqlConnectionStrings.Normalize("postgresql:///nohost"));
    }

    [Fact]
    public void AddProvenancePostgreSql_NullServices_Throws() =>
        Assert.Equal("services", Assert.Throws<ArgumentNullException>(() => ProvenancePostgreSqlServiceCollectionExtensions.AddProvenancePostgreSql(null!)).ParamName);

    [Fact]
    public void AddProvenancePostgreSql_BadOptions_FailValidationWithoutPassword()
    {
        var services = new ServiceCollection().AddProvenancePostgreSql(o => o.ConnectionString = $"postgresql://u:{Password}@h/db?nonsense=1");
        using var provider = services.BuildServiceProvider();
        var e = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IProvenanceStore>());
        Assert.DoesNotContain(Password, e.ToString(), StringComparison.Ordinal);
        Assert.Contains("'nonsense' is not a known connection-string keyword", e.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AddProvenancePostgreSql_TwoCalls_ServeOneWorkingStore()
    {
        var schema = TestDatabase.NewSchema();
        var services = new ServiceCollection()
            .AddProvenancePostgreSql(o => o.ConnectionString = TestDatabase.ConnectionString)
            .AddProvenancePostgreSql(o => o.Schema = schema);
        Assert.Single(services, d => d.ServiceType == typeof(IProvenanceStore));
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IProvenanceStore>();
        Assert.Same(store, provider.GetRequiredService<PostgreSqlProvenanceStore>());
        Assert.Equal(schema, ((PostgreSqlProvenanceStore)store).Schema);
        var graph = TestGraphs.Get("mi24-yeraskh");
        await ((PostgreSqlProvenanceStore)store).ImportAsync(graph);
        try
        {
            Assert.True(graph.ContentEquals(await store.ExportAsync()));
        }
        finally
        {
            await ((PostgreSqlProvenanceStore)store).DropSchemaAsync();
        }
    }

    [SkippableFact]
    public async Task Migrate_TwiceAndConcurrently_AppliesEachVersionOnce()
    {
        var schema = TestDatabase.NewSchema();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgreSqlProvenanceStore(new ProvenancePostgreSqlOptions { ConnectionString = TestDatabase.ConnectionString, Schema = schema })).ToArray();
        try
        {
            await Task.WhenAll(stores.Select(s => s.EnsureSchemaAsync()));
            await stores[0].EnsureSchemaAsync();
            await using var source = NpgsqlDataSource.Create(TestDatabase.ConnectionString);
            await using var command = source.CreateCommand($"SELECT array_agg(version ORDER BY version) FROM {schema}.schema_version");
            Assert.Equal(Enumerable.Range(1, PostgreSqlProvenanceStore.SchemaVersion).ToArray(), (int[])(await command.ExecuteScalarAsync())!);
        }
        finally
        {
            await stores[0].DropSchemaAsync();
            foreach (var s in stores)
            {
                await s.DisposeAsync();
            }
        }
    }

    private static string Everything(Exception e)
    {
        var text = e.ToString();
        if (e is PostgresException pg)
        {
            text += pg.MessageText + pg.Detail + pg.Hint + pg.InternalQuery;
        }

        return e.InnerException is { } inner ? text + Everything(inner) : text;
    }
}
