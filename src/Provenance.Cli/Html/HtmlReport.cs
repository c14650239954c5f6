using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Provenance.Graphviz;

namespace Provenance.Cli.Html;

/// <summary>
/// The report as one self-contained HTML file (<c>provenance report --format html</c>): inline SVG diagrams drawn by dot,
/// inline CSS (with a print stylesheet) and a little inline JavaScript for sorting, filtering and pan and zoom (the vendored
/// svg-pan-zoom, BSD-licensed, its licence kept beside it in the file). Nothing is fetched: a Content-Security-Policy
/// forbids every network load, and the page reads in full with scripts off.
/// </summary>
internal static partial class HtmlReport
{
    /// <summary>Writes the report of <paramref name="graph"/>; <paramref name="svg"/> turns a DOT text into dot's SVG.</summary>
    public static string Write(CitationGraph graph, string graphName, Func<string, string> svg)
    {
        var html = new StringBuilder();
        var anchors = Anchors(graph);
        var implicitReports = graph.Reports.Count(r => r.IsImplicit);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Provenance report: ").Append(E(graphName)).Append("</title>\n")
            .Append("<style>\n").Append(Resource("report.css")).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>Provenance report: ").Append(E(graphName)).Append("</h1>\n<p class=\"muted\">")
            .Append(E(string.Create(CultureInfo.InvariantCulture, $"{graph.Sources.Length} sources, {graph.Claims.Length} claims, {graph.Reports.Length - implicitReports} reports ({implicitReports} implicit), {graph.Citations.Length} citations.")))
            .Append(" Independent origins count the distinct affiliation groups among a claim's primary sources (a source without affiliation is its own group).</p>\n</header>\n");

        var traces = graph.Claims.Select(c => graph.Trace(c.Id)).ToList();
        var hidden = graph.HiddenRelays();
        ClaimsTable(html, graph, traces, anchors);

        html.Append("<section id=\"sources\">\n<h2>Who cites whom</h2>\n");
        Diagram(html, svg(graph.ToDot(DotView.Sources, DiagramSetOptions.DefaultSourcesOptions())), "sources", "Who cites whom: one node per source, boxed by affiliation");
        html.Append("</section>\n");

        for (var i = 0; i < graph.Claims.Length; i++)
        {
            ClaimSection(html, graph, graph.Claims[i], traces[i], anchors[graph.Claims[i].Id], svg, hidden);
        }

        html.Append("<footer>Written by provenance ").Append(E(Version())).Append(". Pan and zoom by svg-pan-zoom 3.6.2 (BSD 2-Clause; licence in this file's script).</footer>\n");
        html.Append("<script>\n/*\nsvg-pan-zoom 3.6.2\n").Append(Resource("svg-pan-zoom.LICENSE").Replace("*/", "* /", StringComparison.Ordinal)).Append("*/\n")
            .Append(Resource("svg-pan-zoom.min.js")).Append("\n</script>\n<script>\n").Append(Resource("report.js")).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void ClaimsTable(StringBuilder html, CitationGraph graph, List<TraceResult> traces, Dictionary<string, string> anchors)
    {
        html.Append("<section id=\"claims-section\">\n<h2>Claims</h2>\n")
            .Append("<div id=\"controls\" hidden>\n<input type=\"search\" id=\"filter-text\" placeholder=\"Filter claims by text, id or origin\" aria-label=\"Filter claims by text\">\n")
            .Append("<label>Independent origins <select id=\"filter-origins\"><option value=\"\">any</option><option value=\"0\">0</option><option value=\"1\">1</option><option value=\"2+\">2 or more</option></select></label>\n")
            .Append("<label><input type=\"checkbox\" id=\"filter-dead-ends\"> only claims with dead ends</label>\n<span id=\"filter-count\" class=\"muted\"></span>\n</div>\n")
            .Append("<table id=\"claims\">\n<thead><tr><th>Claim</th><th class=\"number\">Chains</th><th class=\"number\">Independent origins</th><th>Origins</th><th class=\"number\">Dead ends</th><th class=\"number\">Drift</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < graph.Claims.Length; i++)
        {
            var claim = graph.Claims[i];
            var trace = traces[i];
            var origins = trace.IndependentOrigins.Groups.Select(g => OriginName(graph, g)).ToList();
            var deadEnds = trace.Chains.Count(c => c.End.Kind == ChainEndKind.DeadEnd);
            var drift = graph.Drift(claim.Id).Count(d => d.Changed > 0) + graph.RelayDrift(claim.Id).Pairs.Count(d => d.Changed > 0);
            var search = (claim.Id + " " + claim.Text + " " + string.Join(" ", origins)).ToLowerInvariant();
            html.Append("<tr data-origins=\"").Append(N(trace.IndependentOrigins.Count)).Append("\" data-dead-ends=\"").Append(N(deadEnds))
                .Append("\" data-text=\"").Append(E(search)).Append("\">")
                .Append("<td data-sort=\"").Append(E(claim.Text)).Append("\"><a href=\"#").Append(anchors[claim.Id]).Append("\">").Append(E(claim.Text)).Append("</a> <span class=\"claim-id\">").Append(E(claim.Id)).Append("</span></td>")
                .Append("<td class=\"number\">").Append(N(trace.Chains.Length + trace.OmittedChains)).Append("</td>")
                .Append("<td class=\"number\">").Append(N(trace.IndependentOrigins.Count)).Append("</td>")
                .Append("<td>").Append(origins.Count == 0 ? "none" : E(string.Join(", ", origins))).Append("</td>")
                .Append("<td class=\"number\">").Append(N(deadEnds)).Append("</td>")
                .Append("<td class=\"number\">").Append(N(drift)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void ClaimSection(StringBuilder html, CitationGraph graph, Claim claim, TraceResult trace, string anchor, Func<string, string> svg, HiddenRelaysResult hidden)
    {
        html.Append("<section class=\"claim\" id=\"").Append(anchor).Append("\">\n<h2>").Append(E(claim.Text)).Append("</h2>\n")
            .Append("<p class=\"claim-id\">Claim <code>").Append(E(claim.Id)).Append("</code> · <a href=\"#claims-section\">back to the claims</a></p>\n")
            .Append("<p class=\"headline\">").Append(E(TraceHeadline.Of(graph, trace))).Append(".</p>\n");
        var options = DiagramSetOptions.DefaultTraceOptions();
        options.Title = claim.Id + ": " + claim.Text;
        Diagram(html, svg(graph.ToDot(DotView.ClaimTrace(claim.Id), options)), anchor, "Trace of claim " + claim.Id);

        html.Append("<h3>Chains</h3>\n");
        if (trace.Chains.IsEmpty)
        {
            html.Append("<p>None: no report asserts this claim.</p>\n");
        }
        else
        {
            html.Append("<ol class=\"chains\">\n");
            foreach (var chain in trace.Chains)
            {
                html.Append("<li>").Append(ReportLink(graph, chain.Report)).Append("\n<ol class=\"hops\">\n");
                foreach (var hop in chain.Hops)
                {
                    html.Append("<li>").Append(E(ProvenanceNames.Of(hop.Kind)));
                    if (hop.Hedge != Hedge.None)
                    {
                        html.Append(", <em>").Append(E(ProvenanceNames.Of(hop.Hedge))).Append("</em>");
                    }

                    html.Append(": ").Append(ReportLink(graph, hop.To));
                    if (!string.IsNullOrEmpty(hop.Evidence))
                    {
                        html.Append("<blockquote>").Append(E(hop.Evidence)).Append("</blockquote>");
                    }

                    html.Append("</li>\n");
                }

                html.Append("</ol>\n").Append(End(graph, chain.End)).Append("</li>\n");
            }

            html.Append("</ol>\n");
            if (trace.OmittedChains > 0)
            {
                html.Append("<p>").Append(E(string.Create(CultureInfo.InvariantCulture, $"{(trace.OmittedChainsIsExact ? "" : "At least ")}{trace.OmittedChains} more chains are not listed."))).Append("</p>\n");
            }
        }

        html.Append("<h3>Dead ends</h3>\n");
        var deadEnds = graph.DeadEnds(claim.Id);
        if (deadEnds.IsEmpty)
        {
            html.Append("<p>None.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"dead-ends\">\n");
            foreach (var deadEnd in deadEnds)
            {
                html.Append("<li>").Append(ReportLink(graph, deadEnd.Report)).Append(": ").Append(E(Reason(deadEnd.Reason))).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h3>Drift</h3>\n");
        var drifts = graph.Drift(claim.Id).Where(d => d.Changed > 0).ToList();
        var relays = graph.RelayDrift(claim.Id).Pairs.Where(d => d.Changed > 0).ToList();
        if (drifts.Count == 0 && relays.Count == 0)
        {
            html.Append("<p>None: every relay that records both wordings keeps the words.</p>\n");
        }
        else
        {
            html.Append("<ul class=\"drift\">\n");
            foreach (var relay in relays)
            {
                html.Append("<li>Two relays of ").Append(E(graph.GetSource(relay.Source).Name)).Append(" word it differently:\n")
                    .Append("<p class=\"wording\">").Append(ReportLink(graph, relay.First)).Append(": ").Append(Marked(relay.FirstWording, relay.Removed, "del")).Append("</p>\n")
                    .Append("<p class=\"wording\">").Append(ReportLink(graph, relay.Second)).Append(": ").Append(Marked(relay.SecondWording, relay.Added, "ins")).Append("</p></li>\n");
            }

            foreach (var drift in drifts)
            {
                html.Append("<li>").Append(ReportLink(graph, drift.Citation.From)).Append(" relays ").Append(ReportLink(graph, drift.Citation.To)).Append(":\n")
                    .Append("<p class=\"wording\">was: ").Append(Marked(drift.ToWording, drift.Removed, "del")).Append("</p>\n")
                    .Append("<p class=\"wording\">became: ").Append(Marked(drift.FromWording, drift.Added, "ins")).Append("</p></li>\n");
            }

            html.Append("</ul>\n");
        }

        HiddenRelaySection(html, graph, hidden.OfClaim(claim.Id).ToList());
        html.Append("</section>\n");
    }

    /// <summary>The claim's hidden relays (near-identical wording the citations do not explain), when it has any.</summary>
    private static void HiddenRelaySection(StringBuilder html, CitationGraph graph, List<HiddenRelay> relays)
    {
        if (relays.Count == 0)
        {
            return;
        }

        html.Append("<h3>Hidden relays</h3>\n<ul class=\"relays\">\n");
        foreach (var relay in relays)
        {
            html.Append("<li>").Append(E(relay.Suggestion))
                .Append(string.Create(CultureInfo.InvariantCulture, $" (similarity {relay.Similarity:0.00}{(relay.Directed ? "" : ", undated: no direction")})")).Append(":\n")
                .Append("<p class=\"wording\">").Append(ReportLink(graph, relay.Relaying.Report)).Append(": ").Append(E(relay.Relaying.Text)).Append("</p>\n")
                .Append("<p class=\"wording\">").Append(ReportLink(graph, relay.Relayed.Report)).Append(": ").Append(E(relay.Relayed.Text)).Append("</p>\n")
                .Append("<p>Shared: ").Append(string.Join("; ", relay.Relaying.Passages.Select(p => "<q>" + E(p) + "</q>"))).Append("</p></li>\n");
        }

        html.Append("</ul>\n");
    }

    /// <summary>A diagram: dot's SVG inline, its ids prefixed so that the page's ids stay unique.</summary>
    private static void Diagram(StringBuilder html, string svg, string prefix, string label)
    {
        html.Append("<figure class=\"diagram\" role=\"img\" aria-label=\"").Append(E(label)).Append("\">\n")
            .Append(InlineSvg(svg, prefix)).Append("\n</figure>\n")
            .Append("<p class=\"diagram-help\" hidden>Scroll or use the buttons to zoom, drag to pan; hover a node or edge for its details.</p>\n");
    }

    /// <summary>
    /// dot's SVG made fit for an HTML page: no XML declaration, doctype or comments, fixed width and height dropped (the
    /// viewBox scales it), and every <c>id</c> prefixed.
    /// </summary>
    internal static string InlineSvg(string svg, string prefix)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException("dot's output holds no <svg> element.");
        }

        var body = Comment().Replace(svg[start..], "");
        body = SizeAttributes().Replace(body, "<svg", 1);
        return IdAttribute().Replace(body, m => " id=\"" + prefix + "-" + m.Groups[1].Value + "\"").TrimEnd();
    }

    /// <summary>A wording with the words of <paramref name="marked"/> wrapped, counting from the end as the drift query does (the later occurrences are the extra ones).</summary>
    internal static string Marked(string wording, IReadOnlyList<string> marked, string tag)
    {
        var words = WordRun().Matches(wording).ToList();
        var extra = marked.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var total = words.GroupBy(m => m.Value.ToLowerInvariant(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var html = new StringBuilder();
        var at = 0;
        foreach (var word in words)
        {
            var key = word.Value.ToLowerInvariant();
            var index = seen[key] = seen.GetValueOrDefault(key) + 1;
            html.Append(E(wording[at..word.Index]));
            var isMarked = extra.TryGetValue(key, out var k) && index > total[key] - k;
            html.Append(isMarked ? "<" + tag + ">" + E(word.Value) + "</" + tag + ">" : E(word.Value));
            at = word.Index + word.Length;
        }

        return html.Append(E(wording[at..])).ToString();
    }

    private static string End(CitationGraph graph, TraceEnd end) => end.Kind switch
    {
        ChainEndKind.PrimarySource => "<span class=\"end-primary\">primary source:</span> " + E(graph.GetSource(end.Source).Name)
            + (end.FirstHandReport is { } first && first != end.Report ? " (first-hand in " + ReportLink(graph, first) + ")" : ""),
        ChainEndKind.Cycle => "<span class=\"end-cycle\">cycle:</span> back to " + ReportLink(graph, end.Report),
        _ => "<span class=\"end-dead-end\">dead end:</span> " + E(graph.GetSource(end.Source).Name) + ", " + E(Reason(end.Reason ?? DeadEndReason.NoFirstHandStatement)),
    };

    private static string Reason(DeadEndReason reason) => reason switch
    {
        DeadEndReason.UnattributedAssertion => "asserted without attribution",
        DeadEndReason.NoFirstHandStatement => "cited, but no first-hand statement is known",
        _ => "the trace's depth limit was reached",
    };

    /// <summary>A report by its source's name (and title), linked to the article when it has an http(s) URL.</summary>
    private static string ReportLink(CitationGraph graph, string reportId)
    {
        var report = graph.GetReport(reportId);
        var text = E(graph.GetSource(report.Source).Name) + (report.Title is null ? "" : ", <cite>" + E(report.Title) + "</cite>");
        var title = E(report.Id + (report.IsImplicit ? " (known only as cited in " + report.CitedIn + ")" : ""));
        return report.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? "<a href=\"" + E(uri.AbsoluteUri) + "\" title=\"" + title + "\" rel=\"noopener noreferrer\" target=\"_blank\">" + text + "</a>"
            : "<span title=\"" + title + "\">" + text + "</span>";
    }

    private static string OriginName(CitationGraph graph, OriginGroup group) =>
        group.Affiliation is { } affiliation ? graph.GetAffiliation(affiliation).Name : graph.GetSource(group.Sources[0]).Name;

    /// <summary>One fragment id per claim: <c>claim-</c> and the id with characters outside <c>[A-Za-z0-9_-]</c> as <c>_</c>, numbered on a clash.</summary>
    internal static Dictionary<string, string> Anchors(CitationGraph graph)
    {
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal) { "claims", "claims-section", "sources", "controls" };
        foreach (var claim in graph.Claims)
        {
            var stem = "claim-" + Unsafe().Replace(claim.Id, "_");
            var name = stem;
            for (var n = 2; !taken.Add(name); n++)
            {
                name = stem + "-" + N(n);
            }

            anchors[claim.Id] = name;
        }

        return anchors;
    }

    private static string Version() =>
        typeof(HtmlReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "";

    private static string Resource(string name)
    {
        using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("Provenance.Cli.Html." + name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Text as HTML text or attribute value (the five markup characters escaped, the rest kept as UTF-8), control characters other than line breaks and tabs dropped.</summary>
    internal static string E(string text) => Control().Replace(text, "")
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"[^A-Za-z0-9_-]")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<svg\s+width=""[^""]*""\s+height=""[^""]*""")]
    private static partial Regex SizeAttributes();

    [GeneratedRegex(@" id=""([^""]*)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"[\p{L}\p{Nd}\p{Mn}\p{Mc}]+")]
    private static partial Regex WordRun();

    [GeneratedRegex(@"[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]")]
    private static partial Regex Control();
}
