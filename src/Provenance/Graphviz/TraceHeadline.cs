using System.Globalization;
using System.Text;

namespace Provenance.Graphviz;

/// <summary>
/// The one-line answer a claim trace is titled with: how many chains, where they end, and how many independent
/// origins stand behind the claim, by name (e.g. "9 chains (7 reach a primary source, 2 dead ends) · 2 independent
/// origins: Russian state, Azerbaijani state"). The diagrams, the Markdown report and the HTML report all use it.
/// </summary>
public static class TraceHeadline
{
    /// <summary>The headline of a trace of <paramref name="graph"/>.</summary>
    /// <param name="graph">The graph the trace was made from.</param>
    /// <param name="trace">The trace (see <see cref="CitationGraphQueries.Trace(CitationGraph, string, TraceOptions?)"/>).</param>
    /// <returns>One line of plain text, without a final period.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="trace"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">The trace names an affiliation or source the graph does not have.</exception>
    public static string Of(CitationGraph graph, TraceResult trace)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(trace);
        var text = new StringBuilder();
        var drawn = trace.Chains.Length;
        var total = drawn + trace.OmittedChains;
        text.Append(Count(total, "chain", "chains"));
        if (trace.OmittedChains > 0 && !trace.OmittedChainsIsExact)
        {
            text.Insert(0, "at least ");
        }

        var primary = trace.Chains.Count(c => c.End.Kind == ChainEndKind.PrimarySource);
        var deadEnds = trace.Chains.Count(c => c.End.Kind == ChainEndKind.DeadEnd);
        var cycles = trace.Chains.Count(c => c.End.Kind == ChainEndKind.Cycle);
        if (drawn > 0 && primary != drawn)
        {
            var parts = new List<string>();
            if (primary > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{primary} {(primary == 1 ? "reaches" : "reach")} a primary source"));
            }

            if (deadEnds > 0)
            {
                parts.Add(Count(deadEnds, "dead end", "dead ends"));
            }

            if (cycles > 0)
            {
                parts.Add(Count(cycles, "cycle", "cycles"));
            }

            text.Append(" (").Append(string.Join(", ", parts));
            if (trace.OmittedChains > 0)
            {
                text.Append(string.Create(CultureInfo.InvariantCulture, $" of {drawn} traced"));
            }

            text.Append(')');
        }

        var groups = trace.IndependentOrigins.Groups;
        text.Append(" · ");
        if (groups.IsEmpty)
        {
            text.Append("no independent origin");
        }
        else
        {
            text.Append(Count(groups.Length, "independent origin", "independent origins")).Append(": ")
                .Append(string.Join(", ", groups.Select(g => Name(graph, g))));
        }

        return text.ToString();
    }

    /// <summary>What an origin is called: its affiliation's name, or the name of its one source.</summary>
    internal static string Name(CitationGraph graph, OriginGroup group) =>
        group.Affiliation is { } affiliation ? graph.GetAffiliation(affiliation).Name : graph.GetSource(group.Sources[0]).Name;

    private static string Count(long n, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many)}");
}
