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
        if (diagram.Title is not null)
        {
            graphAttributes.Text("label", diagram.Title).Set("labelloc", "t");
        }

        dot.Defaults("graph", graphAttributes);
        dot.Defaults("node", new DotAttributes().Set("fontname", theme.FontName).Number("fontsize", theme.FontSize));
        dot.Defaults("edge", new DotAttributes().Set("fontname", theme.FontName).Number("fontsize", theme.FontSize - 2));

        var names = new ClusterNames();
        var legendName = names.Add("legend");
        for (var k = 0; k < diagram.Clusters.Length; k++)
        {
            var cluster = diagram.Clusters[k];
            dot.BeginSubgraph(names.Add(cluster.Key));
            dot.Defaults("graph", new DotAttributes().Text("label", cluster.Label).Set("color", theme.ClusterColor).Set("style", "rounded"));
            foreach (var node in diagram.Nodes)
            {
                if (node.Cluster == k)
                {
                    dot.Node(node.Id, NodeAttributes(node, theme));
                }
            }

            dot.End();
        }

        foreach (var node in diagram.Nodes)
        {
            if (node.Cluster < 0)
            {
                dot.Node(node.Id, NodeAttributes(node, theme));
            }
        }

        var primaries = diagram.Nodes.Where(n => n.Marks.HasFlag(NodeMarks.Primary)).ToList();
        if (primaries.Count > 1)
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
            dot.Edge(edge.From, edge.To, EdgeAttributes(edge, theme));
        }

        if (!diagram.Legend.IsEmpty)
        {
            WriteLegend(dot, diagram, theme, legendName);
        }

        dot.End();
    }

    private static void WriteLegend(DotWriter dot, Diagram diagram, DotTheme theme, string name)
    {
        dot.BeginSubgraph(name);
        dot.Defaults("graph", new DotAttributes().Text("label", "Legend").Set("color", theme.ClusterColor).Set("style", "rounded"));
        for (var i = 0; i < diagram.Legend.Length; i++)
        {
            var entry = diagram.Legend[i];
            var id = LegendPrefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (entry.Node is { } nodeMarks)
            {
                var attributes = Style(new DotAttributes(), NodeStyle(nodeMarks, theme)).Text("label", entry.Text).Tooltip(entry.Text);
                dot.Node(id, attributes);
            }
            else if (entry.Edge is { } edgeMarks)
            {
                var point = new DotAttributes().Set("shape", "point").Number("width", 0.06).Set("color", theme.Edge.Color);
                dot.Node(id + " from", point);
                dot.Node(id + " to", point);
                var style = EdgeStyle(edgeMarks, theme);
                dot.Edge(id + " from", id + " to", Style(new DotAttributes(), style).Text("label", entry.Text).Tooltip(entry.Text));
            }
        }

        dot.End();
    }

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

        if (marks.HasFlag(EdgeMarks.Cycle))
        {
            style = style.Over(theme.CycleEdge);
        }

        return style;
    }

    private static DotAttributes NodeAttributes(DiagramNode node, DotTheme theme)
    {
        var attributes = Style(new DotAttributes(), NodeStyle(node.Marks, theme).Over(node.Custom));
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

    private static DotAttributes EdgeAttributes(DiagramEdge edge, DotTheme theme)
    {
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

    private static DotAttributes Style(DotAttributes attributes, DotNodeStyle style)
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

    private static DotAttributes Style(DotAttributes attributes, DotEdgeStyle style) =>
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
