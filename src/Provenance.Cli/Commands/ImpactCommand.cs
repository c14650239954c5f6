using System.CommandLine;
using System.Globalization;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance impact &lt;graph&gt; &lt;id&gt; [--upstream]</c>: what depends on a source or report, or what it depends on.</summary>
internal static class ImpactCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var idArgument = new Argument<string>("source-or-report-id") { Description = "The id of a report or a source." };
        var upstream = new Option<bool>("--upstream") { Description = "List what the node depends on instead of what depends on it." };
        var claimOption = new Option<string>("--claim") { Description = "Follow only the citations for this claim." };
        var json = CommandTree.JsonOption();
        var command = new Command("impact", "List every report and source that depends on a source or report (what a retraction would touch), or with --upstream what it depends on.")
        {
            graphArgument,
            idArgument,
            upstream,
            claimOption,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var id = parse.GetRequiredValue(idArgument);
            if (!graph.TryGetReport(id, out _) && !graph.TryGetSource(id, out _))
            {
                throw CliException.Input(CliFormat.UnknownId("source or report", id, graph.Sources.Select(s => s.Id).Concat(graph.Reports.Select(r => r.Id)), "sources"));
            }

            var claimId = parse.GetValue(claimOption);
            if (claimId is not null)
            {
                CommandTree.RequireClaim(graph, claimId);
            }

            var up = parse.GetValue(upstream);
            var result = up ? graph.Upstream(id, claimId) : graph.Downstream(id, claimId);
            var direction = up ? "upstream" : "downstream";
            if (parse.GetValue(json))
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("id", result.Id);
                    w.WriteString("direction", direction);
                    w.WriteStringOrNull("claim", claimId);
                    w.WriteStrings("reports", result.Reports);
                    w.WriteStrings("sources", result.Sources);
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            var verb = up ? "depends on" : "is relied on by";
            context.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{id} {verb} {result.Reports.Length} report{(result.Reports.Length == 1 ? "" : "s")} from {result.Sources.Length} source{(result.Sources.Length == 1 ? "" : "s")}."));
            foreach (var report in result.Reports)
            {
                var source = graph.GetReport(report).Source;
                context.WriteLine($"  {report} ({TraceCommand.Name(graph, source)})");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
