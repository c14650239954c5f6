using System.CommandLine;

namespace Provenance.Cli;

/// <summary>Builds the <c>provenance</c> command tree.</summary>
internal static class CommandTree
{
    /// <summary>The evidence check's name, which .ci/run calls on the bundled graph.</summary>
    public const string CheckEvidenceName = "check-evidence";

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
        root.Add(Commands.RelaysCommand.Create(context));
        root.Add(Commands.ImpactCommand.Create(context));
        root.Add(Commands.ExportCommand.Create(context));
        root.Add(Commands.RenderCommand.Create(context));
        root.Add(Commands.ReportCommand.Create(context));
        root.Add(Commands.ImportCommand.Create(context));
        root.Add(Commands.GenerateCommand.Create(context));
        root.Add(Commands.CheckEvidenceCommand.Create(context));
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

    /// <summary>
    /// A command of the form <c>&lt;name&gt; &lt;graph&gt; &lt;claim-id&gt; [--json]</c>: it loads the graph, looks up the claim (an
    /// unknown id is an input error with a suggestion) and hands both, with whether JSON was asked for, to <paramref name="run"/>.
    /// </summary>
    public static Command ClaimCommand(CliContext context, string name, string description, Func<CitationGraph, Claim, bool, int> run)
    {
        var graphArgument = GraphArgument();
        var claimArgument = ClaimArgument();
        var json = JsonOption();
        var command = new Command(name, description)
        {
            graphArgument,
            claimArgument,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var claim = RequireClaim(graph, parse.GetRequiredValue(claimArgument));
            return run(graph, claim, parse.GetValue(json));
        });
        return command;
    }

    /// <summary>The claim with <paramref name="id"/>, or an input error (exit code 1) suggesting the closest id.</summary>
    public static Claim RequireClaim(CitationGraph graph, string id) =>
        graph.TryGetClaim(id, out var claim)
            ? claim
            : throw CliException.Input(CliFormat.UnknownId("claim", id, graph.Claims.Select(c => c.Id), "claims"));

    /// <summary>The <c>--view</c> option: <c>sources</c>, <c>reports</c> or <c>claim:&lt;id&gt;</c>; malformed values are usage errors.</summary>
    public static Option<string> ViewOption()
    {
        var option = new Option<string>("--view")
        {
            Description = "Which diagram: 'sources' (who cites whom), 'reports' (every report and citation) or 'claim:<id>' (one claim's trace). Default: sources.",
            HelpName = "sources|reports|claim:<id>",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && value != "sources" && value != "reports" && !(value.StartsWith("claim:", StringComparison.Ordinal) && value.Length > "claim:".Length))
            {
                result.AddError($"--view '{value}' is not a view; use 'sources', 'reports' or 'claim:<id>'.");
            }
        });
        return option;
    }

    /// <summary>The view named by a validated <c>--view</c> value (<see cref="Graphviz.DotView.Sources"/> when absent); an unknown claim is an input error.</summary>
    public static Graphviz.DotView ParseView(CitationGraph graph, string? value) => value switch
    {
        null or "sources" => Graphviz.DotView.Sources,
        "reports" => Graphviz.DotView.Reports,
        _ => Graphviz.DotView.ClaimTrace(RequireClaim(graph, value["claim:".Length..]).Id),
    };

    /// <summary>The <c>--dot</c> option: which Graphviz <c>dot</c> program to run.</summary>
    public static Option<string> DotOption() => new("--dot")
    {
        Description = "The Graphviz dot program to run. Default: the first 'dot' on PATH.",
    };

    /// <summary>The kind of graph file an output path names, <c>yaml</c> or <c>jsonl</c>; another extension is a usage error.</summary>
    public static string GraphFileKind(string path) => CliFiles.Extension(path) switch
    {
        "yaml" or "yml" => "yaml",
        "jsonl" => "jsonl",
        _ => throw CliException.Usage($"-o '{path}' needs the extension .yaml, .yml (YAML) or .jsonl (JSON Lines)."),
    };

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
