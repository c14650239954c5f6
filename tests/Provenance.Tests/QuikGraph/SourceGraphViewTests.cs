using Provenance.QuikGraph;
using QuikGraph;
using QuikGraph.Algorithms;

namespace Provenance.Tests.QuikGraph;

/// <summary>The source-level view: one edge per citing and cited source pair, counted as a brute-force pass over the public records counts it.</summary>
public sealed class SourceGraphViewTests
{
    public static TheoryData<GraphShape, int, int> Graphs() => new()
    {
        { GraphShape.Dense, 12, 31 },
        { GraphShape.Sparse, 200, 32 },
        { GraphShape.Rings, 100, 33 },
        { GraphShape.LayeredDag, 5_000, 34 },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void AsSourceQuikGraph_EdgesAreTheSourcePairs_WithTheirCitationCounts(GraphShape shape, int reports, int seed)
    {
        var graph = RandomGraphs.Make(shape, reports, seed);
        foreach (var claim in graph.Claims.Select(c => c.Id).Prepend(null))
        {
            var view = graph.AsSourceQuikGraph(claim);
            var expected = graph.Citations
                .Where(c => claim is null || c.Claim == claim)
                .GroupBy(c => (From: graph.GetReport(c.From).Source, To: graph.GetReport(c.To).Source))
                .ToDictionary(g => g.Key, g => g.Count());
            var members = claim is null
                ? graph.Sources.Select(s => s.Id).ToHashSet()
                : graph.Assertions.Where(a => a.Claim == claim).Select(a => graph.GetReport(a.Report).Source).ToHashSet();

            Assert.Equal(claim, view.ClaimId);
            Assert.Equal(members.Count, view.VertexCount);
            Assert.Equal(graph.Sources.Select(s => s.Id).Where(members.Contains), view.Vertices.Select(v => v.Id));
            Assert.Equal(expected.Count, view.EdgeCount);
            Assert.Equal(
                expected.Select(p => $"{p.Key.From}>{p.Key.To}:{p.Value}").Order(StringComparer.Ordinal),
                view.Edges.Select(e => $"{e.Source.Id}>{e.Target.Id}:{e.CitationCount}").Order(StringComparer.Ordinal));
            foreach (var v in view.Vertices)
            {
                Assert.Equal(view.Edges.Where(e => e.Source == v), view.OutEdges(v));
                Assert.Equal(view.Edges.Where(e => e.Target == v), view.InEdges(v));
                Assert.Equal(view.OutEdges(v).Count(), view.OutDegree(v));
                Assert.Equal(view.InEdges(v).Count(), view.InDegree(v));
                Assert.Equal(view.InDegree(v) + view.OutDegree(v), view.Degree(v));
                Assert.Equal(view.OutDegree(v) == 0, view.IsOutEdgesEmpty(v));
                Assert.Equal(view.InDegree(v) == 0, view.IsInEdgesEmpty(v));
                for (var i = 0; i < view.OutDegree(v); i++)
                {
                    Assert.Equal(view.OutEdges(v).ElementAt(i), view.OutEdge(v, i));
                }

                for (var i = 0; i < view.InDegree(v); i++)
                {
                    Assert.Equal(view.InEdges(v).ElementAt(i), view.InEdge(v, i));
                }

                foreach (var w in view.Vertices)
                {
                    var count = expected.GetValueOrDefault((v.Id, w.Id));
                    Assert.Equal(count > 0, view.ContainsEdge(v, w));
                    Assert.Equal(count > 0, view.TryGetEdge(v, w, out var edge));
                    Assert.Equal(count, edge.CitationCount);
                    Assert.True(view.TryGetEdges(v, w, out var edges));
                    Assert.Equal(count > 0 ? 1 : 0, edges.Count());
                }
            }

            Assert.All(view.Edges, e => Assert.True(view.ContainsEdge(e)));
        }
    }

    [Fact]
    public void AsSourceQuikGraph_AgreesWithSourceSummary()
    {
        var graph = RandomGraphs.Make(GraphShape.Sparse, 2_000, 35);
        var view = graph.AsSourceQuikGraph();

        Assert.Equal(
            graph.SourceSummary().Pairs.Select(p => $"{p.CitingSource}>{p.CitedSource}:{p.Citations}").Order(StringComparer.Ordinal),
            view.Edges.Select(e => $"{e.Source.Id}>{e.Target.Id}:{e.CitationCount}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AsSourceQuikGraph_UnknownVertexAndEdge_AnswerAsQuikGraphsGraphs()
    {
        var graph = CitationGraphViewTests.Small();
        var view = graph.AsSourceQuikGraph();
        var foreign = CitationGraphViewTests.Small().AsSourceQuikGraph().Vertex("s1");

        Assert.Equal(2, view.VertexCount);
        Assert.False(view.AllowParallelEdges);
        Assert.True(view.IsDirected);
        Assert.Equal(
            "source 's1' belongs to another CitationGraph; take vertices from this view (Vertices, Vertex(id), an edge's Source or Target).",
            Assert.Throws<VertexNotFoundException>(() => view.OutEdges(foreign)).Message);
        Assert.Throws<VertexNotFoundException>(() => view.InEdges(default));
        Assert.Throws<VertexNotFoundException>(() => view.OutDegree(foreign));
        Assert.Throws<VertexNotFoundException>(() => view.InEdge(foreign, 0));
        Assert.False(view.TryGetOutEdges(foreign, out var edges));
        Assert.Null(edges);
        Assert.False(view.TryGetEdges(foreign, view.Vertex("s1"), out _));
        Assert.False(view.ContainsEdge(default(SourceEdge)));
        Assert.False(view.ContainsEdge(CitationGraphViewTests.Small().AsSourceQuikGraph().Edges.First()));
        Assert.Equal("index", Assert.Throws<ArgumentOutOfRangeException>(() => view.OutEdge(view.Vertex("s1"), 5)).ParamName);
        Assert.Equal("No source has the id 'nope'.", Assert.Throws<KeyNotFoundException>(() => view.Vertex("nope")).Message);
        Assert.Equal("No claim has the id 'nope'.", Assert.Throws<KeyNotFoundException>(() => graph.AsSourceQuikGraph("nope")).Message);

        // s1's reports a and c cite s2's b (for x and y) and s1's c cites a: a self-edge; s2's d cites c, and b cites c.
        Assert.Equal(["s1 -> s1 (1)", "s1 -> s2 (2)", "s2 -> s1 (2)"], view.Edges.Select(e => e.ToString()));
        var x = graph.AsSourceQuikGraph("x");
        Assert.Equal(["s1 -> s2 (1)", "s2 -> s1 (1)"], x.Edges.Select(e => e.ToString()));
        Assert.False(x.ContainsEdge(view.Edges.ElementAt(1)));
        Assert.Equal(1, view.StronglyConnectedComponents(new Dictionary<SourceVertex, int>()));
    }

    [Fact]
    public void AsSourceQuikGraph_OfAClaim_LeavesOutSourcesThatDoNotAssertIt()
    {
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s1", "S1", SourceKind.Outlet)).AddSource(new Source("s2", "S2", SourceKind.Outlet)).AddSource(new Source("s3", "S3", SourceKind.Outlet));
        builder.AddClaim(new Claim("x", "X")).AddClaim(new Claim("y", "Y"));
        builder.AddReport(new Report("a", "s1", ReportKind.Article)).AddReport(new Report("b", "s2", ReportKind.Article)).AddReport(new Report("c", "s3", ReportKind.Article));
        builder.AddCitation(new Citation("a", "b", "x", CitationKind.Citing));
        builder.AddAssertion(new Assertion("b", "x", AssertionMode.FirstHand)).AddAssertion(new Assertion("c", "y", AssertionMode.FirstHand));
        var graph = builder.Build();

        var x = graph.AsSourceQuikGraph("x");
        var s3 = graph.AsSourceQuikGraph().Vertex("s3");

        Assert.Equal(["s1", "s2"], x.Vertices.Select(v => v.Id));
        Assert.False(x.ContainsVertex(s3));
        Assert.Equal(
            "source 's3' is not a vertex of the source view of claim 'x' because none of its reports asserts that claim; use graph.AsSourceQuikGraph() for every source.",
            Assert.Throws<VertexNotFoundException>(() => x.Vertex("s3")).Message);
        Assert.False(x.TryGetEdge(x.Vertex("s1"), s3, out _));
    }
}
