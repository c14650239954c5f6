using System.Text;
using Provenance.Bulk;
using Provenance.Graphviz;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Tests.Hostile;

/// <summary>
/// Scale edge cases (issue 9): a 1,000,000-hop chain, 100,000 citations of one source and a 10,000-report cycle are loaded,
/// queried and exported on a worker with a 256 KiB stack, so that any recursion as deep as the input overflows here, at once,
/// and names this test (a stack overflow ends the test host; <c>dotnet test --blame</c> names the test that was running).
/// </summary>
public sealed class CitationGraphScaleTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    [Fact]
    public void MillionHopChain_BuiltTracedAndExported_WithoutRecursion()
    {
        // One explicit report relays a claim through 1,000,000 implicit reports to a first-hand one. No file format carries
        // this within the default limits: a 'via' nesting that deep is past GraphLimits.MaxNestingDepth (64), and a flat file
        // of a million reports is past MaxFileBytes (64 MiB). So it is built with the builder; the loaders are run at scale
        // by the 100,000-citation and 10,000-cycle tests, and the exports other than DOT are run there too, to keep this
        // test's time down on a shared machine.
        const int hops = 1_000_000;
        HostileHarness.Run("million-hop chain", () =>
        {
            var builder = new CitationGraphBuilder();
            builder.AddSource(new Source("s", "S", SourceKind.Outlet)).AddClaim(new Claim("c", "C"));
            builder.AddReport(new Report("head", "s", ReportKind.Article));
            for (var i = 1; i <= hops; i++)
            {
                builder.AddReport(Report.Implicit(Hop(i), "s", "head"));
            }

            for (var i = 0; i < hops; i++)
            {
                builder.AddCitation(new Citation(Hop(i), Hop(i + 1), "c", CitationKind.Citing));
            }

            builder.AddAssertion(new Assertion(Hop(hops), "c", AssertionMode.FirstHand));
            var graph = builder.Build();

            var chain = Assert.Single(graph.Trace("c").Chains);
            Assert.Equal(hops, chain.Hops.Length);
            Assert.Equal(ChainEndKind.PrimarySource, chain.End.Kind);
            Assert.Equal(Hop(hops), chain.Hops[^1].Citation.To);
            Assert.Empty(graph.CircularReporting().Overall);
            Assert.Equal(hops, graph.Upstream("head").Reports.Length);
            Assert.Equal(hops, graph.Downstream(Hop(hops)).Reports.Length);
            Assert.Equal(new[] { "s" }, graph.PrimarySources("c").AsEnumerable());
            graph.ToDot(DotView.ClaimTrace("c"), TextWriter.Null);
            return 0;
        }, TimeSpan.FromMinutes(10));
    }

    [SkippableFact]
    public void HundredThousandCitationsOfOneSource_LoadedFromYaml_TracedAndExported()
    {
        const int reports = 100_000;
        var yaml = new StringBuilder("sources:\n  - {id: tass, name: TASS, kind: news-agency}\n  - {id: o, name: O, kind: outlet}\n");
        yaml.Append("claims:\n  - {id: c, text: C}\nreports:\n  - {id: tass-statement, source: tass, kind: statement, assertions: [{claim: c, mode: first-hand}]}\n");
        for (var i = 0; i < reports; i++)
        {
            yaml.Append("  - {id: r").Append(i).Append(", source: o, kind: article, assertions: [{claim: c, via: [{source: tass, kind: citing}]}]}\n");
        }

        var mermaid = "";
        HostileHarness.Run("100,000 citations of one source", () =>
        {
            var graph = ProvenanceYaml.Parse(yaml.ToString(), "star.yaml");

            Assert.Equal(reports, graph.Citations.Length);
            var trace = graph.Trace("c");
            Assert.Equal(new TraceOptions().MaxChains, trace.Chains.Length);
            Assert.Equal(reports + 1 - trace.Chains.Length, trace.OmittedChains);
            Assert.True(trace.OmittedChainsIsExact);
            Assert.Equal(new[] { "tass" }, trace.PrimarySources.AsEnumerable());
            Assert.Equal(reports, graph.Downstream("tass").Reports.Length);
            Assert.Empty(graph.CircularReporting().Overall);
            var dot = graph.ToDot(DotView.Sources);
            Assert.Contains("\"tass\"", dot, StringComparison.Ordinal);
            graph.ToDot(DotView.Reports, TextWriter.Null);
            mermaid = graph.ToMermaid(DotView.ClaimTrace("c"));
            ProvJson.Export(graph, TextWriter.Null);
            var bulk = new MemoryStream();
            ProvenanceJsonLines.Save(graph, bulk);
            bulk.Position = 0;
            Assert.Equal(graph.Reports.Length, ProvenanceJsonLines.Load(bulk, "star.jsonl").Reports.Length);
            return 0;
        }, Limit);
        AssertMermaidRefusesAsTooBig(mermaid, "the 100,000-citation star's claim trace");
    }

    [SkippableFact]
    public void TenThousandReportCycle_LoadedFromYaml_FoundAndExported()
    {
        const int n = 10_000;
        var yaml = new StringBuilder("sources:\n  - {id: s, name: S, kind: outlet}\nclaims:\n  - {id: c, text: C}\nreports:\n");
        for (var i = 0; i < n; i++)
        {
            yaml.Append("  - {id: r").Append(i).Append(", source: s, kind: article, assertions: [{claim: c, via: [{report: r").Append((i + 1) % n).Append(", kind: citing}]}]}\n");
        }

        var mermaid = "";
        HostileHarness.Run("10,000-report cycle", () =>
        {
            var graph = ProvenanceYaml.Parse(yaml.ToString(), "cycle.yaml");

            var circular = graph.CircularReporting();
            Assert.Equal(n, Assert.Single(circular.Overall).Reports.Length);
            Assert.Equal(n, Assert.Single(circular.ByClaim).Citations.Length);
            var trace = graph.Trace("c", new TraceOptions { MaxChains = 10 });
            Assert.Equal(10, trace.Chains.Length);
            Assert.All(trace.Chains, chain => Assert.Equal((ChainEndKind.Cycle, n), (chain.End.Kind, chain.Hops.Length)));
            Assert.Empty(trace.PrimarySources);
            Assert.Equal(n, graph.Downstream("r0").Reports.Length);
            var saved = ProvenanceYaml.ToYaml(graph);
            Assert.Equal(saved, ProvenanceYaml.ToYaml(ProvenanceYaml.Parse(saved)));
            graph.ToDot(DotView.Reports, TextWriter.Null);
            graph.ToDot(DotView.ClaimTrace("c"), TextWriter.Null);
            mermaid = graph.ToMermaid(DotView.Reports);
            ProvJson.Export(graph, TextWriter.Null);
            return 0;
        }, Limit);
        AssertMermaidRefusesAsTooBig(mermaid, "the 10,000-report cycle's reports");
    }

    /// <summary>
    /// A view this big is past Mermaid's own limits (maxTextSize 50,000 characters, maxEdges 500), which are the renderer's
    /// settings and which no diagram text may raise: Mermaid itself must refuse it with one of those two reasons, and not
    /// fail in any other way (the README says to use DOT for views this big).
    /// </summary>
    private static void AssertMermaidRefusesAsTooBig(string mermaid, string name)
    {
        var error = MermaidCheck.Render(mermaid);

        Assert.True(
            error is not null && (error.Contains("Maximum text size in diagram exceeded", StringComparison.Ordinal) || error.Contains("Edge limit exceeded", StringComparison.Ordinal)),
            $"Mermaid on {name} ({mermaid.Length:N0} characters): expected its size limit, got: {error ?? "rendered"}");
    }

    private static string Hop(int i) => i == 0 ? "head" : "head~" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
