using System.CommandLine;
using System.Globalization;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance origins &lt;graph&gt; &lt;claim-id&gt;</c>: the independent origins of a claim.</summary>
internal static class OriginsCommand
{
    public static Command Create(CliContext context) => CommandTree.ClaimCommand(
        context,
        "origins",
        "Count a claim's independent origins: the affiliation groups behind its primary sources.",
        (graph, claim, json) =>
        {
            var origins = graph.IndependentOrigins(claim.Id);
            if (json)
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("claim", claim.Id);
                    w.WriteNumber("independentOrigins", origins.Count);
                    w.WriteStrings("primarySources", graph.PrimarySources(claim.Id));
                    w.WriteStartArray("groups");
                    foreach (var group in origins.Groups)
                    {
                        w.WriteStartObject();
                        w.WriteStringOrNull("affiliation", group.Affiliation);
                        w.WriteStrings("sources", group.Sources);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            context.WriteLine($"{claim.Id}: {claim.Text}");
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Independent origins: {origins.Count}"));
            foreach (var group in origins.Groups)
            {
                var label = group.Affiliation is { } a ? graph.GetAffiliation(a).Name : "(no affiliation)";
                context.WriteLine($"  {label}: {string.Join(", ", group.Sources.Select(s => $"{TraceCommand.Name(graph, s)} ({s})"))}");
            }

            return ExitCodes.Success;
        });
}
