using System.CommandLine;
using Provenance.Bulk;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance import &lt;file.json&gt; -o graph.yaml</c>: reads W3C PROV-JSON into our graph format.</summary>
internal static class ImportCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("file.json") { Description = "A PROV-JSON document." };
        var output = CommandTree.OutputOption("The graph to write: YAML (.yaml, .yml), JSON Lines (.jsonl) or a PostgreSQL database (postgresql://...).", required: true);
        var command = new Command("import", "Read a W3C PROV-JSON document into a graph file; records with no counterpart are listed as warnings.")
        {
            input,
            output,
        };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetRequiredValue(input);
            var target = parse.GetRequiredValue(output);
            var kind = PostgreSqlGraphs.IsDatabase(target) ? "postgresql" : CommandTree.GraphFileKind(target);
            if (!File.Exists(path))
            {
                throw CliException.Input($"{path}: no such file; give a PROV-JSON document.");
            }

            var result = ProvJson.Import(path);
            foreach (var unmapped in result.Unmapped)
            {
                context.WriteError($"{unmapped.Location}: warning: {unmapped.RecordType} {unmapped.Id}{(unmapped.Attribute is null ? "" : " " + unmapped.Attribute)}: {unmapped.Reason}");
            }

            if (kind == "postgresql")
            {
                PostgreSqlGraphs.Save(result.Graph, target);
                context.WriteLine(ValidateCommand.Summary(target, result.Graph).Replace(": valid: ", ": wrote ", StringComparison.Ordinal));
                return ExitCodes.Success;
            }

            if (kind == "jsonl")
            {
                ProvenanceJsonLines.Save(result.Graph, target);
            }
            else
            {
                ProvenanceYaml.Save(result.Graph, target);
            }

            context.WriteLine(ValidateCommand.Summary(target, result.Graph).Replace(": valid: ", ": wrote ", StringComparison.Ordinal));
            return ExitCodes.Success;
        });
        return command;
    }
}
