using System.CommandLine;

namespace Provenance.Cli.Commands;

/// <summary>
/// <c>provenance convert &lt;graph&gt; &lt;output&gt;</c> (alias <c>import</c>, which also takes <c>-o</c>): any supported input to YAML, JSON
/// Lines or PROV-JSON, chosen by the output's extension, or into a PostgreSQL database (a postgresql:// URI or connection string).
/// Every query gives the same result on the output as on the input.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        var input = CommandTree.GraphArgument();
        var outputArgument = new Argument<string?>("output")
        {
            Description = "The graph to write: YAML (.yaml, .yml), JSON Lines (.jsonl) or PROV-JSON (.json), by extension.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var outputOption = CommandTree.OutputOption("The graph to write, as an option (the form 'provenance import <file.json> -o <graph>' uses).", required: false);
        var command = new Command("convert", "Convert a graph between YAML, JSON Lines and PROV-JSON (by the output's extension); PROV records with no counterpart are listed as warnings.")
        {
            input,
            outputArgument,
            outputOption,
        };
        command.Aliases.Add("import");
        command.SetAction(int (parse) =>
        {
            var path = parse.GetRequiredValue(input);
            var target = (parse.GetValue(outputArgument), parse.GetValue(outputOption)) switch
            {
                ({ } a, null) => a,
                (null, { } o) => o,
                (null, null) => throw CliException.Usage("give the file to write, e.g. 'provenance convert graph.yaml graph.jsonl'."),
                _ => throw CliException.Usage("the output is given twice, as an argument and with -o; keep one."),
            };
            var database = PostgreSqlGraphs.IsDatabase(target);
            var kind = database ? default : CommandTree.GraphFileKind(target, "<output>");
            var warnings = new List<string>();
            var options = new GraphLoadOptions
            {
                Limits = context.LoadOptions.Limits,
                AllowTimelineErrors = context.LoadOptions.AllowTimelineErrors,
                OnUnmappedRecord = u => warnings.Add($"{u.Location}: warning: {u.RecordType} {u.Id}{(u.Attribute is null ? "" : " " + u.Attribute)}: {u.Reason}"),
            };
            var graph = GraphInput.Load(context, path, options);
            foreach (var warning in warnings)
            {
                context.WriteError(warning);
            }

            CliProgress.Run(context, graph.Citations.Length >= 100_000, progress =>
            {
                var writing = progress.Bytes("Writing " + (database ? PostgreSqlGraphs.Shown(target) : target), null);
                if (database)
                {
                    PostgreSqlGraphs.Save(graph, target);
                }
                else
                {
                    CliFiles.SaveGraph(graph, target, kind, writing);
                }

                writing.Done();
            });
            context.WriteLine(ValidateCommand.Summary(target, graph).Replace(": valid: ", ": wrote ", StringComparison.Ordinal));
            return ExitCodes.Success;
        });
        return command;
    }
}
