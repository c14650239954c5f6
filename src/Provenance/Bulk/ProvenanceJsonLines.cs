using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Provenance.Internal;

namespace Provenance.Bulk;

/// <summary>
/// Loads and saves graphs in the bulk format: JSON Lines, one record per line (a header, then affiliations,
/// sources, claims, reports, assertions and citations), for corpora too large to write by hand. Loading streams
/// the file line by line; saving is byte-for-byte deterministic. Thread-safe.
/// </summary>
/// <remarks>
/// The format is specified in the repository README ("Bulk format"). A file is rejected whole: every problem is
/// gathered with its <c>path:line:column</c> (line = the record's line, column = the position in it), record
/// problems first; no graph is half-loaded. Record problems stop reading after
/// <see cref="JsonLinesReader.MaxProblems"/>. The first pass reads without per-field positions, which cost memory on
/// every record; when the graph is invalid and the input can be read again, a second pass finds the positions of
/// the builder's problems.
/// </remarks>
public static class ProvenanceJsonLines
{
    /// <summary>Loads a graph from a JSON Lines file.</summary>
    /// <param name="path">The file's path; messages name it as given.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults (files up to 64 MiB).</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The file does not exist or cannot be read, is malformed, or the graph is inconsistent; every problem is listed.</exception>
    public static CitationGraph Load(string path, GraphBuildOptions? options = null) =>
        TryLoad(path, out var graph, out var diagnostics, options) ? graph : throw new GraphValidationException(diagnostics);

    /// <summary>Loads a graph from a JSON Lines stream, read from its current position to its end.</summary>
    /// <param name="stream">The UTF-8 input. A seekable stream is read a second time to locate graph problems; any other is read once, with positions.</param>
    /// <param name="path">The name messages give the input.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The input is malformed or the graph inconsistent; every problem is listed.</exception>
    public static CitationGraph Load(Stream stream, string path, GraphBuildOptions? options = null) =>
        TryLoad(stream, path, out var graph, out var diagnostics, options) ? graph : throw new GraphValidationException(diagnostics);

    /// <summary>Loads a graph from JSON Lines text.</summary>
    /// <param name="content">The text.</param>
    /// <param name="path">The name messages give the input.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The text is malformed or the graph inconsistent; every problem is listed.</exception>
    public static CitationGraph Parse(string content, string path = "<string>", GraphBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content), writable: false);
        return Load(stream, path, options);
    }

    /// <summary>Loads a graph from a JSON Lines file, returning the problems instead of throwing.</summary>
    /// <param name="path">The file's path; messages name it as given.</param>
    /// <param name="graph">The graph, when the file is valid.</param>
    /// <param name="diagnostics">Every problem found; empty when the graph was loaded.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph was loaded; <see langword="false"/> also when the file is missing or cannot be read (issue 15).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static bool TryLoad(
        string path,
        [NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics,
        GraphBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            graph = null;
            diagnostics = [new GraphDiagnostic(null, "not-found", ErrorMessages.NotFound(path))];
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return TryLoad(stream, path, out graph, out diagnostics, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            graph = null;
            diagnostics = [new GraphDiagnostic(new SourceLocation(path, 1, 1), "io", ErrorMessages.CannotRead(path, e.Message))];
            return false;
        }
    }

    /// <summary>Loads a graph from a JSON Lines stream, returning the problems instead of throwing.</summary>
    /// <param name="stream">The UTF-8 input, read from its current position to its end.</param>
    /// <param name="path">The name messages give the input.</param>
    /// <param name="graph">The graph, when the input is valid.</param>
    /// <param name="diagnostics">Every problem found; empty when the graph was loaded.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph was loaded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    public static bool TryLoad(
        Stream stream,
        string path,
        [NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics,
        GraphBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(path);
        options ??= new GraphBuildOptions();
        ArgumentNullException.ThrowIfNull(options.Limits, "options.Limits");
        options.Limits.Validate();

        var start = stream.CanSeek ? stream.Position : -1;
        if (Pass(stream, path, options, locate: start < 0, out graph, out diagnostics) || start < 0 || diagnostics.Any(d => d.Location is not null))
        {
            return graph is not null;
        }

        // The graph is invalid and its problems carry no positions yet: read again, this time keeping them.
        stream.Position = start;
        Pass(stream, path, options, locate: true, out graph, out diagnostics);
        return graph is not null;
    }

    /// <summary>Writes a graph to a JSON Lines file, replacing it.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file's path.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save(CitationGraph graph, string path)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1);
        JsonLinesWriter.Write(graph, stream);
    }

    /// <summary>Writes a graph as UTF-8 JSON Lines (no byte order mark, <c>\n</c> line ends) to a stream.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">The output; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    public static void Save(CitationGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        JsonLinesWriter.Write(graph, stream);
    }

    /// <summary>Writes a graph as JSON Lines text.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The text, one record per line, each line ended by <c>\n</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static string Serialize(CitationGraph graph)
    {
        using var stream = new MemoryStream();
        Save(graph, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static bool Pass(
        Stream stream,
        string path,
        GraphBuildOptions options,
        bool locate,
        out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics)
    {
        var builder = new CitationGraphBuilder(options);
        var reader = new JsonLinesReader(path, options.Limits, locate, builder);
        reader.Read(stream);
        if (reader.Problems.Count > 0)
        {
            // Record problems come alone: a skipped record would make the builder report phantom unknown references.
            graph = null;
            diagnostics = [.. reader.Problems];
            return false;
        }

        return builder.TryBuild(out graph, out diagnostics);
    }
}
