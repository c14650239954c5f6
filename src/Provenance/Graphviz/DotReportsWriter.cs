using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Provenance.Storage;

namespace Provenance.Graphviz;

/// <summary>
/// Writes the report view (<see cref="DotView.Reports"/>) as DOT straight from the graph's columns: the same text
/// <see cref="DotDiagramWriter"/> writes for <see cref="DiagramBuilder"/>'s diagram of the view, without a record, a
/// diagram node or edge, or an attribute list per element.
/// </summary>
/// <remarks>
/// Every report's id is escaped once into one string; titles, URLs and evidence are decoded from the graph's UTF-8
/// store into a reused buffer; the style attributes are formatted once per combination of marks; each statement is
/// assembled in one reused <see cref="StringBuilder"/> that is handed to the writer in large pieces. Styling hooks are
/// called first, in the diagram builder's order (every report, then every citation), so that a hook that fails does so
/// before anything is written.
/// </remarks>
internal static class DotReportsWriter
{
    private const int FlushAt = 32 * 1024;

    public static void Write(CitationGraph graph, DotOptions options, TextWriter output)
    {
        var theme = options.Theme;
        var reports = graph.Reports.Length;
        var citations = graph.Citations.Length;
        var cycle = DiagramMarks.CycleCitations(graph);
        var marks = DiagramMarks.Reports(graph, cycle);
        var clusters = new DiagramBuilder.Clusters(graph, options.ClusterBy);

        DotNodeStyle?[]? reportStyles = null;
        if (options.ReportStyle is { } reportHook)
        {
            reportStyles = new DotNodeStyle?[reports];
            for (var r = 0; r < reports; r++)
            {
                reportStyles[r] = DiagramBuilder.Hook(reportHook, graph.Reports[r], nameof(DotOptions.ReportStyle));
            }
        }

        DotEdgeStyle?[]? citationStyles = null;
        if (options.CitationStyle is { } citationHook)
        {
            citationStyles = new DotEdgeStyle?[citations];
            for (var c = 0; c < citations; c++)
            {
                citationStyles[c] = DiagramBuilder.Hook(citationHook, graph.CitationAt(c), nameof(DotOptions.CitationStyle));
            }
        }

        var ids = EscapedIds(graph, out var idStart);
        var legend = ImmutableArray<LegendEntry>.Empty;
        if (options.ShowLegend)
        {
            var nodeMarks = 0UL;
            foreach (var m in marks)
            {
                nodeMarks |= 1UL << (int)m;
            }

            var edgeMarks = 0U;
            for (var c = 0; c < citations; c++)
            {
                edgeMarks |= 1U << (int)MarksOf(graph, cycle, c);
            }

            legend = DiagramBuilder.Used(DiagramBuilder.ReportsLegendFor(options), nodeMarks, edgeMarks, false);
        }

        var dot = new DotWriter(output);
        DotDiagramWriter.BeginGraph(dot, options.Title, legend, options);
        var state = new State(graph, options, output, marks, ids, idStart, reportStyles);

        // The reports of each cluster, in report order: a counting sort by cluster.
        var clusterStart = new int[clusters.List.Length + 1];
        for (var r = 0; r < reports; r++)
        {
            if (clusters.Of(graph.ReportSource[r]) is var k and >= 0)
            {
                clusterStart[k + 1]++;
            }
        }

        for (var k = 0; k < clusters.List.Length; k++)
        {
            clusterStart[k + 1] += clusterStart[k];
        }

        var members = new int[clusterStart[^1]];
        var next = clusterStart[..^1];
        for (var r = 0; r < reports; r++)
        {
            if (clusters.Of(graph.ReportSource[r]) is var k and >= 0)
            {
                members[next[k]++] = r;
            }
        }

        var names = new DotDiagramWriter.ClusterNames();
        for (var k = 0; k < clusters.List.Length; k++)
        {
            var cluster = clusters.List[k];
            dot.BeginSubgraph(names.Add(cluster.Key));
            dot.Defaults("graph", new DotAttributes().Text("label", cluster.Label).Set("color", theme.ClusterColor).Set("style", "rounded"));
            for (var i = clusterStart[k]; i < clusterStart[k + 1]; i++)
            {
                state.Node(members[i], "    ");
            }

            state.Flush();
            dot.End();
        }

        var primaries = 0;
        var primaryInCluster = false;
        for (var r = 0; r < reports; r++)
        {
            if (clusters.Of(graph.ReportSource[r]) < 0)
            {
                state.Node(r, "  ");
            }

            if ((marks[r] & NodeMarks.Primary) != 0)
            {
                primaries++;
                primaryInCluster |= clusters.Of(graph.ReportSource[r]) >= 0;
            }
        }

        state.Flush();

        // Primary sources share a rank, unless one sits in a box (see DotDiagramWriter).
        if (primaries > 1 && !primaryInCluster)
        {
            dot.BeginSubgraph(null);
            dot.Attribute("rank", "same");
            for (var r = 0; r < reports; r++)
            {
                if ((marks[r] & NodeMarks.Primary) != 0)
                {
                    state.Line.Append("    ").Append(ids, idStart[r], idStart[r + 1] - idStart[r]).Append(";\n");
                    state.FlushIfFull();
                }
            }

            state.Flush();
            dot.End();
        }

        for (var c = 0; c < citations; c++)
        {
            state.Edge(c, MarksOf(graph, cycle, c), citationStyles?[c]);
        }

        state.Flush();
        dot.End();
    }

    private static EdgeMarks MarksOf(CitationGraph graph, bool[] cycle, int c) =>
        (graph.HedgeOf(c) != Hedge.None ? EdgeMarks.Hedged : EdgeMarks.None)
        | (graph.KindOf(c) == CitationKind.Inferred ? EdgeMarks.Inferred : EdgeMarks.None)
        | (cycle[c] ? EdgeMarks.Cycle : EdgeMarks.None);

    /// <summary>Every report's id as a DOT id (<see cref="DotWriter.Id"/>), one after another; report <c>r</c>'s runs from <paramref name="start"/>[r] to [r + 1].</summary>
    private static string EscapedIds(CitationGraph graph, out int[] start)
    {
        var reports = graph.Reports.Length;
        start = new int[reports + 1];
        // Sized for ids without quotes (model ids have none), so that the builder is one array, not many small chunks.
        var total = 0L;
        for (var r = 0; r < reports; r++)
        {
            total += graph.ReportIdLength(r) + 2;
        }

        var builder = new StringBuilder((int)Math.Min(total, Array.MaxLength / 2));
        var scratch = new char[64];
        for (var r = 0; r < reports; r++)
        {
            var length = graph.ReportIdLength(r);
            if (scratch.Length < length)
            {
                scratch = new char[Math.Max(length, scratch.Length * 2)];
            }

            graph.CopyReportId(r, scratch);
            DotWriter.AppendId(builder, scratch.AsSpan(0, length));
            start[r + 1] = builder.Length;
        }

        return builder.ToString();
    }

    /// <summary>The buffers and per-drawing constants of one write.</summary>
    private sealed class State
    {
        private readonly CitationGraph graph;
        private readonly DotOptions options;
        private readonly DotTheme theme;
        private readonly TextWriter output;
        private readonly NodeMarks[] marks;
        private readonly string ids;
        private readonly int[] idStart;
        private readonly DotNodeStyle?[]? reportStyles;
        private readonly TextPool text;
        private readonly string?[] nodeStyles = new string?[64];
        private readonly string?[] edgeStyles = new string?[8];
        private readonly string[] sourceLabels;
        private readonly string detailsFont;
        private readonly bool details;
        private readonly bool claims;
        private readonly bool kinds;
        private readonly bool hedges;
        private readonly bool http;
        private readonly bool https;
        private readonly CharBuffer raw = new();
        private readonly CharBuffer decoded = new();

        public State(CitationGraph graph, DotOptions options, TextWriter output, NodeMarks[] marks, string ids, int[] idStart, DotNodeStyle?[]? reportStyles)
        {
            this.graph = graph;
            this.options = options;
            theme = options.Theme;
            this.output = output;
            this.marks = marks;
            this.ids = ids;
            this.idStart = idStart;
            this.reportStyles = reportStyles;
            text = graph.Text;
            details = DiagramBuilder.Has(options, DotLabels.NodeDetails);
            claims = DiagramBuilder.Has(options, DotLabels.Claims);
            kinds = DiagramBuilder.Has(options, DotLabels.CitationKinds);
            hedges = DiagramBuilder.Has(options, DotLabels.Hedges);
            http = DotOptions.LinkSchemes.Contains("http", StringComparer.OrdinalIgnoreCase);
            https = DotOptions.LinkSchemes.Contains("https", StringComparer.OrdinalIgnoreCase);
            detailsFont = DotWriter.Number(theme.FontSize - 2);
            sourceLabels = new string[graph.Sources.Length];
            for (var s = 0; s < sourceLabels.Length; s++)
            {
                var name = DiagramBuilder.Cut(graph.Sources[s].Name, options);
                sourceLabels[s] = name.Length > 0 ? "<B>" + DotWriter.Html(name) + "</B>" : "";
            }
        }

        /// <summary>The statement being assembled (and those before it, until <see cref="Flush"/>).</summary>
        public StringBuilder Line { get; } = new(FlushAt + 4096);

        public void FlushIfFull()
        {
            if (Line.Length >= FlushAt)
            {
                Flush();
            }
        }

        public void Flush()
        {
            if (Line.Length > 0)
            {
                output.Write(Line);
                Line.Clear();
            }
        }

        /// <summary>Report <paramref name="r"/>'s node statement, as <see cref="DotDiagramWriter"/> writes <see cref="DiagramBuilder.ReportNode"/>'s node.</summary>
        public void Node(int r, string indent)
        {
            var line = Line;
            var mark = marks[r];
            var (titleRef, urlRef, _) = graph.ReportTextRefs(r);
            var published = graph.Published(r);
            var citedIn = graph.CitedIn(r);
            var title = titleRef >= 0 ? Decode(titleRef) : default;
            line.Append(indent).Append(ids, idStart[r], idStart[r + 1] - idStart[r]).Append(" [");
            if (reportStyles?[r] is { } custom)
            {
                AppendItems(line, DotDiagramWriter.Style(new DotAttributes(), DotDiagramWriter.NodeStyle(mark, theme).Over(custom)).Items);
            }
            else
            {
                line.Append(nodeStyles[(int)mark] ??= Format(DotDiagramWriter.Style(new DotAttributes(), DotDiagramWriter.NodeStyle(mark, theme)).Items));
            }

            line.Append(", label=<").Append(sourceLabels[graph.ReportSource[r]]);
            if (details)
            {
                raw.Clear();
                if (titleRef >= 0)
                {
                    raw.AppendCut(title, options.MaxLabelLength);
                    raw.Append('\n');
                }

                if (citedIn >= 0)
                {
                    raw.Append("cited in ");
                    raw.AppendReportId(graph, citedIn);
                }
                else
                {
                    raw.Append(ProvenanceNames.Of(graph.ReportKindOf(r)));
                    if (published is { } date)
                    {
                        raw.Append(" · ");
                        raw.AppendDate(date, "yyyy-MM-dd");
                    }
                }

                line.Append("<BR/><FONT POINT-SIZE=\"").Append(detailsFont).Append("\">");
                DotWriter.AppendHtml(line, raw.Span).Append("</FONT>");
            }

            line.Append(">, tooltip=");
            raw.Clear();
            raw.AppendReportId(graph, r);
            if (titleRef >= 0)
            {
                raw.Append('\n');
                raw.Append(title);
            }

            if (published is { } when)
            {
                raw.Append('\n');
                raw.AppendDate(when, "yyyy-MM-dd'T'HH:mm:sszzz");
            }

            DotWriter.AppendTooltip(line, raw.Span);
            if (options.Links && urlRef >= 0)
            {
                var url = Decode(urlRef);
                if (DotWriter.IsCanonicalWebUrl(url, http, https))
                {
                    line.Append(", URL=\"").Append(url).Append("\", target=\"_blank\"");
                }
                else if (DotWriter.UrlByUri(text[urlRef], DotOptions.LinkSchemes) is { } escaped)
                {
                    line.Append(", URL=").Append(escaped).Append(", target=\"_blank\"");
                }
            }

            line.Append("];\n");
            FlushIfFull();
        }

        /// <summary>Citation <paramref name="c"/>'s edge statement, as <see cref="DotDiagramWriter"/> writes <see cref="DiagramBuilder.CitationEdge"/>'s edge.</summary>
        public void Edge(int c, EdgeMarks mark, DotEdgeStyle? custom)
        {
            var line = Line;
            var from = graph.CitationFrom[c];
            var to = graph.CitationTo[c];
            line.Append("  ").Append(ids, idStart[from], idStart[from + 1] - idStart[from]).Append(" -> ")
                .Append(ids, idStart[to], idStart[to + 1] - idStart[to]).Append(" [");
            if (custom is not null)
            {
                AppendItems(line, DotDiagramWriter.Style(new DotAttributes(), DotDiagramWriter.EdgeStyle(mark, theme).Over(custom)).Items);
            }
            else
            {
                line.Append(edgeStyles[(int)mark] ??= Format(DotDiagramWriter.Style(new DotAttributes(), DotDiagramWriter.EdgeStyle(mark, theme)).Items));
            }

            var hedge = graph.HedgeOf(c);
            raw.Clear();
            var parts = 0;
            if (claims)
            {
                raw.Append(graph.ClaimId(graph.CitationClaim[c]));
                parts++;
            }

            if (kinds)
            {
                if (parts++ > 0)
                {
                    raw.Append(" · ");
                }

                raw.Append(ProvenanceNames.Of(graph.KindOf(c)));
            }

            if (hedges && hedge != Hedge.None)
            {
                if (parts++ > 0)
                {
                    raw.Append(" · ");
                }

                raw.Append(ProvenanceNames.Of(hedge));
            }

            if (parts > 0)
            {
                raw.CutTo(options.MaxLabelLength);
                line.Append(", label=");
                DotWriter.AppendEscString(line, raw.Span);
            }

            if (options.EvidenceTooltips && graph.EvidenceRef(c) is var evidence and >= 0 && Decode(evidence) is { Length: > 0 } tooltip)
            {
                line.Append(", tooltip=");
                DotWriter.AppendTooltip(line, tooltip);
            }

            line.Append("];\n");
            FlushIfFull();
        }

        /// <summary>Text <paramref name="reference"/> (not <see cref="TextPool.None"/>) as characters, valid until the next call.</summary>
        private ReadOnlySpan<char> Decode(int reference)
        {
            if (!text.TryGetUtf8(reference, out var utf8))
            {
                return text[reference];
            }

            decoded.Clear();
            return decoded.AppendUtf8(utf8);
        }

        private static string Format(IReadOnlyList<(string Name, string Value)> items)
        {
            var builder = new StringBuilder();
            AppendItems(builder, items);
            return builder.ToString();
        }

        private static void AppendItems(StringBuilder builder, IReadOnlyList<(string Name, string Value)> items)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                builder.Append(items[i].Name).Append('=').Append(items[i].Value);
            }
        }
    }

    /// <summary>A reused, growable run of characters.</summary>
    private sealed class CharBuffer
    {
        private char[] chars = new char[256];
        private int length;

        public ReadOnlySpan<char> Span => chars.AsSpan(0, length);

        public void Clear() => length = 0;

        public void Append(char c)
        {
            Reserve(1);
            chars[length++] = c;
        }

        public void Append(ReadOnlySpan<char> text)
        {
            Reserve(text.Length);
            text.CopyTo(chars.AsSpan(length));
            length += text.Length;
        }

        /// <summary>Appends <paramref name="text"/> cut as <see cref="DiagramBuilder.Cut"/> cuts it.</summary>
        public void AppendCut(ReadOnlySpan<char> text, int max)
        {
            var start = length;
            Append(text);
            CutFrom(start, max);
        }

        /// <summary>Cuts the whole buffer as <see cref="DiagramBuilder.Cut"/> cuts a label.</summary>
        public void CutTo(int max) => CutFrom(0, max);

        public ReadOnlySpan<char> AppendUtf8(ReadOnlySpan<byte> utf8)
        {
            var start = length;
            Reserve(utf8.Length);
            length += Encoding.UTF8.GetChars(utf8, chars.AsSpan(length));
            return chars.AsSpan(start, length - start);
        }

        public void AppendReportId(CitationGraph graph, int report)
        {
            Reserve(graph.ReportIdLength(report));
            length += graph.CopyReportId(report, chars.AsSpan(length));
        }

        public void AppendDate(DateTimeOffset date, string format)
        {
            Reserve(64);
            if (!date.TryFormat(chars.AsSpan(length), out var written, format, CultureInfo.InvariantCulture))
            {
                throw new InvalidOperationException("A formatted date did not fit its buffer.");
            }

            length += written;
        }

        private void CutFrom(int start, int max)
        {
            if (length - start <= max)
            {
                return;
            }

            var keep = max - 1;
            if (keep > 0 && char.IsHighSurrogate(chars[start + keep - 1]))
            {
                keep--;
            }

            length = start + keep;
            Append('…');
        }

        private void Reserve(int more)
        {
            if (chars.Length - length < more)
            {
                Array.Resize(ref chars, Math.Max(chars.Length * 2, length + more));
            }
        }
    }
}
