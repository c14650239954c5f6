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
            var diagram = chosen.StartsWith("prov-", StringComparison.Ordinal) ? null : CommandTree.ParseView(graph, viewValue);
            var target = parse.GetValue(output);

            // Streamed, not built as one string: a 1,000,000-citation graph is about 1.5 GB of PROV-JSON.
            void Write(TextWriter writer)
            {
                switch (chosen)
                {
                    case "dot":
                        graph.ToDot(diagram!, writer);
                        break;
                    case "mermaid":
                        graph.ToMermaid(diagram!, writer);
                        break;
                    case "prov-json":
                        ProvJson.Export(graph, writer);
                        break;
                    default:
                        ProvN.Export(graph, writer);
                        break;
                }
            }

            if (target is null)
            {
                Write(context.Out);
                return ExitCodes.Success;
            }

            CliProgress.Run(context, graph.Citations.Length >= 100_000, progress =>
            {
                var writing = progress.Bytes("Writing " + target, null);
                CliFiles.WriteWith(target, writing, Write);
                writing.Done();
            });
            return ExitCodes.Success;
        });
        return command;
    }
}
