using System.CommandLine;
using System.Globalization;

namespace Provenance.Cli.Commands;

/// <summary>
/// <c>provenance timeline &lt;graph&gt; [--json]</c>: the citations of a report published after the citing report. The graph is
/// loaded as with <c>--allow-timeline-errors</c>, since such a graph is what this command is for.
/// </summary>
internal static class TimelineCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var json = CommandTree.JsonOption();
        var command = new Command("timeline", "List timeline errors: citations of a report published after the report citing it (the graph loads as with --allow-timeline-errors).")
        {
            graphArgument,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var options = new GraphLoadOptions { Limits = context.LoadOptions.Limits, AllowTimelineErrors = true };
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument), options);
            var errors = graph.TimelineErrors();
            if (parse.GetValue(json))
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("timelineErrors");
                    foreach (var error in errors)
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("citation");
                        CliFormat.WriteCitation(w, error.Citation);
                        w.WriteString("fromPublished", Date(error.FromPublished));
                        w.WriteString("toPublished", Date(error.ToPublished));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (errors.IsEmpty)
            {
                context.WriteLine("No timeline errors.");
                return ExitCodes.Success;
            }

            foreach (var error in errors)
            {
                var c = error.Citation;
                context.WriteLine($"{c.From} (published {Date(error.FromPublished)}) cites {c.To} (published {Date(error.ToPublished)}, later) for claim {c.Claim}");
            }

            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{errors.Length} timeline error{(errors.Length == 1 ? "" : "s")}."));
            return ExitCodes.Success;
        });
        return command;
    }

    internal static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
