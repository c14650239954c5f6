using System.Collections.Immutable;

namespace Provenance;

/// <summary>How a trace chain ends.</summary>
public enum ChainEndKind
{
    /// <summary>At a first-hand assertion of the claim: the chain reached where the claim came from.</summary>
    PrimarySource,

    /// <summary>
    /// Where the claim cannot be followed further: an unattributed assertion, a cited source with no known
    /// first-hand statement of the claim, or the depth limit (see <see cref="TraceEnd.Reason"/>).
    /// </summary>
    DeadEnd,

    /// <summary>At a report already on the chain: circular reporting.</summary>
    Cycle,
}

/// <summary>Why a chain ends in a <see cref="ChainEndKind.DeadEnd"/>.</summary>
public enum DeadEndReason
{
    /// <summary>The report states the claim without saying where it came from (<see cref="AssertionMode.Unattributed"/>).</summary>
    UnattributedAssertion,

    /// <summary>
    /// The report is an implicit report of a source cited for the claim (<see cref="AssertionMode.Unknown"/>), and that
    /// source has no first-hand assertion of the claim anywhere in the graph.
    /// </summary>
    NoFirstHandStatement,

    /// <summary>The chain reached <see cref="TraceOptions.MaxDepth"/> hops at a report that cites further; it was cut there.</summary>
    DepthLimit,
}

/// <summary>Limits for <see cref="CitationGraphQueries.Trace"/>. Checked when the trace starts.</summary>
public sealed class TraceOptions
{
    /// <summary>The most chains a trace returns; the rest are counted in <see cref="TraceResult.OmittedChains"/>.</summary>
    /// <value>Default: 10,000.</value>
    public int MaxChains { get; set; } = 10_000;

    /// <summary>
    /// The most hops one chain follows. A chain that reaches this many hops at a report that cites further ends
    /// there in a <see cref="ChainEndKind.DeadEnd"/> with <see cref="DeadEndReason.DepthLimit"/>.
    /// </summary>
    /// <value>Default: 10,000,000, more than a graph within the default <see cref="GraphLimits.MaxNodes"/> can chain, so by default no chain is cut.</value>
    public int MaxDepth { get; set; } = 10_000_000;

    /// <summary>
    /// The most hops the returned chains may hold together, which bounds the memory of a trace whose many
    /// chains are long. A chain that would pass it is left out and counted in <see cref="TraceResult.OmittedChains"/>.
    /// </summary>
    /// <value>Default: 20,000,000.</value>
    public long MaxTotalHops { get; set; } = 20_000_000;

    /// <summary>How many more steps the walk may take, once a cap is reached, to count the chains left out; settable for tests.</summary>
    internal long CountingSteps { get; set; } = CitationGraphQueries.CountingSteps;

    /// <summary>Checks that every limit is positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxChains);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxDepth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTotalHops);
    }
}

/// <summary>One hop of a trace chain: report <see cref="From"/> relies on report <see cref="To"/> for the claim. Immutable, thread-safe.</summary>
public sealed class TraceHop
{
    private readonly CitationGraph? graph;
    private readonly int position;
    private Citation? citation;

    /// <summary>A hop along the citation at <paramref name="position"/> in <paramref name="graph"/>; its record is made when first read.</summary>
    internal TraceHop(CitationGraph graph, int position, string toSource)
    {
        this.graph = graph;
        this.position = position;
        ToSource = toSource;
        Kind = graph.KindOf(position);
        Hedge = graph.HedgeOf(position);
        HasEvidence = graph.HasEvidence(position);
    }

    /// <summary>A hop along a citation record read elsewhere (a database store's trace).</summary>
    internal TraceHop(Citation citation, string toSource)
    {
        this.citation = citation;
        ToSource = toSource;
        Kind = citation.Kind;
        Hedge = citation.Hedge;
    }

    /// <summary>The citation this hop follows.</summary>
    /// <remarks>Made from the graph's columns when first read, then kept.</remarks>
    public Citation Citation => citation ??= graph!.CitationAt(position);

    /// <summary>The id of the citing report.</summary>
    public string From => Citation.From;

    /// <summary>The id of the cited report.</summary>
    public string To => Citation.To;

    /// <summary>The id of the source of the cited report.</summary>
    public string ToSource { get; }

    /// <summary>How the citing report relies on the cited one.</summary>
    public CitationKind Kind { get; }

    /// <summary>How the citing report qualifies what it relays.</summary>
    public Hedge Hedge { get; }

    /// <summary>The verbatim excerpt that makes the citation, if recorded.</summary>
    public string? Evidence => Citation.Evidence;

    /// <summary>Whether <see cref="Evidence"/> is recorded and not empty; known without making the citation's record.</summary>
    internal bool HasEvidence { get; }

    /// <inheritdoc />
    public override string ToString() => $"{From} -> {To} ({ProvenanceNames.Of(Kind)}{(Hedge == Hedge.None ? "" : ", " + ProvenanceNames.Of(Hedge))})";
}

/// <summary>Where and how a trace chain ends. Immutable, thread-safe.</summary>
/// <param name="Kind">How the chain ends.</param>
/// <param name="Report">
/// The id of the report the chain ends at: the first-hand report, the implicit report of a source cited without
/// more, the report that is unattributed or cut at the depth limit, or (for a cycle) the report the chain reached a second time.
/// </param>
/// <param name="Source">The id of <paramref name="Report"/>'s source.</param>
/// <param name="Reason">For a <see cref="ChainEndKind.DeadEnd"/>, why; otherwise <see langword="null"/>.</param>
/// <param name="FirstHandReport">
/// For a <see cref="ChainEndKind.PrimarySource"/>, the id of the report holding the first-hand assertion: <paramref name="Report"/>
/// itself, or, when <paramref name="Report"/> is an implicit report of a source cited without more, the first report of
/// that source (in graph order) that asserts the claim first-hand. Otherwise <see langword="null"/>.
/// </param>
public sealed record TraceEnd(ChainEndKind Kind, string Report, string Source, DeadEndReason? Reason = null, string? FirstHandReport = null);

/// <summary>One chain of citations for a claim, from an explicit report that asserts it to where it ends. Immutable, thread-safe.</summary>
public sealed class TraceChain
{
    internal TraceChain(string report, string source, ImmutableArray<TraceHop> hops, TraceEnd end)
    {
        Report = report;
        Source = source;
        Hops = hops;
        End = end;
        WeakestHop = Weakest(hops);
    }

    /// <summary>The id of the explicit report the chain starts at.</summary>
    public string Report { get; }

    /// <summary>The id of <see cref="Report"/>'s source.</summary>
    public string Source { get; }

    /// <summary>The hops, from the starting report on; empty when the starting report itself is first-hand or unattributed.</summary>
    public ImmutableArray<TraceHop> Hops { get; }

    /// <summary>Where and how the chain ends.</summary>
    public TraceEnd End { get; }

    /// <summary>The number of hops.</summary>
    public int Depth => Hops.Length;

    /// <summary>
    /// The weakest link of the chain, or <see langword="null"/> for a chain without hops. Hops are compared by,
    /// in order: the hedge (weakest first: <see cref="Hedge.Purported"/>, <see cref="Hedge.Alleged"/>,
    /// <see cref="Hedge.Unconfirmed"/>, <see cref="Hedge.Reportedly"/>, then <see cref="Hedge.None"/>); the kind
    /// (weakest first: <see cref="CitationKind.Inferred"/>, <see cref="CitationKind.AccordingTo"/>, <see cref="CitationKind.Citing"/>,
    /// <see cref="CitationKind.Paraphrase"/>, <see cref="CitationKind.Confirms"/>, <see cref="CitationKind.DirectQuote"/>);
    /// then a hop without evidence is weaker than one with. Of equally weak hops, the one nearest the start is taken.
    /// </summary>
    public TraceHop? WeakestHop { get; }

    /// <summary>The weakness rank of a hop under the ordering <see cref="WeakestHop"/> documents: larger is weaker.</summary>
    internal static int Weakness(Citation citation) => Weakness(citation.Hedge, citation.Kind, !string.IsNullOrEmpty(citation.Evidence));

    /// <summary>The weakness rank of a hop with this hedge, kind and evidence (or none): larger is weaker.</summary>
    internal static int Weakness(Hedge hedge, CitationKind kind, bool hasEvidence)
    {
        var hedgeRank = hedge switch
        {
            Hedge.None => 0,
            Hedge.Reportedly => 1,
            Hedge.Unconfirmed => 2,
            Hedge.Alleged => 3,
            _ => 4,
        };
        var kindRank = kind switch
        {
            CitationKind.DirectQuote => 0,
            CitationKind.Confirms => 1,
            CitationKind.Paraphrase => 2,
            CitationKind.Citing => 3,
            CitationKind.AccordingTo => 4,
            _ => 5,
        };
        return (hedgeRank * 8 + kindRank) * 2 + (hasEvidence ? 0 : 1);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Report}{string.Concat(Hops.Select(h => " -> " + h.To))} [{ProvenanceNames.Of(End.Kind)}]";

    private static TraceHop? Weakest(ImmutableArray<TraceHop> hops)
    {
        TraceHop? weakest = null;
        var worst = -1;
        foreach (var hop in hops)
        {
            // From the hop's own fields: reading hop.Citation here would make every hop's record on every trace.
            var w = Weakness(hop.Hedge, hop.Kind, hop.HasEvidence);
            if (w > worst)
            {
                worst = w;
                weakest = hop;
            }
        }

        return weakest;
    }
}

/// <summary>An affiliation group behind some primary sources of a claim. Immutable, thread-safe.</summary>
/// <param name="Affiliation">The affiliation's id, or <see langword="null"/> for a source without affiliation, which is its own group.</param>
/// <param name="Sources">The ids of the claim's primary sources in this group, in graph order.</param>
public sealed record OriginGroup(string? Affiliation, ImmutableArray<string> Sources)
{
    /// <inheritdoc />
    public bool Equals(OriginGroup? other) =>
        other is not null && Affiliation == other.Affiliation && Sources.AsSpan().SequenceEqual(other.Sources.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Affiliation, Sources.Length);
}

/// <summary>The independent origins of a claim: the affiliation groups behind its primary sources. Immutable, thread-safe.</summary>
/// <param name="Claim">The claim's id.</param>
/// <param name="Groups">
/// One group per affiliation among the primary sources, and one per primary source without affiliation, ordered by
/// the graph position of each group's first source.
/// </param>
public sealed record IndependentOriginsResult(string Claim, ImmutableArray<OriginGroup> Groups)
{
    /// <summary>The number of independent origins: the number of groups.</summary>
    public int Count => Groups.Length;

    /// <inheritdoc />
    public bool Equals(IndependentOriginsResult? other) =>
        other is not null && Claim == other.Claim && Groups.AsSpan().SequenceEqual(other.Groups.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Claim, Groups.Length);
}

/// <summary>The trace of a claim: every chain of citations from the explicit reports asserting it to where each ends. Immutable, thread-safe.</summary>
public sealed class TraceResult
{
    internal TraceResult(
        string claim,
        ImmutableArray<TraceChain> chains,
        long omittedChains,
        bool omittedChainsExact,
        ImmutableArray<string> primarySources,
        IndependentOriginsResult independentOrigins)
    {
        Claim = claim;
        Chains = chains;
        OmittedChains = omittedChains;
        OmittedChainsIsExact = omittedChainsExact;
        PrimarySources = primarySources;
        IndependentOrigins = independentOrigins;
    }

    /// <summary>The claim's id.</summary>
    public string Claim { get; }

    /// <summary>
    /// The chains: starting reports in graph order, and from each the chains in depth-first order, following a
    /// report's citations in graph order.
    /// </summary>
    public ImmutableArray<TraceChain> Chains { get; }

    /// <summary>
    /// How many chains the caps (<see cref="TraceOptions.MaxChains"/>, <see cref="TraceOptions.MaxTotalHops"/>) left out,
    /// saturating at <see cref="long.MaxValue"/>. Exact when <see cref="OmittedChainsIsExact"/>, otherwise a lower bound.
    /// </summary>
    public long OmittedChains { get; }

    /// <summary>
    /// Whether <see cref="OmittedChains"/> is exact. It is when nothing was left out, or when the claim's citations reachable
    /// from its reports hold no cycle and no chain is cut at <see cref="TraceOptions.MaxDepth"/> (the count is then a sum over
    /// the reachable subgraph); otherwise the remaining chains are counted by walking on for a bounded number of steps.
    /// </summary>
    public bool OmittedChainsIsExact { get; }

    /// <summary>
    /// The ids of the sources at which some chain ends at a primary source, in graph order. Computed over every chain,
    /// including those the caps leave out.
    /// </summary>
    public ImmutableArray<string> PrimarySources { get; }

    /// <summary>The affiliation groups behind <see cref="PrimarySources"/>.</summary>
    public IndependentOriginsResult IndependentOrigins { get; }
}
