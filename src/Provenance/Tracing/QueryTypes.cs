using System.Collections.Immutable;

namespace Provenance;

/// <summary>A citation cycle: a strongly connected set of reports, each reachable from every other along citations. Immutable, thread-safe.</summary>
/// <param name="Claim">The id of the claim whose citations form the cycle, or <see langword="null"/> for a cycle of the report graph over all claims.</param>
/// <param name="Reports">The ids of the reports in the cycle, in graph order.</param>
/// <param name="Citations">The citations between reports of the cycle (for <paramref name="Claim"/> only, when it is set), in graph order.</param>
public sealed record CitationCycle(string? Claim, ImmutableArray<string> Reports, ImmutableArray<Citation> Citations)
{
    /// <inheritdoc />
    public bool Equals(CitationCycle? other) =>
        other is not null && Claim == other.Claim
        && Reports.AsSpan().SequenceEqual(other.Reports.AsSpan())
        && Citations.AsSpan().SequenceEqual(other.Citations.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Claim, Reports.Length, Citations.Length);
}

/// <summary>Every citation cycle of a graph, over all claims and per claim. Immutable, thread-safe.</summary>
/// <param name="Overall">
/// The cycles of the report graph with every citation as an edge, whatever its claim: its strongly connected components with
/// more than one report (or one report citing itself), ordered by the graph position of their first report.
/// </param>
/// <param name="ByClaim">
/// For each claim, the strongly connected components of the graph of that claim's citations with more than one report (or a
/// self-citation), ordered by claim in graph order, then by the graph position of their first report. Each lies inside an
/// <paramref name="Overall"/> cycle.
/// </param>
public sealed record CircularReportingResult(ImmutableArray<CitationCycle> Overall, ImmutableArray<CitationCycle> ByClaim)
{
    /// <inheritdoc />
    public bool Equals(CircularReportingResult? other) =>
        other is not null && Overall.AsSpan().SequenceEqual(other.Overall.AsSpan()) && ByClaim.AsSpan().SequenceEqual(other.ByClaim.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Overall.Length, ByClaim.Length);
}

/// <summary>The reports and sources on one side of a node: what depends on it (downstream) or what it depends on (upstream). Immutable, thread-safe.</summary>
/// <param name="Id">The id of the report or source asked about.</param>
/// <param name="Reports">The ids of the reports, in graph order.</param>
/// <param name="Sources">The ids of the sources of <paramref name="Reports"/>, each once, in graph order.</param>
public sealed record DependencyResult(string Id, ImmutableArray<string> Reports, ImmutableArray<string> Sources)
{
    /// <inheritdoc />
    public bool Equals(DependencyResult? other) =>
        other is not null && Id == other.Id
        && Reports.AsSpan().SequenceEqual(other.Reports.AsSpan())
        && Sources.AsSpan().SequenceEqual(other.Sources.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Reports.Length, Sources.Length);
}

/// <summary>A report at which chains of a claim's trace end in a dead end. Immutable, thread-safe.</summary>
/// <param name="Claim">The claim's id.</param>
/// <param name="Report">The id of the report the chains end at.</param>
/// <param name="Source">The id of the report's source.</param>
/// <param name="Reason">
/// Why: <see cref="DeadEndReason.UnattributedAssertion"/> or <see cref="DeadEndReason.NoFirstHandStatement"/>
/// (never <see cref="DeadEndReason.DepthLimit"/>, which belongs to a trace's options, not to the graph).
/// </param>
public sealed record DeadEnd(string Claim, string Report, string Source, DeadEndReason Reason);

/// <summary>How the wording of a claim changed along one citation. Immutable, thread-safe.</summary>
/// <param name="Citation">The citation: its citing report relays the cited report's statement.</param>
/// <param name="FromWording">The citing report's wording of the claim.</param>
/// <param name="ToWording">The cited report's wording of the claim.</param>
/// <param name="Added">The words of <paramref name="FromWording"/> not matched in <paramref name="ToWording"/>, in the order they occur there.</param>
/// <param name="Removed">The words of <paramref name="ToWording"/> not matched in <paramref name="FromWording"/>, in the order they occur there.</param>
public sealed record WordingDrift(Citation Citation, string FromWording, string ToWording, ImmutableArray<string> Added, ImmutableArray<string> Removed)
{
    /// <summary>How many words changed: the number of words added plus the number removed.</summary>
    public int Changed => Added.Length + Removed.Length;

    /// <inheritdoc />
    public bool Equals(WordingDrift? other) =>
        other is not null && Citation == other.Citation && FromWording == other.FromWording && ToWording == other.ToWording
        && Added.AsSpan().SequenceEqual(other.Added.AsSpan()) && Removed.AsSpan().SequenceEqual(other.Removed.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Citation, FromWording, ToWording);
}

/// <summary>A citation of a report published after the citing report. Immutable, thread-safe.</summary>
/// <param name="Citation">The citation.</param>
/// <param name="FromPublished">
/// When the citing report was published; for an implicit citing report, when the explicit report it is cited in was published.
/// </param>
/// <param name="ToPublished">When the cited report was published: later than <paramref name="FromPublished"/>.</param>
public sealed record TimelineError(Citation Citation, DateTimeOffset FromPublished, DateTimeOffset ToPublished);

/// <summary>One step of a path: report <see cref="From"/> cites report <see cref="To"/>. Immutable, thread-safe.</summary>
/// <param name="From">The id of the citing report.</param>
/// <param name="To">The id of the cited report.</param>
/// <param name="Citations">Every citation from <paramref name="From"/> to <paramref name="To"/> the search considers (one per claim), in graph order.</param>
public sealed record PathStep(string From, string To, ImmutableArray<Citation> Citations)
{
    /// <inheritdoc />
    public bool Equals(PathStep? other) =>
        other is not null && From == other.From && To == other.To && Citations.AsSpan().SequenceEqual(other.Citations.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(From, To, Citations.Length);
}

/// <summary>A simple path of citations: no report appears twice. Immutable, thread-safe.</summary>
/// <param name="Steps">The steps, at least one, from the first report to the last.</param>
public sealed record CitationPath(ImmutableArray<PathStep> Steps)
{
    /// <summary>The ids of the reports along the path, the first and the last included.</summary>
    public ImmutableArray<string> Reports => [Steps[0].From, .. Steps.Select(s => s.To)];

    /// <inheritdoc />
    public bool Equals(CitationPath? other) => other is not null && Steps.AsSpan().SequenceEqual(other.Steps.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => Steps.Length;

    /// <inheritdoc />
    public override string ToString() => string.Join(" -> ", Reports);
}

/// <summary>The simple paths of citations between two reports or sources. Immutable, thread-safe.</summary>
/// <param name="From">The id of the report or source the paths start from.</param>
/// <param name="To">The id of the report or source the paths lead to.</param>
/// <param name="Paths">The paths found, in depth-first order: start reports in graph order, each report's cited reports in the graph order of their first citation.</param>
/// <param name="OmittedPaths">How many paths the cap left out, saturating at <see cref="long.MaxValue"/>; a lower bound unless <paramref name="OmittedPathsIsExact"/>.</param>
/// <param name="OmittedPathsIsExact">
/// Whether <paramref name="OmittedPaths"/> is exact: it is when nothing was left out, or when the part of the graph that leads to
/// <paramref name="To"/> has no cycle (the count is then a sum over it); otherwise the remaining paths are counted by walking on for
/// a bounded number of steps.
/// </param>
public sealed record PathsResult(string From, string To, ImmutableArray<CitationPath> Paths, long OmittedPaths, bool OmittedPathsIsExact)
{
    /// <inheritdoc />
    public bool Equals(PathsResult? other) =>
        other is not null && From == other.From && To == other.To && OmittedPaths == other.OmittedPaths
        && OmittedPathsIsExact == other.OmittedPathsIsExact && Paths.AsSpan().SequenceEqual(other.Paths.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(From, To, Paths.Length, OmittedPaths);
}

/// <summary>How often the reports of one source cite the reports of another. Immutable, thread-safe.</summary>
/// <param name="CitingSource">The id of the citing reports' source.</param>
/// <param name="CitedSource">The id of the cited reports' source.</param>
/// <param name="Citations">The number of citations from a report of <paramref name="CitingSource"/> to a report of <paramref name="CitedSource"/>, over all claims.</param>
/// <param name="Hedged">How many of those citations carry a hedge (any <see cref="Hedge"/> but <see cref="Hedge.None"/>).</param>
/// <param name="Unattributed">
/// How many of those citations relay something unattributed: the cited report's assertion of the citation's claim is
/// <see cref="AssertionMode.Unattributed"/>, or it is <see cref="AssertionMode.Unknown"/> and the cited source has no first-hand
/// assertion of the claim in the graph. These are exactly the citations after which a trace ends in a dead end.
/// </param>
public sealed record SourcePairSummary(string CitingSource, string CitedSource, int Citations, int Hedged, int Unattributed)
{
    /// <summary>The share of <see cref="Citations"/> that is hedged, from 0 to 1.</summary>
    public double HedgedShare => (double)Hedged / Citations;

    /// <summary>The share of <see cref="Citations"/> that is unattributed, from 0 to 1.</summary>
    public double UnattributedShare => (double)Unattributed / Citations;
}

/// <summary>How often a source is relayed by others, and how often it states claims without attribution. Immutable, thread-safe.</summary>
/// <param name="Source">The source's id.</param>
/// <param name="Relayed">The number of citations from a report of another source to a report of this one.</param>
/// <param name="Relayers">The number of distinct other sources with such a citation.</param>
/// <param name="UnattributedAssertions">The number of this source's assertions that are <see cref="AssertionMode.Unattributed"/>.</param>
public sealed record SourceRelaySummary(string Source, int Relayed, int Relayers, int UnattributedAssertions);

/// <summary>Source-level summaries: who relies on whom, how often, and how often hedged or unattributed. Immutable, thread-safe.</summary>
/// <param name="Pairs">
/// One entry per (citing source, cited source) pair with at least one citation (a source citing itself included), by
/// <see cref="SourcePairSummary.Citations"/> descending, then citing source and cited source in graph order.
/// </param>
/// <param name="Sources">
/// Every source, ranked by <see cref="SourceRelaySummary.Relayed"/> descending, then <see cref="SourceRelaySummary.Relayers"/>
/// descending, then graph order.
/// </param>
public sealed record SourceSummaryResult(ImmutableArray<SourcePairSummary> Pairs, ImmutableArray<SourceRelaySummary> Sources)
{
    /// <inheritdoc />
    public bool Equals(SourceSummaryResult? other) =>
        other is not null && Pairs.AsSpan().SequenceEqual(other.Pairs.AsSpan()) && Sources.AsSpan().SequenceEqual(other.Sources.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Pairs.Length, Sources.Length);
}

/// <summary>
/// How two reports of the same source word the same claim differently: usually two relays of one statement on different chains.
/// Immutable, thread-safe.
/// </summary>
/// <param name="Claim">The claim's id.</param>
/// <param name="Source">The id of the source both reports belong to (the relayed source).</param>
/// <param name="First">The id of the report that comes first in graph order.</param>
/// <param name="FirstWording">Its wording of the claim.</param>
/// <param name="Second">The id of the other report.</param>
/// <param name="SecondWording">Its wording of the claim, a different string from <paramref name="FirstWording"/>.</param>
/// <param name="Added">The words of <paramref name="SecondWording"/> not matched in <paramref name="FirstWording"/>, in the order they occur there.</param>
/// <param name="Removed">The words of <paramref name="FirstWording"/> not matched in <paramref name="SecondWording"/>, in the order they occur there.</param>
public sealed record RelayWordingDrift(
    string Claim,
    string Source,
    string First,
    string FirstWording,
    string Second,
    string SecondWording,
    ImmutableArray<string> Added,
    ImmutableArray<string> Removed)
{
    /// <summary>How many words changed: the number of words added plus the number removed.</summary>
    public int Changed => Added.Length + Removed.Length;

    /// <inheritdoc />
    public bool Equals(RelayWordingDrift? other) =>
        other is not null && Claim == other.Claim && Source == other.Source
        && First == other.First && FirstWording == other.FirstWording && Second == other.Second && SecondWording == other.SecondWording
        && Added.AsSpan().SequenceEqual(other.Added.AsSpan()) && Removed.AsSpan().SequenceEqual(other.Removed.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Claim, Source, First, Second);
}

/// <summary>The drift between relays of the same source for one claim; see <see cref="CitationGraphQueries.RelayDrift"/>. Immutable, thread-safe.</summary>
/// <param name="Claim">The claim's id.</param>
/// <param name="Pairs">The pairs compared, by <see cref="RelayWordingDrift.Changed"/> descending, then source, first and second report in graph order.</param>
/// <param name="OmittedPairs">How many further pairs with different wordings the cap left out, counted exactly.</param>
public sealed record RelayDriftResult(string Claim, ImmutableArray<RelayWordingDrift> Pairs, long OmittedPairs)
{
    /// <inheritdoc />
    public bool Equals(RelayDriftResult? other) =>
        other is not null && Claim == other.Claim && OmittedPairs == other.OmittedPairs && Pairs.AsSpan().SequenceEqual(other.Pairs.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Claim, Pairs.Length, OmittedPairs);
}
