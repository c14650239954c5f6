using System.Collections.Immutable;

namespace Provenance.PostgreSql;

/// <summary>
/// A citation graph held somewhere (in memory, in PostgreSQL) that answers the provenance queries and accepts new reports.
/// Every implementation gives the same results, in the same order, as the <see cref="CitationGraphQueries"/> on the graph
/// it holds. Implementations are thread-safe: many readers and several writers may use one store at once.
/// </summary>
public interface IProvenanceStore
{
    /// <summary>Traces a claim, as <see cref="CitationGraphQueries.Trace"/> does.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="options">The limits; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="KeyNotFoundException">No claim has the id.</exception>
    Task<TraceResult> TraceAsync(string claimId, TraceOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>The primary sources of a claim, as <see cref="CitationGraphQueries.PrimarySources"/> gives them.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The source ids, in graph order.</returns>
    /// <exception cref="KeyNotFoundException">No claim has the id.</exception>
    Task<ImmutableArray<string>> PrimarySourcesAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>The independent origins of a claim, as <see cref="CitationGraphQueries.IndependentOrigins"/> gives them.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The origin groups.</returns>
    /// <exception cref="KeyNotFoundException">No claim has the id.</exception>
    Task<IndependentOriginsResult> IndependentOriginsAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>What depends on a report or source, as <see cref="CitationGraphQueries.Downstream"/> gives it.</summary>
    /// <param name="id">The id of a report or a source; looked up as a report first.</param>
    /// <param name="claimId">When set, only citations for this claim are followed.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The dependent reports and their sources, in graph order.</returns>
    /// <exception cref="KeyNotFoundException">No report or source has the id, or no claim has <paramref name="claimId"/>.</exception>
    Task<DependencyResult> DownstreamAsync(string id, string? claimId = null, CancellationToken cancellationToken = default);

    /// <summary>What a report or source depends on, as <see cref="CitationGraphQueries.Upstream"/> gives it.</summary>
    /// <param name="id">The id of a report or a source; looked up as a report first.</param>
    /// <param name="claimId">When set, only citations for this claim are followed.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The reports depended on and their sources, in graph order.</returns>
    /// <exception cref="KeyNotFoundException">No report or source has the id, or no claim has <paramref name="claimId"/>.</exception>
    Task<DependencyResult> UpstreamAsync(string id, string? claimId = null, CancellationToken cancellationToken = default);

    /// <summary>Every citation cycle, as <see cref="CitationGraphQueries.CircularReporting"/> finds them.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The cycles overall and per claim.</returns>
    Task<CircularReportingResult> CircularReportingAsync(CancellationToken cancellationToken = default);

    /// <summary>How a claim's wording changes along its citations, as <see cref="CitationGraphQueries.Drift"/> gives it.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The wording pairs.</returns>
    /// <exception cref="KeyNotFoundException">No claim has the id.</exception>
    Task<ImmutableArray<WordingDrift>> DriftAsync(string claimId, CancellationToken cancellationToken = default);

    /// <summary>The citations of later reports, as <see cref="CitationGraphQueries.TimelineErrors"/> gives them.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The citations with their times, in graph order.</returns>
    Task<ImmutableArray<TimelineError>> TimelineErrorsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds a batch (typically one report with its implicit reports, assertions and citations, and any new sources or
    /// claims) in one transaction, after checking it with <see cref="CitationGraphBuilder"/>'s rules against what the
    /// store holds. A batch with any problem changes nothing.
    /// </summary>
    /// <param name="batch">The elements to add.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written.</param>
    /// <returns>Every problem found, as the builder words it; empty when the batch was added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="batch"/> is <see langword="null"/>.</exception>
    Task<ImmutableArray<GraphDiagnostic>> TryAddAsync(GraphBatch batch, CancellationToken cancellationToken = default);

    /// <summary>Reads the whole graph back: equal (<see cref="CitationGraph.ContentEquals"/>) to what was written.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The graph.</returns>
    Task<CitationGraph> ExportAsync(CancellationToken cancellationToken = default);
}

/// <summary>Helpers over any <see cref="IProvenanceStore"/>.</summary>
public static class ProvenanceStoreExtensions
{
    /// <summary>Adds a batch, as <see cref="IProvenanceStore.TryAddAsync"/>, throwing when it has problems.</summary>
    /// <param name="store">The store.</param>
    /// <param name="batch">The elements to add.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the batch is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> or <paramref name="batch"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The batch has problems; nothing was written.</exception>
    public static async Task AddAsync(this IProvenanceStore store, GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var problems = await store.TryAddAsync(batch, cancellationToken).ConfigureAwait(false);
        if (!problems.IsEmpty)
        {
            throw new GraphValidationException(problems);
        }
    }
}

/// <summary>
/// Elements to add to a store in one transaction: usually one report with its assertions and citations (and the implicit
/// reports its citations name), plus any affiliations, sources and claims it is the first to use. Immutable, thread-safe.
/// </summary>
public sealed record GraphBatch
{
    /// <summary>New affiliations.</summary>
    /// <value>Default: empty.</value>
    public ImmutableArray<Affiliation> Affiliations { get; init; } = [];

    /// <summary>New sources.</summary>
    /// <value>Default: empty.</value>
    public ImmutableArray<Source> Sources { get; init; } = [];

    /// <summary>New claims.</summary>
    /// <value>Default: empty.</value>
    public ImmutableArray<Claim> Claims { get; init; } = [];

    /// <summary>New reports, explicit and implicit.</summary>
    /// <value>Default: empty.</value>
    public ImmutableArray<Report> Reports { get; init; } = [];

    /// <summary>New assertions, by new reports (or by existing implicit reports, for a claim they have no assertion of).</summary>
    /// <value>Default: empty.</value>
    public ImmutableArray<Assertion> Assertions { get; init; } = [];

    /// <summary>New citations, from new reports to new or existing ones.</summary>
    /// <value>Default: empty.</value>
    public ImmutableArray<Citation> Citations { get; init; } = [];

    /// <summary>Adds every element of the batch to a builder, in the order affiliations, sources, claims, reports, assertions, citations.</summary>
    internal void AddTo(CitationGraphBuilder builder)
    {
        foreach (var a in Affiliations)
        {
            builder.AddAffiliation(a);
        }

        foreach (var s in Sources)
        {
            builder.AddSource(s);
        }

        foreach (var c in Claims)
        {
            builder.AddClaim(c);
        }

        foreach (var r in Reports)
        {
            builder.AddReport(r);
        }

        foreach (var a in Assertions)
        {
            builder.AddAssertion(a);
        }

        foreach (var c in Citations)
        {
            builder.AddCitation(c);
        }
    }
}
