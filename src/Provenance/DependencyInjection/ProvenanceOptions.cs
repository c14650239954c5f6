namespace Provenance;

/// <summary>
/// What <see cref="ProvenanceServiceCollectionExtensions.AddProvenance"/> registers: the graph files to load, the
/// Graphviz <c>dot</c> program and the limits. Checked once, when the options are first used.
/// </summary>
public sealed class ProvenanceOptions
{
    /// <summary>
    /// The graph to load, in any format <see cref="ProvenanceGraph"/> reads: a YAML file or a folder of them (<c>*.yaml</c>,
    /// <c>*.yml</c>, merged into one graph), a JSON Lines file (<c>.jsonl</c>) or a PROV-JSON file (<c>.json</c>). The graph
    /// is loaded once, on first use.
    /// </summary>
    /// <value>Default: <see langword="null"/>. Resolving the graph without a path fails with a message saying to set one.</value>
    public string? GraphPath { get; set; }

    /// <summary>
    /// More graph files or folders, merged after <see cref="GraphPath"/> into the same graph in the order given (e.g. a
    /// shared source list kept apart from the stories that cite it). Only YAML merges; a JSON Lines or PROV-JSON file must be
    /// the only path.
    /// </summary>
    /// <value>Default: empty.</value>
    public IList<string> GraphPaths { get; } = [];

    /// <summary>
    /// Whether a report citing a report published after it is accepted (and left to the timeline query) rather than
    /// rejected when the graph is loaded.
    /// </summary>
    /// <value>Default: <see langword="false"/>.</value>
    public bool AllowTimelineErrors { get; set; }

    /// <summary>The path of the Graphviz <c>dot</c> program the registered <see cref="Graphviz.GraphvizRenderer"/> runs.</summary>
    /// <value>Default: <see langword="null"/>: the first <c>dot</c> on <c>PATH</c>.</value>
    public string? DotPath { get; set; }

    /// <summary>The limits on the size and nesting of the loaded graph.</summary>
    /// <value>Default: <see cref="GraphLimits.Default"/>.</value>
    public GraphLimits Limits { get; set; } = new();

    /// <summary>The caps <see cref="ProvenanceQueries.Trace"/> applies: most chains, deepest chain, most hops in all.</summary>
    /// <value>Default: a new <see cref="TraceOptions"/> with its documented defaults.</value>
    public TraceOptions Trace { get; set; } = new();
}
