namespace Provenance;

/// <summary>
/// Limits that keep untrusted input from exhausting memory or time. Checked when a graph is built or loaded.
/// </summary>
public sealed class GraphLimits
{
    /// <summary>The largest input file accepted, in bytes.</summary>
    /// <value>Default: 64 MiB.</value>
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The most affiliations, sources, reports and claims a graph may hold, together.</summary>
    /// <value>Default: 10,000,000.</value>
    public int MaxNodes { get; set; } = 10_000_000;

    /// <summary>The most citations a graph may hold.</summary>
    /// <value>Default: 20,000,000.</value>
    public int MaxCitations { get; set; } = 20_000_000;

    /// <summary>
    /// How many YAML nodes a file may produce once its aliases are expanded, as a multiple of the nodes it
    /// spells out, plus 10,000. A "billion laughs" file is rejected when it passes this.
    /// </summary>
    /// <value>Default: 10.</value>
    public int MaxAliasExpansion { get; set; } = 10;

    /// <summary>The deepest nesting of YAML mappings and sequences, and of citation chains written inside one report.</summary>
    /// <value>Default: 64.</value>
    public int MaxNestingDepth { get; set; } = 64;

    /// <summary>The longest scalar (a string value) accepted, in characters.</summary>
    /// <value>Default: 1,000,000.</value>
    public int MaxScalarLength { get; set; } = 1_000_000;

    /// <summary>The defaults, as a new instance.</summary>
    public static GraphLimits Default => new();

    /// <summary>A copy of these limits.</summary>
    internal GraphLimits Copy() => (GraphLimits)MemberwiseClone();

    /// <summary>Checks that every limit is positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxFileBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNodes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxCitations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxAliasExpansion);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxNestingDepth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxScalarLength);
    }
}

/// <summary>How a graph is built: its limits and which rules are relaxed.</summary>
public sealed class GraphBuildOptions
{
    /// <summary>The limits on size and nesting.</summary>
    /// <value>Default: <see cref="GraphLimits.Default"/>.</value>
    public GraphLimits Limits { get; set; } = new();

    /// <summary>
    /// Whether a report citing a report published after it is accepted (and then listed by the timeline
    /// query) rather than rejected.
    /// </summary>
    /// <value>Default: <see langword="false"/>: such a graph is rejected.</value>
    public bool AllowTimelineErrors { get; set; }
}
