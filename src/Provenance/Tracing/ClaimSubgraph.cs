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
        var scratch = Scratch.For(graph);

        // The first report (in graph order) of each source that asserts the claim first-hand.
        var firstHandOfSource = scratch.SourceValue;
        var sourceStamp = scratch.SourceStamp;
        var stamp = scratch.Stamp;
        var startCount = 0;
        var startReports = scratch.Starts(graph.ClaimAssertionStart[claim + 1] - graph.ClaimAssertionStart[claim]);
        for (var i = graph.ClaimAssertionStart[claim]; i < graph.ClaimAssertionStart[claim + 1]; i++)
        {
            var position = graph.ClaimAssertions[i];
            var report = graph.AssertionReport[position];
            if (graph.ModeOf(position) == AssertionMode.FirstHand)
            {
                var source = graph.ReportSource[report];
                if (sourceStamp[source] != stamp || report < firstHandOfSource[source])
                {
                    sourceStamp[source] = stamp;
                    firstHandOfSource[source] = report;
                }
            }

            if (!graph.IsImplicit(report))
            {
                startReports[startCount++] = report;
            }
        }

        Array.Sort(startReports, 0, startCount);
        var local = scratch.ReportValue;
        var reportStamp = scratch.ReportStamp;
        var nodes = new Buffer<int>(scratch.Nodes);
        var startLocals = new int[startCount];
        for (var i = 0; i < startCount; i++)
        {
            var report = startReports[i];
            reportStamp[report] = stamp;
            startLocals[i] = local[report] = nodes.Count;
            nodes.Add(report);
        }

        var kinds = new Buffer<byte>(scratch.Kinds);
        var firstHand = new Buffer<int>(scratch.FirstHand);
        var edgeStart = new Buffer<int>(scratch.EdgeStart);
        var edgeCitation = new Buffer<int>(scratch.EdgeCitation);
        var edgeTarget = new Buffer<int>(scratch.EdgeTarget);
        for (var u = 0; u < nodes.Count; u++)
        {
            var report = nodes.Items[u];
            edgeStart.Add(edgeCitation.Count);
            var position = graph.FindAssertion(report, claim);
            var mode = position < 0 ? AssertionMode.Unattributed : graph.ModeOf(position);
            switch (mode)
            {
                case AssertionMode.FirstHand:
                    kinds.Add(Primary);
                    firstHand.Add(report);
                    break;
                case AssertionMode.Unknown:
                    var source = graph.ReportSource[report];
                    var resolved = sourceStamp[source] == stamp ? firstHandOfSource[source] : -1;
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
                        int v;
                        if (reportStamp[to] == stamp)
                        {
                            v = local[to];
                        }
                        else
                        {
                            reportStamp[to] = stamp;
                            v = local[to] = nodes.Count;
                            nodes.Add(to);
                        }

                        edgeCitation.Add(citation);
                        edgeTarget.Add(v);
                    }

                    // The builder gives every attributed assertion a citation; should one lack it, the chain stops here.
                    if (edgeCitation.Count == edgeStart.Items[u])
                    {
                        kinds.Items[u] = Unattributed;
                    }

                    break;
                default:
                    kinds.Add(Unattributed);
                    firstHand.Add(-1);
                    break;
            }
        }

        edgeStart.Add(edgeCitation.Count);
        result.Report = nodes.ToArray();
        result.Kind = kinds.ToArray();
        result.FirstHand = firstHand.ToArray();
        result.EdgeStart = edgeStart.ToArray();
        result.EdgeCitation = edgeCitation.ToArray();
        result.EdgeTarget = edgeTarget.ToArray();
        result.Starts = startLocals;

        // Keep grown buffers for the next build on this thread.
        scratch.Nodes = nodes.Items;
        scratch.Kinds = kinds.Items;
        scratch.FirstHand = firstHand.Items;
        scratch.EdgeStart = edgeStart.Items;
        scratch.EdgeCitation = edgeCitation.Items;
        scratch.EdgeTarget = edgeTarget.Items;
        return result;
    }

    /// <summary>A growable array over a reusable backing array.</summary>
    private struct Buffer<T>(T[] items)
    {
        public T[] Items = items;

        public int Count;

        public void Add(T item)
        {
            if (Count == Items.Length)
            {
                Array.Resize(ref Items, Math.Max(16, Items.Length * 2));
            }

            Items[Count++] = item;
        }

        public readonly T[] ToArray() => Items.AsSpan(0, Count).ToArray();
    }

    /// <summary>
    /// Per-thread working memory for <see cref="Build"/>: report-sized and source-sized maps whose entries are valid only
    /// when their stamp equals the current build's stamp, so no build has to clear or allocate them. Each thread has its
    /// own, and a build calls no code that could start another build on the same thread.
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? current;

        private int[] starts = [];

        public int[] ReportValue { get; private set; } = [];

        public int[] ReportStamp { get; private set; } = [];

        public int[] SourceValue { get; private set; } = [];

        public int[] SourceStamp { get; private set; } = [];

        public int Stamp { get; private set; }

        public int[] Nodes { get; set; } = new int[16];

        public byte[] Kinds { get; set; } = new byte[16];

        public int[] FirstHand { get; set; } = new int[16];

        public int[] EdgeStart { get; set; } = new int[16];

        public int[] EdgeCitation { get; set; } = new int[16];

        public int[] EdgeTarget { get; set; } = new int[16];

        /// <summary>This thread's scratch, sized for the graph and with a fresh stamp.</summary>
        public static Scratch For(CitationGraph graph)
        {
            var scratch = current ??= new Scratch();
            var reports = graph.Reports.Length;
            var sources = graph.Sources.Length;
            if (scratch.ReportStamp.Length < reports)
            {
                scratch.ReportValue = new int[reports];
                scratch.ReportStamp = new int[reports];
            }

            if (scratch.SourceStamp.Length < sources)
            {
                scratch.SourceValue = new int[sources];
                scratch.SourceStamp = new int[sources];
            }

            if (scratch.Stamp == int.MaxValue)
            {
                Array.Clear(scratch.ReportStamp);
                Array.Clear(scratch.SourceStamp);
                scratch.Stamp = 0;
            }

            scratch.Stamp++;
            return scratch;
        }

        /// <summary>A scratch array of at least <paramref name="length"/> ints for the start reports.</summary>
        public int[] Starts(int length)
        {
            if (starts.Length < length)
            {
                starts = new int[Math.Max(length, starts.Length * 2)];
            }

            return starts;
        }
    }
}
