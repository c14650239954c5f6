using QuikGraph;

namespace Provenance.QuikGraph;

/// <summary>
/// A source as a vertex of a <see cref="SourceGraphView"/>: the graph and the source's position in
/// <see cref="CitationGraph.Sources"/>. Immutable, thread-safe; equality compares the graph by reference and the position.
/// </summary>
public readonly struct SourceVertex : IEquatable<SourceVertex>
{
    private readonly CitationGraph? graph;

    internal SourceVertex(CitationGraph graph, int index)
    {
        this.graph = graph;
        Index = index;
    }

    /// <summary>The source's position in <see cref="CitationGraph.Sources"/>; 0 for a default vertex.</summary>
    public int Index { get; }

    /// <summary>The graph the source belongs to.</summary>
    /// <exception cref="InvalidOperationException">The vertex is <see langword="default"/>.</exception>
    public CitationGraph Graph => graph ?? throw new InvalidOperationException(ViewMessages.DefaultVertex);

    /// <summary>The source, in O(1).</summary>
    /// <exception cref="InvalidOperationException">The vertex is <see langword="default"/>.</exception>
    public Source Source => Graph.Sources[Index];

    /// <summary>The source's id.</summary>
    /// <exception cref="InvalidOperationException">The vertex is <see langword="default"/>.</exception>
    public string Id => Source.Id;

    internal bool IsDefault => graph is null;

    /// <summary>Whether two vertices are the same source of the same graph.</summary>
    /// <param name="left">The first vertex.</param>
    /// <param name="right">The second vertex.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(SourceVertex left, SourceVertex right) => left.Equals(right);

    /// <summary>Whether two vertices differ.</summary>
    /// <param name="left">The first vertex.</param>
    /// <param name="right">The second vertex.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(SourceVertex left, SourceVertex right) => !left.Equals(right);

    internal bool BelongsTo(CitationGraph g) => ReferenceEquals(graph, g);

    /// <inheritdoc/>
    public bool Equals(SourceVertex other) => Index == other.Index && ReferenceEquals(graph, other.graph);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourceVertex other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Index;

    /// <summary>The source's id, or <c>(default)</c> for a default vertex.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => graph is null ? "(default)" : Id;
}

/// <summary>
/// An edge of a <see cref="SourceGraphView"/>: some report of <see cref="Source"/> cites some report of
/// <see cref="Target"/>, <see cref="CitationCount"/> times in all. Immutable, thread-safe; equality compares the graph by
/// reference, both sources and the count.
/// </summary>
public readonly struct SourceEdge : IEdge<SourceVertex>, IEquatable<SourceEdge>
{
    private readonly CitationGraph? graph;
    private readonly int from;
    private readonly int to;

    internal SourceEdge(CitationGraph graph, int from, int to, int citationCount)
    {
        this.graph = graph;
        this.from = from;
        this.to = to;
        CitationCount = citationCount;
    }

    /// <summary>The citing source.</summary>
    /// <exception cref="InvalidOperationException">The edge is <see langword="default"/>.</exception>
    public SourceVertex Source => new(Graph, from);

    /// <summary>The cited source (the citing one itself when a source cites its own reports).</summary>
    /// <exception cref="InvalidOperationException">The edge is <see langword="default"/>.</exception>
    public SourceVertex Target => new(Graph, to);

    /// <summary>How many citations go from a report of <see cref="Source"/> to a report of <see cref="Target"/> (for the view's claim, if it has one); at least 1, except in a default edge.</summary>
    public int CitationCount { get; }

    private CitationGraph Graph => graph ?? throw new InvalidOperationException(ViewMessages.DefaultEdge);

    /// <summary>Whether two edges are equal.</summary>
    /// <param name="left">The first edge.</param>
    /// <param name="right">The second edge.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(SourceEdge left, SourceEdge right) => left.Equals(right);

    /// <summary>Whether two edges differ.</summary>
    /// <param name="left">The first edge.</param>
    /// <param name="right">The second edge.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(SourceEdge left, SourceEdge right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(SourceEdge other) =>
        from == other.from && to == other.to && CitationCount == other.CitationCount && ReferenceEquals(graph, other.graph);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SourceEdge other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(from, to, CitationCount);

    /// <summary><c>from -&gt; to (count)</c>, or <c>(default)</c> for a default edge.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => graph is null ? "(default)" : $"{Source.Id} -> {Target.Id} ({CitationCount})";

    internal bool BelongsTo(CitationGraph g) => ReferenceEquals(graph, g);

    internal (int From, int To) Ends => (from, to);
}
