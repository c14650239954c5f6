using System.CommandLine;
using System.Globalization;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance paths &lt;graph&gt; &lt;from&gt; &lt;to&gt; [--claim id] [--max-paths n] [--json]</c>: the citation paths between two reports or sources.</summary>
internal static class PathsCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var from = new Argument<string>("from") { Description = "The report or source the paths start from (the citing end)." };
        var to = new Argument<string>("to") { Description = "The report or source the paths lead to (the cited end)." };
        var claimOption = new Option<string>("--claim") { Description = "Only follow citations for this claim." };
        var maxPaths = new Option<int>("--max-paths")
        {
            Description = "The most paths listed; the rest are counted. Default: 1,000.",
            HelpName = "n",
            DefaultValueFactory = _ => CitationGraphQueries.DefaultMaxPaths,
        };
        CliValidation.Range(maxPaths, 1, int.MaxValue);
        var json = CommandTree.JsonOption();
        var command = new Command("paths", "List the simple citation paths from one report or source to another, following who cites whom.")
        {
            graphArgument,
            from,
            to,
            claimOption,
            maxPaths,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var fromId = RequireNode(graph, parse.GetRequiredValue(from));
            var toId = RequireNode(graph, parse.GetRequiredValue(to));
            var claimId = parse.GetValue(claimOption) is { } c ? CommandTree.RequireClaim(graph, c).Id : null;
            var result = graph.PathsBetween(fromId, toId, parse.GetValue(maxPaths), claimId);
            if (parse.GetValue(json))
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("from", result.From);
                    w.WriteString("to", result.To);
                    w.WriteStartArray("paths");
                    foreach (var path in result.Paths)
                    {
                        w.WriteStartObject();
                        w.WriteStrings("reports", path.Reports);
                        w.WriteStartArray("steps");
                        foreach (var step in path.Steps)
                        {
                            w.WriteStartObject();
                            w.WriteString("from", step.From);
                            w.WriteString("to", step.To);
                            w.WriteStrings("claims", step.Citations.Select(x => x.Claim));
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNumber("omittedPaths", result.OmittedPaths);
                    w.WriteBoolean("omittedPathsIsExact", result.OmittedPathsIsExact);
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (result.Paths.IsEmpty)
            {
                context.WriteLine($"No citation path from {fromId} to {toId}{(claimId is null ? "" : " for claim " + claimId)}.");
                return ExitCodes.Success;
            }

            var number = 0;
            foreach (var path in result.Paths)
            {
                number++;
                context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Path {number}: {string.Join(" -> ", path.Reports)}"));
            }

            if (result.OmittedPaths > 0)
            {
                context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.OmittedPaths}{(result.OmittedPathsIsExact ? "" : " or more")} more paths left out (--max-paths)."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A report or source id, or an input error suggesting the closest one.</summary>
    private static string RequireNode(CitationGraph graph, string id) =>
        graph.TryGetReport(id, out _) || graph.TryGetSource(id, out _)
            ? id
            : throw CliException.Input(CliFormat.UnknownId("report or source", id, graph.Reports.Where(r => !r.IsImplicit).Select(r => r.Id).Concat(graph.Sources.Select(s => s.Id)), "sources"));
}
