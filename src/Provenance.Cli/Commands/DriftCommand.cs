using System.CommandLine;

namespace Provenance.Cli.Commands;

/// <summary>
/// <c>provenance drift &lt;graph&gt; &lt;claim-id&gt;</c>: how the wording of a claim changes along its citations (hops), and between
/// reports that relay the same source on different chains (relays).
/// </summary>
internal static class DriftCommand
{
    public static Command Create(CliContext context) => CommandTree.ClaimCommand(
        context,
        "drift",
        "Show how a claim's wording changes from cited to citing report, and between relays of the same source, with the words added and removed.",
        (graph, claim, json) =>
        {
            var drifts = graph.Drift(claim.Id);
            var relays = graph.RelayDrift(claim.Id);
            if (json)
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteString("claim", claim.Id);
                    w.WriteStartArray("drifts");
                    foreach (var drift in drifts)
                    {
                        w.WriteStartObject();
                        w.WriteString("from", drift.Citation.From);
                        w.WriteString("to", drift.Citation.To);
                        w.WriteString("kind", ProvenanceNames.Of(drift.Citation.Kind));
                        w.WriteString("hedge", ProvenanceNames.Of(drift.Citation.Hedge));
                        w.WriteString("fromWording", drift.FromWording);
                        w.WriteString("toWording", drift.ToWording);
                        w.WriteStrings("added", drift.Added);
                        w.WriteStrings("removed", drift.Removed);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("relays");
                    foreach (var relay in relays.Pairs)
                    {
                        w.WriteStartObject();
                        w.WriteString("source", relay.Source);
                        w.WriteString("first", relay.First);
                        w.WriteString("second", relay.Second);
                        w.WriteString("firstWording", relay.FirstWording);
                        w.WriteString("secondWording", relay.SecondWording);
                        w.WriteStrings("added", relay.Added);
                        w.WriteStrings("removed", relay.Removed);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNumber("omittedRelayPairs", relays.OmittedPairs);
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            context.WriteLine($"{claim.Id}: {claim.Text}");
            if (drifts.IsEmpty && relays.Pairs.IsEmpty && relays.OmittedPairs == 0)
            {
                context.WriteLine("No wording drift: every relayed wording matches its source's.");
                return ExitCodes.Success;
            }

            foreach (var drift in drifts)
            {
                context.WriteLine($"{drift.Citation.From} <- {drift.Citation.To}");
                context.WriteLine($"  cited:  \"{drift.ToWording}\"");
                context.WriteLine($"  citing: \"{drift.FromWording}\"");
                if (!drift.Added.IsEmpty)
                {
                    context.WriteLine("  added:   " + string.Join(' ', drift.Added));
                }

                if (!drift.Removed.IsEmpty)
                {
                    context.WriteLine("  removed: " + string.Join(' ', drift.Removed));
                }
            }

            foreach (var relay in relays.Pairs)
            {
                context.WriteLine($"{relay.First} ~ {relay.Second} (both relay {relay.Source})");
                context.WriteLine($"  first:  \"{relay.FirstWording}\"");
                context.WriteLine($"  second: \"{relay.SecondWording}\"");
                if (!relay.Added.IsEmpty)
                {
                    context.WriteLine("  added:   " + string.Join(' ', relay.Added));
                }

                if (!relay.Removed.IsEmpty)
                {
                    context.WriteLine("  removed: " + string.Join(' ', relay.Removed));
                }
            }

            if (relays.OmittedPairs > 0)
            {
                context.WriteLine($"({relays.OmittedPairs} more pairs of relays not compared)");
            }

            return ExitCodes.Success;
        });
}
