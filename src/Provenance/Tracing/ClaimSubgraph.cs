namespace Provenance;

/// <summary>
/// The part of the graph a trace of one claim walks: the explicit reports asserting the claim, and every report
/// reached from them along citations for the claim through reports whose assertion is attributed. Nodes are
/// renumbered 0..Count-1 in breadth-first order, so every later array is as small as the trace itself.
/// </summary>
internal sealed class ClaimSubgraph
{
    /// <summary>Node kinds: how a chain reaching the node goes on.</summary>
    public const byte Continues = 0;
    public const byte Primary = 1;
    public const byte Unattributed = 2;
    public const byte NoFirstHand = 3;

    private ClaimSubgraph(CitationGraph graph, int claim)
    {
        Graph = graph;
        Claim = claim;
    }

    public CitationGraph Graph { get; }

    public int Claim { get; }

    /// <summary>Local node to report position.</summary>
    public int[] Report { get; private set; } = [];

    /// <summary>Local node to <see cref="Continues"/>, <see cref="Primary"/>, <see cref="Unattributed"/> or <see cref="NoFirstHand"/>.</summary>
    public byte[] Kind { get; private set; } = [];

    /// <summary>For a <see cref="Primary"/> node, the report position holding the first-hand assertion; otherwise -1.</summary>
    public int[] FirstHand { get; private set; } = [];

    /// <summary>Local CSR: edges of node u are EdgeStart[u]..EdgeStart[u+1].</summary>
    public int[] EdgeStart { get; private set; } = [];

    /// <summary>The citation position of each edge.</summary>
    public int[] EdgeCitation { get; private set; } = [];

    /// <summary>The local target of each edge.</summary>
    public int[] EdgeTarget { get; private set; } = [];

    /// <summary>The local nodes of the explicit reports asserting the claim, in graph order.</summary>
    public int[] Starts { get; private set; } = [];

    public int Count => Report.Length;

    public static ClaimSubgraph Build(CitationGraph graph, int claim)
    {
        var result = new ClaimSubgraph(graph, claim);
        var assertions = graph.Assertions;

        // The first report (in graph order) of each source that asserts the claim first-hand.
        var firstHandOfSource = new Dictionary<int, int>();
        var starts = new List<int>();
        for (var i = graph.ClaimAssertionStart[claim]; i < graph.ClaimAssertionStart[claim + 1]; i++)
        {
            var position = graph.ClaimAssertions[i];
            var report = graph.AssertionReport[position];
            if (assertions[position].Mode == AssertionMode.FirstHand)
            {
                var source = graph.ReportSource[report];
                if (!firstHandOfSource.TryGetValue(source, out var known) || report < known)
                {
                    firstHandOfSource[source] = report;
                }
            }

            if (!graph.Reports[report].IsImplicit)
            {
                starts.Add(report);
            }
        }

        starts.Sort();
        var local = new Dictionary<int, int>(starts.Count);
        var nodes = new List<int>(starts.Count);
        var startLocals = new int[starts.Count];
        for (var i = 0; i < starts.Count; i++)
        {
            startLocals[i] = local[starts[i]] = nodes.Count;
            nodes.Add(starts[i]);
        }

        var kinds = new List<byte>(nodes.Count);
        var firstHand = new List<int>(nodes.Count);
        var edgeStart = new List<int>(nodes.Count + 1);
        var edgeCitation = new List<int>();
        var edgeTarget = new List<int>();
        for (var u = 0; u < nodes.Count; u++)
        {
            var report = nodes[u];
            edgeStart.Add(edgeCitation.Count);
            var position = graph.FindAssertion(report, claim);
            var mode = position < 0 ? AssertionMode.Unattributed : assertions[position].Mode;
            switch (mode)
            {
                case AssertionMode.FirstHand:
                    kinds.Add(Primary);
                    firstHand.Add(report);
                    break;
                case AssertionMode.Unknown:
                    var resolved = firstHandOfSource.TryGetValue(graph.ReportSource[report], out var r) ? r : -1;
                    kinds.Add(resolved >= 0 ? Primary : NoFirstHand);
                    firstHand.Add(resolved);
                    break;
                case AssertionMode.Attributed:
                    kinds.Add(Continues);
                    firstHand.Add(-1);
                    for (var p = graph.OutStart[report]; p < graph.OutStart[report + 1]; p++)
                    {
                        var citation = graph.OutCitations[p];
                        if (graph.CitationClaim[citation] != claim)
                        {
                            continue;
                        }

                        var to = graph.CitationTo[citation];
                        if (!local.TryGetValue(to, out var v))
                        {
                            v = local[to] = nodes.Count;
                            nodes.Add(to);
                        }

                        edgeCitation.Add(citation);
                        edgeTarget.Add(v);
                    }

                    // The builder gives every attributed assertion a citation; should one lack it, the chain stops here.
                    if (edgeCitation.Count == edgeStart[u])
                    {
                        kinds[u] = Unattributed;
                    }

                    break;
                default:
                    kinds.Add(Unattributed);
                    firstHand.Add(-1);
                    break;
            }
        }

        edgeStart.Add(edgeCitation.Count);
        result.Report = [.. nodes];
        result.Kind = [.. kinds];
        result.FirstHand = [.. firstHand];
        result.EdgeStart = [.. edgeStart];
        result.EdgeCitation = [.. edgeCitation];
        result.EdgeTarget = [.. edgeTarget];
        result.Starts = startLocals;
        return result;
    }
}
