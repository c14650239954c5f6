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
            if (graph.Reports[r].IsImplicit)
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
    public static bool[] CycleCitations(CitationGraph graph)
    {
        var index = CitationIndex(graph);
        var result = new bool[graph.Citations.Length];
        foreach (var cycle in graph.CircularReporting().Overall)
        {
            foreach (var citation in cycle.Citations)
            {
                result[index[citation]] = true;
            }
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
