using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Provenance;

public static partial class CitationGraphQueries
{
    /// <summary>The default cap of <see cref="PathsBetween"/>.</summary>
    public const int DefaultMaxPaths = 1_000;

    /// <summary>
    /// Finds circular reporting: every citation cycle of the report graph over all claims, and every cycle among one claim's
    /// citations. Cycles are strongly connected components (Tarjan's algorithm, iterative) with more than one report, or a
    /// report citing itself.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The cycles overall and per claim; both empty when nobody cites in circles.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static CircularReportingResult CircularReporting(this CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var component = GraphWalk.StronglyConnectedComponents(graph.Reports.Length, graph.OutStart, graph.OutCitations, graph.CitationTo, out _);

        // The citations inside a component, in graph order: only they can lie on a cycle, overall or of one claim (a cycle of
        // one claim's citations lies inside an overall cycle), so nothing else is looked at again.
        var inside = new List<int>();
        for (var i = 0; i < graph.CitationFrom.Length; i++)
        {
            if (component[graph.CitationFrom[i]] == component[graph.CitationTo[i]])
            {
                inside.Add(i);
            }
        }

        if (inside.Count == 0)
        {
            return new CircularReportingResult([], []);
        }

        // Each citation's record is made once, for its overall cycle and its claim's.
        var records = new Citation[inside.Count];
        for (var k = 0; k < records.Length; k++)
        {
            records[k] = graph.CitationAt(inside[k]);
        }

        var overallOf = new int[inside.Count];
        for (var k = 0; k < overallOf.Length; k++)
        {
            overallOf[k] = component[graph.CitationFrom[inside[k]]];
        }

        var overall = Cycles(graph, inside, records, overallOf, byClaim: false);
        return new CircularReportingResult(overall, Cycles(graph, inside, records, ClaimComponents(graph, inside), byClaim: true));
    }

    /// <summary>
    /// For each citation of <paramref name="inside"/>, its component in the graph of its own claim's citations among
    /// <paramref name="inside"/>, or -1 when it lies on no cycle of its claim. One Tarjan over every (claim, report) pair
    /// at once: no edge joins two claims, so no component spans two.
    /// </summary>
    private static int[] ClaimComponents(CitationGraph graph, List<int> inside)
    {
        var node = new Dictionary<long, int>(inside.Count);
        var from = new int[inside.Count];
        var to = new int[inside.Count];
        for (var k = 0; k < inside.Count; k++)
        {
            var citation = inside[k];
            long claim = graph.CitationClaim[citation];
            from[k] = Node(claim << 32 | (uint)graph.CitationFrom[citation]);
            to[k] = Node(claim << 32 | (uint)graph.CitationTo[citation]);
        }

        var start = new int[node.Count + 1];
        foreach (var u in from)
        {
            start[u + 1]++;
        }

        for (var u = 0; u < node.Count; u++)
        {
            start[u + 1] += start[u];
        }

        var next = start[..^1];
        var target = new int[inside.Count];
        for (var k = 0; k < inside.Count; k++)
        {
            target[next[from[k]]++] = to[k];
        }

        var component = GraphWalk.StronglyConnectedComponents(node.Count, start, target, out _);
        var result = new int[inside.Count];
        for (var k = 0; k < inside.Count; k++)
        {
            result[k] = component[from[k]] == component[to[k]] ? component[from[k]] : -1;
        }

        return result;

        int Node(long key)
        {
            if (!node.TryGetValue(key, out var u))
            {
                u = node.Count;
                node.Add(key, u);
            }

            return u;
        }
    }

    /// <summary>
    /// What depends on a report or source: every report with a chain of one or more citations to it (to any report of it, for a
    /// source), and their sources. This is what a retraction touches.
    /// </summary>
    /// <remarks>
    /// The node itself is not included, unless it lies on a citation cycle (a report that depends on itself); for a source,
    /// its own reports are included only when they depend on one of its reports. <paramref name="id"/> is looked up as a report
    /// first, then as a source.
    /// </remarks>
    /// <param name="graph">The graph.</param>
    /// <param name="id">The id of a report or a source.</param>
    /// <param name="claimId">When set, only citations for this claim are followed.</param>
    /// <returns>The dependent reports and their sources, in graph order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No report or source has the id <paramref name="id"/>, or no claim has the id <paramref name="claimId"/>.</exception>
    public static DependencyResult Downstream(this CitationGraph graph, string id, string? claimId = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var from = NodeReports(graph, id);
        var claim = claimId is null ? -1 : ClaimIndex(graph, claimId);
        return Dependency(graph, id, GraphWalk.Reach(graph.Reports.Length, graph.InStart, graph.InCitations, graph.CitationFrom, graph.CitationClaim, claim, from));
    }

    /// <summary>
    /// What a report or source depends on: every report it reaches by a chain of one or more citations (from any report of it,
    /// for a source), and their sources. The converse of <see cref="Downstream"/>, with the same rules for the node itself.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="id">The id of a report or a source; looked up as a report first, then as a source.</param>
    /// <param name="claimId">When set, only citations for this claim are followed.</param>
    /// <returns>The reports depended on and their sources, in graph order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No report or source has the id <paramref name="id"/>, or no claim has the id <paramref name="claimId"/>.</exception>
    public static DependencyResult Upstream(this CitationGraph graph, string id, string? claimId = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var from = NodeReports(graph, id);
        var claim = claimId is null ? -1 : ClaimIndex(graph, claimId);
        return Dependency(graph, id, GraphWalk.Reach(graph.Reports.Length, graph.OutStart, graph.OutCitations, graph.CitationTo, graph.CitationClaim, claim, from));
    }

    /// <summary>
    /// The simple paths of citations from one report or source to another: sequences of one or more steps, each from a report to
    /// a report it cites, that start at <paramref name="fromId"/> (any of its reports, for a source), end at the first report of
    /// <paramref name="toId"/> they reach, and visit no report twice.
    /// </summary>
    /// <remarks>Paths follow the direction of citation; swap the arguments for the other direction. Ids are looked up as a report first, then as a source.</remarks>
    /// <param name="graph">The graph.</param>
    /// <param name="fromId">The id of the report or source the paths start from.</param>
    /// <param name="toId">The id of the report or source the paths lead to.</param>
    /// <param name="maxPaths">The most paths returned; the rest are counted. Default: <see cref="DefaultMaxPaths"/>.</param>
    /// <param name="claimId">When set, only citations for this claim are followed.</param>
    /// <returns>The paths and how many the cap left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/>, <paramref name="fromId"/> or <paramref name="toId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No report or source has one of the ids, or no claim has the id <paramref name="claimId"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPaths"/> is not positive.</exception>
    public static PathsResult PathsBetween(this CitationGraph graph, string fromId, string toId, int maxPaths = DefaultMaxPaths, string? claimId = null) =>
        PathsBetweenCore(graph, fromId, toId, maxPaths, claimId, CountingSteps);

    /// <summary><see cref="PathsBetween(CitationGraph, string, string, int, string?)"/> with the counting budget settable, for tests.</summary>
    internal static PathsResult PathsBetweenCore(CitationGraph graph, string fromId, string toId, int maxPaths, string? claimId, long countingSteps)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var starts = NodeReports(graph, fromId);
        var targets = NodeReports(graph, toId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPaths);
        var claim = claimId is null ? -1 : ClaimIndex(graph, claimId);
        var search = new PathSearch(graph, claim, maxPaths, countingSteps);
        search.Run(starts, targets);
        return new PathsResult(fromId, toId, search.Paths.ToImmutable(), search.Omitted, search.OmittedExact);
    }

    /// <summary>The reports a node id stands for: the report itself, or every report of the source, ascending.</summary>
    private static List<int> NodeReports(CitationGraph graph, string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (graph.TryGetReportIndex(id, out var report))
        {
            return [report];
        }

        if (graph.TryGetSourceIndex(id, out var source))
        {
            return [.. graph.SourceReports.AsSpan(graph.SourceReportStart[source], graph.SourceReportStart[source + 1] - graph.SourceReportStart[source])];
        }

        throw new KeyNotFoundException($"No report or source has the id '{id}'.");
    }

    private static DependencyResult Dependency(CitationGraph graph, string id, List<int> reports)
    {
        var sources = new SortedSet<int>();
        foreach (var r in reports)
        {
            sources.Add(graph.ReportSource[r]);
        }

        return new DependencyResult(id, [.. reports.Select(r => graph.ReportId(r))], [.. sources.Select(s => graph.SourceId(s))]);
    }

    /// <summary>
    /// The cycles formed by the citations <paramref name="inside"/> (graph order, their records in <paramref name="records"/>):
    /// those with the same component in <paramref name="componentOf"/> (-1: on no cycle) make one cycle, whose reports are the
    /// citing reports of its citations. Every report of a component with a citation inside it cites another report of it
    /// (or itself), so no report is missed and no pass over every report is needed. Cycles are ordered by their first report
    /// in graph order, and by claim before that when <paramref name="byClaim"/> is set.
    /// </summary>
    private static ImmutableArray<CitationCycle> Cycles(CitationGraph graph, List<int> inside, Citation[] records, int[] componentOf, bool byClaim)
    {
        var cycleOf = new Dictionary<int, int>();
        var citations = new List<List<int>>();
        for (var k = 0; k < inside.Count; k++)
        {
            var c = componentOf[k];
            if (c < 0)
            {
                continue;
            }

            if (!cycleOf.TryGetValue(c, out var cycle))
            {
                cycle = citations.Count;
                cycleOf.Add(c, cycle);
                citations.Add([]);
            }

            citations[cycle].Add(k);
        }

        var cycles = new (int Claim, int First, CitationCycle Cycle)[citations.Count];
        for (var cycle = 0; cycle < cycles.Length; cycle++)
        {
            var members = new SortedSet<int>();
            var own = citations[cycle];
            var cited = new Citation[own.Count];
            for (var i = 0; i < own.Count; i++)
            {
                members.Add(graph.CitationFrom[inside[own[i]]]);
                cited[i] = records[own[i]];
            }

            var claim = byClaim ? graph.CitationClaim[inside[own[0]]] : -1;
            var reports = new string[members.Count];
            var m = 0;
            foreach (var r in members)
            {
                reports[m++] = graph.ReportId(r);
            }

            cycles[cycle] = (claim, members.Min, new CitationCycle(
                claim < 0 ? null : graph.ClaimId(claim),
                ImmutableCollectionsMarshal.AsImmutableArray(reports),
                ImmutableCollectionsMarshal.AsImmutableArray(cited)));
        }

        Array.Sort(cycles, static (a, b) => a.Claim != b.Claim ? a.Claim.CompareTo(b.Claim) : a.First.CompareTo(b.First));
        var result = new CitationCycle[cycles.Length];
        for (var i = 0; i < cycles.Length; i++)
        {
            result[i] = cycles[i].Cycle;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>The depth-first search for simple paths, with an explicit stack, over the part of the graph that leads to a target.</summary>
    private sealed class PathSearch(CitationGraph graph, int claim, int maxPaths, long countingSteps)
    {
        private PathStep?[] steps = [];
        private bool capped;

        public ImmutableArray<CitationPath>.Builder Paths { get; } = ImmutableArray.CreateBuilder<CitationPath>();

        public long Omitted { get; private set; }

        public bool OmittedExact { get; private set; } = true;

        public void Run(List<int> starts, List<int> targets)
        {
            var isTarget = new HashSet<int>(targets);

            // Reports with a chain of one or more citations to a target; only those are worth entering.
            var leads = new bool[graph.Reports.Length];
            foreach (var r in GraphWalk.Reach(graph.Reports.Length, graph.InStart, graph.InCitations, graph.CitationFrom, graph.CitationClaim, claim, targets))
            {
                leads[r] = true;
            }

            // The local graph: starts that lead somewhere, and what they reach through reports that lead to a target. A target
            // ends a path, so only a start expands one.
            var local = new Dictionary<int, int>();
            var nodes = new List<int>();
            var localStarts = new List<int>();
            foreach (var s in starts)
            {
                if (leads[s])
                {
                    localStarts.Add(Local(s));
                }
            }

            var startSet = new HashSet<int>(localStarts);
            var seen = new HashSet<int>();
            var edgeStart = new List<int>();
            var edgeTarget = new List<int>();
            for (var u = 0; u < nodes.Count; u++)
            {
                edgeStart.Add(edgeTarget.Count);
                var r = nodes[u];
                if (isTarget.Contains(r) && !startSet.Contains(u))
                {
                    continue;
                }

                seen.Clear();
                for (var p = graph.OutStart[r]; p < graph.OutStart[r + 1]; p++)
                {
                    var citation = graph.OutCitations[p];
                    var v = graph.CitationTo[citation];
                    if ((claim < 0 || graph.CitationClaim[citation] == claim) && (leads[v] || isTarget.Contains(v)) && seen.Add(v))
                    {
                        edgeTarget.Add(Local(v));
                    }
                }
            }

            edgeStart.Add(edgeTarget.Count);
            int[] start = [.. edgeStart], target = [.. edgeTarget];
            var targetLocal = new bool[nodes.Count];
            for (var u = 0; u < nodes.Count; u++)
            {
                targetLocal[u] = isTarget.Contains(nodes[u]);
            }

            steps = new PathStep?[target.Length];
            var order = GraphWalk.TopologicalOrder(nodes.Count, start, target);
            Walk(nodes, localStarts, start, target, targetLocal, order is not null);
            if (capped && order is not null)
            {
                var total = Count(localStarts, start, target, targetLocal, order);
                Omitted = total == long.MaxValue ? long.MaxValue : total - Paths.Count;
                OmittedExact = total != long.MaxValue;
            }

            int Local(int r)
            {
                if (!local.TryGetValue(r, out var u))
                {
                    u = local[r] = nodes.Count;
                    nodes.Add(r);
                }

                return u;
            }
        }

        private void Walk(List<int> nodes, List<int> starts, int[] start, int[] target, bool[] isTarget, bool exactByCount)
        {
            var onPath = new bool[nodes.Count];
            var path = new List<int>();
            var cursor = new List<int>();
            var stepsLeft = countingSteps;
            foreach (var s in starts)
            {
                // The walk of the previous start ended with its path empty (or returned).
                path.Add(s);
                cursor.Add(start[s]);
                onPath[s] = true;
                while (path.Count > 0)
                {
                    if (capped && (exactByCount || --stepsLeft < 0))
                    {
                        if (!exactByCount)
                        {
                            OmittedExact = false;
                        }

                        return;
                    }

                    var top = path.Count - 1;
                    var u = path[top];
                    if (cursor[top] < start[u + 1])
                    {
                        var e = cursor[top]++;
                        var v = target[e];
                        if (onPath[v])
                        {
                            continue;
                        }

                        if (isTarget[v])
                        {
                            Emit(nodes, path, cursor, target);
                        }
                        else
                        {
                            path.Add(v);
                            cursor.Add(start[v]);
                            onPath[v] = true;
                        }
                    }
                    else
                    {
                        onPath[u] = false;
                        path.RemoveAt(top);
                        cursor.RemoveAt(top);
                    }
                }
            }
        }

        /// <summary>Keeps or counts one path: the stack's nodes, each left by its edge cursor[i] - 1 (the top's to the target just reached).</summary>
        private void Emit(List<int> nodes, List<int> path, List<int> cursor, int[] target)
        {
            if (!capped && Paths.Count >= maxPaths)
            {
                capped = true;
            }

            if (capped)
            {
                Omitted = GraphWalk.SaturatingAdd(Omitted, 1);
                return;
            }

            var builder = ImmutableArray.CreateBuilder<PathStep>(path.Count);
            for (var i = 0; i < path.Count; i++)
            {
                var e = cursor[i] - 1;
                builder.Add(steps[e] ??= Step(nodes[path[i]], nodes[target[e]]));
            }

            Paths.Add(new CitationPath(builder.MoveToImmutable()));
        }

        private PathStep Step(int from, int to)
        {
            var citations = ImmutableArray.CreateBuilder<Citation>();
            for (var p = graph.OutStart[from]; p < graph.OutStart[from + 1]; p++)
            {
                var citation = graph.OutCitations[p];
                if (graph.CitationTo[citation] == to && (claim < 0 || graph.CitationClaim[citation] == claim))
                {
                    citations.Add(graph.Citations[citation]);
                }
            }

            return new PathStep(graph.ReportId(from), graph.ReportId(to), citations.ToImmutable());
        }

        /// <summary>The number of paths over the acyclic local graph: a saturating sum in reverse topological order.</summary>
        private static long Count(List<int> starts, int[] start, int[] target, bool[] isTarget, int[] order)
        {
            var paths = new long[isTarget.Length];
            for (var i = order.Length - 1; i >= 0; i--)
            {
                var u = order[i];
                for (var e = start[u]; e < start[u + 1]; e++)
                {
                    var v = target[e];
                    paths[u] = GraphWalk.SaturatingAdd(paths[u], isTarget[v] ? 1 : paths[v]);
                }
            }

            long total = 0;
            foreach (var s in starts)
            {
                total = GraphWalk.SaturatingAdd(total, paths[s]);
            }

            return total;
        }
    }
}
