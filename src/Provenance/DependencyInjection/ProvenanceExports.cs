using Provenance.Graphviz;
using Provenance.Prov;

namespace Provenance;

/// <summary>
/// The exporters and the renderer on the graph of <see cref="IProvenanceGraphProvider"/>, as an injectable service: DOT and
/// Mermaid diagrams, W3C PROV-JSON and PROV-N, and SVG/PNG/PDF drawn by the configured Graphviz <c>dot</c>. Thread-safe.
/// </summary>
public sealed class ProvenanceExports
{
    private readonly IProvenanceGraphProvider graphProvider;
    private readonly GraphvizRenderer renderer;

    /// <summary>Creates the service; the graph is loaded on first use.</summary>
    /// <param name="graphProvider">Gives the graph.</param>
    /// <param name="renderer">Runs Graphviz's <c>dot</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graphProvider"/> or <paramref name="renderer"/> is <see langword="null"/>.</exception>
    public ProvenanceExports(IProvenanceGraphProvider graphProvider, GraphvizRenderer renderer)
    {
        ArgumentNullException.ThrowIfNull(graphProvider);
        ArgumentNullException.ThrowIfNull(renderer);
        this.graphProvider = graphProvider;
        this.renderer = renderer;
    }

    /// <summary>A view of the graph as Graphviz DOT; see <see cref="GraphvizExtensions.ToDot(CitationGraph, DotView, DotOptions?)"/>.</summary>
    /// <param name="view">Which diagram.</param>
    /// <param name="options">Styling; <see langword="null"/> for the defaults.</param>
    /// <returns>The DOT text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The view traces a claim the graph does not have.</exception>
    public string ToDot(DotView view, DotOptions? options = null) => graphProvider.Graph.ToDot(view, options);

    /// <summary>A view of the graph as a Mermaid flowchart; see <see cref="MermaidExtensions.ToMermaid(CitationGraph, DotView, DotOptions?)"/>.</summary>
    /// <param name="view">Which diagram.</param>
    /// <param name="options">Styling; <see langword="null"/> for the defaults.</param>
    /// <returns>The Mermaid text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The view traces a claim the graph does not have.</exception>
    public string ToMermaid(DotView view, DotOptions? options = null) => graphProvider.Graph.ToMermaid(view, options);

    /// <summary>The whole graph as a W3C PROV-JSON document; see <see cref="ProvJson"/>.</summary>
    /// <returns>The JSON text.</returns>
    public string ToProvJson() => graphProvider.Graph.ToProvJson();

    /// <summary>The whole graph as W3C PROV-N; see <see cref="ProvN"/>.</summary>
    /// <returns>The PROV-N text.</returns>
    public string ToProvN() => graphProvider.Graph.ToProvN();

    /// <summary>Draws a view with Graphviz's <c>dot</c>; see <see cref="GraphvizRenderer"/>.</summary>
    /// <param name="view">Which diagram.</param>
    /// <param name="format">SVG, PNG or PDF.</param>
    /// <param name="options">Styling; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops <c>dot</c>.</param>
    /// <returns>The drawing's bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="view"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The view traces a claim the graph does not have.</exception>
    /// <exception cref="GraphvizNotFoundException"><c>dot</c> is not installed or cannot be started.</exception>
    /// <exception cref="GraphvizException"><c>dot</c> failed or ran past its timeout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<byte[]> RenderAsync(DotView view, GraphvizFormat format, DotOptions? options = null, CancellationToken cancellationToken = default) =>
        renderer.RenderAsync(graphProvider.Graph, view, format, options, cancellationToken);
}
