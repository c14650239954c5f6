using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Provenance.Cli.Html;
using Provenance.Graphviz;

namespace Provenance.Cli.Commands;

/// <summary>
/// <c>provenance report &lt;graph&gt; -o &lt;dir&gt;</c>: a Markdown report (per claim: primary sources, independent origins,
/// dead ends, drift) with the SVG diagrams beside it, linked relatively; with <c>--format html</c>, one self-contained HTML file
/// (see <see cref="HtmlReport"/>).
/// </summary>
internal static partial class ReportCommand
{
    /// <summary>The report's file name inside the output folder.</summary>
    public const string ReportFile = "report.md";

    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var output = CommandTree.OutputOption("Markdown: the folder to write report.md and its SVG diagrams to (created if missing). HTML: the file to write.", required: true);
        var dot = CommandTree.DotOption();
        var format = new Option<string>("--format")
        {
            Description = "markdown (report.md with SVG files beside it) or html (one self-contained file: inline diagrams with pan and zoom, a sortable, filterable claims table). Default: markdown.",
            HelpName = "markdown|html",
            DefaultValueFactory = _ => "markdown",
        };
        format.AcceptOnlyFromAmong("markdown", "html");
        var command = new Command("report", "Write a Markdown report of every claim (primary sources, independent origins, dead ends, drift) with SVG diagrams drawn by Graphviz.")
        {
            graphArgument,
            output,
            dot,
            format,
        };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetRequiredValue(graphArgument);
            var graph = GraphInput.Load(context, path);
            var renderer = new GraphvizRenderer(new GraphvizRendererOptions { DotPath = parse.GetValue(dot) });
            var graphName = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
            if (parse.GetValue(format) == "html")
            {
                var file = parse.GetRequiredValue(output);
                var drawn = 0;
                var html = HtmlReport.Write(graph, graphName, text =>
                {
                    drawn++;
                    return Encoding.UTF8.GetString(renderer.RenderAsync(text, GraphvizFormat.Svg).GetAwaiter().GetResult());
                });
                if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } parent)
                {
                    Directory.CreateDirectory(parent);
                }

                File.WriteAllText(file, html, CliFiles.Utf8);
                context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {graph.Claims.Length} claims, {drawn} diagrams."));
                return ExitCodes.Success;
            }

            var folder = parse.GetRequiredValue(output);
            CliFiles.CreateFolder(folder);

            var diagrams = new List<(DotView View, string File)> { (DotView.Sources, "sources.svg") };
            var claimFiles = ClaimFileNames(graph);
            diagrams.AddRange(graph.Claims.Select(c => (DotView.ClaimTrace(c.Id), claimFiles[c.Id])));

            // Without Graphviz, as 'diagrams --render auto': a note, and the DOT sources instead of SVGs, linked from the report.
            var svg = true;
            CliProgress.Run(context, diagrams.Count > 1, progress =>
            {
                var step = progress.Items("Rendering " + folder, diagrams.Count, "diagrams");
                var done = 0;
                foreach (var (view, file) in diagrams)
                {
                    if (svg)
                    {
                        try
                        {
                            CliFiles.WriteBytes(Path.Combine(folder, file), renderer.RenderAsync(graph, view, GraphvizFormat.Svg).GetAwaiter().GetResult());
                        }
                        catch (GraphvizNotFoundException e)
                        {
                            context.WriteError("note: " + CliFormat.ForCli(e.Message) + " Wrote the DOT files instead of SVGs.");
                            svg = false;
                        }
                    }

                    if (!svg)
                    {
                        CliFiles.WriteText(context, Path.Combine(folder, Path.ChangeExtension(file, ".dot")), graph.ToDot(view));
                    }

                    step.Report(++done);
                }

                step.Done();
            });

            if (!svg)
            {
                foreach (var id in claimFiles.Keys.ToList())
                {
                    claimFiles[id] = Path.ChangeExtension(claimFiles[id], ".dot");
                }
            }

            var reportPath = Path.Combine(folder, ReportFile);
            CliFiles.WriteText(context, reportPath, Markdown(graph, graphName, claimFiles, svg ? "sources.svg" : "sources.dot"));
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{reportPath}: {graph.Claims.Length} claims, {diagrams.Count} diagrams."));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One SVG file name per claim, made from its id (distinct even when two ids differ only in characters a file name cannot hold).</summary>
    internal static Dictionary<string, string> ClaimFileNames(CitationGraph graph)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sources.svg" };
        foreach (var claim in graph.Claims)
        {
            var stem = "claim-" + Unsafe().Replace(claim.Id, "_");
            var name = stem + ".svg";
            for (var n = 2; !taken.Add(name); n++)
            {
                name = string.Create(CultureInfo.InvariantCulture, $"{stem}-{n}.svg");
            }

            names[claim.Id] = name;
        }

        return names;
    }

    internal static string Markdown(CitationGraph graph, string graphName, Dictionary<string, string> claimFiles, string sourcesFile = "sources.svg")
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        string Source(string id) => Text(TraceCommand.Name(graph, id)) + " (`" + id + "`)";

        var implicitReports = graph.Reports.Count(r => r.IsImplicit);
        Line($"# Provenance report: {Text(graphName)}");
        Line();
        Line(string.Create(
            CultureInfo.InvariantCulture,
            $"{graph.Sources.Length} sources, {graph.Claims.Length} claims, {graph.Reports.Length - implicitReports} reports ({implicitReports} implicit), {graph.Citations.Length} citations."));
        Line();
        Line("## Who cites whom");
        Line();
        Line($"![Who cites whom: one node per source]({sourcesFile})");
        Line();
        Line("## Claims");
        Line();
        Line("| Claim | Primary sources | Independent origins |");
        Line("| --- | --- | --- |");
        foreach (var claim in graph.Claims)
        {
            var primary = graph.PrimarySources(claim.Id);
            Line(string.Create(
                CultureInfo.InvariantCulture,
                $"| [{Cell(claim.Text)}](#{Anchor(claim.Id)}) | {Cell(primary.IsEmpty ? "none" : string.Join(", ", primary.Select(s => TraceCommand.Name(graph, s))))} | {graph.IndependentOrigins(claim.Id).Count} |"));
        }

        foreach (var claim in graph.Claims)
        {
            var trace = graph.Trace(claim.Id);
            Line();
            Line($"<a id=\"{Anchor(claim.Id)}\"></a>");
            Line();
            Line($"## {Text(claim.Text)}");
            Line();
            // The headline answer, as the HTML report and the diagram's title give it.
            Line($"**{Text(TraceHeadline.Of(graph, trace))}.**");
            Line();
            Line($"Claim `{claim.Id}`.");
            Line();
            Line($"![Trace of claim {Text(claim.Id)}]({claimFiles[claim.Id]})");
            Line();
            Line("Primary sources: " + (trace.PrimarySources.IsEmpty ? "none." : string.Join(", ", trace.PrimarySources.Select(Source)) + "."));
            Line();
            Line(string.Create(CultureInfo.InvariantCulture, $"Independent origins: {trace.IndependentOrigins.Count}{Text(TraceCommand.Groups(graph, trace.IndependentOrigins))}."));
            Line();
            Line(string.Create(CultureInfo.InvariantCulture, $"Chains: {trace.Chains.Length}{(trace.OmittedChains > 0 ? $" shown, {trace.OmittedChains} more left out" : "")}; " +
                $"{trace.Chains.Count(c => c.End.Kind == ChainEndKind.PrimarySource)} end at a primary source, " +
                $"{trace.Chains.Count(c => c.End.Kind == ChainEndKind.DeadEnd)} at a dead end, " +
                $"{trace.Chains.Count(c => c.End.Kind == ChainEndKind.Cycle)} in a cycle."));

            var deadEnds = graph.DeadEnds(claim.Id);
            Line();
            Line("### Dead ends");
            Line();
            if (deadEnds.IsEmpty)
            {
                Line("None.");
            }

            foreach (var deadEnd in deadEnds)
            {
                Line($"- `{deadEnd.Report}` by {Source(deadEnd.Source)}: {ProvenanceNames.Of(deadEnd.Reason)}");
            }

            var drifts = graph.Drift(claim.Id);
            Line();
            Line("### Drift");
            Line();
            if (drifts.IsEmpty)
            {
                Line("None.");
            }

            foreach (var drift in drifts)
            {
                Line($"- `{drift.Citation.From}` relays `{drift.Citation.To}`: \"{Text(drift.ToWording)}\" became \"{Text(drift.FromWording)}\"" +
                    (drift.Added.IsEmpty ? "" : $"; added: {Text(string.Join(' ', drift.Added))}") +
                    (drift.Removed.IsEmpty ? "" : $"; removed: {Text(string.Join(' ', drift.Removed))}"));
            }
        }

        return md.ToString();
    }

    /// <summary>Graph text as Markdown prose: Markdown and HTML characters escaped, on one line.</summary>
    internal static string Text(string text) => MarkdownSpecial().Replace(text.ReplaceLineEndings(" "), @"\$0");

    private static string Cell(string text) => Text(text);

    private static string Anchor(string id) => "claim-" + Unsafe().Replace(id, "_").ToLowerInvariant();

    [GeneratedRegex(@"[^A-Za-z0-9._-]")]
    private static partial Regex Unsafe();

    [GeneratedRegex(@"[\\`*_{}\[\]<>|~]")]
    private static partial Regex MarkdownSpecial();
}
