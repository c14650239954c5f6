using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance sources &lt;graph&gt;</c>: every source, how often it is relayed, and who relies on whom.</summary>
internal static class SourcesCommand
{
    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var json = CommandTree.JsonOption();
        var command = new Command("sources", "List the sources: kind, country, affiliation, reports, how often others relay them, and who relies on whom.")
        {
            graphArgument,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var graph = GraphInput.Load(context, parse.GetRequiredValue(graphArgument));
            var summary = graph.SourceSummary();
            if (parse.GetValue(json))
            {
                CliFormat.WriteJson(context, w => WriteJson(w, graph, summary));
            }
            else
            {
                Render(context, graph, summary);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static int ExplicitReports(CitationGraph graph, string source) => graph.ReportsOf(source).Count(r => !r.IsImplicit);

    private static void WriteJson(Utf8JsonWriter writer, CitationGraph graph, SourceSummaryResult summary)
    {
        var relay = summary.Sources.ToDictionary(s => s.Source, StringComparer.Ordinal);
        writer.WriteStartObject();
        writer.WriteStartArray("sources");
        foreach (var source in graph.Sources)
        {
            var r = relay[source.Id];
            writer.WriteStartObject();
            writer.WriteString("id", source.Id);
            writer.WriteString("name", source.Name);
            writer.WriteString("kind", ProvenanceNames.Of(source.Kind));
            writer.WriteStringOrNull("country", source.Country);
            writer.WriteStringOrNull("affiliation", source.Affiliation);
            writer.WriteStrings("aliases", source.Aliases);
            writer.WriteNumber("reports", ExplicitReports(graph, source.Id));
            writer.WriteNumber("relayed", r.Relayed);
            writer.WriteNumber("relayers", r.Relayers);
            writer.WriteNumber("unattributedAssertions", r.UnattributedAssertions);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("pairs");
        foreach (var pair in summary.Pairs)
        {
            writer.WriteStartObject();
            writer.WriteString("citingSource", pair.CitingSource);
            writer.WriteString("citedSource", pair.CitedSource);
            writer.WriteNumber("citations", pair.Citations);
            writer.WriteNumber("hedged", pair.Hedged);
            writer.WriteNumber("unattributed", pair.Unattributed);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Render(CliContext context, CitationGraph graph, SourceSummaryResult summary)
    {
        var relay = summary.Sources.ToDictionary(s => s.Source, StringComparer.Ordinal);
        var table = new Table().Title("Sources");
        table.AddColumns("Id", "Name", "Kind", "Country", "Affiliation", "Reports", "Relayed", "Relayers", "Unattributed");
        foreach (var source in graph.Sources)
        {
            var r = relay[source.Id];
            table.AddRow(
                CliFormat.Text(source.Id),
                CliFormat.Text(source.Name),
                ProvenanceNames.Of(source.Kind),
                CliFormat.Text(source.Country ?? ""),
                CliFormat.Text(source.Affiliation ?? ""),
                CliFormat.Int(ExplicitReports(graph, source.Id)),
                CliFormat.Int(r.Relayed),
                CliFormat.Int(r.Relayers),
                CliFormat.Int(r.UnattributedAssertions));
        }

        context.Console.Write(table);
        if (summary.Pairs.IsEmpty)
        {
            return;
        }

        var pairs = new Table().Title("Who relies on whom");
        pairs.AddColumns("Citing source", "Cited source", "Citations", "Hedged", "Unattributed");
        foreach (var pair in summary.Pairs)
        {
            pairs.AddRow(
                CliFormat.Text(pair.CitingSource),
                CliFormat.Text(pair.CitedSource),
                CliFormat.Int(pair.Citations),
                CliFormat.Int(pair.Hedged),
                CliFormat.Int(pair.Unattributed));
        }

        context.Console.Write(pairs);
    }
}
