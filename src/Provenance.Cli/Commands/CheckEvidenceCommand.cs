using System.CommandLine;
using System.Globalization;
using Provenance.Verification;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance check-evidence &lt;graph&gt; --articles &lt;dir&gt;</c>: every evidence excerpt and wording found in its article.</summary>
internal static class CheckEvidenceCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var articles = new Option<string>("--articles")
        {
            Description = "The folder of article texts (*.txt), one file per article; a report is matched to the article containing its title.",
            Required = true,
        };
        var command = new Command(CommandTree.CheckEvidenceName, "Check that every evidence excerpt and wording in the graph occurs verbatim in the article it was copied from.")
        {
            graphArgument,
            articles,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var result = EvidenceChecker.Check(graph, parse.GetRequiredValue(articles));
            foreach (var problem in result.Problems)
            {
                context.WriteError("error: " + problem);
            }

            var summary = string.Create(
                CultureInfo.InvariantCulture,
                $"{result.CheckedTexts} evidence excerpts and wordings checked in {result.Matches.Length} report{(result.Matches.Length == 1 ? "" : "s")} matched to articles");
            if (result.IsValid)
            {
                context.WriteLine(summary + ": all found.");
                return ExitCodes.Success;
            }

            context.WriteError(string.Create(CultureInfo.InvariantCulture, $"{summary}: {result.Problems.Length} problem{(result.Problems.Length == 1 ? "" : "s")}."));
            return ExitCodes.InvalidInput;
        });
        return command;
    }
}
