using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Provenance.Cli;

/// <summary>
/// Resolves the <c>&lt;graph&gt;</c> argument to a loaded graph through the library's front door (<see cref="ProvenanceGraph"/>): a
/// YAML file or folder, a JSON Lines file or a PROV-JSON file, with the limits and rules of the command line; or a PostgreSQL
/// database (<see cref="PostgreSqlGraphs"/>).
/// </summary>
internal static class GraphInput
{
    /// <summary>What the <c>&lt;graph&gt;</c> help says it accepts.</summary>
    public const string Accepted = "A graph: a YAML file (.yaml, .yml) or a folder of them, a JSON Lines file (.jsonl), a PROV-JSON file (.json; another extension is read by its content), or a PostgreSQL database (postgresql://... or a connection string).";

    /// <summary>Loads a graph, or throws a <see cref="CliException"/> with one line per problem (exit code 1).</summary>
    public static CitationGraph Load(CliContext context, string path, GraphLoadOptions? options = null) =>
        TryLoad(context, path, out var graph, out var problems, options) ? graph : throw new CliException(ExitCodes.InvalidInput, problems);

    /// <summary>
    /// Loads a graph, returning the problems as <c>path:line:column: error: message</c> lines. This is the one place a
    /// <c>&lt;graph&gt;</c> argument becomes a graph.
    /// </summary>
    public static bool TryLoad(
        CliContext context,
        string path,
        [NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<string> problems,
        GraphLoadOptions? options = null)
    {
        if (PostgreSqlGraphs.IsDatabase(path))
        {
            return PostgreSqlGraphs.TryLoad(path, out graph, out problems);
        }

        options ??= context.LoadOptions;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            graph = null;
            problems = [$"{path}: error: no such file or folder; give a graph: a YAML file or a folder of them, a .jsonl or a .json file."];
            return false;
        }

        var size = File.Exists(path) ? new FileInfo(path).Length : 0;
        ImmutableArray<GraphDiagnostic> diagnostics = [];
        graph = CliProgress.Run(context, size > context.ProgressThresholdBytes, progress =>
        {
            var step = progress.Bytes("Loading " + path, size);
            var withProgress = new GraphLoadOptions
            {
                Limits = options.Limits,
                AllowTimelineErrors = options.AllowTimelineErrors,
                Format = options.Format,
                OnUnmappedRecord = options.OnUnmappedRecord,
                Progress = context.Progress is null || size <= context.ProgressThresholdBytes ? null : step.AsProgress(),
            };
            ProvenanceGraph.TryLoad(path, out var loaded, out diagnostics, withProgress);
            step.Done();
            return loaded;
        });

        problems = [.. diagnostics.Select(d => CliFormat.Diagnostic(d, path))];
        return graph is not null;
    }
}
