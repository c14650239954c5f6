namespace Provenance.Yaml;

/// <summary>How YAML graph files are loaded: the limits that guard against hostile input, and relaxed rules.</summary>
public sealed class YamlLoadOptions
{
    /// <summary>The limits on file size, nesting, scalar length, alias expansion and graph size.</summary>
    /// <value>Default: a new <see cref="GraphLimits"/> with its documented defaults.</value>
    public GraphLimits Limits { get; set; } = new();

    /// <summary>
    /// Whether a report citing a report published after it is accepted (and left to the timeline query) rather
    /// than rejected.
    /// </summary>
    /// <value>Default: <see langword="false"/>: such a graph is rejected.</value>
    public bool AllowTimelineErrors { get; set; }
}
