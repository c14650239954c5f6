using Provenance.QuikGraph;
using QuikGraph;

namespace Provenance.Tests.QuikGraph;

/// <summary>
/// Tests written against the surviving mutants of the views' Stryker run (tests/MUTATION.md): an edge index exactly
/// one past the degree of a vertex whose slice does not start at 0, the Try* members answering true, the empty views,
/// the operators and the edge's equality part by part.
/// </summary>
public sealed class ViewMutationTests
{
    // Small(): reports a (s1), b (s2), c (s1), d (s2); citations 0 a>b x, 1 a>b y, 2 b>c x, 3 c>a y, 4 d>c y.

    [Fact]
    public void ReportView_EdgeIndexOnePastTheDegree_ThrowsAlsoWhereTheSliceStartsLater()
    {
        var view = CitationGraphViewTests.Small().AsQuikGraph();
        var b = view.Vertex("b");
        var c = view.Vertex("c");

        // b's out-edges are the third citation only; its slice starts at 2, so 1 < 2 + 3 but not < 3 - 2.
        Assert.Equal(2, view.OutEdge(b, 0).Index);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => view.OutEdge(b, 1));
        Assert.Equal("index", error.ParamName);
        Assert.StartsWith("index 1 is out of range: report 'b' has 1 such edge(s) in this view; pass 0 to 0.", error.Message, StringComparison.Ordinal);

        // c is cited by b and d (citations 2 and 4): its in-slice is not the first.
        Assert.Equal([2, 4], [view.InEdge(c, 0).Index, view.InEdge(c, 1).Index]);
        var inError = Assert.Throws<ArgumentOutOfRangeException>(() => view.InEdge(c, 2));
        Assert.StartsWith("index 2 is out of range: report 'c' has 2 such edge(s) in this view; pass 0 to 1.", inError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SourceView_EdgeIndexEqualToTheDegree_ThrowsNamingTheSource()
    {
        var view = CitationGraphViewTests.Small().AsSourceQuikGraph();
        var s1 = view.Vertex("s1");

        // s1 cites s1 and s2; s1 is cited by s1 and s2. The next slice's first edge sits at index 2 of each.
        Assert.Equal(2, view.OutDegree(s1));
        Assert.Equal(2, view.InDegree(s1));
        var outError = Assert.Throws<ArgumentOutOfRangeException>(() => view.OutEdge(s1, 2));
        Assert.Equal("index", outError.ParamName);
        Assert.Equal(2, outError.ActualValue);
        Assert.StartsWith("index 2 is out of range: source 's1' has 2 such edge(s) in this view; pass 0 to 1.", outError.Message, StringComparison.Ordinal);
        var inError = Assert.Throws<ArgumentOutOfRangeException>(() => view.InEdge(s1, 2));
        Assert.StartsWith("index 2 is out of range: source 's1' has 2 such edge(s) in this view; pass 0 to 1.", inError.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => view.InEdge(s1, -1));
        Assert.Equal("s1 -> s1 (1)", view.InEdge(s1, 0).ToString());
        Assert.Equal("s2 -> s1 (2)", view.InEdge(s1, 1).ToString());
    }

    [Fact]
    public void SourceView_VertexOfNull_NamesItsParameter()
    {
        var view = CitationGraphViewTests.Small().AsSourceQuikGraph();

        Assert.Equal("sourceId", Assert.Throws<ArgumentNullException>(() => view.Vertex(null!)).ParamName);
    }

    [Fact]
    public void SourceView_TryGetEdge_NeedsBothVerticesInTheView()
    {
        var view = CitationGraphViewTests.Small().AsSourceQuikGraph();
        var other = CitationGraphViewTests.Small().AsSourceQuikGraph();

        Assert.True(view.TryGetEdge(view.Vertex("s1"), view.Vertex("s2"), out var edge));
        Assert.Equal("s1 -> s2 (2)", edge.ToString());
        Assert.False(view.TryGetEdge(view.Vertex("s1"), other.Vertex("s2"), out edge));
        Assert.Equal(default, edge);
        Assert.False(view.TryGetEdge(other.Vertex("s1"), view.Vertex("s2"), out _));
        Assert.False(view.TryGetEdge(other.Vertex("s1"), other.Vertex("s2"), out _));
        Assert.False(view.ContainsEdge(other.Vertex("s2"), other.Vertex("s1")));
        Assert.True(view.ContainsEdge(view.Vertex("s2"), view.Vertex("s1")));
    }

    [Fact]
    public void SourceView_TryGetOutAndInEdges_AnswerTrueWithTheEdgesForAVertexOfTheView()
    {
        var view = CitationGraphViewTests.Small().AsSourceQuikGraph();
        var foreign = CitationGraphViewTests.Small().AsSourceQuikGraph().Vertex("s2");
        var s2 = view.Vertex("s2");

        Assert.True(view.TryGetOutEdges(s2, out var outEdges));
        Assert.Equal(["s2 -> s1 (2)"], outEdges.Select(e => e.ToString()));
        Assert.True(view.TryGetInEdges(s2, out var inEdges));
        Assert.Equal(["s1 -> s2 (2)"], inEdges.Select(e => e.ToString()));
        Assert.False(view.TryGetInEdges(foreign, out var none));
        Assert.Null(none);
        Assert.False(view.TryGetInEdges(default, out _));
    }

    [Fact]
    public void SourceView_EmptyViews_SayTheyAreEmpty()
    {
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s1", "S1", SourceKind.Outlet));
        builder.AddClaim(new Claim("x", "X")).AddClaim(new Claim("unasserted", "Nobody says it"));
        builder.AddReport(new Report("a", "s1", ReportKind.Article));
        builder.AddAssertion(new Assertion("a", "x", AssertionMode.FirstHand));
        var graph = builder.Build();

        var all = graph.AsSourceQuikGraph();
        Assert.False(all.IsVerticesEmpty);
        Assert.True(all.IsEdgesEmpty);
        Assert.Equal(0, all.EdgeCount);

        var nobody = graph.AsSourceQuikGraph("unasserted");
        Assert.True(nobody.IsVerticesEmpty);
        Assert.Empty(nobody.Vertices);

        var small = CitationGraphViewTests.Small().AsSourceQuikGraph();
        Assert.False(small.IsVerticesEmpty);
        Assert.False(small.IsEdgesEmpty);
    }

    [Fact]
    public void SourceVertex_OperatorsAndText()
    {
        var view = CitationGraphViewTests.Small().AsSourceQuikGraph();
        var s1 = view.Vertex("s1");
        var s2 = view.Vertex("s2");
        var foreign = CitationGraphViewTests.Small().AsSourceQuikGraph().Vertex("s1");

        Assert.True(s1 != s2);
        Assert.False(s1 != view.Vertex("s1"));
        Assert.True(s1 != foreign);
        Assert.True(s1 == view.Vertex("s1"));
        Assert.Equal("s1", s1.ToString());
        Assert.Equal("s2", s2.ToString());
    }

    [Fact]
    public void SourceEdge_EqualityComparesEveryPart()
    {
        // s1 cites s2 once and s3 once; s2 cites s3 once: edges with the same count, sharing one end or none.
        var builder = new CitationGraphBuilder();
        builder.AddSource(new Source("s1", "S1", SourceKind.Outlet)).AddSource(new Source("s2", "S2", SourceKind.Outlet)).AddSource(new Source("s3", "S3", SourceKind.Outlet));
        builder.AddClaim(new Claim("x", "X"));
        builder.AddReport(new Report("a", "s1", ReportKind.Article)).AddReport(new Report("b", "s2", ReportKind.Article)).AddReport(new Report("c", "s3", ReportKind.Article));
        builder.AddCitation(new Citation("a", "b", "x", CitationKind.Citing)).AddCitation(new Citation("a", "c", "x", CitationKind.Citing)).AddCitation(new Citation("b", "c", "x", CitationKind.Citing));
        builder.AddAssertion(new Assertion("c", "x", AssertionMode.FirstHand));
        var graph = builder.Build();
        var view = graph.AsSourceQuikGraph();
        var edges = view.Edges.ToArray();
        Assert.Equal(["s1 -> s2 (1)", "s1 -> s3 (1)", "s2 -> s3 (1)"], edges.Select(e => e.ToString()));

        Assert.NotEqual(edges[0], edges[1]);   // same source and count, other target
        Assert.NotEqual(edges[1], edges[2]);   // same target and count, other source
        Assert.NotEqual(edges[0], edges[2]);   // same count only
        Assert.True(edges[0] != edges[1]);
        Assert.False(edges[0] != view.Edges.First());
        Assert.Equal(edges[0], view.Edges.First());
        Assert.Equal(edges[0].GetHashCode(), view.Edges.First().GetHashCode());

        // The same ends and count in another graph, and the same ends with another count in the same graph.
        var small = CitationGraphViewTests.Small();
        var whole = small.AsSourceQuikGraph().Edges.Single(e => e.ToString() == "s1 -> s2 (2)");
        var ofX = small.AsSourceQuikGraph("x").Edges.Single(e => e.ToString() == "s1 -> s2 (1)");
        Assert.NotEqual(whole, ofX);
        Assert.True(whole != ofX);
        var again = graph.AsSourceQuikGraph();
        Assert.Equal(edges[0], again.Edges.First());
        var twin = CitationGraphViewTests.Small();
        Assert.NotEqual(whole, twin.AsSourceQuikGraph().Edges.Single(e => e.ToString() == "s1 -> s2 (2)"));
    }
}
