using System.CommandLine;
using System.Globalization;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance validate &lt;graph&gt;...</c>: loads each graph and reports every problem.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var graphs = new Argument<string[]>("graph")
        {
            Description = "Graphs to check: " + GraphInput.Accepted["A graph: ".Length..],
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check graphs: print a one-line summary of each valid graph, or every problem as path:line:column: error: message.")
        {
            graphs,
        };
        command.SetAction(int (parse) =>
        {
            var exit = ExitCodes.Success;
            foreach (var path in parse.GetRequiredValue(graphs))
            {
                if (GraphInput.TryLoad(context, path, out var graph, out var problems))
                {
                    context.WriteLine(Summary(path, graph));
                }
                else
                {
                    foreach (var problem in problems)
                    {
                        context.WriteError(problem);
                    }

                    exit = ExitCodes.InvalidInput;
                }
            }

            return exit;
        });
        return command;
    }

    internal static string Summary(string path, CitationGraph graph)
    {
        path = PostgreSqlGraphs.IsDatabase(path) ? PostgreSqlGraphs.Shown(path) : path;
        var implicitReports = graph.Reports.Count(r => r.IsImplicit);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: valid: {graph.Sources.Length} sources, {graph.Claims.Length} claims, {graph.Reports.Length - implicitReports} reports ({implicitReports} implicit), {graph.Citations.Length} citations.");
    }
}
