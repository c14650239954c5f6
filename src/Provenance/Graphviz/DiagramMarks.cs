namespace Provenance.Graphviz;

/// <summary>
/// The marks the drawings show, per report and per citation, taken from the query engine so that the diagrams and
/// the queries agree: a trace's node kinds (primary, unattributed, dead end without a first-hand statement; see
/// <see cref="CitationGraphQueries.Trace"/>) and circular reporting (<see cref="CitationGraphQueries.CircularReporting"/>).
/// </summary>
internal static class DiagramMarks
{
    /// <summary>The marks of each report over every claim, indexed like <see cref="CitationGraph.Reports"/>.</summary>
    public static NodeMarks[] Reports(CitationGraph graph, bool[] cycle)
    {
        var marks = new NodeMarks[graph.Reports.Length];
        for (var r = 0; r < marks.Length; r++)
        {
            if (graph.IsImplicit(r))
            {
                marks[r] |= NodeMarks.Implicit;
            }
        }

        for (var claim = 0; claim < graph.Claims.Length; claim++)
        {
            var sub = ClaimSubgraph.Build(graph, claim);
            for (var u = 0; u < sub.Count; u++)
            {
                marks[sub.Report[u]] |= sub.Kind[u] switch
                {
                    ClaimSubgraph.Primary => NodeMarks.Primary,
                    ClaimSubgraph.Unattributed => NodeMarks.Unattributed,
                    ClaimSubgraph.NoFirstHand => NodeMarks.DeadEnd,
                    _ => NodeMarks.None,
                };
            }
        }

        for (var c = 0; c < cycle.Length; c++)
        {
            if (cycle[c])
            {
                marks[graph.CitationFrom[c]] |= NodeMarks.Cycle;
                marks[graph.CitationTo[c]] |= NodeMarks.Cycle;
            }
        }

        return marks;
    }

    /// <summary>Whether each citation, indexed like <see cref="CitationGraph.Citations"/>, lies on a citation cycle.</summary>
    /// <remarks>
    /// The citations of <see cref="CitationGraphQueries.CircularReporting"/>'s overall cycles, found without making its
    /// result: a citation lies on a cycle exactly when both its ends are in one strongly connected component of the
    /// report graph (a component with a citation inside has more than one report, or a report citing itself).
    /// </remarks>
    public static bool[] CycleCitations(CitationGraph graph)
    {
        var e = graph.Citations.Length;
        var component = GraphWalk.StronglyConnectedComponents(graph.Reports.Length, graph.OutStart, graph.OutCitations, graph.CitationTo, out _);
        var result = new bool[e];
        for (var c = 0; c < e; c++)
        {
            result[c] = component[graph.CitationFrom[c]] == component[graph.CitationTo[c]];
        }

        return result;
    }

    /// <summary>The position of each citation in <see cref="CitationGraph.Citations"/> (citations are unique by value).</summary>
    public static Dictionary<Citation, int> CitationIndex(CitationGraph graph)
    {
        var index = new Dictionary<Citation, int>(graph.Citations.Length);
        for (var c = 0; c < graph.Citations.Length; c++)
        {
            index[graph.Citations[c]] = c;
        }

        return index;
    }
}
