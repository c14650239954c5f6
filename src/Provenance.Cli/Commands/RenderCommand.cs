using System.CommandLine;
using Provenance.Graphviz;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance render &lt;graph&gt; --format svg|png|pdf [--view ...] -o file</c>: draws a diagram with Graphviz's <c>dot</c>.</summary>
internal static class RenderCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var format = new Option<string>("--format")
        {
            Description = "svg, png or pdf.",
            Required = true,
        };
        format.AcceptOnlyFromAmong("svg", "png", "pdf");
        var view = CommandTree.ViewOption();
        var output = CommandTree.OutputOption("The file to write.", required: true);
        var dot = CommandTree.DotOption();
        var command = new Command("render", "Draw a diagram to SVG, PNG or PDF with the installed Graphviz dot program.")
        {
            graphArgument,
            format,
            view,
            output,
            dot,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var diagram = CommandTree.ParseView(graph, parse.GetValue(view));
            var renderer = new GraphvizRenderer(new GraphvizRendererOptions { DotPath = parse.GetValue(dot) });
            var target = parse.GetRequiredValue(output);
            var bytes = CliProgress.Run(context, true, progress =>
            {
                var step = progress.Items("Rendering " + target, 1, "diagrams");
                var rendered = renderer.RenderAsync(graph, diagram, Format(parse.GetRequiredValue(format))).GetAwaiter().GetResult();
                step.Report(1);
                step.Done();
                return rendered;
            });
            CliFiles.WriteBytes(target, bytes);
            return ExitCodes.Success;
        });
        return command;
    }

    private static GraphvizFormat Format(string name) => name switch
    {
        "svg" => GraphvizFormat.Svg,
        "png" => GraphvizFormat.Png,
        _ => GraphvizFormat.Pdf,
    };
}
