using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Provenance.Bulk;
using Provenance.Internal;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance;

/// <summary>
/// The one entry point for loading and saving a graph in any supported format: YAML files and folders, JSON Lines
/// (<c>.jsonl</c>) and W3C PROV-JSON (<c>.json</c>), chosen by extension, and by content where the extension says nothing.
/// Thread-safe: every method works on its own state.
/// </summary>
/// <remarks>
/// This wraps <see cref="ProvenanceYaml"/>, <see cref="ProvenanceJsonLines"/> and <see cref="ProvJson"/>; the results and
/// messages are theirs. The <c>Try</c> methods never throw for bad input, missing files or unreadable files: they return
/// <see langword="false"/> with the problems.
/// </remarks>
public static class ProvenanceGraph
{
    // Enough of a file to see past a byte-order mark and leading blank lines to its first character, and to read a JSON Lines header.
    private const int SniffBytes = 64 * 1024;

    /// <summary>Loads a graph from a file or folder in any supported format.</summary>
    /// <param name="path">A YAML file or folder of them, a JSON Lines file or a PROV-JSON file.</param>
    /// <param name="options">Limits, relaxed rules and the format; <see langword="null"/> for the defaults.</param>
    /// <returns>The validated graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    /// <exception cref="GraphValidationException">The path does not exist or cannot be read, or the input is malformed or inconsistent; every problem is listed.</exception>
    public static CitationGraph Load(string path, GraphLoadOptions? options = null) =>
        TryLoad(path, out var graph, out var diagnostics, options) ? graph : throw new GraphValidationException(diagnostics);

    /// <summary>Loads one graph from several paths: YAML files and folders are merged in the order given; any other format must come alone.</summary>
    /// <param name="paths">The paths, at least one.</param>
    /// <param name="options">Limits, relaxed rules and the format; <see langword="null"/> for the defaults.</param>
    /// <returns>The validated graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    /// <exception cref="GraphValidationException">A path does not exist or cannot be read, the input is malformed or inconsistent, or a non-YAML file is given with others; every problem is listed.</exception>
    public static CitationGraph Load(IEnumerable<string> paths, GraphLoadOptions? options = null) =>
        TryLoad(paths, out var graph, out var diagnostics, options) ? graph : throw new GraphValidationException(diagnostics);

    /// <summary>Loads a graph from a file or folder in any supported format, returning the problems instead of throwing.</summary>
    /// <param name="path">A YAML file or folder of them, a JSON Lines file or a PROV-JSON file.</param>
    /// <param name="graph">The graph, when it is valid; never a partial graph.</param>
    /// <param name="diagnostics">Every problem found; empty when the graph was loaded.</param>
    /// <param name="options">Limits, relaxed rules and the format; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph was loaded; <see langword="false"/> for bad input and for a missing or unreadable path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    public static bool TryLoad(
        string path,
        [NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics,
        GraphLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TryLoad([path], out graph, out diagnostics, options);
    }

    /// <summary>Loads one graph from several paths, as <see cref="Load(IEnumerable{string}, GraphLoadOptions?)"/>, returning the problems instead of throwing.</summary>
    /// <param name="paths">The paths, at least one.</param>
    /// <param name="graph">The graph, when it is valid; never a partial graph.</param>
    /// <param name="diagnostics">Every problem found; empty when the graph was loaded.</param>
    /// <param name="options">Limits, relaxed rules and the format; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph was loaded; <see langword="false"/> for bad input and for missing or unreadable paths.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    public static bool TryLoad(
        IEnumerable<string> paths,
        [NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics,
        GraphLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string[] roots = [.. paths];
        foreach (var root in roots)
        {
            ArgumentNullException.ThrowIfNull(root, nameof(paths));
        }

        if (roots.Length == 0)
        {
            throw new ArgumentException("Give at least one graph file or folder.", nameof(paths));
        }

        options ??= new GraphLoadOptions();
        ArgumentNullException.ThrowIfNull(options.Limits, "options.Limits");
        options.Limits.Validate();
        graph = null;

        var missing = roots.Where(r => !File.Exists(r) && !Directory.Exists(r)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            diagnostics = [.. missing.Select(m => new GraphDiagnostic(null, "not-found", ErrorMessages.NotFound(m)))];
            return false;
        }

        var formats = roots.Select(r => options.Format ?? DetectFormat(r)).ToArray();
        if (roots.Length > 1 && formats.Any(f => f != GraphFormat.Yaml))
        {
            var alone = roots.Where((_, i) => formats[i] != GraphFormat.Yaml);
            diagnostics = [.. alone.Select(r => new GraphDiagnostic(null, "format", $"'{r}' is {Name(options.Format ?? DetectFormat(r))}, which loads on its own; only YAML files and folders merge with others."))];
            return false;
        }

        if (roots.Length > 1 || Directory.Exists(roots[0]))
        {
            return formats[0] == GraphFormat.Yaml
                ? ProvenanceYaml.TryLoad(roots, out graph, out diagnostics, Yaml(options))
                : Fail(out diagnostics, new GraphDiagnostic(null, "format", $"'{roots[0]}' is a folder; only YAML graphs come as folders."));
        }

        return LoadFile(roots[0], formats[0], options, out graph, out diagnostics);
    }

    /// <summary>
    /// The format of a path: a folder is YAML; a file by its extension (<c>.yaml</c>/<c>.yml</c>, <c>.jsonl</c>, <c>.json</c>), and
    /// otherwise by its first bytes: a first line that is a JSON object with <c>"type": "provenance"</c> is JSON Lines, any other
    /// JSON object PROV-JSON, anything else YAML.
    /// </summary>
    /// <param name="path">A file or folder; a path that cannot be read is taken as YAML, whose loader then reports it.</param>
    /// <returns>The format.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static GraphFormat DetectFormat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            return GraphFormat.Yaml;
        }

        return FormatOfExtension(path) ?? FormatOfContent(path);
    }

    /// <summary>The format an extension names: <c>.yaml</c>/<c>.yml</c>, <c>.jsonl</c> or <c>.json</c> (any case), or <see langword="null"/>.</summary>
    /// <param name="path">A path or file name.</param>
    /// <returns>The format, or <see langword="null"/> when the extension is none of those.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static GraphFormat? FormatOfExtension(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".yaml" or ".yml" => GraphFormat.Yaml,
            ".jsonl" => GraphFormat.JsonLines,
            ".json" => GraphFormat.ProvJson,
            _ => null,
        };
    }

    /// <summary>Writes a graph to a file in a format: deterministic, UTF-8 without a byte-order mark, <c>\n</c> line ends.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file to write, replaced if it exists.</param>
    /// <param name="format">The format; <see langword="null"/> to choose it by the extension of <paramref name="path"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="format"/> is <see langword="null"/> and the extension names no format.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save(CitationGraph graph, string path, GraphFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(path);
        var chosen = format ?? FormatOfExtension(path)
            ?? throw new ArgumentException($"'{path}' has no graph extension; use .yaml, .yml, .jsonl or .json, or pass the format.", nameof(path));
        switch (chosen)
        {
            case GraphFormat.JsonLines:
                ProvenanceJsonLines.Save(graph, path);
                break;
            case GraphFormat.ProvJson:
                using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1))
                {
                    ProvJson.Export(graph, stream);
                }

                break;
            default:
                ProvenanceYaml.Save(graph, path);
                break;
        }
    }

    private static string Name(GraphFormat format) => format switch
    {
        GraphFormat.JsonLines => "JSON Lines",
        GraphFormat.ProvJson => "PROV-JSON",
        _ => "YAML",
    };

    private static bool Fail(out ImmutableArray<GraphDiagnostic> diagnostics, GraphDiagnostic diagnostic)
    {
        diagnostics = [diagnostic];
        return false;
    }

    private static YamlLoadOptions Yaml(GraphLoadOptions options) => new() { Limits = options.Limits, AllowTimelineErrors = options.AllowTimelineErrors };

    private static bool LoadFile(string path, GraphFormat format, GraphLoadOptions options, out CitationGraph? graph, out ImmutableArray<GraphDiagnostic> diagnostics)
    {
        graph = null;
        if (options.Progress is null)
        {
            switch (format)
            {
                case GraphFormat.JsonLines:
                    return ProvenanceJsonLines.TryLoad(path, out graph, out diagnostics, options.BuildOptions());
                case GraphFormat.ProvJson:
                    var imported = ProvJson.TryImport(path, out var result, out diagnostics, options.BuildOptions());
                    graph = Report(result, options);
                    return imported;
                default:
                    return ProvenanceYaml.TryLoad(path, out graph, out diagnostics, Yaml(options));
            }
        }

        // With a progress display, read through a stream that reports its position. A YAML file over the size limit goes to the
        // path loader, which names its size; under it, the stream loader gives the same results.
        if (format == GraphFormat.Yaml && SizeOf(path) > options.Limits.MaxFileBytes)
        {
            return ProvenanceYaml.TryLoad(path, out graph, out diagnostics, Yaml(options));
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(out diagnostics, new GraphDiagnostic(new SourceLocation(path, 1, 1), "io", ErrorMessages.CannotRead(path, e.Message)));
        }

        using var stream = new ProgressStream(file, options.Progress);
        try
        {
            switch (format)
            {
                case GraphFormat.JsonLines:
                    return ProvenanceJsonLines.TryLoad(stream, path, out graph, out diagnostics, options.BuildOptions());
                case GraphFormat.ProvJson:
                    var imported = ProvJson.TryImport(stream, path, out var result, out diagnostics, options.BuildOptions());
                    graph = Report(result, options);
                    return imported;
                default:
                    try
                    {
                        graph = ProvenanceYaml.Load(stream, path, Yaml(options));
                        diagnostics = [];
                        return true;
                    }
                    catch (GraphValidationException e)
                    {
                        diagnostics = e.Diagnostics;
                        return false;
                    }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            graph = null;
            return Fail(out diagnostics, new GraphDiagnostic(new SourceLocation(path, 1, 1), "io", ErrorMessages.CannotRead(path, e.Message)));
        }
    }

    private static CitationGraph? Report(ProvImportResult? result, GraphLoadOptions options)
    {
        if (result is not null && options.OnUnmappedRecord is { } report)
        {
            foreach (var record in result.Unmapped)
            {
                report(record);
            }
        }

        return result?.Graph;
    }

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static GraphFormat FormatOfContent(string path)
    {
        byte[] head;
        int length;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            head = new byte[SniffBytes];
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return GraphFormat.Yaml;
        }

        var span = head.AsSpan(0, length);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        span = span.TrimStart(" \t\r\n"u8);
        if (span.IsEmpty || span[0] != (byte)'{')
        {
            return GraphFormat.Yaml;
        }

        var end = span.IndexOf((byte)'\n');
        return IsBulkHeader(end < 0 ? span : span[..end]) ? GraphFormat.JsonLines : GraphFormat.ProvJson;
    }

    /// <summary>Whether a line is a complete JSON object whose top-level <c>type</c> is <c>provenance</c>: the bulk format's header.</summary>
    private static bool IsBulkHeader(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var header = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type"u8);
                if (!reader.Read())
                {
                    return false;
                }

                if (isType && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("provenance"u8))
                {
                    header = true;
                }

                reader.Skip();
            }

            return header && reader.TokenType == JsonTokenType.EndObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
