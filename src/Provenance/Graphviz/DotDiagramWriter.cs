using System.Collections.Immutable;
using System.Text;

namespace Provenance.Graphviz;

/// <summary>Writes a <see cref="Diagram"/> as DOT through <see cref="DotWriter"/>.</summary>
internal static class DotDiagramWriter
{
    /// <summary>The prefix of legend node ids; model ids cannot contain a space, so these never clash with them.</summary>
    internal const string LegendPrefix = "legend ";

    public static void Write(Diagram diagram, DotOptions options, TextWriter output)
    {
        var theme = options.Theme;
        var dot = new DotWriter(output);
        BeginGraph(dot, diagram.Title, diagram.Legend, options);

        // The nodes of each cluster, in diagram order, found in one pass.
        var styles = new StyleCache(theme);
        var inCluster = new List<DiagramNode>?[diagram.Clusters.Length];
        foreach (var node in diagram.Nodes)
        {
            if (node.Cluster >= 0)
            {
                (inCluster[node.Cluster] ??= []).Add(node);
            }
        }

        var names = new ClusterNames();
        for (var k = 0; k < diagram.Clusters.Length; k++)
        {
            var cluster = diagram.Clusters[k];
            dot.BeginSubgraph(names.Add(cluster.Key));
            dot.Defaults("graph", new DotAttributes().Text("label", cluster.Label).Set("color", theme.ClusterColor).Set("style", "rounded"));
            foreach (var node in inCluster[k] ?? [])
            {
                dot.Node(node.Id, NodeAttributes(node, theme, styles));
            }

            dot.End();
        }

        foreach (var node in diagram.Nodes)
        {
            if (node.Cluster < 0)
            {
                dot.Node(node.Id, NodeAttributes(node, theme, styles));
            }
        }

        // Primary sources share a rank, unless one sits in a box: dot 2.43 fails ("trouble in init_rank") on some
        // graphs that rank nodes of different clusters together.
        var primaries = diagram.Nodes.Where(n => n.Marks.HasFlag(NodeMarks.Primary)).ToList();
        if (primaries.Count > 1 && primaries.All(n => n.Cluster < 0))
        {
            dot.BeginSubgraph(null);
            dot.Attribute("rank", "same");
            foreach (var node in primaries)
            {
                dot.Node(node.Id);
            }

            dot.End();
        }

        foreach (var edge in diagram.Edges)
        {
            dot.Edge(edge.From, edge.To, EdgeAttributes(edge, theme, styles));
        }

        dot.End();
    }

    /// <summary>Opens the drawing: <c>digraph "provenance" {</c> and the graph, node and edge defaults (title and legend in the graph label).</summary>
    internal static void BeginGraph(DotWriter dot, string? title, ImmutableArray<LegendEntry> legend, DotOptions options)
    {
        var theme = options.Theme;
        dot.BeginDigraph("provenance");
        var graphAttributes = new DotAttributes()
            .Set("rankdir", options.RankDirection switch
            {
                DotRankDirection.TopToBottom => "TB",
                DotRankDirection.RightToLeft => "RL",
                DotRankDirection.BottomToTop => "BT",
                _ => "LR",
            })
            .Set("newrank", "true")
            .Set("fontname", theme.FontName)
            .Number("fontsize", theme.FontSize + 2);
        if (!legend.IsEmpty)
        {
            // Title and legend share the graph label, above the drawing: the legend is one row of samples, so it
            // stays a thin strip whatever the drawing's size (BundledGraphDiagramTests measures it in dot's SVG).
            graphAttributes.HtmlLabel("label", TitleAndLegend(title, legend, theme)).Set("labelloc", "t").Set("labeljust", "l");
        }
        else if (title is not null)
        {
            graphAttributes.Text("label", title).Set("labelloc", "t");
        }

        dot.Defaults("graph", graphAttributes);
        dot.Defaults("node", new DotAttributes().Set("fontname", theme.FontName).Number("fontsize", theme.FontSize));
        dot.Defaults("edge", new DotAttributes().Set("fontname", theme.FontName).Number("fontsize", theme.FontSize - 2));
    }

    /// <summary>
    /// The graph label when there is a legend: the title, then one row with a sample and a text per legend entry, as an
    /// HTML-like table (one table, so the legend costs one line of height).
    /// </summary>
    private static string TitleAndLegend(string? title, ImmutableArray<LegendEntry> legend, DotTheme theme)
    {
        var small = DotWriter.Number(Math.Max(4, theme.FontSize - 3));
        var html = new StringBuilder("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"2\"><TR>");
        if (title is not null)
        {
            html.Append("<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\">").Append(DotWriter.Html(title)).Append("</TD><TD WIDTH=\"12\"></TD>");
        }

        // Beside the title, in two rows when there are more than four entries: the legend then adds no height to the
        // drawing and half the width a single row would.
        html.Append("<TD VALIGN=\"TOP\"><TABLE BORDER=\"1\" COLOR=\"").Append(Attribute(theme.ClusterColor))
            .Append("\" BGCOLOR=\"#FFFFFF\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"1\">");
        var perRow = legend.Length > 4 ? (legend.Length + 1) / 2 : legend.Length;
        for (var i = 0; i < legend.Length; i++)
        {
            var entry = legend[i];
            if (i % perRow == 0)
            {
                html.Append(i == 0 ? "<TR>" : "</TR><TR>");
            }

            html.Append(Sample(entry, theme, small))
                .Append("<TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"").Append(small).Append("\">").Append(DotWriter.Html(entry.Text)).Append("</FONT></TD>");
        }

        return html.Append("</TR></TABLE></TD></TR></TABLE>").ToString();
    }

    /// <summary>A legend entry's sample cell: a node's fill, border and shape name; an edge's line; a box's outline.</summary>
    private static string Sample(LegendEntry entry, DotTheme theme, string small)
    {
        if (entry.Node is { } marks)
        {
            var style = NodeStyle(marks, theme);
            var styles = new List<string>();
            if (style.Shape is DotShape.RoundedBox)
            {
                styles.Add("rounded");
            }

            if (LineStyle(style.BorderStyle) is { } line)
            {
                styles.Add(line);
            }

            var shape = (style.DoubleBorder == true ? "double " : "") + style.Shape switch
            {
                DotShape.Ellipse => "ellipse",
                DotShape.Octagon => "octagon",
                DotShape.Hexagon => "hexagon",
                DotShape.Note => "note",
                DotShape.Cylinder => "cylinder",
                DotShape.RoundedBox => "rounded",
                _ => "box",
            };
            return "<TD BORDER=\"" + DotWriter.Number(Math.Clamp(Math.Round(style.BorderWidth ?? 1), 1, 4)) + "\" BGCOLOR=\"" + Attribute(style.FillColor!)
                + "\" COLOR=\"" + Attribute(style.BorderColor!) + "\"" + (styles.Count > 0 ? " STYLE=\"" + string.Join(",", styles) + "\"" : "")
                + "><FONT POINT-SIZE=\"" + small + "\" COLOR=\"" + Attribute(style.FontColor!) + "\">" + shape + "</FONT></TD>";
        }

        if (entry.Edge is { } edgeMarks)
        {
            var style = EdgeStyle(edgeMarks, theme);
            var line = style.LineStyle switch
            {
                DotLineStyle.Dashed => "- - -&#9654;",
                DotLineStyle.Dotted => "&#183;&#183;&#183;&#9654;",
                _ => "&#8212;&#8212;&#9654;",
            };
            var text = "<FONT POINT-SIZE=\"" + small + "\" COLOR=\"" + Attribute(style.Color!) + "\">" + line + "</FONT>";
            return "<TD>" + (style.Width >= 2 ? "<B>" + text + "</B>" : text) + "</TD>";
        }

        return "<TD BORDER=\"1\" COLOR=\"" + Attribute(theme.ClusterColor) + "\" STYLE=\"rounded\"><FONT POINT-SIZE=\"" + small + "\" COLOR=\"" + Attribute(theme.ClusterColor) + "\"> box </FONT></TD>";
    }

    /// <summary>A theme colour inside an HTML-like attribute; <see cref="DotTheme.Validate"/> allows only <c>#hex</c> and names, which need no escaping.</summary>
    private static string Attribute(string color) => DotWriter.Html(color);

    internal static DotNodeStyle NodeStyle(NodeMarks marks, DotTheme theme)
    {
        var style = theme.Node;
        if (marks.HasFlag(NodeMarks.Implicit))
        {
            style = style.Over(theme.Implicit);
        }

        if (marks.HasFlag(NodeMarks.Asserting))
        {
            style = style.Over(theme.Asserting);
        }

        if (marks.HasFlag(NodeMarks.Unattributed))
        {
            style = style.Over(theme.Unattributed);
        }

        if (marks.HasFlag(NodeMarks.DeadEnd))
        {
            style = style.Over(theme.DeadEnd);
        }

        if (marks.HasFlag(NodeMarks.Primary))
        {
            style = style.Over(theme.Primary);
        }

        if (marks.HasFlag(NodeMarks.Cycle))
        {
            style = style.Over(theme.Cycle);
        }

        return style;
    }

    internal static DotEdgeStyle EdgeStyle(EdgeMarks marks, DotTheme theme)
    {
        var style = theme.Edge;
        if (marks.HasFlag(EdgeMarks.Hedged))
        {
            style = style.Over(theme.Hedged);
        }

        if (marks.HasFlag(EdgeMarks.Inferred))
        {
            style = style.Over(theme.Inferred);
        }

        if (marks.HasFlag(EdgeMarks.Cycle))
        {
            style = style.Over(theme.CycleEdge);
        }

        return style;
    }

    /// <summary>The style attributes of each combination of marks, made once per drawing (for nodes and edges without a hook's style).</summary>
    private sealed class StyleCache(DotTheme theme)
    {
        private readonly Dictionary<NodeMarks, IReadOnlyList<(string, string)>> nodes = [];
        private readonly Dictionary<EdgeMarks, IReadOnlyList<(string, string)>> edges = [];

        public IReadOnlyList<(string, string)> Node(NodeMarks marks)
        {
            if (!nodes.TryGetValue(marks, out var items))
            {
                nodes[marks] = items = Style(new DotAttributes(), NodeStyle(marks, theme)).Items;
            }

            return items;
        }

        public IReadOnlyList<(string, string)> Edge(EdgeMarks marks)
        {
            if (!edges.TryGetValue(marks, out var items))
            {
                edges[marks] = items = Style(new DotAttributes(), EdgeStyle(marks, theme)).Items;
            }

            return items;
        }
    }

    private static DotAttributes NodeAttributes(DiagramNode node, DotTheme theme, StyleCache styles)
    {
        var attributes = node.Custom is null
            ? new DotAttributes().AddRange(styles.Node(node.Marks))
            : Style(new DotAttributes(), NodeStyle(node.Marks, theme).Over(node.Custom));
        var label = new StringBuilder();
        if (node.Name.Length > 0)
        {
            label.Append("<B>").Append(DotWriter.Html(node.Name)).Append("</B>");
        }

        if (!string.IsNullOrEmpty(node.Details))
        {
            label.Append("<BR/><FONT POINT-SIZE=\"").Append(DotWriter.Number(theme.FontSize - 2)).Append("\">")
                .Append(DotWriter.Html(node.Details)).Append("</FONT>");
        }

        attributes.HtmlLabel("label", label.ToString()).Tooltip(node.Tooltip);
        if (DotWriter.Url(node.Url, DotOptions.LinkSchemes) is { } url)
        {
            attributes.Raw("URL", url).Set("target", "_blank");
        }

        return attributes;
    }

    private static DotAttributes EdgeAttributes(DiagramEdge edge, DotTheme theme, StyleCache styles)
    {
        if (edge.Custom is null && edge.Weight <= 1)
        {
            return new DotAttributes().AddRange(styles.Edge(edge.Marks)).Text("label", edge.Label).Tooltip(edge.Tooltip);
        }

        var style = EdgeStyle(edge.Marks, theme).Over(edge.Custom);
        if (edge.Weight > 1)
        {
            // Heavier pairs draw thicker (logarithmically) and pull their ends closer.
            style = style.Over(new DotEdgeStyle { Width = Math.Min(20, style.Width!.Value + Math.Log2(edge.Weight)) });
        }

        var attributes = Style(new DotAttributes(), style).Text("label", edge.Label).Tooltip(edge.Tooltip);
        if (edge.Weight > 1)
        {
            attributes.Number("weight", edge.Weight);
        }

        return attributes;
    }

    internal static DotAttributes Style(DotAttributes attributes, DotNodeStyle style)
    {
        var styles = new List<string> { "filled" };
        if (style.Shape == DotShape.RoundedBox)
        {
            styles.Add("rounded");
        }

        if (LineStyle(style.BorderStyle) is { } line)
        {
            styles.Add(line);
        }

        return attributes
            .Set("shape", style.Shape switch
            {
                DotShape.Ellipse => "ellipse",
                DotShape.Octagon => "octagon",
                DotShape.Hexagon => "hexagon",
                DotShape.Note => "note",
                DotShape.Cylinder => "cylinder",
                _ => "box",
            })
            .Set("style", string.Join(",", styles))
            .Set("fillcolor", style.FillColor)
            .Set("color", style.BorderColor)
            .Number("penwidth", style.BorderWidth ?? 1)
            .Number("peripheries", style.DoubleBorder == true ? 2 : 1)
            .Set("fontcolor", style.FontColor);
    }

    internal static DotAttributes Style(DotAttributes attributes, DotEdgeStyle style) =>
        attributes
            .Set("color", style.Color)
            .Set("style", LineStyle(style.LineStyle) ?? "solid")
            .Number("penwidth", style.Width ?? 1)
            .Set("fontcolor", style.FontColor);

    private static string? LineStyle(DotLineStyle? style) => style switch
    {
        DotLineStyle.Dashed => "dashed",
        DotLineStyle.Dotted => "dotted",
        _ => null,
    };

    /// <summary>Unique cluster subgraph names: <c>cluster_</c> plus the key with everything but ASCII letters, digits and <c>_</c> as <c>_</c>, numbered on a clash.</summary>
    internal sealed class ClusterNames
    {
        private readonly HashSet<string> taken = new(StringComparer.Ordinal);

        public string Add(string key)
        {
            var builder = new StringBuilder("cluster_");
            foreach (var c in key)
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }

            var name = builder.ToString();
            var candidate = name;
            for (var i = 2; !taken.Add(candidate); i++)
            {
                candidate = name + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
