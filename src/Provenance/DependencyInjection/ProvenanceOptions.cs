namespace Provenance;

/// <summary>
/// What <see cref="ProvenanceServiceCollectionExtensions.AddProvenance"/> registers: the graph files to load, the
/// Graphviz <c>dot</c> program and the limits. Checked once, when the options are first used.
/// </summary>
public sealed class ProvenanceOptions
{
    /// <summary>
    /// The graph to load: YAML files, or folders of them (<c>*.yaml</c>, <c>*.yml</c>), merged into one graph in the
    /// order given. The graph is loaded once, on first use.
    /// </summary>
    /// <value>Default: empty. Resolving the graph with no path fails with a message saying to add one.</value>
    public IList<string> GraphPaths { get; } = [];

    /// <summary>The Graphviz <c>dot</c> program the renderer runs: a path, or a name looked up on <c>PATH</c>.</summary>
    /// <value>Default: <c>dot</c>.</value>
    public string DotPath { get; set; } = "dot";

    /// <summary>The limits on the size and nesting of the loaded graph.</summary>
    /// <value>Default: <see cref="GraphLimits.Default"/>.</value>
    public GraphLimits Limits { get; set; } = new();
}
