using System.CommandLine;
using Provenance.Generation;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance generate --citations N --seed S -o file</c>: a seeded synthetic news graph, for trying things at scale.</summary>
internal static class GenerateCommand
{
    /// <summary>The generator's own bounds on <see cref="GeneratorOptions.Citations"/> (see <see cref="GeneratorOptions.Validate"/>).</summary>
    internal const int MaxCitations = 20_000_000;

    // From this many citations, a terminal gets a progress display while the graph is generated and written.
    private const int ProgressThreshold = 100_000;

    public static Command Create(CliContext context)
    {
        var citations = new Option<int>("--citations")
        {
            Description = "How many citations the graph holds, from 1 to 20,000,000.",
            HelpName = "n",
            DefaultValueFactory = _ => new GeneratorOptions().Citations,
        };
        CliValidation.Range(citations, 1, MaxCitations, "the generator's limits");
        var seed = new Option<int>("--seed")
        {
            Description = "The random seed; the same seed and size give the same graph, byte for byte.",
            DefaultValueFactory = _ => new GeneratorOptions().Seed,
        };
        var output = CommandTree.OutputOption("The graph to write: YAML (.yaml, .yml), JSON Lines (.jsonl) or PROV-JSON (.json).", required: true);
        var command = new Command("generate", "Generate a synthetic news citation graph (seeded, deterministic) as YAML, JSON Lines or PROV-JSON.")
        {
            citations,
            seed,
            output,
        };
        command.SetAction(int (parse) =>
        {
            var target = parse.GetRequiredValue(output);
            var kind = CommandTree.GraphFileKind(target);
            var options = new GeneratorOptions { Citations = parse.GetValue(citations), Seed = parse.GetValue(seed) };
            var graph = CliProgress.Run(context, options.Citations >= ProgressThreshold, progress =>
            {
                var generating = progress.Busy($"Generating {options.Citations:N0} citations");
                var g = NewsGraphGenerator.Generate(options);
                generating.Done();
                var writing = progress.Bytes("Writing " + target, null);
                CliFiles.SaveGraph(g, target, kind, writing);
                writing.Done();
                return g;
            });
            context.WriteLine(ValidateCommand.Summary(target, graph).Replace(": valid: ", ": wrote ", StringComparison.Ordinal));
            return ExitCodes.Success;
        });
        return command;
    }
}
