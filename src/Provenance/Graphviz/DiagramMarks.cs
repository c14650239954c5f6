namespace Provenance.Graphviz;

/// <summary>
/// The marks the drawings show, per report and per citation, derived from the model's assertions and citations:
/// primary (a first-hand assertion, or a cited source that asserts the claim first-hand elsewhere), dead end (a
/// cited source with no known first-hand statement of the claim), unattributed, and citation cycles.
/// </summary>
internal static class DiagramMarks
{
    /// <summary>The marks of each report, indexed like <see cref="CitationGraph.Reports"/>.</summary>
    public static NodeMarks[] Reports(CitationGraph graph)
    {
        var firstHand = new HashSet<(int Source, int Claim)>();
        for (var i = 0; i < graph.Assertions.Length; i++)
        {
            if (graph.Assertions[i].Mode == AssertionMode.FirstHand)
            {
                firstHand.Add((graph.ReportSource[graph.AssertionReport[i]], graph.AssertionClaim[i]));
            }
        }

        var marks = new NodeMarks[graph.Reports.Length];
        for (var r = 0; r < marks.Length; r++)
        {
            if (graph.Reports[r].IsImplicit)
            {
                marks[r] |= NodeMarks.Implicit;
            }
        }

        for (var i = 0; i < graph.Assertions.Length; i++)
        {
            var report = graph.AssertionReport[i];
            marks[report] |= graph.Assertions[i].Mode switch
            {
                AssertionMode.FirstHand => NodeMarks.Primary,
                AssertionMode.Unattributed => NodeMarks.Unattributed,
                AssertionMode.Unknown => firstHand.Contains((graph.ReportSource[report], graph.AssertionClaim[i])) ? NodeMarks.Primary : NodeMarks.DeadEnd,
                _ => NodeMarks.None,
            };
        }

        var cycle = CycleCitations(graph);
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

    /// <summary>
    /// Whether each citation lies on a cycle of citations (circular reporting): both ends in one strongly
    /// connected component of the report graph. Iterative Tarjan, so a million-deep chain cannot overflow the stack.
    /// </summary>
    public static bool[] CycleCitations(CitationGraph graph)
    {
        var n = graph.Reports.Length;
        var index = new int[n];
        var low = new int[n];
        var component = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var calls = new Stack<(int Node, int Next)>();
        var counter = 0;
        var components = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            calls.Push((root, graph.OutStart[root]));
            index[root] = low[root] = counter++;
            stack.Push(root);
            onStack[root] = true;
            while (calls.Count > 0)
            {
                var (v, next) = calls.Pop();
                if (next < graph.OutStart[v + 1])
                {
                    calls.Push((v, next + 1));
                    var w = graph.CitationTo[graph.OutCitations[next]];
                    if (index[w] < 0)
                    {
                        index[w] = low[w] = counter++;
                        stack.Push(w);
                        onStack[w] = true;
                        calls.Push((w, graph.OutStart[w]));
                    }
                    else if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }

                    continue;
                }

                if (low[v] == index[v])
                {
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component[w] = components;
                    }
                    while (w != v);
                    components++;
                }

                if (calls.Count > 0)
                {
                    var parent = calls.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        var result = new bool[graph.Citations.Length];
        for (var c = 0; c < result.Length; c++)
        {
            result[c] = component[graph.CitationFrom[c]] == component[graph.CitationTo[c]];
        }

        return result;
    }
}
