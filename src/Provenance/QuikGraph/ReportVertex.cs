using QuikGraph;

namespace Provenance.QuikGraph;

/// <summary>
/// A report as a vertex of a QuikGraph view (<see cref="CitationGraphView"/>): the graph and the report's position in
/// <see cref="CitationGraph.Reports"/>. Immutable, thread-safe; equality compares the graph by reference and the position.
/// </summary>
public readonly struct ReportVertex : IEquatable<ReportVertex>
{
    private readonly CitationGraph? graph;

    internal ReportVertex(CitationGraph graph, int index)
    {
        this.graph = graph;
        Index = index;
    }

    /// <summary>The report's position in <see cref="CitationGraph.Reports"/>; 0 for a default vertex.</summary>
    public int Index { get; }

    /// <summary>The graph the report belongs to.</summary>
    /// <exception cref="InvalidOperationException">The vertex is <see langword="default"/>.</exception>
    public CitationGraph Graph => graph ?? throw new InvalidOperationException(ViewMessages.DefaultVertex);

    /// <summary>The report, in O(1).</summary>
    /// <exception cref="InvalidOperationException">The vertex is <see langword="default"/>.</exception>
    public Report Report => Graph.Reports[Index];

    /// <summary>The report's id.</summary>
    /// <exception cref="InvalidOperationException">The vertex is <see langword="default"/>.</exception>
    public string Id => Report.Id;

    internal bool IsDefault => graph is null;

    /// <summary>Whether two vertices are the same report of the same graph.</summary>
    /// <param name="left">The first vertex.</param>
    /// <param name="right">The second vertex.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ReportVertex left, ReportVertex right) => left.Equals(right);

    /// <summary>Whether two vertices differ.</summary>
    /// <param name="left">The first vertex.</param>
    /// <param name="right">The second vertex.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(ReportVertex left, ReportVertex right) => !left.Equals(right);

    internal bool BelongsTo(CitationGraph g) => ReferenceEquals(graph, g);

    /// <inheritdoc/>
    public bool Equals(ReportVertex other) => Index == other.Index && ReferenceEquals(graph, other.graph);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReportVertex other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Index;

    /// <summary>The report's id, or <c>(default)</c> for a default vertex.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => graph is null ? "(default)" : Id;
}

/// <summary>
/// A citation as an edge of a QuikGraph view (<see cref="CitationGraphView"/>): from the citing report to the cited one.
/// Parallel citations (the same two reports, different claims) are different edges. Immutable, thread-safe; equality
/// compares the graph by reference and the citation's position.
/// </summary>
public readonly struct CitationEdge : IEdge<ReportVertex>, IEquatable<CitationEdge>
{
    private readonly CitationGraph? graph;
    private readonly int from;
    private readonly int to;

    internal CitationEdge(CitationGraph graph, int index, int from, int to)
    {
        this.graph = graph;
        Index = index;
        this.from = from;
        this.to = to;
    }

    /// <summary>The citation's position in <see cref="CitationGraph.Citations"/>; 0 for a default edge.</summary>
    public int Index { get; }

    /// <summary>The citing report.</summary>
    /// <exception cref="InvalidOperationException">The edge is <see langword="default"/>.</exception>
    public ReportVertex Source => new(Graph, from);

    /// <summary>The cited report.</summary>
    /// <exception cref="InvalidOperationException">The edge is <see langword="default"/>.</exception>
    public ReportVertex Target => new(Graph, to);

    /// <summary>The citation, in O(1).</summary>
    /// <exception cref="InvalidOperationException">The edge is <see langword="default"/>.</exception>
    public Citation Citation => Graph.Citations[Index];

    private CitationGraph Graph => graph ?? throw new InvalidOperationException(ViewMessages.DefaultEdge);

    /// <summary>Whether two edges are the same citation of the same graph.</summary>
    /// <param name="left">The first edge.</param>
    /// <param name="right">The second edge.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(CitationEdge left, CitationEdge right) => left.Equals(right);

    /// <summary>Whether two edges differ.</summary>
    /// <param name="left">The first edge.</param>
    /// <param name="right">The second edge.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(CitationEdge left, CitationEdge right) => !left.Equals(right);

    internal bool BelongsTo(CitationGraph g) => ReferenceEquals(graph, g);

    /// <inheritdoc/>
    public bool Equals(CitationEdge other) => Index == other.Index && ReferenceEquals(graph, other.graph);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CitationEdge other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Index;

    /// <summary><c>from -&gt; to (claim)</c>, or <c>(default)</c> for a default edge.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        if (graph is null)
        {
            return "(default)";
        }

        var c = Citation;
        return $"{c.From} -> {c.To} ({c.Claim})";
    }
}
