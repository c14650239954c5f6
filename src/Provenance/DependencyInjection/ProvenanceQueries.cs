using System.Collections.Immutable;
using Microsoft.Extensions.Options;

namespace Provenance;

/// <summary>
/// The provenance queries of <see cref="CitationGraphQueries"/> on the graph of <see cref="IProvenanceGraphProvider"/>, as an
/// injectable service: trace with the configured <see cref="ProvenanceOptions.Trace"/> caps, primary sources, independent
/// origins, circular reporting, impact, dead ends, drift, timeline errors, paths and source summaries. Thread-safe.
/// </summary>
public sealed class ProvenanceQueries
{
    private readonly IProvenanceGraphProvider graphProvider;
    private readonly TraceOptions traceOptions;

    /// <summary>Creates the service; the graph is loaded on the first query.</summary>
    /// <param name="graphProvider">Gives the graph.</param>
    /// <param name="options">The options; their <see cref="ProvenanceOptions.Trace"/> caps apply to <see cref="Trace"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graphProvider"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public ProvenanceQueries(IProvenanceGraphProvider graphProvider, IOptions<ProvenanceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(graphProvider);
        ArgumentNullException.ThrowIfNull(options);
        this.graphProvider = graphProvider;
        traceOptions = options.Value.Trace;
    }

    /// <summary>The graph the queries run on (loaded on first access).</summary>
    public CitationGraph Graph => graphProvider.Graph;

    /// <summary>Traces a claim with the configured caps; see <see cref="CitationGraphQueries.Trace"/>.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The chains, the primary sources and the independent origins of the claim.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public TraceResult Trace(string claimId) => Graph.Trace(claimId, traceOptions);

    /// <summary>The ids of a claim's primary sources; see <see cref="CitationGraphQueries.PrimarySources"/>.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The source ids, in graph order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public ImmutableArray<string> PrimarySources(string claimId) => Graph.PrimarySources(claimId);

    /// <summary>A claim's independent origins; see <see cref="CitationGraphQueries.IndependentOrigins"/>.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The affiliation groups behind the claim's primary sources.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public IndependentOriginsResult IndependentOrigins(string claimId) => Graph.IndependentOrigins(claimId);

    /// <summary>The claims with exactly one independent origin; see <see cref="CitationGraphQueries.SingleOriginClaims"/>.</summary>
    /// <returns>The independent origins of each single-sourced claim, in graph order.</returns>
    public ImmutableArray<IndependentOriginsResult> SingleOriginClaims() => Graph.SingleOriginClaims();

    /// <summary>Every citation cycle; see <see cref="CitationGraphQueries.CircularReporting"/>.</summary>
    /// <returns>The cycles over all claims and per claim.</returns>
    public CircularReportingResult CircularReporting() => Graph.CircularReporting();

    /// <summary>What depends on a report or source; see <see cref="CitationGraphQueries.Downstream"/>.</summary>
    /// <param name="id">The id of a report or a source.</param>
    /// <param name="claimId">When set, only citations for this claim are followed.</param>
    /// <returns>The dependent reports and their sources.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The id or the claim id is not in the graph.</exception>
    public DependencyResult Downstream(string id, string? claimId = null) => Graph.Downstream(id, claimId);

    /// <summary>What a report or source depends on; see <see cref="CitationGraphQueries.Upstream"/>.</summary>
    /// <param name="id">The id of a report or a source.</param>
    /// <param name="claimId">When set, only citations for this claim are followed.</param>
    /// <returns>The reports depended on and their sources.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The id or the claim id is not in the graph.</exception>
    public DependencyResult Upstream(string id, string? claimId = null) => Graph.Upstream(id, claimId);

    /// <summary>The dead ends of claims' traces; see <see cref="CitationGraphQueries.DeadEnds"/>.</summary>
    /// <param name="claimId">When set, only this claim's dead ends.</param>
    /// <param name="sourceId">When set, only dead ends at reports of this source.</param>
    /// <returns>The dead ends.</returns>
    /// <exception cref="KeyNotFoundException">The claim or source id is not in the graph.</exception>
    public ImmutableArray<DeadEnd> DeadEnds(string? claimId = null, string? sourceId = null) => Graph.DeadEnds(claimId, sourceId);

    /// <summary>The unattributed assertions; see <see cref="CitationGraphQueries.UnattributedAssertions"/>.</summary>
    /// <param name="claimId">When set, only assertions of this claim.</param>
    /// <param name="sourceId">When set, only assertions by reports of this source.</param>
    /// <returns>The assertions.</returns>
    /// <exception cref="KeyNotFoundException">The claim or source id is not in the graph.</exception>
    public ImmutableArray<Assertion> UnattributedAssertions(string? claimId = null, string? sourceId = null) =>
        Graph.UnattributedAssertions(claimId, sourceId);

    /// <summary>How a claim's wording changes along its citations; see <see cref="CitationGraphQueries.Drift"/>.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>Each changed wording, with the words added and removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public ImmutableArray<WordingDrift> Drift(string claimId) => Graph.Drift(claimId);

    /// <summary>How relays of the same source word a claim differently; see <see cref="CitationGraphQueries.RelayDrift"/>.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="maxPairs">The most pairs compared; the rest are counted.</param>
    /// <returns>The pairs with different wordings, with the words added and removed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPairs"/> is negative.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public RelayDriftResult RelayDrift(string claimId, int maxPairs = CitationGraphQueries.DefaultMaxRelayPairs) => Graph.RelayDrift(claimId, maxPairs);

    /// <summary>Citations of reports published after the citing report; see <see cref="CitationGraphQueries.TimelineErrors"/>.</summary>
    /// <returns>The timeline errors.</returns>
    public ImmutableArray<TimelineError> TimelineErrors() => Graph.TimelineErrors();

    /// <summary>The simple citation paths between two reports or sources; see <see cref="CitationGraphQueries.PathsBetween"/>.</summary>
    /// <param name="fromId">The id of the report or source the paths start from.</param>
    /// <param name="toId">The id of the report or source the paths lead to.</param>
    /// <param name="maxPaths">The most paths returned.</param>
    /// <param name="claimId">When set, only citations for this claim are followed.</param>
    /// <returns>The paths, and how many the cap left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fromId"/> or <paramref name="toId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">An id is not in the graph.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPaths"/> is not positive.</exception>
    public PathsResult PathsBetween(string fromId, string toId, int maxPaths = CitationGraphQueries.DefaultMaxPaths, string? claimId = null) =>
        Graph.PathsBetween(fromId, toId, maxPaths, claimId);

    /// <summary>Who relies on whom, and how often; see <see cref="CitationGraphQueries.SourceSummary"/>.</summary>
    /// <returns>The source-level summaries.</returns>
    public SourceSummaryResult SourceSummary() => Graph.SourceSummary();
}
