namespace Provenance.Graphviz;

/// <summary>
/// Which diagram of a graph to draw, for DOT and Mermaid alike: <see cref="Sources"/>, <see cref="Reports"/> or
/// <see cref="ClaimTrace"/>. Immutable, thread-safe.
/// </summary>
public abstract record DotView
{
    private DotView()
    {
    }

    /// <summary>The source-level who-cited-whom graph: a node per source, an edge per citing→cited source pair.</summary>
    public static DotView Sources { get; } = new SourcesView();

    /// <summary>The report-level graph: every report (explicit and implicit) as a node, every citation as an edge.</summary>
    public static DotView Reports { get; } = new ReportsView();

    /// <summary>One claim's trace: the reports asserting it, the chains of citations behind them, and where each chain ends.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claimId"/> is <see langword="null"/>.</exception>
    public static DotView ClaimTrace(string claimId)
    {
        ArgumentNullException.ThrowIfNull(claimId);
        return new ClaimTraceView(claimId);
    }

    /// <summary>The source-level view; see <see cref="Sources"/>.</summary>
    public sealed record SourcesView : DotView;

    /// <summary>The report-level view; see <see cref="Reports"/>.</summary>
    public sealed record ReportsView : DotView;

    /// <summary>The trace of one claim; see <see cref="ClaimTrace"/>.</summary>
    /// <param name="ClaimId">The claim's id.</param>
    public sealed record ClaimTraceView(string ClaimId) : DotView;
}
