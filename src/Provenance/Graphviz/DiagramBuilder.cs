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
            DotView.ClaimTraceView trace => ClaimTrace(graph, trace.ClaimId, options),
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

        return new Diagram(options.Title, clusters.List, nodes.MoveToImmutable(), edges.MoveToImmutable(), options.ShowLegend ? SourcesLegend : []);
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

        return new Diagram(options.Title, clusters.List, nodes.MoveToImmutable(), edges.MoveToImmutable(), options.ShowLegend ? ReportsLegendFor(options) : []);
    }

    private static Diagram ClaimTrace(CitationGraph graph, string claimId, DotOptions options)
    {
        var claim = graph.GetClaim(claimId);
        var trace = graph.Trace(claimId);
        var citationIndex = DiagramMarks.CitationIndex(graph);
        var marks = new Dictionary<int, NodeMarks>();
        var edges = new SortedDictionary<int, EdgeMarks>();
        var firstHandElsewhere = new Dictionary<int, string>();

        void Mark(string reportId, NodeMarks mark)
        {
            graph.TryGetReportIndex(reportId, out var r);
            marks[r] = marks.GetValueOrDefault(r) | mark | (graph.Reports[r].IsImplicit ? NodeMarks.Implicit : NodeMarks.None);
        }

        foreach (var chain in trace.Chains)
        {
            Mark(chain.Report, NodeMarks.Asserting);
            var cycleFrom = chain.End.Kind == ChainEndKind.Cycle ? chain.Hops.ToList().FindIndex(h => h.From == chain.End.Report) : -1;
            for (var h = 0; h < chain.Hops.Length; h++)
            {
                var hop = chain.Hops[h];
                var onCycle = cycleFrom >= 0 && h >= cycleFrom;
                var c = citationIndex[hop.Citation];
                edges[c] = edges.GetValueOrDefault(c) | (onCycle ? EdgeMarks.Cycle : EdgeMarks.None) | (hop.Hedge != Hedge.None ? EdgeMarks.Hedged : EdgeMarks.None);
                Mark(hop.From, onCycle ? NodeMarks.Cycle : NodeMarks.None);
                Mark(hop.To, onCycle ? NodeMarks.Cycle : NodeMarks.None);
            }

            var end = chain.End;
            Mark(end.Report, end.Kind switch
            {
                ChainEndKind.PrimarySource => NodeMarks.Primary,
                ChainEndKind.Cycle => NodeMarks.Cycle,
                _ when end.Reason == DeadEndReason.UnattributedAssertion => NodeMarks.Unattributed,
                _ => NodeMarks.DeadEnd,
            });
            if (end.Kind == ChainEndKind.PrimarySource && end.FirstHandReport is { } firstHand && firstHand != end.Report)
            {
                graph.TryGetReportIndex(end.Report, out var r);
                firstHandElsewhere[r] = firstHand;
            }
        }

        var clusters = new Clusters(graph, options.ClusterBy);
        var nodes = ImmutableArray.CreateBuilder<DiagramNode>(marks.Count);
        foreach (var (r, mark) in marks.OrderBy(p => p.Key))
        {
            var node = ReportNode(graph, r, mark, clusters, options);
            if (firstHandElsewhere.TryGetValue(r, out var firstHand))
            {
                node = node with { Tooltip = node.Tooltip + "\nfirst-hand in " + firstHand };
            }

            nodes.Add(node);
        }

        var edgeList = ImmutableArray.CreateBuilder<DiagramEdge>(edges.Count);
        foreach (var (c, mark) in edges)
        {
            edgeList.Add(CitationEdge(graph.Citations[c], mark.HasFlag(EdgeMarks.Cycle), includeClaim: false, options));
        }

        var title = options.Title ?? claim.Text;
        if (trace.OmittedChains > 0)
        {
            title += string.Create(CultureInfo.InvariantCulture, $"\n({(trace.OmittedChainsIsExact ? "" : "at least ")}{trace.OmittedChains} more chains not drawn)");
        }

        return new Diagram(title, clusters.List, nodes.MoveToImmutable(), edgeList.MoveToImmutable(), options.ShowLegend ? TraceLegend : []);
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

        var marks = (citation.Hedge != Hedge.None ? EdgeMarks.Hedged : EdgeMarks.None) | (onCycle ? EdgeMarks.Cycle : EdgeMarks.None);
        var tooltip = options.EvidenceTooltips && !string.IsNullOrEmpty(citation.Evidence) ? citation.Evidence : null;
        return new DiagramEdge(citation.From, citation.To, parts.Count == 0 ? null : Cut(string.Join(" · ", parts), options), tooltip, marks, 1)
        {
            Custom = Hook(options.CitationStyle, citation, nameof(DotOptions.CitationStyle)),
        };
    }

    internal static readonly ImmutableArray<LegendEntry> SourcesLegend =
    [
        new("source", NodeMarks.None, null),
        new("primary source: states a claim first-hand", NodeMarks.Primary, null),
        new("dead end: cited, no known first-hand statement", NodeMarks.DeadEnd, null),
        new("states a claim without attribution", NodeMarks.Unattributed, null),
        new("on a citation cycle", NodeMarks.Cycle, null),
        new("cites (label: claims, count)", null, EdgeMarks.None),
        new("hedged (alleged, unconfirmed, ...)", null, EdgeMarks.Hedged),
        new("circular reporting", null, EdgeMarks.Cycle),
    ];

    internal static readonly ImmutableArray<LegendEntry> ReportsLegend =
    [
        new("report", NodeMarks.None, null),
        new("implicit report: known only through a citation", NodeMarks.Implicit, null),
        new("primary: first-hand statement", NodeMarks.Primary, null),
        new("dead end: no known first-hand statement", NodeMarks.DeadEnd | NodeMarks.Implicit, null),
        new("states a claim without attribution", NodeMarks.Unattributed, null),
        new("on a citation cycle", NodeMarks.Cycle, null),
        new("cites (label: claim, kind)", null, EdgeMarks.None),
        new("hedged (alleged, unconfirmed, ...)", null, EdgeMarks.Hedged),
        new("circular reporting", null, EdgeMarks.Cycle),
    ];

    internal static readonly ImmutableArray<LegendEntry> TraceLegend =
    [
        new("report asserting the claim", NodeMarks.Asserting, null),
        new("implicit report: known only through a citation", NodeMarks.Implicit, null),
        new("primary source: first-hand statement", NodeMarks.Primary, null),
        new("dead end: no known first-hand statement", NodeMarks.DeadEnd | NodeMarks.Implicit, null),
        new("asserted without attribution", NodeMarks.Unattributed | NodeMarks.Asserting, null),
        new("on a citation cycle", NodeMarks.Cycle, null),
        new("cites (label: kind, hedge)", null, EdgeMarks.None),
        new("hedged (alleged, unconfirmed, ...)", null, EdgeMarks.Hedged),
        new("circular reporting", null, EdgeMarks.Cycle),
    ];

    /// <summary>The report-level legend, its edge entry naming only the labels the options draw.</summary>
    private static ImmutableArray<LegendEntry> ReportsLegendFor(DotOptions options)
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
    private static DotNodeStyle? Hook<T>(Func<T, DotNodeStyle?>? hook, T item, string name)
    {
        var style = hook?.Invoke(item);
        style?.Validate("DotOptions." + name);
        return style;
    }

    private static DotEdgeStyle? Hook<T>(Func<T, DotEdgeStyle?>? hook, T item, string name)
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
