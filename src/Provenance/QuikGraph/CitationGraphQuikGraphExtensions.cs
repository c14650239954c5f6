namespace Provenance.QuikGraph;

/// <summary>
/// The provenance graph as QuikGraph graphs, for running QuikGraph's algorithms on it: read-only views over the graph's own
/// arrays. The library's own queries (<see cref="CitationGraphQueries"/>) stay faster on the same questions.
/// </summary>
public static class CitationGraphQuikGraphExtensions
{
    /// <summary>
    /// The report graph as a QuikGraph bidirectional graph, without copying: every report a vertex, every citation an edge.
    /// O(1) to make.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static CitationGraphView AsQuikGraph(this CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new CitationGraphView(graph, -1);
    }

    /// <summary>
    /// One claim's citations as a QuikGraph bidirectional graph, without copying: the reports asserting the claim are the
    /// vertices, its citations the edges. O(the claim's reports and their citations) to make, to count the edges.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public static CitationGraphView AsQuikGraph(this CitationGraph graph, string claimId)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new CitationGraphView(graph, Claim(graph, claimId));
    }

    /// <summary>
    /// Who cites whom among sources, as a QuikGraph bidirectional graph: one vertex per source, one edge per citing and cited
    /// source pair with its citation count. Builds a small index of source pairs, O(citations + sources).
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">When set, only this claim's citations are counted and only the sources asserting it are vertices.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public static SourceGraphView AsSourceQuikGraph(this CitationGraph graph, string? claimId = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new SourceGraphView(graph, claimId is null ? -1 : Claim(graph, claimId));
    }

    private static int Claim(CitationGraph graph, string claimId)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        return graph.TryGetClaimIndex(claimId, out var claim) ? claim : throw new KeyNotFoundException($"No claim has the id '{claimId}'.");
    }
}
