namespace Provenance.Graphviz;

/// <summary>Draws a <see cref="CitationGraph"/> as a Mermaid flowchart, for Markdown reports.</summary>
public static class MermaidExtensions
{
    /// <summary>
    /// Writes a view of the graph as a Mermaid flowchart with the same nodes, edges, marks and legend as
    /// <see cref="GraphvizExtensions.ToDot(CitationGraph, DotView, DotOptions?)"/>. Mermaid honours the options'
    /// clusters, direction, labels, links, legend and theme colours; it has no tooltips on edges.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="view">Which diagram.</param>
    /// <param name="options">Styling and labels; <see langword="null"/> for the defaults.</param>
    /// <returns>The Mermaid text, with <c>\n</c> line endings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="view"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="DotOptions.Validate"/>).</exception>
    /// <exception cref="KeyNotFoundException">The view traces a claim the graph does not have.</exception>
    public static string ToMermaid(this CitationGraph graph, DotView view, DotOptions? options = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        graph.ToMermaid(view, writer, options);
        return writer.ToString();
    }

    /// <summary>Writes a view of the graph as a Mermaid flowchart to a writer; see <see cref="ToMermaid(CitationGraph, DotView, DotOptions?)"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="view">Which diagram.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="options">Styling and labels; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/>, <paramref name="view"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An option is invalid (see <see cref="DotOptions.Validate"/>).</exception>
    /// <exception cref="KeyNotFoundException">The view traces a claim the graph does not have.</exception>
    public static void ToMermaid(this CitationGraph graph, DotView view, TextWriter writer, DotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new DotOptions();
        options.Validate();
        MermaidWriter.Write(DiagramBuilder.Build(graph, view, options), options, writer);
    }
}
