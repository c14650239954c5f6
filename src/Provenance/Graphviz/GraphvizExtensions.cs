namespace Provenance.Graphviz;

/// <summary>Draws a <see cref="CitationGraph"/> as Graphviz DOT.</summary>
public static class GraphvizExtensions
{
    /// <summary>Writes a view of the graph as DOT: byte-for-byte the same for the same graph and options, with <c>\n</c> line endings.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="view">Which diagram: <see cref="DotView.Sources"/>, <see cref="DotView.Reports"/> or <see cref="DotView.ClaimTrace"/>.</param>
    /// <param name="options">Styling and labels; <see langword="null"/> for the defaults.</param>
    /// <returns>The DOT text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="view"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="DotOptions.Validate"/>).</exception>
    /// <exception cref="KeyNotFoundException">The view traces a claim the graph does not have.</exception>
    public static string ToDot(this CitationGraph graph, DotView view, DotOptions? options = null)
    {
        using var writer = new ChunkedStringWriter();
        graph.ToDot(view, writer, options);
        return writer.ToString();
    }

    /// <summary>Writes a view of the graph as DOT to a writer; see <see cref="ToDot(CitationGraph, DotView, DotOptions?)"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="view">Which diagram.</param>
    /// <param name="writer">Where to write; its <see cref="TextWriter.NewLine"/> is not used.</param>
    /// <param name="options">Styling and labels; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/>, <paramref name="view"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="DotOptions.Validate"/>).</exception>
    /// <exception cref="KeyNotFoundException">The view traces a claim the graph does not have.</exception>
    public static void ToDot(this CitationGraph graph, DotView view, TextWriter writer, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new DotOptions();
        options.Validate();
        if (view is DotView.ReportsView)
        {
            // The largest view: streamed from the graph's columns, the same text as the diagram path below gives.
            DotReportsWriter.Write(graph, options, writer);
            return;
        }

        DotDiagramWriter.Write(DiagramBuilder.Build(graph, view, options), options, writer);
    }
}
