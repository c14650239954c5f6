namespace Provenance;

/// <summary>
/// The graph algorithms behind the queries, over a CSR adjacency (<c>start[u]..start[u+1]</c> indexes
/// <c>target</c>). Every one is iterative with explicit stacks, so a 1,000,000-hop chain cannot overflow the call stack.
/// </summary>
internal static class GraphWalk
{
    /// <summary>Adds two non-negative counts, saturating at <see cref="long.MaxValue"/>.</summary>
    public static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>A topological order of the nodes (every edge goes from earlier to later), or <see langword="null"/> when the graph has a cycle. Kahn's algorithm.</summary>
    public static int[]? TopologicalOrder(int nodes, int[] start, int[] target)
    {
        var indegree = new int[nodes];
        for (var e = 0; e < start[nodes]; e++)
        {
            indegree[target[e]]++;
        }

        var order = new int[nodes];
        var tail = 0;
        for (var u = 0; u < nodes; u++)
        {
            if (indegree[u] == 0)
            {
                order[tail++] = u;
            }
        }

        for (var head = 0; head < tail; head++)
        {
            var u = order[head];
            for (var e = start[u]; e < start[u + 1]; e++)
            {
                if (--indegree[target[e]] == 0)
                {
                    order[tail++] = target[e];
                }
            }
        }

        return tail == nodes ? order : null;
    }

    /// <summary>
    /// Strongly connected components by Tarjan's algorithm, run with an explicit stack. Returns the component of each
    /// node; components are numbered in the order Tarjan completes them (reverse topological order of the condensation).
    /// </summary>
    public static int[] StronglyConnectedComponents(int nodes, int[] start, int[] target, out int count) =>
        StronglyConnectedComponents(nodes, start, null, target, out count);

    /// <summary>
    /// <see cref="StronglyConnectedComponents(int, int[], int[], out int)"/> over edges given by indirection: edge
    /// <c>p</c> of <c>start[u]..start[u+1]</c> leads to <c>endpoint[positions[p]]</c> (to <c>endpoint[p]</c> when
    /// <paramref name="positions"/> is <see langword="null"/>), so a graph's own CSR of citation positions needs no copy.
    /// </summary>
    public static int[] StronglyConnectedComponents(int nodes, int[] start, int[]? positions, int[] endpoint, out int count)
    {
        // index[u] is -1 until u is reached, its discovery number while u is on the stack, then its component (which the
        // walk never reads again: an index is read only for a node on the stack), so the array is also the result.
        var index = new int[nodes];
        var low = new int[nodes];
        Array.Fill(index, -1);
        var onStack = new bool[nodes];
        var stack = new int[nodes];
        var callNode = new int[nodes];
        var callEdge = new int[nodes];
        var next = 0;
        var top = 0;
        count = 0;

        for (var root = 0; root < nodes; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            var depth = 0;
            callNode[0] = root;
            callEdge[0] = start[root];
            index[root] = low[root] = next++;
            stack[top++] = root;
            onStack[root] = true;

            while (depth >= 0)
            {
                var u = callNode[depth];
                if (callEdge[depth] < start[u + 1])
                {
                    var p = callEdge[depth]++;
                    var v = endpoint[positions is null ? p : positions[p]];
                    if (index[v] < 0)
                    {
                        index[v] = low[v] = next++;
                        stack[top++] = v;
                        onStack[v] = true;
                        depth++;
                        callNode[depth] = v;
                        callEdge[depth] = start[v];
                    }
                    else if (onStack[v] && index[v] < low[u])
                    {
                        low[u] = index[v];
                    }

                    continue;
                }

                depth--;
                if (low[u] == index[u])
                {
                    int w;
                    do
                    {
                        w = stack[--top];
                        onStack[w] = false;
                        index[w] = count;
                    }
                    while (w != u);
                    count++;
                }
                else if (low[u] < low[callNode[depth]])
                {
                    // u is not a root, so it has a parent (a root's low is its own index).
                    low[callNode[depth]] = low[u];
                }
            }
        }

        return index;
    }

    /// <summary>
    /// The nodes reachable from <paramref name="from"/> by one or more edges, ascending (a node of <paramref name="from"/> is
    /// included only when some path leads back to it). Edges of node u are the citations <c>positions[start[u]..start[u+1]]</c>,
    /// leading to <c>endpoint[citation]</c>; with <paramref name="claim"/> &gt;= 0 only citations of that claim count.
    /// </summary>
    public static List<int> Reach(int nodes, int[] start, int[] positions, int[] endpoint, int[] citationClaim, int claim, IEnumerable<int> from)
    {
        var seen = new bool[nodes];
        var found = new List<int>();
        var queue = new Queue<int>(from);
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            for (var p = start[u]; p < start[u + 1]; p++)
            {
                var citation = positions[p];
                if (claim >= 0 && citationClaim[citation] != claim)
                {
                    continue;
                }

                var v = endpoint[citation];
                if (!seen[v])
                {
                    seen[v] = true;
                    found.Add(v);
                    queue.Enqueue(v);
                }
            }
        }

        found.Sort();
        return found;
    }
}
