namespace Provenance.QuikGraph;

/// <summary>The messages of the QuikGraph views, in one place so their wording stays consistent.</summary>
internal static class ViewMessages
{
    public const string DefaultVertex =
        "the vertex is default and belongs to no graph; take vertices from the view (Vertices, Vertex(id), an edge's Source or Target).";

    public const string DefaultEdge =
        "the edge is default and belongs to no graph; take edges from the view (Edges, OutEdges, InEdges).";

    public const string OtherGraph =
        "belongs to another CitationGraph; take vertices from this view (Vertices, Vertex(id), an edge's Source or Target).";

    public static string NotInGraph(string what, string id) => $"{what} '{id}' {OtherGraph}";

    public static string NotInClaim(string report, string claim) =>
        $"report '{report}' is not a vertex of the view of claim '{claim}' because it does not assert that claim; use graph.AsQuikGraph() for every report.";

    public static string SourceNotInClaim(string source, string claim) =>
        $"source '{source}' is not a vertex of the source view of claim '{claim}' because none of its reports asserts that claim; use graph.AsSourceQuikGraph() for every source.";

    public static string EdgeIndex(int index, int degree, string what, string vertex) =>
        $"index {index} is out of range: {what} '{vertex}' has {degree} such edge(s) in this view; pass 0 to {degree - 1}.";
}
