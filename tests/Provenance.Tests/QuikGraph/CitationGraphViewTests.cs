using Provenance.QuikGraph;
using QuikGraph;

namespace Provenance.Tests.QuikGraph;

/// <summary>
/// The views behave as QuikGraph's own <see cref="BidirectionalGraph{TVertex, TEdge}"/> does on the same data: each view is
/// compared member by member with a <c>BidirectionalGraph</c> built from the graph's public records alone.
/// </summary>
public sealed class CitationGraphViewTests
{
    public static TheoryData<GraphShape, int, int> Graphs() => new()
    {
        { GraphShape.Dense, 12, 21 },
        { GraphShape.Sparse, 60, 22 },
        { GraphShape.Rings, 30, 23 },
        { GraphShape.LayeredDag, 25, 24 },
    };

    [Theory]
    [MemberData(nameof(Graphs))]
    public void AsQuikGraph_EveryMember_AnswersAsBidirectionalGraph(GraphShape shape, int reports, int seed)
    {
        var graph = RandomGraphs.Make(shape, reports, seed);
        AssertLikeMirror(graph.AsQuikGraph(), Mirror(graph, null), graph);
        foreach (var claim in graph.Claims)
        {
            AssertLikeMirror(graph.AsQuikGraph(claim.Id), Mirror(graph, claim.Id), graph);
        }
    }

    [Fact]
    public void AsQuikGraph_CountsAndParallelCitations_AreTheGraphs()
    {
        var graph = Small();
        var view = graph.AsQuikGraph();

        Assert.Equal(graph.Reports.Length, view.VertexCount);
        Assert.Equal(graph.Citations.Length, view.EdgeCount);
        Assert.True(view.IsDirected);
        Assert.True(view.AllowParallelEdges);
        Assert.Null(view.ClaimId);
        Assert.Same(graph, view.Graph);

        Assert.True(view.TryGetEdges(view.Vertex("a"), view.Vertex("b"), out var parallel));
        var both = parallel.ToList();
        Assert.Equal(2, both.Count);
        Assert.NotEqual(both[0], both[1]);
        Assert.Equal(["x", "y"], both.Select(e => e.Citation.Claim));
        Assert.All(view.Edges, e => Assert.Same(graph.Citations[e.Index], e.Citation));
        Assert.All(view.Vertices, v => Assert.Same(graph.Reports[v.Index], v.Report));
        Assert.Equal("a -> b (x)", both[0].ToString());
        Assert.Equal("a", both[0].Source.ToString());

        var x = graph.AsQuikGraph("x");
        Assert.Equal("x", x.ClaimId);
        Assert.False(x.AllowParallelEdges);
        Assert.Equal(["a", "b", "c"], x.Vertices.Select(v => v.Id).Order());
        Assert.Equal(2, x.EdgeCount);
        Assert.False(x.ContainsVertex(view.Vertex("d")));
        Assert.False(x.ContainsEdge(both[1]));
        Assert.True(x.ContainsEdge(both[0]));
    }

    [Fact]
    public void Vertices_AreEqualByGraphAndPosition()
    {
        var graph = Small();
        var other = Small();
        var a = graph.AsQuikGraph().Vertex("a");

        Assert.Equal(a, graph.AsQuikGraph("x").Vertex("a"));
        Assert.True(a == graph.AsQuikGraph().Vertex("a"));
        Assert.Equal(a.GetHashCode(), graph.AsQuikGraph().Vertex("a").GetHashCode());
        Assert.NotEqual(a, other.AsQuikGraph().Vertex("a"));
        Assert.True(a != graph.AsQuikGraph().Vertex("b"));
        Assert.False(a.Equals((object)"a"));
        Assert.NotEqual(a, default);

        var edge = graph.AsQuikGraph().OutEdge(a, 0);
        Assert.Equal(edge, graph.AsQuikGraph("x").OutEdge(a, 0));
        Assert.NotEqual(edge, other.AsQuikGraph().OutEdge(other.AsQuikGraph().Vertex("a"), 0));
        Assert.True(edge != graph.AsQuikGraph().OutEdge(a, 1));
    }

    [Fact]
    public void UnknownVertex_ThrowsVertexNotFound_AsQuikGraphsOwnGraphsDo()
    {
        var graph = Small();
        var foreign = Small().AsQuikGraph().Vertex("a");
        var views = new[] { graph.AsQuikGraph(), graph.AsQuikGraph("x") };
        foreach (var view in views)
        {
            foreach (var (vertex, message) in new[]
            {
                (foreign, "report 'a' belongs to another CitationGraph; take vertices from this view (Vertices, Vertex(id), an edge's Source or Target)."),
                (default(ReportVertex), "the vertex is default and belongs to no graph; take vertices from the view (Vertices, Vertex(id), an edge's Source or Target)."),
            })
            {
                Assert.Equal(message, Assert.Throws<VertexNotFoundException>(() => view.OutEdges(vertex)).Message);
                Assert.Throws<VertexNotFoundException>(() => view.OutDegree(vertex));
                Assert.Throws<VertexNotFoundException>(() => view.IsOutEdgesEmpty(vertex));
                Assert.Throws<VertexNotFoundException>(() => view.OutEdge(vertex, 0));
                Assert.Throws<VertexNotFoundException>(() => view.InEdges(vertex));
                Assert.Throws<VertexNotFoundException>(() => view.InDegree(vertex));
                Assert.Throws<VertexNotFoundException>(() => view.IsInEdgesEmpty(vertex));
                Assert.Throws<VertexNotFoundException>(() => view.InEdge(vertex, 0));
                Assert.Throws<VertexNotFoundException>(() => view.Degree(vertex));
                Assert.False(view.ContainsVertex(vertex));
                Assert.False(view.TryGetOutEdges(vertex, out var outEdges));
                Assert.Null(outEdges);
                Assert.False(view.TryGetInEdges(vertex, out var inEdges));
                Assert.Null(inEdges);
                Assert.False(view.TryGetEdges(vertex, view.Vertex("b"), out var between));
                Assert.Null(between);
                Assert.False(view.ContainsEdge(vertex, view.Vertex("b")));
                Assert.False(view.ContainsEdge(view.Vertex("a"), vertex));
                Assert.False(view.TryGetEdge(vertex, view.Vertex("b"), out _));
            }

            Assert.False(view.ContainsEdge(default(CitationEdge)));
            Assert.False(view.ContainsEdge(Small().AsQuikGraph().Edges.First()));
        }

        var d = graph.AsQuikGraph().Vertex("d");
        Assert.Equal(
            "report 'd' is not a vertex of the view of claim 'x' because it does not assert that claim; use graph.AsQuikGraph() for every report.",
            Assert.Throws<VertexNotFoundException>(() => graph.AsQuikGraph("x").InEdges(d)).Message);
        Assert.Throws<VertexNotFoundException>(() => graph.AsQuikGraph("x").Vertex("d"));
        Assert.Equal("No report has the id 'nope'.", Assert.Throws<KeyNotFoundException>(() => graph.AsQuikGraph().Vertex("nope")).Message);
        Assert.Equal("No claim has the id 'nope'.", Assert.Throws<KeyNotFoundException>(() => graph.AsQuikGraph("nope")).Message);
        Assert.Equal("reportId", Assert.Throws<ArgumentNullException>(() => graph.AsQuikGraph().Vertex(null!)).ParamName);
        Assert.Equal("claimId", Assert.Throws<ArgumentNullException>(() => graph.AsQuikGraph(null!)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => CitationGraphQuikGraphExtensions.AsQuikGraph(null!)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => CitationGraphQuikGraphExtensions.AsSourceQuikGraph(null!)).ParamName);
    }

    [Fact]
    public void EdgeIndex_OutOfRange_ThrowsArgumentOutOfRange()
    {
        var graph = Small();
        foreach (var view in new[] { graph.AsQuikGraph(), graph.AsQuikGraph("x") })
        {
            var a = view.Vertex("a");
            var degree = view.OutDegree(a);
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => view.OutEdge(a, degree));
            Assert.Equal("index", error.ParamName);
            Assert.StartsWith($"index {degree} is out of range: report 'a' has {degree} such edge(s) in this view; pass 0 to {degree - 1}.", error.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentOutOfRangeException>(() => view.OutEdge(a, -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => view.InEdge(a, view.InDegree(a)));
        }
    }

    [Fact]
    public void DefaultVertexAndEdge_RefuseToReachAGraph()
    {
        Assert.Equal(
            "the vertex is default and belongs to no graph; take vertices from the view (Vertices, Vertex(id), an edge's Source or Target).",
            Assert.Throws<InvalidOperationException>(() => default(ReportVertex).Report).Message);
        Assert.Throws<InvalidOperationException>(() => default(CitationEdge).Citation);
        Assert.Throws<InvalidOperationException>(() => default(CitationEdge).Source);
        Assert.Throws<InvalidOperationException>(() => default(SourceVertex).Source);
        Assert.Throws<InvalidOperationException>(() => default(SourceEdge).Target);
        Assert.Equal("(default)", default(ReportVertex).ToString());
        Assert.Equal("(default)", default(CitationEdge).ToString());
        Assert.Equal("(default)", default(SourceVertex).ToString());
        Assert.Equal("(default)", default(SourceEdge).ToString());
    }

    [Fact]
    public void Views_AreReadOnly_NoMutableQuikGraphInterfaceAndNoSetters()
    {
        Type[] types = [typeof(CitationGraphView), typeof(SourceGraphView), typeof(ReportVertex), typeof(CitationEdge), typeof(SourceVertex), typeof(SourceEdge)];
        foreach (var type in types)
        {
            Assert.DoesNotContain(type.GetInterfaces(), i => i.Name.StartsWith("IMutable", StringComparison.Ordinal) || i.Name.StartsWith("IClone", StringComparison.Ordinal));
            Assert.All(type.GetProperties(), p => Assert.Null(p.SetMethod));
            Assert.All(type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public), f => Assert.True(f.IsInitOnly, $"{type.Name}.{f.Name} is writable"));
        }

        var view = (object)Small().AsQuikGraph();
        Assert.False(view is IMutableVertexAndEdgeSet<ReportVertex, CitationEdge>);
        Assert.False(view is IMutableBidirectionalGraph<ReportVertex, CitationEdge>);
        Assert.False(view is IMutableEdgeListGraph<ReportVertex, CitationEdge>);
        Assert.True(view is IBidirectionalGraph<ReportVertex, CitationEdge>);
    }

    /// <summary>a -x-> b, a -y-> b (parallel), b -x-> c, c -y-> a; d asserts only y. Claim x: a, b, c.</summary>
    internal static CitationGraph Small()
    {
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s1", "S1", SourceKind.Outlet)).AddSource(new Source("s2", "S2", SourceKind.Outlet));
        builder.AddClaim(new Claim("x", "X")).AddClaim(new Claim("y", "Y"));
        builder.AddReport(new Report("a", "s1", ReportKind.Article)).AddReport(new Report("b", "s2", ReportKind.Article));
        builder.AddReport(new Report("c", "s1", ReportKind.Article)).AddReport(new Report("d", "s2", ReportKind.Article));
        builder.AddCitation(new Citation("a", "b", "x", CitationKind.Citing)).AddCitation(new Citation("a", "b", "y", CitationKind.Citing));
        builder.AddCitation(new Citation("b", "c", "x", CitationKind.Citing)).AddCitation(new Citation("c", "a", "y", CitationKind.Citing));
        builder.AddCitation(new Citation("d", "c", "y", CitationKind.Citing));
        builder.AddAssertion(new Assertion("c", "x", AssertionMode.FirstHand)).AddAssertion(new Assertion("b", "y", AssertionMode.FirstHand));
        return builder.Build();
    }

    /// <summary>QuikGraph's own graph of the same reports and citations, from the public records: vertices are report ids, edges tagged with the citation's position.</summary>
    private static BidirectionalGraph<string, TaggedEdge<string, int>> Mirror(CitationGraph graph, string? claim)
    {
        var mirror = new BidirectionalGraph<string, TaggedEdge<string, int>>(allowParallelEdges: true);
        var members = claim is null
            ? graph.Reports.Select(r => r.Id)
            : graph.Reports.Select(r => r.Id).Where(id => graph.Assertions.Any(a => a.Report == id && a.Claim == claim));
        mirror.AddVertexRange(members);
        for (var i = 0; i < graph.Citations.Length; i++)
        {
            var c = graph.Citations[i];
            if (claim is null || c.Claim == claim)
            {
                Assert.True(mirror.AddEdge(new TaggedEdge<string, int>(c.From, c.To, i)));
            }
        }

        return mirror;
    }

    private static void AssertLikeMirror(CitationGraphView view, BidirectionalGraph<string, TaggedEdge<string, int>> mirror, CitationGraph graph)
    {
        static int[] Tags(IEnumerable<CitationEdge> edges) => [.. edges.Select(e => e.Index)];
        static int[] MirrorTags(IEnumerable<TaggedEdge<string, int>> edges) => [.. edges.Select(e => e.Tag)];

        Assert.Equal(mirror.VertexCount, view.VertexCount);
        Assert.Equal(mirror.EdgeCount, view.EdgeCount);
        Assert.Equal(mirror.IsVerticesEmpty, view.IsVerticesEmpty);
        Assert.Equal(mirror.IsEdgesEmpty, view.IsEdgesEmpty);
        Assert.Equal(mirror.Vertices.Order(StringComparer.Ordinal), view.Vertices.Select(v => v.Id).Order(StringComparer.Ordinal));
        Assert.Equal(MirrorTags(mirror.Edges).Order(), Tags(view.Edges).Order());
        Assert.All(view.Edges, e => Assert.True(view.ContainsEdge(e)));

        var all = graph.AsQuikGraph().Vertices.ToList();
        foreach (var v in all)
        {
            var inView = mirror.ContainsVertex(v.Id);
            Assert.Equal(inView, view.ContainsVertex(v));
            if (!inView)
            {
                Assert.Throws<VertexNotFoundException>(() => mirror.OutEdges(v.Id));
                Assert.Throws<VertexNotFoundException>(() => view.OutEdges(v));
                continue;
            }

            Assert.Equal(MirrorTags(mirror.OutEdges(v.Id)), Tags(view.OutEdges(v)));
            Assert.Equal(MirrorTags(mirror.InEdges(v.Id)), Tags(view.InEdges(v)));
            Assert.Equal(mirror.OutDegree(v.Id), view.OutDegree(v));
            Assert.Equal(mirror.InDegree(v.Id), view.InDegree(v));
            Assert.Equal(mirror.Degree(v.Id), view.Degree(v));
            Assert.Equal(mirror.IsOutEdgesEmpty(v.Id), view.IsOutEdgesEmpty(v));
            Assert.Equal(mirror.IsInEdgesEmpty(v.Id), view.IsInEdgesEmpty(v));
            Assert.True(view.TryGetOutEdges(v, out var outEdges));
            Assert.Equal(MirrorTags(mirror.OutEdges(v.Id)), Tags(outEdges));
            Assert.True(view.TryGetInEdges(v, out var inEdges));
            Assert.Equal(MirrorTags(mirror.InEdges(v.Id)), Tags(inEdges));
            for (var i = 0; i < mirror.OutDegree(v.Id); i++)
            {
                Assert.Equal(mirror.OutEdge(v.Id, i).Tag, view.OutEdge(v, i).Index);
            }

            for (var i = 0; i < mirror.InDegree(v.Id); i++)
            {
                Assert.Equal(mirror.InEdge(v.Id, i).Tag, view.InEdge(v, i).Index);
            }

            foreach (var w in all)
            {
                Assert.Equal(mirror.ContainsEdge(v.Id, w.Id), view.ContainsEdge(v, w));
                var found = mirror.TryGetEdge(v.Id, w.Id, out var mirrorEdge);
                Assert.Equal(found, view.TryGetEdge(v, w, out var edge));
                if (found)
                {
                    Assert.Equal(mirrorEdge.Tag, edge.Index);
                    Assert.Equal(v, edge.Source);
                    Assert.Equal(w, edge.Target);
                }

                Assert.Equal(mirror.TryGetEdges(v.Id, w.Id, out var mirrorEdges), view.TryGetEdges(v, w, out var edges));
                Assert.Equal(MirrorTags(mirrorEdges), Tags(edges!));
            }
        }
    }
}
