using System.CommandLine;
using System.Globalization;
using Provenance.Bulk;
using Provenance.Generation;
using Provenance.Yaml;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance generate --citations N --seed S -o file</c>: a seeded synthetic news graph, for trying things at scale.</summary>
internal static class GenerateCommand
{
    // Above this many citations, a terminal gets a spinner while the graph is generated and written.
    private const int ProgressThreshold = 100_000;

    public static Command Create(CliContext context)
    {
        var citations = new Option<int>("--citations")
        {
            Description = "How many citations the graph holds.",
            DefaultValueFactory = _ => new GeneratorOptions().Citations,
        };
        citations.Validators.Add(r =>
        {
            // Tokens that are not a number get the parser's own error; only a parsed non-positive value is ours to reject.
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n <= 0)
            {
                r.AddError("--citations must be positive.");
            }
        });
        var seed = new Option<int>("--seed")
        {
            Description = "The random seed; the same seed and size give the same graph, byte for byte.",
            DefaultValueFactory = _ => new GeneratorOptions().Seed,
        };
        var output = CommandTree.OutputOption("The graph to write: YAML (.yaml, .yml) or JSON Lines (.jsonl).", required: true);
        var command = new Command("generate", "Generate a synthetic news citation graph (seeded, deterministic) as YAML or JSON Lines.")
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
            var graph = context.WithProgress($"Generating {options.Citations} citations", options.Citations >= ProgressThreshold, () =>
            {
                var g = NewsGraphGenerator.Generate(options);
                if (kind == "jsonl")
                {
                    ProvenanceJsonLines.Save(g, target);
                }
                else
                {
                    ProvenanceYaml.Save(g, target);
                }

                return g;
            });
            context.WriteLine(ValidateCommand.Summary(target, graph).Replace(": valid: ", ": wrote ", StringComparison.Ordinal));
            return ExitCodes.Success;
        });
        return command;
    }
}
