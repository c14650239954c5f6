using System.CommandLine;

namespace Provenance.Cli;

/// <summary>Builds the <c>provenance</c> command tree.</summary>
internal static class CommandTree
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("Provenance: trace news claims through who-cited-whom graphs to their primary sources.")
        {
            HelpName = "provenance",
        };
        root.SetAction(int (_) => throw CliException.Usage("no command given; run 'provenance --help' to list the commands."));
        root.Add(Commands.ValidateCommand.Create(context));
        root.Add(Commands.SourcesCommand.Create(context));
        root.Add(Commands.ClaimsCommand.Create(context));
        root.Add(Commands.TraceCommand.Create(context));
        root.Add(Commands.OriginsCommand.Create(context));
        root.Add(Commands.CyclesCommand.Create(context));
        root.Add(Commands.DriftCommand.Create(context));
        root.Add(Commands.ImpactCommand.Create(context));
        root.Add(Commands.DiagramsCommand.Create(context));
        return root;
    }

    /// <summary>The <c>&lt;graph&gt;</c> argument: a YAML file or a folder of them.</summary>
    public static Argument<string> GraphArgument() => new("graph")
    {
        Description = "A graph: a YAML file, or a folder of them (*.yaml, *.yml).",
    };

    /// <summary>The <c>&lt;claim-id&gt;</c> argument.</summary>
    public static Argument<string> ClaimArgument() => new("claim-id")
    {
        Description = "The id of a claim in the graph (see 'provenance claims').",
    };

    /// <summary>The claim with <paramref name="id"/>, or an input error (exit code 1) suggesting the closest id.</summary>
    public static Claim RequireClaim(CitationGraph graph, string id) =>
        graph.TryGetClaim(id, out var claim)
            ? claim
            : throw CliException.Input(CliFormat.UnknownId("claim", id, graph.Claims.Select(c => c.Id)));

    /// <summary>The <c>--json</c> switch.</summary>
    public static Option<bool> JsonOption() => new("--json")
    {
        Description = "Write JSON (camelCase, deterministic) instead of a table.",
    };

    /// <summary>The <c>-o</c>/<c>--output</c> option.</summary>
    public static Option<string> OutputOption(string description, bool required) => new("--output", "-o")
    {
        Description = description,
        Required = required,
    };
}
