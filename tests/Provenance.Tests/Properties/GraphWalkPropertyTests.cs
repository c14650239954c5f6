using CsCheck;

namespace Provenance.Tests.Properties;

/// <summary>
/// GraphWalk.TopologicalOrder on small random graphs against brute force: a graph has a cycle exactly when some node
/// reaches itself (transitive closure), and otherwise the order is a permutation with every edge going forward.
/// </summary>
public class GraphWalkPropertyTests
{
    private static readonly Gen<(int Nodes, (int From, int To)[] Edges)> Graphs =
        Gen.Int[1, 7].SelectMany(n => Gen.Select(Gen.Int[0, n - 1], Gen.Int[0, n - 1]).Array[0, 14].Select(e => (n, e)));

    [Fact]
    public void TopologicalOrder_AnyGraph_ForwardOrderExactlyWhenAcyclic()
    {
        Graphs.Sample(
            g =>
            {
                var (start, target) = Csr(g.Nodes, g.Edges);
                var order = GraphWalk.TopologicalOrder(g.Nodes, start, target);

                Assert.Equal(HasCycle(g.Nodes, g.Edges), order is null);
                if (order is not null)
                {
                    Assert.Equal(Enumerable.Range(0, g.Nodes), order.Order());
                    var position = new int[g.Nodes];
                    for (var i = 0; i < order.Length; i++)
                    {
                        position[order[i]] = i;
                    }

                    Assert.All(g.Edges, e => Assert.True(position[e.From] < position[e.To], $"edge {e.From}->{e.To} goes backwards"));
                }
            },
            iter: 2_000,
            print: g => $"{g.Nodes} nodes, edges {string.Join(" ", g.Edges.Select(e => $"{e.From}->{e.To}"))}");
    }

    [Fact]
    public void TopologicalOrder_DiamondWithSharedTarget_ListsEveryNode()
    {
        // 0->1, 0->2, 1->3, 2->3: node 3 has in-degree 2, and is ready only after both 1 and 2.
        var (start, target) = Csr(4, [(0, 1), (0, 2), (1, 3), (2, 3)]);

        Assert.Equal([0, 1, 2, 3], GraphWalk.TopologicalOrder(4, start, target)!);
    }

    /// <summary>The adjacency as CSR, edges of each node in the given order.</summary>
    private static (int[] Start, int[] Target) Csr(int nodes, (int From, int To)[] edges)
    {
        var start = new int[nodes + 1];
        var target = new List<int>();
        for (var u = 0; u < nodes; u++)
        {
            start[u] = target.Count;
            target.AddRange(edges.Where(e => e.From == u).Select(e => e.To));
        }

        start[nodes] = target.Count;
        return (start, [.. target]);
    }

    private static bool HasCycle(int nodes, (int From, int To)[] edges)
    {
        var reach = new bool[nodes, nodes];
        foreach (var (from, to) in edges)
        {
            reach[from, to] = true;
        }

        for (var k = 0; k < nodes; k++)
        {
            for (var i = 0; i < nodes; i++)
            {
                for (var j = 0; j < nodes; j++)
                {
                    reach[i, j] |= reach[i, k] && reach[k, j];
                }
            }
        }

        return Enumerable.Range(0, nodes).Any(u => reach[u, u]);
    }
}
