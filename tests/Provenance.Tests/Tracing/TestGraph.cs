namespace Provenance.Tests.Tracing;

/// <summary>A terse builder for hand-made test graphs: sources, claims and affiliations are added on first use.</summary>
internal sealed class TestGraph
{
    private readonly CitationGraphBuilder builder;
    private readonly HashSet<string> affiliations = [];
    private readonly HashSet<string> sources = [];
    private readonly HashSet<string> claims = [];

    public TestGraph(bool allowTimelineErrors = false) =>
        builder = new CitationGraphBuilder(new GraphBuildOptions { AllowTimelineErrors = allowTimelineErrors });

    public TestGraph Source(string id, string? affiliation = null)
    {
        if (affiliation is not null && affiliations.Add(affiliation))
        {
            builder.AddAffiliation(new Affiliation(affiliation, affiliation.ToUpperInvariant()));
        }

        if (sources.Add(id))
        {
            builder.AddSource(new Provenance.Source(id, id.ToUpperInvariant(), SourceKind.Outlet) { Affiliation = affiliation });
        }

        return this;
    }

    public TestGraph Report(string id, string source, DateTimeOffset? published = null)
    {
        Source(source);
        builder.AddReport(new Provenance.Report(id, source, ReportKind.Article) { Published = published });
        return this;
    }

    public TestGraph Implicit(string id, string source, string citedIn)
    {
        Source(source);
        builder.AddReport(Provenance.Report.Implicit(id, source, citedIn));
        return this;
    }

    public TestGraph Assert(string report, AssertionMode mode, string claim = "c", string? wording = null)
    {
        Claim(claim);
        builder.AddAssertion(new Provenance.Assertion(report, claim, mode, wording));
        return this;
    }

    public TestGraph Cite(string from, string to, string claim = "c", CitationKind kind = CitationKind.Citing, Hedge hedge = Hedge.None, string? evidence = "ev")
    {
        Claim(claim);
        builder.AddCitation(new Citation(from, to, claim, kind, hedge, evidence));
        return this;
    }

    public TestGraph Claim(string id)
    {
        if (claims.Add(id))
        {
            builder.AddClaim(new Provenance.Claim(id, "Claim " + id + "."));
        }

        return this;
    }

    public CitationGraph Build() => builder.Build();
}
