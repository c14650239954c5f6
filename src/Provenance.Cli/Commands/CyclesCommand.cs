using System.CommandLine;
using System.Globalization;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance cycles &lt;graph&gt; [--claim id]</c>: circular reporting.</summary>
internal static class CyclesCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var claimOption = new Option<string>("--claim") { Description = "Only the cycles of this claim's citations." };
        var json = CommandTree.JsonOption();
        var command = new Command("cycles", "Find circular reporting: reports that cite each other, over all claims and per claim.")
        {
            graphArgument,
            claimOption,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var claimId = parse.GetValue(claimOption);
            var result = graph.CircularReporting();
            IEnumerable<CitationCycle> cycles;
            if (claimId is not null)
            {
                var claim = CommandTree.RequireClaim(graph, claimId);
                cycles = result.ByClaim.Where(c => c.Claim == claim.Id);
            }
            else
            {
                cycles = result.Overall.Concat(result.ByClaim);
            }

            var list = cycles.ToList();
            if (parse.GetValue(json))
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("cycles");
                    foreach (var cycle in list)
                    {
                        w.WriteStartObject();
                        w.WriteStringOrNull("claim", cycle.Claim);
                        w.WriteStrings("reports", cycle.Reports);
                        w.WriteStartArray("citations");
                        foreach (var citation in cycle.Citations)
                        {
                            CliFormat.WriteCitation(w, citation);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (list.Count == 0)
            {
                context.WriteLine(claimId is null ? "No circular reporting." : $"No circular reporting for claim '{claimId}'.");
                return ExitCodes.Success;
            }

            var number = 0;
            foreach (var cycle in list)
            {
                number++;
                var scope = cycle.Claim is null ? "all claims" : "claim " + cycle.Claim;
                context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cycle {number} ({scope}): {string.Join(", ", cycle.Reports)}"));
                foreach (var citation in cycle.Citations)
                {
                    context.WriteLine($"  {citation.From} -> {citation.To} ({citation.Claim}, {ProvenanceNames.Of(citation.Kind)})");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
