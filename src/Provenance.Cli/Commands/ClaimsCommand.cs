using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance claims &lt;graph&gt;</c>: every claim with its primary sources and independent-origin count.</summary>
internal static class ClaimsCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var json = CommandTree.JsonOption();
        var command = new Command("claims", "List the claims with their primary sources and number of independent origins.")
        {
            graphArgument,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var rows = graph.Claims.Select(c => (Claim: c, Primary: graph.PrimarySources(c.Id), Origins: graph.IndependentOrigins(c.Id))).ToList();
            if (parse.GetValue(json))
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("claims");
                    foreach (var (claim, primary, origins) in rows)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", claim.Id);
                        w.WriteString("text", claim.Text);
                        w.WriteStrings("primarySources", primary);
                        w.WriteNumber("independentOrigins", origins.Count);
                        w.WriteStrings("contradicts", graph.ContradictionsOf(claim.Id).Select(c => c.Id));
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
            }
            else
            {
                var table = new Table().Title("Claims");
                table.AddColumns("Id", "Text", "Primary sources", "Independent origins");
                foreach (var (claim, primary, origins) in rows)
                {
                    table.AddRow(
                        CliFormat.Text(claim.Id),
                        CliFormat.Text(claim.Text),
                        CliFormat.Text(primary.IsEmpty ? "none" : string.Join(", ", primary)),
                        CliFormat.Int(origins.Count));
                }

                context.Console.Write(table);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
