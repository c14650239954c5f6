using System.Collections.Immutable;
using System.Globalization;

namespace Provenance.Graphviz;

/// <summary>
/// The claim-trace view, built around the question it answers: how many independent origins stand behind the claim.
/// Each independent origin (an affiliation, or a lone source) is one box holding its primary sources; the implicit
/// reports of one source that end chains the same way (primary, or dead end) are drawn as one node, since they have
/// no citations of their own and merging them keeps every chain; and nodes and edges say how many chains pass.
/// Built from the public trace result, so the drawing and <see cref="CitationGraphQueries.Trace"/> agree.
/// </summary>
internal static class ClaimTraceDiagram
{
    /// <summary>The prefix of merged source nodes; model ids cannot contain a space, so these never clash with report ids.</summary>
    internal const string SourcePrefix = "source ";

    public static Diagram Build(CitationGraph graph, string claimId, DotOptions options)
    {
        var claim = graph.GetClaim(claimId);
        var trace = graph.Trace(claimId);
        var position = DiagramMarks.CitationIndex(graph);
        var marks = new Dictionary<string, NodeMarks>(StringComparer.Ordinal);
        var order = new List<string>();
        var nodeChains = new Dictionary<string, int>(StringComparer.Ordinal);
        var edgeMarks = new Dictionary<Citation, EdgeMarks>();
        var edgeChains = new Dictionary<Citation, int>();
        var edgeOrder = new List<Citation>();
        var endKind = new Dictionary<string, NodeMarks>(StringComparer.Ordinal);
        var hasOut = new HashSet<string>(StringComparer.Ordinal);
        var firstHandElsewhere = new Dictionary<string, string>(StringComparer.Ordinal);
        var citedBy = new Dictionary<string, string>(StringComparer.Ordinal);

        void Mark(string report, NodeMarks mark)
        {
            if (!marks.TryGetValue(report, out var old))
            {
                order.Add(report);
                old = graph.GetReport(report).IsImplicit ? NodeMarks.Implicit : NodeMarks.None;
            }

            marks[report] = old | mark;
        }

        foreach (var chain in trace.Chains)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            void Pass(string report)
            {
                if (visited.Add(report))
                {
                    nodeChains[report] = nodeChains.GetValueOrDefault(report) + 1;
                }
            }

            Mark(chain.Report, NodeMarks.Asserting);
            Pass(chain.Report);
            // A chain ending in a cycle runs round it from the first hop leaving the report it comes back to.
            var cycleFrom = chain.End.Kind == ChainEndKind.Cycle ? chain.Hops.ToList().FindIndex(h => h.From == chain.End.Report) : -1;
            for (var h = 0; h < chain.Hops.Length; h++)
            {
                var hop = chain.Hops[h];
                var onCycle = cycleFrom >= 0 && h >= cycleFrom;
                if (!edgeMarks.ContainsKey(hop.Citation))
                {
                    edgeOrder.Add(hop.Citation);
                }

                edgeMarks[hop.Citation] = edgeMarks.GetValueOrDefault(hop.Citation)
                    | (onCycle ? EdgeMarks.Cycle : EdgeMarks.None) | (hop.Hedge != Hedge.None ? EdgeMarks.Hedged : EdgeMarks.None)
                    | (hop.Kind == CitationKind.Inferred ? EdgeMarks.Inferred : EdgeMarks.None);
                edgeChains[hop.Citation] = edgeChains.GetValueOrDefault(hop.Citation) + 1;
                hasOut.Add(hop.From);
                citedBy.TryAdd(hop.To, hop.From);
                Mark(hop.From, onCycle ? NodeMarks.Cycle : NodeMarks.None);
                Mark(hop.To, onCycle ? NodeMarks.Cycle : NodeMarks.None);
                Pass(hop.To);
            }

            var end = chain.End;
            var kind = end.Kind switch
            {
                ChainEndKind.PrimarySource => NodeMarks.Primary,
                ChainEndKind.Cycle => NodeMarks.Cycle,
                _ when end.Reason == DeadEndReason.UnattributedAssertion => NodeMarks.Unattributed,
                _ => NodeMarks.DeadEnd,
            };
            Mark(end.Report, kind);
            endKind[end.Report] = endKind.GetValueOrDefault(end.Report) | kind;
            if (end.Kind == ChainEndKind.PrimarySource && end.FirstHandReport is { } firstHand && firstHand != end.Report)
            {
                firstHandElsewhere[end.Report] = firstHand;
            }
        }

        // Merge the implicit reports of one source that only end chains, primary or dead end alike: they carry no
        // citations and no details of their own, so one node per source loses nothing while the edges keep every chain.
        var mergedInto = new Dictionary<string, string>(StringComparer.Ordinal);
        var groups = order
            .Where(r => marks[r].HasFlag(NodeMarks.Implicit) && !hasOut.Contains(r)
                && endKind.GetValueOrDefault(r) is NodeMarks.Primary or NodeMarks.DeadEnd && !marks[r].HasFlag(NodeMarks.Cycle))
            .GroupBy(r => (graph.GetReport(r).Source, endKind[r]))
            .Where(g => g.Count() > 1);
        var merged = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var id = SourcePrefix + group.Key.Source + (group.Key.Item2 == NodeMarks.Primary ? "" : " dead end");
            merged[id] = [.. group];
            foreach (var report in group)
            {
                mergedInto[report] = id;
            }
        }

        string Target(string report) => mergedInto.GetValueOrDefault(report, report);

        // One box per independent origin, in the order the trace gives them; its primary sources inside.
        var clusters = ImmutableArray.CreateBuilder<DiagramCluster>();
        var clusterOfSource = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var origin in trace.IndependentOrigins.Groups)
        {
            var sources = origin.Sources.ToHashSet(StringComparer.Ordinal);
            var chains = trace.Chains.Count(c => c.End.Kind == ChainEndKind.PrimarySource && sources.Contains(c.End.Source));
            var label = TraceHeadline.Name(graph, origin);
            if (DiagramBuilder.Has(options, DotLabels.Counts))
            {
                label += chains == 1 ? " · 1 chain" : string.Create(CultureInfo.InvariantCulture, $" · {chains} chains");
            }

            foreach (var source in origin.Sources)
            {
                clusterOfSource[source] = clusters.Count;
            }

            clusters.Add(new DiagramCluster(origin.Affiliation ?? origin.Sources[0], DiagramBuilder.Cut(label, options)));
        }

        var reportClusters = new DiagramBuilder.Clusters(graph, DotClusterBy.None);
        var nodes = ImmutableArray.CreateBuilder<DiagramNode>(order.Count);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var report in order)
        {
            var target = Target(report);
            if (!written.Add(target))
            {
                continue;
            }

            var mark = marks[report];
            var source = graph.GetReport(report).Source;
            var cluster = mark.HasFlag(NodeMarks.Primary) && clusterOfSource.TryGetValue(source, out var k) ? k : -1;
            DiagramNode node;
            int chains;
            if (merged.TryGetValue(target, out var members))
            {
                node = MergedNode(graph, target, source, members, citedBy, firstHandElsewhere, mark, options) with { Cluster = cluster };
                chains = members.Sum(m => nodeChains[m]);
            }
            else
            {
                graph.TryGetReportIndex(report, out var r);
                node = DiagramBuilder.ReportNode(graph, r, mark, reportClusters, options) with { Cluster = cluster };
                if (firstHandElsewhere.TryGetValue(report, out var firstHand))
                {
                    node = node with { Tooltip = node.Tooltip + "\nfirst-hand in " + firstHand };
                }

                chains = nodeChains[report];
            }

            if (chains > 1 && DiagramBuilder.Has(options, DotLabels.Counts))
            {
                var count = string.Create(CultureInfo.InvariantCulture, $"{chains} chains");
                node = node with { Details = node.Details is null ? count : node.Details + " · " + count };
            }

            nodes.Add(node);
        }

        var edges = ImmutableArray.CreateBuilder<DiagramEdge>(edgeOrder.Count);
        foreach (var citation in edgeOrder.OrderBy(c => position[c]))
        {
            var mark = edgeMarks[citation];
            var chains = edgeChains[citation];
            var edge = DiagramBuilder.CitationEdge(citation, mark.HasFlag(EdgeMarks.Cycle), includeClaim: false, options);
            var label = edge.Label;
            if (chains > 1 && DiagramBuilder.Has(options, DotLabels.Counts))
            {
                var count = string.Create(CultureInfo.InvariantCulture, $"{chains} chains");
                label = label is null ? count : label + " · " + count;
            }

            edges.Add(edge with { To = Target(citation.To), Label = label, Weight = chains });
        }

        var title = (options.Title ?? claim.Text) + "\n" + TraceHeadline.Of(graph, trace);
        if (trace.OmittedChains > 0)
        {
            title += string.Create(CultureInfo.InvariantCulture, $"\n({(trace.OmittedChainsIsExact ? "" : "at least ")}{trace.OmittedChains} more chains not drawn)");
        }

        var diagramNodes = nodes.ToImmutable();
        var diagramEdges = edges.ToImmutable();
        var legend = options.ShowLegend
            ? DiagramBuilder.Used(DiagramBuilder.TraceLegend, diagramNodes, diagramEdges, clusters.Count > 0)
            : [];
        return new Diagram(title, clusters.ToImmutable(), diagramNodes, diagramEdges, legend);
    }

    private static DiagramNode MergedNode(
        CitationGraph graph,
        string id,
        string sourceId,
        List<string> reports,
        Dictionary<string, string> citedBy,
        Dictionary<string, string> firstHandElsewhere,
        NodeMarks mark,
        DotOptions options)
    {
        var source = graph.GetSource(sourceId);
        string? details = null;
        if (DiagramBuilder.Has(options, DotLabels.NodeDetails))
        {
            details = string.Create(CultureInfo.InvariantCulture, $"cited in {reports.Count} reports");
        }

        var tooltip = new List<string> { sourceId, "as cited by:" };
        foreach (var report in reports)
        {
            var line = "  " + citedBy[report];
            if (firstHandElsewhere.TryGetValue(report, out var firstHand))
            {
                line += " (first-hand in " + firstHand + ")";
            }

            tooltip.Add(line);
        }

        return new DiagramNode(id, DiagramBuilder.Cut(source.Name, options), details, string.Join("\n", tooltip), DiagramBuilder.Link(source.Url, options), mark, -1)
        {
            Custom = options.SourceStyle?.Invoke(source) is { } style ? Checked(style) : null,
        };
    }

    private static DotNodeStyle Checked(DotNodeStyle style)
    {
        style.Validate("DotOptions." + nameof(DotOptions.SourceStyle));
        return style;
    }
}
