using System.CommandLine;
using Provenance.Graphviz;
using Provenance.Prov;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance export &lt;graph&gt; --format dot|mermaid|prov-json|prov-n [--view ...] [-o file]</c>.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var format = new Option<string>("--format")
        {
            Description = "dot (Graphviz), mermaid (for Markdown), prov-json or prov-n (W3C PROV, the whole graph).",
            Required = true,
        };
        format.AcceptOnlyFromAmong("dot", "mermaid", "prov-json", "prov-n");
        var view = CommandTree.ViewOption();
        var output = CommandTree.OutputOption("The file to write; standard output when left out.", required: false);
        var command = new Command("export", "Write a graph as a Graphviz DOT or Mermaid diagram, or as W3C PROV (PROV-JSON, PROV-N).")
        {
            graphArgument,
            format,
            view,
            output,
        };
        command.SetAction(int (parse) =>
        {
            var chosen = parse.GetRequiredValue(format);
            var viewValue = parse.GetValue(view);
            if (chosen.StartsWith("prov-", StringComparison.Ordinal) && viewValue is not null)
            {
                throw CliException.Usage($"--view does not apply to --format {chosen}, which always exports the whole graph; leave it out.");
            }

            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var text = chosen switch
            {
                "dot" => graph.ToDot(CommandTree.ParseView(graph, viewValue)),
                "mermaid" => graph.ToMermaid(CommandTree.ParseView(graph, viewValue)),
                "prov-json" => graph.ToProvJson(),
                _ => graph.ToProvN(),
            };
            CliFiles.WriteText(context, parse.GetValue(output), text);
            return ExitCodes.Success;
        });
        return command;
    }
}
