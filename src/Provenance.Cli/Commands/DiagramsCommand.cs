using System.CommandLine;
using Provenance.Graphviz;

namespace Provenance.Cli.Commands;

/// <summary>
/// <c>provenance diagrams &lt;graph&gt; -o &lt;folder&gt; [--claim &lt;id&gt;]... [--render auto|always|never] [--dot &lt;path&gt;] [--name &lt;name&gt;]</c>:
/// writes the source-level view, the report-level view and one trace per claim as DOT, and as SVG when Graphviz's <c>dot</c> is there.
/// The file set and bytes come from <see cref="DiagramSetExtensions.ToDiagramSet"/>, so a test can check committed diagrams against it.
/// </summary>
internal static class DiagramsCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var output = CommandTree.OutputOption("The folder to write the diagrams to (created if missing).", required: true);
        var claims = new Option<string[]>("--claim")
        {
            Description = "A claim to draw the trace of; repeat for several. Default: every claim (up to 100).",
            HelpName = "claim-id",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var render = new Option<string>("--render")
        {
            Description = "Render SVGs with Graphviz's dot: 'auto' when dot is found, 'always' (dot missing is an error, exit 1) or 'never' (DOT only). Default: auto.",
            HelpName = "auto|always|never",
            DefaultValueFactory = _ => "auto",
        };
        render.AcceptOnlyFromAmong("auto", "always", "never");
        var dot = new Option<string>("--dot")
        {
            Description = "The Graphviz dot program to run. Default: the first 'dot' on PATH.",
        };
        var name = new Option<string>("--name")
        {
            Description = "What the file names start with. Default: the graph file's (or folder's) name without extension.",
        };
        var command = new Command("diagrams", "Write every diagram of a graph (sources, reports, one trace per claim) as DOT, and SVG with Graphviz.")
        {
            graphArgument,
            output,
            claims,
            render,
            dot,
            name,
        };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetRequiredValue(graphArgument);
            var graph = GraphInput.Load(context, path);
            var chosen = parse.GetValue(claims) ?? [];
            foreach (var id in chosen)
            {
                CommandTree.RequireClaim(graph, id);
            }

            var stem = parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path));
            DiagramSet set;
            try
            {
                set = graph.ToDiagramSet(stem, new DiagramSetOptions { Claims = chosen.Length == 0 ? null : chosen });
            }
            catch (ArgumentException e) when (e.ParamName == "name")
            {
                throw CliException.Usage($"--name '{stem}' is not a usable file name; give a name without folder separators or characters such as ':' or '*'.");
            }

            var folder = parse.GetRequiredValue(output);
            CliFiles.CreateFolder(folder);
            foreach (var file in set.Files)
            {
                var target = Path.Combine(folder, file.FileName);
                CliFiles.WriteText(context, target, file.Dot);
                context.WriteLine(target);
            }

            var mode = parse.GetValue(render) ?? "auto";
            if (mode != "never")
            {
                var renderer = new GraphvizRenderer(new GraphvizRendererOptions { DotPath = parse.GetValue(dot) });
                CliProgress.Run(context, set.Files.Length > 1, progress =>
                {
                    var step = progress.Items("Rendering " + folder, set.Files.Length, "diagrams");
                    var done = 0;
                    foreach (var file in set.Files)
                    {
                        byte[] svg;
                        try
                        {
                            svg = renderer.RenderAsync(file.Dot, GraphvizFormat.Svg).GetAwaiter().GetResult();
                        }
                        catch (GraphvizNotFoundException e) when (mode == "auto")
                        {
                            context.WriteError("note: " + CliFormat.ForCli(e.Message) + " Wrote the DOT files only; pass --render always to make a missing dot an error.");
                            break;
                        }

                        var target = Path.Combine(folder, file.SvgFileName);
                        CliFiles.WriteBytes(target, svg);
                        context.WriteLine(target);
                        step.Report(++done);
                    }

                    step.Done();
                });
            }

            if (set.OmittedClaimTraces > 0)
            {
                context.WriteError($"note: traced the first {set.Files.Length - 2} claims only; {set.OmittedClaimTraces} more left out. Choose claims with --claim.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
