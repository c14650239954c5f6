using Microsoft.Extensions.Options;

namespace Provenance.DependencyInjection;

/// <summary>Loads the configured graph once, on first access, however many threads ask at the same time.</summary>
internal sealed class ProvenanceGraphProvider : IProvenanceGraphProvider
{
    private readonly Lazy<CitationGraph> graph;

    public ProvenanceGraphProvider(IOptions<ProvenanceOptions> options)
        : this(Loader(options))
    {
    }

    internal ProvenanceGraphProvider(Func<CitationGraph> load)
    {
        // ExecutionAndPublication: one load runs, the others wait for it; a failed load is cached and rethrown,
        // so a bad file is not parsed again on every access.
        graph = new Lazy<CitationGraph>(load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public CitationGraph Graph => graph.Value;

    private static Func<CitationGraph> Loader(IOptions<ProvenanceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // Reading Value here validates the options when the provider is first resolved, not when the graph is first used.
        var value = options.Value;
        string[] paths = [.. value.GraphPath is { } first ? [first] : Array.Empty<string>(), .. value.GraphPaths];
        var load = new GraphLoadOptions { Limits = value.Limits, AllowTimelineErrors = value.AllowTimelineErrors };
        return () => paths.Length == 0
            ? throw new InvalidOperationException("No graph to load: set ProvenanceOptions.GraphPath to a graph file or folder in AddProvenance.")
            : ProvenanceGraph.Load(paths, load);
    }
}
