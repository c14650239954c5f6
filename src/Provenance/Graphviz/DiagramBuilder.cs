using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Provenance.Graphviz;

/// <summary>Turns a graph and a <see cref="DotView"/> into a <see cref="Diagram"/>.</summary>
internal static class DiagramBuilder
{
    private const int MaxClaimsPerLabel = 4;
    private const int MaxTooltipLines = 20;

    public static Diagram Build(CitationGraph graph, DotView view, DotOptions options)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(view);
        return view switch
        {
            DotView.SourcesView => Sources(graph, options),
            DotView.ReportsView => Reports(graph, options),
            DotView.ClaimTraceView trace => ClaimTraceDiagram.Build(graph, trace.ClaimId, options),
            _ => throw new ArgumentOutOfRangeException(nameof(view), view, "Unknown view."),
        };
    }

    private static Diagram Sources(CitationGraph graph, DotOptions options)
    {
        var cycle = DiagramMarks.CycleCitations(graph);
        var reportMarks = DiagramMarks.Reports(graph, cycle);
        var sourceMarks = new NodeMarks[graph.Sources.Length];
        for (var r = 0; r < reportMarks.Length; r++)
        {
            sourceMarks[graph.ReportSource[r]] |= reportMarks[r] & ~NodeMarks.Implicit;
        }

        var clusters = new Clusters(graph, options.ClusterBy);
        var nodes = ImmutableArray.CreateBuilder<DiagramNode>(graph.Sources.Length);
        for (var s = 0; s < graph.Sources.Length; s++)
        {
            var source = graph.Sources[s];
            nodes.Add(new DiagramNode(
                source.Id,
                Cut(source.Name, options),
                Has(options, DotLabels.NodeDetails) ? Cut(SourceDetails(source), options) : null,
                SourceTooltip(source),
                Link(source.Url, options),
                sourceMarks[s],
                clusters.Of(s))
            {
                Custom = Hook(options.SourceStyle, source, nameof(DotOptions.SourceStyle)),
            });
        }

        // Citations grouped by (citing source, cited source), ordered by the sources' positions.
        var pairs = new SortedDictionary<(int From, int To), List<int>>();
        for (var c = 0; c < graph.Citations.Length; c++)
        {
            var key = (graph.ReportSource[graph.CitationFrom[c]], graph.ReportSource[graph.CitationTo[c]]);
            if (!pairs.TryGetValue(key, out var list))
            {
                pairs[key] = list = [];
            }

            list.Add(c);
        }

        var edges = ImmutableArray.CreateBuilder<DiagramEdge>(pairs.Count);
        foreach (var ((from, to), citations) in pairs)
        {
            var hedged = citations.Count(c => graph.Citations[c].Hedge != Hedge.None);
            var marks = (hedged == citations.Count ? EdgeMarks.Hedged : EdgeMarks.None)
                | (citations.All(c => graph.Citations[c].Kind == CitationKind.Inferred) ? EdgeMarks.Inferred : EdgeMarks.None)
                | (citations.Any(c => cycle[c]) ? EdgeMarks.Cycle : EdgeMarks.None);
            var lines = new List<string>();
            if (Has(options, DotLabels.Claims))
            {
                var claims = citations.Select(c => graph.CitationClaim[c]).Distinct().Order().Select(c => graph.Claims[c].Id).ToList();
                lines.Add(string.Join(", ", claims.Take(MaxClaimsPerLabel))
                    + (claims.Count > MaxClaimsPerLabel ? string.Create(CultureInfo.InvariantCulture, $" +{claims.Count - MaxClaimsPerLabel} more") : ""));
            }

            if (Has(options, DotLabels.Counts))
            {
                lines.Add(citations.Count == 1 ? "1 citation" : string.Create(CultureInfo.InvariantCulture, $"{citations.Count} citations"));
            }

            if (Has(options, DotLabels.Hedges) && hedged > 0)
            {
                var hedges = citations.Select(c => graph.Citations[c].Hedge).Where(h => h != Hedge.None).Distinct().Order();
                lines.Add("hedged: " + string.Join(", ", hedges.Select(ProvenanceNames.Of)));
            }

            var tooltip = options.EvidenceTooltips
                ? Lines(citations.Select(c => graph.Citations[c]).Where(c => !string.IsNullOrEmpty(c.Evidence)).Select(c => c.Claim + ": " + c.Evidence))
                : null;
            edges.Add(new DiagramEdge(graph.Sources[from].Id, graph.Sources[to].Id, Label(lines, options), tooltip, marks, citations.Count));
        }

        var sourceNodes = nodes.MoveToImmutable();
        var sourceEdges = edges.MoveToImmutable();
        return new Diagram(options.Title, clusters.List, sourceNodes, sourceEdges, options.ShowLegend ? Used(SourcesLegend, sourceNodes, sourceEdges, false) : []);
    }

    private static Diagram Reports(CitationGraph graph, DotOptions options)
    {
        var cycle = DiagramMarks.CycleCitations(graph);
        var marks = DiagramMarks.Reports(graph, cycle);
        var clusters = new Clusters(graph, options.ClusterBy);
        var nodes = ImmutableArray.CreateBuilder<DiagramNode>(graph.Reports.Length);
        for (var r = 0; r < graph.Reports.Length; r++)
        {
            nodes.Add(ReportNode(graph, r, marks[r], clusters, options));
        }

        var edges = ImmutableArray.CreateBuilder<DiagramEdge>(graph.Citations.Length);
        for (var c = 0; c < graph.Citations.Length; c++)
        {
            var citation = graph.Citations[c];
            edges.Add(CitationEdge(citation, cycle[c], includeClaim: true, options));
        }

        var reportNodes = nodes.MoveToImmutable();
        var reportEdges = edges.MoveToImmutable();
        return new Diagram(options.Title, clusters.List, reportNodes, reportEdges, options.ShowLegend ? Used(ReportsLegendFor(options), reportNodes, reportEdges, false) : []);
    }

    internal static DiagramNode ReportNode(CitationGraph graph, int r, NodeMarks marks, Clusters clusters, DotOptions options)
    {
        var report = graph.Reports[r];
        var source = graph.Sources[graph.ReportSource[r]];
        string? details = null;
        if (Has(options, DotLabels.NodeDetails))
        {
            var facts = new List<string>();
            if (report.IsImplicit)
            {
                facts.Add("cited in " + report.CitedIn);
            }
            else
            {
                facts.Add(ProvenanceNames.Of(report.Kind));
                if (report.Published is { } published)
                {
                    facts.Add(published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
            }

            details = (report.Title is null ? "" : Cut(report.Title, options) + "\n") + string.Join(" · ", facts);
        }

        var tooltip = new StringBuilder(report.Id);
        if (report.Title is not null)
        {
            tooltip.Append('\n').Append(report.Title);
        }

        if (report.Published is { } when)
        {
            tooltip.Append('\n').Append(when.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        }

        return new DiagramNode(report.Id, Cut(source.Name, options), details, tooltip.ToString(), Link(report.Url, options), marks, clusters.Of(graph.ReportSource[r]))
        {
            Custom = Hook(options.ReportStyle, report, nameof(DotOptions.ReportStyle)),
        };
    }

    internal static DiagramEdge CitationEdge(Citation citation, bool onCycle, bool includeClaim, DotOptions options)
    {
        var parts = new List<string>();
        if (includeClaim && Has(options, DotLabels.Claims))
        {
            parts.Add(citation.Claim);
        }

        if (Has(options, DotLabels.CitationKinds))
        {
            parts.Add(ProvenanceNames.Of(citation.Kind));
        }

        if (Has(options, DotLabels.Hedges) && citation.Hedge != Hedge.None)
        {
            parts.Add(ProvenanceNames.Of(citation.Hedge));
        }

        var marks = (citation.Hedge != Hedge.None ? EdgeMarks.Hedged : EdgeMarks.None)
            | (citation.Kind == CitationKind.Inferred ? EdgeMarks.Inferred : EdgeMarks.None)
            | (onCycle ? EdgeMarks.Cycle : EdgeMarks.None);
        var tooltip = options.EvidenceTooltips && !string.IsNullOrEmpty(citation.Evidence) ? citation.Evidence : null;
        return new DiagramEdge(citation.From, citation.To, parts.Count == 0 ? null : Cut(string.Join(" · ", parts), options), tooltip, marks, 1)
        {
            Custom = Hook(options.CitationStyle, citation, nameof(DotOptions.CitationStyle)),
        };
    }

    internal static readonly ImmutableArray<LegendEntry> SourcesLegend =
    [
        new("source", NodeMarks.None, null),
        new("primary source (first-hand)", NodeMarks.Primary, null),
        new("dead end: no first-hand statement", NodeMarks.DeadEnd, null),
        new("states a claim unattributed", NodeMarks.Unattributed, null),
        new("on a citation cycle", NodeMarks.Cycle, null),
        new("cites (claims, count)", null, EdgeMarks.None),
        new("hedged (alleged, unconfirmed, ...)", null, EdgeMarks.Hedged),
        new("inferred: shared wording, not credited", null, EdgeMarks.Inferred),
        new("circular reporting", null, EdgeMarks.Cycle),
    ];

    internal static readonly ImmutableArray<LegendEntry> ReportsLegend =
    [
        new("report", NodeMarks.None, null),
        new("known only as cited", NodeMarks.Implicit, null),
        new("primary: first-hand", NodeMarks.Primary, null),
        new("dead end: no first-hand statement", NodeMarks.DeadEnd | NodeMarks.Implicit, null),
        new("states a claim unattributed", NodeMarks.Unattributed, null),
        new("on a citation cycle", NodeMarks.Cycle, null),
        new("cites (claim, kind)", null, EdgeMarks.None),
        new("hedged (alleged, unconfirmed, ...)", null, EdgeMarks.Hedged),
        new("inferred: shared wording, not credited", null, EdgeMarks.Inferred),
        new("circular reporting", null, EdgeMarks.Cycle),
    ];

    internal static readonly ImmutableArray<LegendEntry> TraceLegend =
    [
        new("asserts the claim", NodeMarks.Asserting, null),
        new("known only as cited", NodeMarks.Implicit, null),
        new("primary source (first-hand)", NodeMarks.Primary, null),
        new("dead end: no first-hand statement", NodeMarks.DeadEnd | NodeMarks.Implicit, null),
        new("asserted unattributed", NodeMarks.Unattributed | NodeMarks.Asserting, null),
        new("on a citation cycle", NodeMarks.Cycle, null),
        new("cites (kind, hedge, chains)", null, EdgeMarks.None),
        new("hedged (alleged, unconfirmed, ...)", null, EdgeMarks.Hedged),
        new("inferred: shared wording, not credited", null, EdgeMarks.Inferred),
        new("circular reporting", null, EdgeMarks.Cycle),
        new("box: one independent origin", null, null),
    ];

    /// <summary>
    /// The entries of a legend that the drawing uses: a node entry when some node carries its defining mark (its marks
    /// other than <see cref="NodeMarks.Implicit"/>, or implicit itself), an edge entry when some edge carries its marks,
    /// the box entry when there are boxes.
    /// </summary>
    internal static ImmutableArray<LegendEntry> Used(ImmutableArray<LegendEntry> legend, ImmutableArray<DiagramNode> nodes, ImmutableArray<DiagramEdge> edges, bool boxes)
    {
        var nodeMarks = 0UL;
        foreach (var node in nodes)
        {
            nodeMarks |= 1UL << (int)node.Marks;
        }

        var edgeMarks = 0U;
        foreach (var edge in edges)
        {
            edgeMarks |= 1U << (int)edge.Marks;
        }

        return Used(legend, nodeMarks, edgeMarks, boxes);
    }

    /// <summary>
    /// <see cref="Used(ImmutableArray{LegendEntry}, ImmutableArray{DiagramNode}, ImmutableArray{DiagramEdge}, bool)"/> from
    /// the sets of marks the drawing's nodes and edges carry: bit <c>m</c> of <paramref name="nodeMarks"/> is set when some
    /// node's marks are <c>m</c>, likewise for <paramref name="edgeMarks"/>.
    /// </summary>
    internal static ImmutableArray<LegendEntry> Used(ImmutableArray<LegendEntry> legend, ulong nodeMarks, uint edgeMarks, bool boxes) =>
        [.. legend.Where(entry => entry switch
        {
            { Node: { } marks } => Key(marks) is var key && AnyNode(nodeMarks, n => key == NodeMarks.None ? BaseOnly(n) : (n & key) == key),
            { Edge: { } marks } => AnyEdge(edgeMarks, e => marks == EdgeMarks.None || (e & marks) == marks),
            _ => boxes,
        })];

    private static bool AnyNode(ulong seen, Func<NodeMarks, bool> test)
    {
        for (var m = 0; m < 64; m++)
        {
            if ((seen & (1UL << m)) != 0 && test((NodeMarks)m))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AnyEdge(uint seen, Func<EdgeMarks, bool> test)
    {
        for (var m = 0; m < 32; m++)
        {
            if ((seen & (1U << m)) != 0 && test((EdgeMarks)m))
            {
                return true;
            }
        }

        return false;
    }

    private static NodeMarks Key(NodeMarks marks) => marks == NodeMarks.Implicit ? marks : marks & ~NodeMarks.Implicit;

    /// <summary>Whether a node is drawn in the base style as far as the legend's "report"/"source" entry goes.</summary>
    private static bool BaseOnly(NodeMarks marks) => (marks & ~NodeMarks.Cycle) == NodeMarks.None;

    /// <summary>The report-level legend, its edge entry naming only the labels the options draw.</summary>
    internal static ImmutableArray<LegendEntry> ReportsLegendFor(DotOptions options)
    {
        var parts = new List<string>();
        if (Has(options, DotLabels.Claims))
        {
            parts.Add("claim");
        }

        if (Has(options, DotLabels.CitationKinds))
        {
            parts.Add("kind");
        }

        var text = parts.Count == 0 ? "cites (one edge per citation)" : "cites (label: " + string.Join(", ", parts) + ")";
        return [.. ReportsLegend.Select(e => e.Edge == EdgeMarks.None ? e with { Text = text } : e)];
    }

    /// <summary>Calls a styling hook and checks what it returns, like a theme's styles.</summary>
    internal static DotNodeStyle? Hook<T>(Func<T, DotNodeStyle?>? hook, T item, string name)
    {
        var style = hook?.Invoke(item);
        style?.Validate("DotOptions." + name);
        return style;
    }

    internal static DotEdgeStyle? Hook<T>(Func<T, DotEdgeStyle?>? hook, T item, string name)
    {
        var style = hook?.Invoke(item);
        style?.Validate("DotOptions." + name);
        return style;
    }

    internal static bool Has(DotOptions options, DotLabels label) => (options.Labels & label) == label;

    /// <summary>Cuts a label to the options' length, never inside a surrogate pair.</summary>
    internal static string Cut(string text, DotOptions options)
    {
        var max = options.MaxLabelLength;
        if (text.Length <= max)
        {
            return text;
        }

        var keep = max - 1;
        if (keep > 0 && char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }

    internal static string? Link(string? url, DotOptions options) => options.Links ? url : null;

    private static string? Label(List<string> lines, DotOptions options) =>
        lines.Count == 0 ? null : string.Join("\n", lines.Select(l => Cut(l, options)));

    private static string? Lines(IEnumerable<string> lines)
    {
        var list = lines.Distinct().ToList();
        if (list.Count == 0)
        {
            return null;
        }

        return string.Join("\n", list.Take(MaxTooltipLines))
            + (list.Count > MaxTooltipLines ? string.Create(CultureInfo.InvariantCulture, $"\n(+{list.Count - MaxTooltipLines} more)") : "");
    }

    private static string SourceDetails(Source source) =>
        source.Country is null ? ProvenanceNames.Of(source.Kind) : ProvenanceNames.Of(source.Kind) + " · " + source.Country;

    private static string SourceTooltip(Source source) =>
        source.Aliases.IsDefaultOrEmpty ? source.Id : source.Id + "\nalso: " + string.Join(", ", source.Aliases);

    /// <summary>The clusters of a drawing and which one each source belongs to.</summary>
    internal sealed class Clusters
    {
        private readonly int[] ofSource;

        public Clusters(CitationGraph graph, DotClusterBy by)
        {
            ofSource = new int[graph.Sources.Length];
            Array.Fill(ofSource, -1);
            var list = ImmutableArray.CreateBuilder<DiagramCluster>();
            switch (by)
            {
                case DotClusterBy.Affiliation:
                    var used = new HashSet<int>(graph.SourceAffiliation.Where(a => a >= 0));
                    var position = new Dictionary<int, int>();
                    for (var a = 0; a < graph.Affiliations.Length; a++)
                    {
                        if (used.Contains(a))
                        {
                            position[a] = list.Count;
                            list.Add(new DiagramCluster(graph.Affiliations[a].Id, graph.Affiliations[a].Name));
                        }
                    }

                    for (var s = 0; s < ofSource.Length; s++)
                    {
                        ofSource[s] = graph.SourceAffiliation[s] >= 0 ? position[graph.SourceAffiliation[s]] : -1;
                    }

                    break;
                case DotClusterBy.Country:
                    var countries = graph.Sources.Select(s => s.Country).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
                    foreach (var country in countries)
                    {
                        list.Add(new DiagramCluster(country, country));
                    }

                    for (var s = 0; s < ofSource.Length; s++)
                    {
                        ofSource[s] = graph.Sources[s].Country is { } c ? countries.BinarySearch(c, StringComparer.Ordinal) : -1;
                    }

                    break;
            }

            List = list.ToImmutable();
        }

        public ImmutableArray<DiagramCluster> List { get; }

        public int Of(int source) => ofSource[source];
    }
}
