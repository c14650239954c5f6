using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance trace &lt;graph&gt; &lt;claim-id&gt;</c>: every chain from the reports asserting a claim to where each ends.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var defaults = new TraceOptions();
        var maxChains = new Option<int>("--max-chains")
        {
            Description = $"The most chains listed; the rest are counted. Default: {defaults.MaxChains.ToString("N0", CultureInfo.InvariantCulture)}.",
            HelpName = "n",
            DefaultValueFactory = _ => defaults.MaxChains,
        };
        CliValidation.Range(maxChains, 1, int.MaxValue);
        var maxDepth = new Option<int>("--max-depth")
        {
            Description = $"The most hops one chain follows; a longer chain is cut there as a dead end. Default: {defaults.MaxDepth.ToString("N0", CultureInfo.InvariantCulture)}.",
            HelpName = "n",
            DefaultValueFactory = _ => defaults.MaxDepth,
        };
        CliValidation.Range(maxDepth, 1, int.MaxValue);
        var command = CommandTree.ClaimCommand(
            context,
            "trace",
            "Trace a claim: every chain of citations from the reports asserting it to a primary source, a dead end or a cycle.",
            (parse, graph, claim, json) =>
            {
                var trace = graph.Trace(claim.Id, new TraceOptions { MaxChains = parse.GetValue(maxChains), MaxDepth = parse.GetValue(maxDepth) });
                if (json)
                {
                    CliFormat.WriteJson(context, w => WriteJson(w, trace));
                }
                else
                {
                    Render(context, graph, claim, trace);
                }

                return ExitCodes.Success;
            });
        command.Options.Add(maxChains);
        command.Options.Add(maxDepth);
        return command;
    }

    /// <summary>The wire name of how a chain ends: <c>primary</c>, <c>dead-end</c> or <c>cycle</c>.</summary>
    internal static string EndName(ChainEndKind kind) => kind switch
    {
        ChainEndKind.PrimarySource => "primary",
        ChainEndKind.DeadEnd => "dead-end",
        _ => "cycle",
    };

    internal static void WriteJson(Utf8JsonWriter writer, TraceResult trace)
    {
        writer.WriteStartObject();
        writer.WriteString("claim", trace.Claim);
        writer.WriteStartArray("chains");
        foreach (var chain in trace.Chains)
        {
            writer.WriteStartObject();
            writer.WriteString("report", chain.Report);
            writer.WriteString("source", chain.Source);
            writer.WriteStartArray("hops");
            foreach (var hop in chain.Hops)
            {
                writer.WriteStartObject();
                writer.WriteString("from", hop.From);
                writer.WriteString("to", hop.To);
                writer.WriteString("toSource", hop.ToSource);
                writer.WriteString("kind", ProvenanceNames.Of(hop.Kind));
                writer.WriteString("hedge", ProvenanceNames.Of(hop.Hedge));
                writer.WriteStringOrNull("evidence", hop.Evidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("end");
            writer.WriteString("kind", EndName(chain.End.Kind));
            writer.WriteString("node", chain.End.Report);
            writer.WriteString("source", chain.End.Source);
            writer.WriteStringOrNull("reason", chain.End.Reason is { } reason ? ProvenanceNames.Of(reason) : null);
            writer.WriteStringOrNull("firstHandReport", chain.End.FirstHandReport);
            writer.WriteEndObject();
            writer.WriteNumber("depth", chain.Depth);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("omittedChains", trace.OmittedChains);
        writer.WriteStrings("primarySources", trace.PrimarySources);
        writer.WriteNumber("independentOrigins", trace.IndependentOrigins.Count);
        writer.WriteStartArray("originGroups");
        foreach (var group in trace.IndependentOrigins.Groups)
        {
            writer.WriteStartObject();
            writer.WriteStringOrNull("affiliation", group.Affiliation);
            writer.WriteStrings("sources", group.Sources);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void Render(CliContext context, CitationGraph graph, Claim claim, TraceResult trace)
    {
        var tree = new Tree(new Markup($"[bold]{CliFormat.Text(claim.Id)}[/]: {CliFormat.Text(claim.Text)}"));
        var number = 0;
        foreach (var chain in trace.Chains)
        {
            number++;
            var node = tree.AddNode(new Markup(string.Create(
                CultureInfo.InvariantCulture,
                $"chain {number}: [bold]{CliFormat.Text(chain.Report)}[/] ({CliFormat.Text(Name(graph, chain.Source))}), {chain.Depth} hop{(chain.Depth == 1 ? "" : "s")}")));
            foreach (var hop in chain.Hops)
            {
                var hedge = hop.Hedge == Hedge.None ? "" : ", " + ProvenanceNames.Of(hop.Hedge);
                var hopNode = node.AddNode(new Markup(
                    $"{CliFormat.Text(ProvenanceNames.Of(hop.Kind))}{CliFormat.Text(hedge)} → {CliFormat.Text(hop.To)} ({CliFormat.Text(Name(graph, hop.ToSource))})"));
                if (!string.IsNullOrEmpty(hop.Evidence))
                {
                    hopNode.AddNode(new Markup($"[dim]\"{CliFormat.Text(hop.Evidence)}\"[/]"));
                }
            }

            node.AddNode(new Markup(End(graph, chain.End)));
        }

        context.Console.Write(tree);
        if (trace.OmittedChains > 0)
        {
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trace.OmittedChains}{(trace.OmittedChainsIsExact ? "" : " or more")} more chains left out (--max-chains)."));
        }

        context.WriteLine("Primary sources: " + (trace.PrimarySources.IsEmpty ? "none" : string.Join(", ", trace.PrimarySources.Select(s => Name(graph, s)))));
        context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Independent origins: {trace.IndependentOrigins.Count}") + Groups(graph, trace.IndependentOrigins));
    }

    internal static string Groups(CitationGraph graph, IndependentOriginsResult origins) =>
        origins.Count == 0
            ? ""
            : " (" + string.Join("; ", origins.Groups.Select(g =>
                g.Affiliation is { } a
                    ? $"{graph.GetAffiliation(a).Name}: {string.Join(", ", g.Sources.Select(s => Name(graph, s)))}"
                    : Name(graph, g.Sources[0]))) + ")";

    internal static string Name(CitationGraph graph, string sourceId) => graph.TryGetSource(sourceId, out var source) ? source.Name : sourceId;

    private static string End(CitationGraph graph, TraceEnd end) => end.Kind switch
    {
        ChainEndKind.PrimarySource => $"[green]primary source[/]: {CliFormat.Text(Name(graph, end.Source))} ({CliFormat.Text(end.FirstHandReport ?? end.Report)})",
        ChainEndKind.DeadEnd => $"[red]dead end[/]: {CliFormat.Text(end.Report)} ({CliFormat.Text(Name(graph, end.Source))}){(end.Reason is { } r ? ", " + CliFormat.Text(ProvenanceNames.Of(r)) : "")}",
        _ => $"[yellow]cycle[/]: back to {CliFormat.Text(end.Report)} ({CliFormat.Text(Name(graph, end.Source))})",
    };
}
