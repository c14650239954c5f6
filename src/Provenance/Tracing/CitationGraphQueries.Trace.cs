using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Provenance;

/// <summary>
/// The provenance queries on a <see cref="CitationGraph"/>, as one-call extension methods: trace, primary sources,
/// independent origins, dead ends, unattributed assertions, circular reporting, downstream and upstream impact, drift,
/// timeline errors, paths between two nodes and source summaries. Every method is thread-safe, returns an immutable,
/// deterministically ordered result and walks the graph iteratively (no recursion a deep chain can overflow).
/// </summary>
/// <remarks>
/// Expected outcomes (no primary source, a cycle, a capped enumeration) are data in the results. An id that is not in
/// the graph throws <see cref="KeyNotFoundException"/>; the <c>Try…</c> forms return <see langword="false"/> instead.
/// "Graph order" means the order in which the graph holds its elements (<see cref="CitationGraph.Reports"/>,
/// <see cref="CitationGraph.Sources"/>, ...).
/// </remarks>
public static partial class CitationGraphQueries
{
    /// <summary>How many more steps a trace or path search may walk, after its cap is reached, to count what it left out.</summary>
    internal const long CountingSteps = 10_000_000;

    /// <summary>
    /// Traces a claim: for every explicit report asserting it, every chain of citations for the claim back to where it ends.
    /// </summary>
    /// <remarks>
    /// <para>A chain starts at an explicit report that asserts the claim and follows citations for that claim. At each report
    /// the report's assertion of the claim decides: <see cref="AssertionMode.FirstHand"/> ends the chain at a primary source
    /// (with no hops when the starting report itself is first-hand); <see cref="AssertionMode.Unattributed"/> ends it in a dead
    /// end; <see cref="AssertionMode.Attributed"/> goes on along each of the report's citations for the claim, every citation
    /// giving its own chain; <see cref="AssertionMode.Unknown"/> (an implicit report of a source cited without more) ends at
    /// a primary source when that source asserts the claim first-hand anywhere in the graph
    /// (<see cref="TraceEnd.FirstHandReport"/> says which report), otherwise in a dead end. A citation to a report already on
    /// the chain ends it in a cycle (the closing hop is the chain's last hop).</para>
    /// <para>Chains past <see cref="TraceOptions.MaxChains"/> or <see cref="TraceOptions.MaxTotalHops"/> are counted in
    /// <see cref="TraceResult.OmittedChains"/>; the chains kept are the first ones in the documented order.</para>
    /// </remarks>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="options">The limits; <see langword="null"/> for the defaults.</param>
    /// <returns>The chains, the primary sources and the independent origins of the claim.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    public static TraceResult Trace(this CitationGraph graph, string claimId, TraceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var claim = ClaimIndex(graph, claimId);
        options ??= new TraceOptions();
        options.Validate();
        return TraceClaim(graph, claim, options);
    }

    /// <summary>Traces a claim, as <see cref="Trace(CitationGraph, string, TraceOptions?)"/>, or returns <see langword="false"/> when no claim has the id.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="result">The trace, when the claim exists.</param>
    /// <param name="options">The limits; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the claim exists.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    public static bool TryTrace(this CitationGraph graph, string claimId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TraceResult? result, TraceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(claimId);
        options ??= new TraceOptions();
        options.Validate();
        result = graph.TryGetClaimIndex(claimId, out var claim) ? TraceClaim(graph, claim, options) : null;
        return result is not null;
    }

    /// <summary>The ids of the primary sources of a claim: the sources at which some chain of its trace ends at a primary source, in graph order.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The source ids; empty when no chain reaches a first-hand statement.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public static ImmutableArray<string> PrimarySources(this CitationGraph graph, string claimId)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return SourceIds(graph, PrimarySourceIndexes(ClaimSubgraph.Build(graph, ClaimIndex(graph, claimId))));
    }

    /// <summary>
    /// The independent origins of a claim: the distinct affiliation groups among its <see cref="PrimarySources"/> (a source
    /// without affiliation is its own group). Three outlets relaying one ministry give one origin.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The groups and their <see cref="IndependentOriginsResult.Count"/>; no groups when the claim has no primary source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public static IndependentOriginsResult IndependentOrigins(this CitationGraph graph, string claimId)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var claim = ClaimIndex(graph, claimId);
        return Origins(graph, claim, PrimarySourceIndexes(ClaimSubgraph.Build(graph, claim)));
    }

    /// <summary>The claims with exactly one independent origin (single-sourced claims), in graph order.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The independent origins of each such claim. A claim with no primary source at all is not listed (see <c>DeadEnds</c>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<IndependentOriginsResult> SingleOriginClaims(this CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = ImmutableArray.CreateBuilder<IndependentOriginsResult>();
        for (var claim = 0; claim < graph.Claims.Length; claim++)
        {
            var origins = Origins(graph, claim, PrimarySourceIndexes(ClaimSubgraph.Build(graph, claim)));
            if (origins.Count == 1)
            {
                result.Add(origins);
            }
        }

        return result.ToImmutable();
    }

    internal static int ClaimIndex(CitationGraph graph, string claimId)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        return graph.TryGetClaimIndex(claimId, out var claim) ? claim : throw new KeyNotFoundException($"No claim has the id '{claimId}'.");
    }

    /// <summary>The source positions at which some chain of the claim ends at a primary source, ascending and distinct.</summary>
    private static ReadOnlySpan<int> PrimarySourceIndexes(ClaimSubgraph sub)
    {
        var count = 0;
        for (var u = 0; u < sub.Count; u++)
        {
            if (sub.Kind[u] == ClaimSubgraph.Primary)
            {
                count++;
            }
        }

        if (count == 0)
        {
            return [];
        }

        var sources = new int[count];
        count = 0;
        for (var u = 0; u < sub.Count; u++)
        {
            if (sub.Kind[u] == ClaimSubgraph.Primary)
            {
                sources[count++] = sub.Graph.ReportSource[sub.Report[u]];
            }
        }

        Array.Sort(sources);
        var distinct = 1;
        for (var i = 1; i < sources.Length; i++)
        {
            if (sources[i] != sources[distinct - 1])
            {
                sources[distinct++] = sources[i];
            }
        }

        return sources.AsSpan(0, distinct);
    }

    private static ImmutableArray<string> SourceIds(CitationGraph graph, ReadOnlySpan<int> sources)
    {
        if (sources.IsEmpty)
        {
            return [];
        }

        var ids = new string[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            ids[i] = graph.SourceId(sources[i]);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(ids);
    }

    private static IndependentOriginsResult Origins(CitationGraph graph, int claim, ReadOnlySpan<int> primarySources)
    {
        // Groups keyed by affiliation position, or by ~source for a source without affiliation; ordered by first member.
        var groups = new List<(string? Affiliation, List<string> Sources)>();
        var byAffiliation = new Dictionary<int, int>();
        foreach (var s in primarySources)
        {
            var a = graph.SourceAffiliation[s];
            if (a < 0)
            {
                groups.Add((null, [graph.SourceId(s)]));
            }
            else if (byAffiliation.TryGetValue(a, out var g))
            {
                groups[g].Sources.Add(graph.SourceId(s));
            }
            else
            {
                byAffiliation[a] = groups.Count;
                groups.Add((graph.AffiliationId(a), [graph.SourceId(s)]));
            }
        }

        if (groups.Count == 0)
        {
            return new IndependentOriginsResult(graph.ClaimId(claim), []);
        }

        var result = new OriginGroup[groups.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new OriginGroup(groups[i].Affiliation, [.. groups[i].Sources]);
        }

        return new IndependentOriginsResult(graph.ClaimId(claim), ImmutableCollectionsMarshal.AsImmutableArray(result));
    }

    private static TraceResult TraceClaim(CitationGraph graph, int claim, TraceOptions options)
    {
        var sub = ClaimSubgraph.Build(graph, claim);
        var primaries = PrimarySourceIndexes(sub);
        var walk = new ChainWalk(sub, options);
        walk.Run();
        return new TraceResult(
            graph.ClaimId(claim),
            walk.Chains.ToImmutable(),
            walk.Omitted,
            walk.OmittedExact,
            SourceIds(graph, primaries),
            Origins(graph, claim, primaries));
    }

    /// <summary>The depth-first enumeration of a claim's chains, with an explicit stack.</summary>
    private sealed class ChainWalk(ClaimSubgraph sub, TraceOptions options)
    {
        private readonly TraceHop?[] hops = new TraceHop?[sub.EdgeCitation.Length];
        private readonly TraceEnd?[] ends = new TraceEnd?[sub.Count];
        private long keptHops;
        private bool[] onPath = [];
        private int[] pathNode = [];
        private int[] pathEdge = [];
        private int[] cursor = [];
        private int depth;
        private bool capped;

        public ImmutableArray<TraceChain>.Builder Chains { get; } = ImmutableArray.CreateBuilder<TraceChain>();

        public long Omitted { get; private set; }

        public bool OmittedExact { get; private set; } = true;

        public void Run()
        {
            var graph = sub.Graph;
            var order = GraphWalk.TopologicalOrder(sub.Count, sub.EdgeStart, sub.EdgeTarget);
            var exactByCount = order is not null && LongestChain(order) <= options.MaxDepth;

            // A path holds each node at most once, so it is never longer than the subgraph.
            onPath = new bool[sub.Count];
            pathNode = new int[sub.Count];
            pathEdge = new int[sub.Count];
            cursor = new int[sub.Count];
            depth = 0;
            var stepsLeft = options.CountingSteps;

            foreach (var start in sub.Starts)
            {
                if (capped && exactByCount)
                {
                    break;
                }

                Push(start, -1);
                while (depth > 0)
                {
                    if (capped && (exactByCount || --stepsLeft < 0))
                    {
                        break;
                    }

                    var top = depth - 1;
                    var u = pathNode[top];
                    if (cursor[top] < 0)
                    {
                        if (sub.Kind[u] != ClaimSubgraph.Continues)
                        {
                            Emit(pathNode[0], -1, EndAt(u));
                            Pop();
                            continue;
                        }

                        if (top >= options.MaxDepth)
                        {
                            Emit(pathNode[0], -1, new TraceEnd(ChainEndKind.DeadEnd, graph.ReportId(sub.Report[u]), SourceOf(u), DeadEndReason.DepthLimit));
                            Pop();
                            continue;
                        }

                        cursor[top] = sub.EdgeStart[u];
                    }

                    if (cursor[top] < sub.EdgeStart[u + 1])
                    {
                        var e = cursor[top]++;
                        var v = sub.EdgeTarget[e];
                        if (onPath[v])
                        {
                            Emit(pathNode[0], e, new TraceEnd(ChainEndKind.Cycle, graph.ReportId(sub.Report[v]), SourceOf(v)));
                        }
                        else
                        {
                            Push(v, e);
                        }
                    }
                    else
                    {
                        Pop();
                    }
                }

                if (capped && !exactByCount && stepsLeft < 0)
                {
                    OmittedExact = false;
                    break;
                }

                while (depth > 0)
                {
                    Pop();
                }
            }

            if (capped && exactByCount)
            {
                var total = TotalChains(order!);
                Omitted = total == long.MaxValue ? long.MaxValue : total - Chains.Count;
                OmittedExact = total != long.MaxValue;
            }
        }

        private void Push(int node, int edge)
        {
            pathNode[depth] = node;
            pathEdge[depth] = edge;
            cursor[depth] = -1;
            depth++;
            onPath[node] = true;
        }

        private void Pop()
        {
            depth--;
            onPath[pathNode[depth]] = false;
        }

        /// <summary>Keeps or counts one chain: the path's hops (pathEdge[1..]) plus, for a cycle, the closing edge.</summary>
        private void Emit(int startNode, int closing, TraceEnd end)
        {
            var hopCount = depth - 1 + (closing >= 0 ? 1 : 0);
            if (!capped && (Chains.Count >= options.MaxChains || keptHops + hopCount > options.MaxTotalHops))
            {
                capped = true;
            }

            if (capped)
            {
                Omitted = GraphWalk.SaturatingAdd(Omitted, 1);
                return;
            }

            keptHops += hopCount;
            var chain = hopCount == 0 ? [] : new TraceHop[hopCount];
            for (var i = 1; i < depth; i++)
            {
                chain[i - 1] = Hop(pathEdge[i]);
            }

            if (closing >= 0)
            {
                chain[hopCount - 1] = Hop(closing);
            }

            var graph = sub.Graph;
            var start = sub.Report[startNode];
            Chains.Add(new TraceChain(graph.ReportId(start), graph.SourceId(graph.ReportSource[start]), ImmutableCollectionsMarshal.AsImmutableArray(chain), end));
        }

        private TraceHop Hop(int edge)
        {
            if (hops[edge] is not { } hop)
            {
                var graph = sub.Graph;
                var citation = sub.EdgeCitation[edge];
                hop = new TraceHop(graph, citation, graph.SourceId(graph.ReportSource[graph.CitationTo[citation]]));
                hops[edge] = hop;
            }

            return hop;
        }

        private string SourceOf(int u) => sub.Graph.SourceId(sub.Graph.ReportSource[sub.Report[u]]);

        private TraceEnd EndAt(int u)
        {
            if (ends[u] is { } known)
            {
                return known;
            }

            var graph = sub.Graph;
            var id = graph.ReportId(sub.Report[u]);
            var end = sub.Kind[u] switch
            {
                ClaimSubgraph.Primary => new TraceEnd(ChainEndKind.PrimarySource, id, SourceOf(u), null, graph.ReportId(sub.FirstHand[u])),
                ClaimSubgraph.Unattributed => new TraceEnd(ChainEndKind.DeadEnd, id, SourceOf(u), DeadEndReason.UnattributedAssertion),
                _ => new TraceEnd(ChainEndKind.DeadEnd, id, SourceOf(u), DeadEndReason.NoFirstHandStatement),
            };
            ends[u] = end;
            return end;
        }

        /// <summary>The most hops of any chain, over the acyclic subgraph in topological order.</summary>
        private long LongestChain(int[] order)
        {
            var longest = new long[sub.Count];
            long max = 0;
            foreach (var u in order)
            {
                max = Math.Max(max, longest[u]);
                for (var e = sub.EdgeStart[u]; e < sub.EdgeStart[u + 1]; e++)
                {
                    var v = sub.EdgeTarget[e];
                    longest[v] = Math.Max(longest[v], longest[u] + 1);
                }
            }

            return max;
        }

        /// <summary>The number of chains from every start, over the acyclic subgraph: a saturating sum in reverse topological order.</summary>
        private long TotalChains(int[] order)
        {
            var chains = new long[sub.Count];
            for (var i = order.Length - 1; i >= 0; i--)
            {
                var u = order[i];
                if (sub.Kind[u] != ClaimSubgraph.Continues)
                {
                    chains[u] = 1;
                    continue;
                }

                for (var e = sub.EdgeStart[u]; e < sub.EdgeStart[u + 1]; e++)
                {
                    chains[u] = GraphWalk.SaturatingAdd(chains[u], chains[sub.EdgeTarget[e]]);
                }
            }

            long total = 0;
            foreach (var s in sub.Starts)
            {
                total = GraphWalk.SaturatingAdd(total, chains[s]);
            }

            return total;
        }
    }
}
