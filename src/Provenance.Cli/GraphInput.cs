using System.Collections.Immutable;
using Provenance.Bulk;
using Provenance.Yaml;

namespace Provenance.Cli;

/// <summary>Loads the <c>&lt;graph&gt;</c> argument: a YAML file, a folder of them, a JSON Lines (<c>.jsonl</c>) bulk file, or a PostgreSQL database (<see cref="PostgreSqlGraphs"/>).</summary>
internal static class GraphInput
{
    // Above this many bytes of input, a terminal gets a spinner while the graph loads.
    private const long ProgressThresholdBytes = 4L * 1024 * 1024;

    /// <summary>Loads a graph, or throws a <see cref="CliException"/> with one line per problem (exit code 1).</summary>
    public static CitationGraph Load(CliContext context, string path)
    {
        if (TryLoad(context, path, out var graph, out var problems))
        {
            return graph;
        }

        throw new CliException(ExitCodes.InvalidInput, problems);
    }

    /// <summary>Loads a graph, returning the problems as <c>path:line:column: error: message</c> lines.</summary>
    public static bool TryLoad(CliContext context, string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CitationGraph? graph, out ImmutableArray<string> problems)
    {
        if (PostgreSqlGraphs.IsDatabase(path))
        {
            return PostgreSqlGraphs.TryLoad(path, out graph, out problems);
        }

        graph = null;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            problems = [$"{path}: error: no such file or folder; give a graph YAML file or a folder of them."];
            return false;
        }

        var (loaded, diagnostics) = context.WithProgress($"Loading {path}", InputBytes(path) > ProgressThresholdBytes, () =>
        {
            CitationGraph? g;
            ImmutableArray<GraphDiagnostic> d;
            if (IsBulk(path))
            {
                ProvenanceJsonLines.TryLoad(path, out g, out d);
            }
            else
            {
                ProvenanceYaml.TryLoad(path, out g, out d);
            }

            return (g, d);
        });

        graph = loaded;
        problems = [.. diagnostics.Select(d => CliFormat.Diagnostic(d, path))];
        return graph is not null;
    }

    /// <summary>Whether a path names a JSON Lines bulk file rather than YAML.</summary>
    public static bool IsBulk(string path) => File.Exists(path) && path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);

    private static long InputBytes(string path)
    {
        if (File.Exists(path))
        {
            return new FileInfo(path).Length;
        }

        long total = 0;
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
        {
            total += new FileInfo(file).Length;
            if (total > ProgressThresholdBytes)
            {
                break;
            }
        }

        return total;
    }
}
