using System.Collections.Immutable;

namespace Provenance.PostgreSql;

/// <summary>
/// An <see cref="IProvenanceStore"/> over an in-memory <see cref="CitationGraph"/>: each query runs the
/// <see cref="CitationGraphQueries"/> on the current graph; each write builds a new graph (the old one plus the batch) and
/// swaps it in. Thread-safe: readers see one graph or the next, writers are serialised.
/// </summary>
public sealed class InMemoryProvenanceStore : IProvenanceStore
{
    private readonly Lock writeLock = new();
    private readonly GraphBuildOptions buildOptions;
    private volatile CitationGraph graph;

    /// <summary>Creates a store holding <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph to start from.</param>
    /// <param name="buildOptions">The rules a write is checked by; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public InMemoryProvenanceStore(CitationGraph graph, GraphBuildOptions? buildOptions = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.graph = graph;
        this.buildOptions = buildOptions ?? new GraphBuildOptions();
    }

    /// <summary>The graph the store holds now.</summary>
    public CitationGraph Graph => graph;

    /// <inheritdoc />
    public Task<TraceResult> TraceAsync(string claimId, TraceOptions? options = null, CancellationToken cancellationToken = default) =>
        Run(g => g.Trace(claimId, options), cancellationToken);

    /// <inheritdoc />
    public Task<ImmutableArray<string>> PrimarySourcesAsync(string claimId, CancellationToken cancellationToken = default) =>
        Run(g => g.PrimarySources(claimId), cancellationToken);

    /// <inheritdoc />
    public Task<IndependentOriginsResult> IndependentOriginsAsync(string claimId, CancellationToken cancellationToken = default) =>
        Run(g => g.IndependentOrigins(claimId), cancellationToken);

    /// <inheritdoc />
    public Task<DependencyResult> DownstreamAsync(string id, string? claimId = null, CancellationToken cancellationToken = default) =>
        Run(g => g.Downstream(id, claimId), cancellationToken);

    /// <inheritdoc />
    public Task<DependencyResult> UpstreamAsync(string id, string? claimId = null, CancellationToken cancellationToken = default) =>
        Run(g => g.Upstream(id, claimId), cancellationToken);

    /// <inheritdoc />
    public Task<CircularReportingResult> CircularReportingAsync(CancellationToken cancellationToken = default) =>
        Run(g => g.CircularReporting(), cancellationToken);

    /// <inheritdoc />
    public Task<ImmutableArray<WordingDrift>> DriftAsync(string claimId, CancellationToken cancellationToken = default) =>
        Run(g => g.Drift(claimId), cancellationToken);

    /// <inheritdoc />
    public Task<ImmutableArray<TimelineError>> TimelineErrorsAsync(CancellationToken cancellationToken = default) =>
        Run(g => g.TimelineErrors(), cancellationToken);

    /// <inheritdoc />
    public Task<CitationGraph> ExportAsync(CancellationToken cancellationToken = default) => Run(g => g, cancellationToken);

    /// <inheritdoc />
    public Task<ImmutableArray<GraphDiagnostic>> TryAddAsync(GraphBatch batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        cancellationToken.ThrowIfCancellationRequested();
        lock (writeLock)
        {
            var current = graph;
            var builder = new CitationGraphBuilder(buildOptions);
            GraphCopy.AddTo(current, builder);
            batch.AddTo(builder);
            if (!builder.TryBuild(out var next, out var problems))
            {
                return Task.FromResult(problems);
            }

            graph = next;
            return Task.FromResult(ImmutableArray<GraphDiagnostic>.Empty);
        }
    }

    private Task<T> Run<T>(Func<CitationGraph, T> query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return Task.FromResult(query(graph));
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
        {
            return Task.FromException<T>(e);
        }
    }
}

/// <summary>Copies a graph's elements into a builder, in graph order, through the graph's public reading surface.</summary>
internal static class GraphCopy
{
    public static void AddTo(CitationGraph graph, CitationGraphBuilder builder)
    {
        for (var i = 0; i < graph.Affiliations.Length; i++)
        {
            builder.AddAffiliation(graph.Affiliations[i]);
        }

        for (var i = 0; i < graph.Sources.Length; i++)
        {
            builder.AddSource(graph.Sources[i]);
        }

        for (var i = 0; i < graph.Claims.Length; i++)
        {
            builder.AddClaim(graph.Claims[i]);
        }

        for (var i = 0; i < graph.Reports.Length; i++)
        {
            builder.AddReport(graph.Reports[i]);
        }

        for (var i = 0; i < graph.Assertions.Length; i++)
        {
            builder.AddAssertion(graph.Assertions[i]);
        }

        for (var i = 0; i < graph.Citations.Length; i++)
        {
            builder.AddCitation(graph.Citations[i]);
        }
    }

    public static void AddTo(
        CitationGraphBuilder builder,
        IEnumerable<Affiliation> affiliations,
        IEnumerable<Source> sources,
        IEnumerable<Claim> claims,
        IEnumerable<Report> reports,
        IEnumerable<Assertion> assertions,
        IEnumerable<Citation> citations)
    {
        foreach (var a in affiliations)
        {
            builder.AddAffiliation(a);
        }

        foreach (var s in sources)
        {
            builder.AddSource(s);
        }

        foreach (var c in claims)
        {
            builder.AddClaim(c);
        }

        foreach (var r in reports)
        {
            builder.AddReport(r);
        }

        foreach (var a in assertions)
        {
            builder.AddAssertion(a);
        }

        foreach (var c in citations)
        {
            builder.AddCitation(c);
        }
    }
}
