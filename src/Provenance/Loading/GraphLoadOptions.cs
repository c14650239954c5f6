namespace Provenance;

/// <summary>How <see cref="ProvenanceGraph"/> loads a graph, whatever its format: the limits, the relaxed rules and the format.</summary>
public sealed class GraphLoadOptions
{
    /// <summary>The limits on file size, nesting, scalar length, alias expansion and graph size.</summary>
    /// <value>Default: a new <see cref="GraphLimits"/> with its documented (conservative) defaults, such as 64 MiB files.</value>
    public GraphLimits Limits { get; set; } = new();

    /// <summary>
    /// Whether a report citing a report published after it is accepted (and left to the timeline query) rather than rejected.
    /// </summary>
    /// <value>Default: <see langword="false"/>: such a graph is rejected.</value>
    public bool AllowTimelineErrors { get; set; }

    /// <summary>The format to read, overriding detection.</summary>
    /// <value>
    /// Default: <see langword="null"/>: chosen per path by <see cref="ProvenanceGraph.DetectFormat"/> (a folder is YAML; otherwise by
    /// extension, and by content when the extension is none of <c>.yaml</c>, <c>.yml</c>, <c>.jsonl</c>, <c>.json</c>).
    /// </value>
    public GraphFormat? Format { get; set; }

    /// <summary>
    /// Called with each PROV-JSON record that has no counterpart in the graph model and was left out; such records are not errors.
    /// </summary>
    /// <value>Default: <see langword="null"/>: such records are dropped silently.</value>
    public Action<Prov.UnmappedRecord>? OnUnmappedRecord { get; set; }

    /// <summary>
    /// Told how many bytes of the input file have been read so far, as it is read, for a progress display (a reader that
    /// reads twice starts again from 0). Not called for folders and several paths.
    /// </summary>
    /// <value>Default: <see langword="null"/>: no reports.</value>
    public IProgress<long>? Progress { get; set; }

    /// <summary>The build options the format loaders take.</summary>
    internal GraphBuildOptions BuildOptions() => new() { Limits = Limits, AllowTimelineErrors = AllowTimelineErrors };
}
