using System.CommandLine;
using System.Globalization;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance single-source &lt;graph&gt; [--json]</c>: the claims that rest on exactly one independent origin.</summary>
internal static class SingleSourceCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var json = CommandTree.JsonOption();
        var command = new Command("single-source", "List the single-sourced claims: those whose primary sources form exactly one independent origin.")
        {
            graphArgument,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var claims = graph.SingleOriginClaims();
            if (parse.GetValue(json))
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("claims");
                    foreach (var origins in claims)
                    {
                        w.WriteStartObject();
                        w.WriteString("claim", origins.Claim);
                        w.WriteStringOrNull("affiliation", origins.Groups[0].Affiliation);
                        w.WriteStrings("sources", origins.Groups[0].Sources);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (claims.IsEmpty)
            {
                context.WriteLine("No single-sourced claims.");
                return ExitCodes.Success;
            }

            foreach (var origins in claims)
            {
                var group = origins.Groups[0];
                var label = group.Affiliation is { } a ? graph.GetAffiliation(a).Name + ": " : "";
                context.WriteLine($"{origins.Claim}: {label}{string.Join(", ", group.Sources.Select(s => $"{TraceCommand.Name(graph, s)} ({s})"))}");
            }

            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{claims.Length} of {graph.Claims.Length} claims rest on one independent origin."));
            return ExitCodes.Success;
        });
        return command;
    }
}
