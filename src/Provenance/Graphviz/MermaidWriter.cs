using System.Globalization;
using System.Text;

namespace Provenance.Graphviz;

/// <summary>
/// Writes a <see cref="Diagram"/> as a Mermaid flowchart. Node ids are generated (<c>n0</c>, <c>n1</c>, ...), never
/// taken from the model, so no id can collide with Mermaid keywords such as <c>end</c>; every text is a quoted
/// label with Mermaid's <c>#name;</c>/<c>#123;</c> entity escapes.
/// </summary>
internal static class MermaidWriter
{
    public static void Write(Diagram diagram, DotOptions options, TextWriter output)
    {
        var theme = options.Theme;
        var lines = new List<string>();
        if (diagram.Title is not null)
        {
            lines.Add("---");
            lines.Add("title: " + YamlQuoted(diagram.Title));
            lines.Add("---");
        }

        lines.Add("flowchart " + options.RankDirection switch
        {
            DotRankDirection.TopToBottom => "TB",
            DotRankDirection.RightToLeft => "RL",
            DotRankDirection.BottomToTop => "BT",
            _ => "LR",
        });

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < diagram.Nodes.Length; i++)
        {
            ids[diagram.Nodes[i].Id] = "n" + i.ToString(CultureInfo.InvariantCulture);
        }

        for (var k = 0; k < diagram.Clusters.Length; k++)
        {
            lines.Add("  subgraph c" + k.ToString(CultureInfo.InvariantCulture) + "[\"" + Text(diagram.Clusters[k].Label) + "\"]");
            foreach (var node in diagram.Nodes.Where(n => n.Cluster == k))
            {
                lines.Add("    " + NodeShape(ids[node.Id], Label(node), DotDiagramWriter.NodeStyle(node.Marks, theme).Over(node.Custom)));
            }

            lines.Add("  end");
        }

        foreach (var node in diagram.Nodes.Where(n => n.Cluster < 0))
        {
            lines.Add("  " + NodeShape(ids[node.Id], Label(node), DotDiagramWriter.NodeStyle(node.Marks, theme).Over(node.Custom)));
        }

        // Edge indexes, for linkStyle, count every edge in order of appearance, legend ones included.
        var edgeMarks = new List<EdgeMarks>();
        foreach (var edge in diagram.Edges)
        {
            lines.Add("  " + ids[edge.From] + " " + Arrow(edge.Marks, edge.Label) + " " + ids[edge.To]);
            edgeMarks.Add(edge.Marks);
        }

        var nodeMarks = diagram.Nodes.Select(n => (Id: ids[n.Id], n.Marks)).ToList();
        if (!diagram.Legend.IsEmpty)
        {
            lines.Add("  subgraph legend[\"Legend\"]");
            for (var i = 0; i < diagram.Legend.Length; i++)
            {
                var entry = diagram.Legend[i];
                var id = "legend" + i.ToString(CultureInfo.InvariantCulture);
                if (entry.Node is { } marks)
                {
                    lines.Add("    " + NodeShape(id, Text(entry.Text), DotDiagramWriter.NodeStyle(marks, theme)));
                    nodeMarks.Add((id, marks));
                }
                else if (entry.Edge is { } edge)
                {
                    lines.Add("    " + id + "a((\" \")) " + Arrow(edge, entry.Text) + " " + id + "b((\" \"))");
                    edgeMarks.Add(edge);
                }
            }

            lines.Add("  end");
        }

        foreach (var group in nodeMarks.GroupBy(n => n.Marks).OrderBy(g => (int)g.Key))
        {
            var style = DotDiagramWriter.NodeStyle(group.Key, theme);
            var name = "m" + ((int)group.Key).ToString(CultureInfo.InvariantCulture);
            lines.Add("  classDef " + name + " " + NodeCss(style));
            lines.Add("  class " + string.Join(",", group.Select(n => n.Id)) + " " + name);
        }

        foreach (var group in edgeMarks.Select((m, i) => (Marks: m, Index: i)).GroupBy(e => e.Marks).OrderBy(g => (int)g.Key))
        {
            var style = DotDiagramWriter.EdgeStyle(group.Key, theme);
            lines.Add("  linkStyle " + string.Join(",", group.Select(e => e.Index.ToString(CultureInfo.InvariantCulture))) + " " + EdgeCss(style));
        }

        foreach (var node in diagram.Nodes.Where(n => n.Custom is not null))
        {
            lines.Add("  style " + ids[node.Id] + " " + NodeCss(DotDiagramWriter.NodeStyle(node.Marks, theme).Over(node.Custom)));
        }

        for (var i = 0; i < diagram.Edges.Length; i++)
        {
            if (diagram.Edges[i].Custom is { } custom)
            {
                lines.Add("  linkStyle " + i.ToString(CultureInfo.InvariantCulture) + " " + EdgeCss(DotDiagramWriter.EdgeStyle(diagram.Edges[i].Marks, theme).Over(custom)));
            }
        }

        foreach (var node in diagram.Nodes)
        {
            if (Url(node.Url) is { } url)
            {
                lines.Add("  click " + ids[node.Id] + " href \"" + url + "\" \"" + Tooltip(node.Tooltip ?? node.Name) + "\" _blank");
            }
        }

        foreach (var line in lines)
        {
            output.Write(line);
            output.Write('\n');
        }
    }

    /// <summary>Free text for inside a quoted Mermaid label.</summary>
    internal static string Text(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("#quot;"); break;
                case '#': builder.Append("#35;"); break;
                case '&': builder.Append("#amp;"); break;
                case '<': builder.Append("#lt;"); break;
                case '>': builder.Append("#gt;"); break;
                case '`': builder.Append("#96;"); break;
                case '\r':
                    builder.Append("<br/>");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n': builder.Append("<br/>"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else
                    {
                        builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? (c == '\t' ? ' ' : '\uFFFD') : c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string Label(DiagramNode node)
    {
        var label = node.Name.Length > 0 ? "<b>" + Text(node.Name) + "</b>" : "";
        return string.IsNullOrEmpty(node.Details) ? label : label + "<br/>" + Text(node.Details);
    }

    private static string NodeShape(string id, string label, DotNodeStyle style)
    {
        var (open, close) = style.DoubleBorder == true
            ? ("[[", "]]")
            : style.Shape switch
            {
                DotShape.RoundedBox => ("(", ")"),
                DotShape.Ellipse => ("([", "])"),
                DotShape.Octagon or DotShape.Hexagon => ("{{", "}}"),
                DotShape.Note => ("[/", "/]"),
                DotShape.Cylinder => ("[(", ")]"),
                _ => ("[", "]"),
            };
        return id + open + "\"" + (label.Length == 0 ? " " : label) + "\"" + close;
    }

    private static string Arrow(EdgeMarks marks, string? label)
    {
        var arrow = marks.HasFlag(EdgeMarks.Cycle) ? "==>" : marks.HasFlag(EdgeMarks.Hedged) || marks.HasFlag(EdgeMarks.Inferred) ? "-.->" : "-->";
        return label is null ? arrow : arrow + "|\"" + Text(label) + "\"|";
    }

    private static string NodeCss(DotNodeStyle style) =>
        "fill:" + style.FillColor + ",stroke:" + style.BorderColor + ",stroke-width:" + Px(style.BorderWidth ?? 1) + Dash(style.BorderStyle) + ",color:" + style.FontColor;

    private static string EdgeCss(DotEdgeStyle style) =>
        "stroke:" + style.Color + ",stroke-width:" + Px(style.Width ?? 1) + Dash(style.LineStyle) + ",color:" + style.FontColor;

    private static string Px(double width) => DotWriter.Number(width) + "px";

    private static string Dash(DotLineStyle? style) => style switch
    {
        DotLineStyle.Dashed => ",stroke-dasharray:6 3",
        DotLineStyle.Dotted => ",stroke-dasharray:2 2",
        _ => "",
    };

    /// <summary>A link, percent-encoded; <c>"</c> and spaces never reach the quoted Mermaid string.</summary>
    private static string? Url(string? url)
    {
        var quoted = DotWriter.Url(url, DotOptions.LinkSchemes);
        return quoted?[1..^1].Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>A tooltip: Mermaid shows it as plain text, so no entities; quotes become apostrophes.</summary>
    private static string Tooltip(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => '\'',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    private static string YamlQuoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => " ",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
