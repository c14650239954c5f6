using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Provenance.Internal;

namespace Provenance.Yaml;

/// <summary>
/// Loads and saves citation graphs in the YAML graph format described in the README: one file or a folder of
/// them, every key, type, enumeration value, date and reference checked, every problem reported with its
/// <c>path:line:column</c>. Thread-safe: every method works on its own state.
/// </summary>
public static class ProvenanceYaml
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // For reading: with its preamble, a StreamReader skips a UTF-8 byte-order mark itself and keeps this strict decoder;
    // without it, the reader's detection would switch to the lenient Encoding.UTF8 and turn invalid bytes into U+FFFD (issue 9).
    private static readonly UTF8Encoding Utf8WithMark = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);
    private static readonly Lazy<string> Schema = new(ReadSchema);

    /// <summary>
    /// The JSON Schema (draft 2020-12) of the graph format, as committed at
    /// <c>src/Provenance/Yaml/provenance-graph.schema.json</c>, for editors and other tools.
    /// </summary>
    public static string JsonSchema => Schema.Value;

    /// <summary>Loads a graph from a YAML file, or from every <c>*.yaml</c> and <c>*.yml</c> file under a folder.</summary>
    /// <param name="path">A file, or a folder whose files (searched recursively) are read in ordinal order of their relative paths and merged into one graph.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The validated graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The path does not exist or cannot be read, or the files are malformed or inconsistent; every problem is listed.</exception>
    public static CitationGraph Load(string path, YamlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Finish(LoadCore([path], options));
    }

    /// <summary>
    /// Loads one graph from several files or folders (e.g. a shared source list and a story), merged in the order
    /// given; each folder is read as by <see cref="Load(string, YamlLoadOptions?)"/>. A file named twice is read once.
    /// </summary>
    /// <param name="paths">Files or folders, at least one.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The validated graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty.</exception>
    /// <exception cref="GraphValidationException">A path does not exist or cannot be read, or the files are malformed or inconsistent; every problem is listed.</exception>
    public static CitationGraph Load(IEnumerable<string> paths, YamlLoadOptions? options = null) =>
        Finish(LoadCore(Roots(paths), options));

    /// <summary>Loads one graph from several files or folders, as <see cref="Load(IEnumerable{string}, YamlLoadOptions?)"/>, returning the problems instead of throwing.</summary>
    /// <param name="paths">Files or folders, at least one.</param>
    /// <param name="graph">The graph, when it is valid; never a partial graph.</param>
    /// <param name="diagnostics">Every problem found, in file order; empty when the graph is valid.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph is valid and was built.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> or one of its elements is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="paths"/> is empty.</exception>
    public static bool TryLoad(
        IEnumerable<string> paths,
        [NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics,
        YamlLoadOptions? options = null)
    {
        (graph, diagnostics, _) = LoadCore(Roots(paths), options);
        return graph is not null;
    }

    /// <summary>Loads a graph from YAML text.</summary>
    /// <param name="reader">The YAML text.</param>
    /// <param name="fileName">The name used in error positions.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The validated graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The text is malformed or inconsistent; every problem is listed.</exception>
    public static CitationGraph Load(TextReader reader, string fileName, YamlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return Finish(LoadText(reader, fileName, options, reopen: null));
    }

    /// <summary>Loads a graph from a UTF-8 stream.</summary>
    /// <param name="stream">The YAML bytes, UTF-8 (a byte-order mark is allowed).</param>
    /// <param name="fileName">The name used in error positions.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The validated graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The bytes are malformed or inconsistent; every problem is listed.</exception>
    public static CitationGraph Load(Stream stream, string fileName, YamlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var start = stream.CanSeek ? stream.Position : -1;
        using var reader = new StreamReader(stream, Utf8WithMark, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        try
        {
            return Finish(LoadText(reader, fileName, options, stream.CanSeek ? () => Reopen(stream, start) : null));
        }
        catch (DecoderFallbackException ex)
        {
            // Re-read to find the bad byte's line and column; a stream that cannot seek gets the file's start.
            // Only what was read is read again, so this is bounded like the load.
            var bytes = Array.Empty<byte>();
            if (start >= 0)
            {
                bytes = new byte[Math.Max(0, stream.Position - start)];
                stream.Position = start;
                stream.ReadExactly(bytes);
            }

            throw new GraphValidationException([NotUtf8(fileName, bytes, ex.BytesUnknown)], ex);
        }
    }

    /// <summary>Parses a graph from a YAML string.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name used in error positions.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The validated graph.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The text is malformed or inconsistent; every problem is listed.</exception>
    public static CitationGraph Parse(string yaml, string fileName = "graph.yaml", YamlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        return Finish(LoadText(new StringReader(yaml), fileName, options, () => new StringReader(yaml)));
    }

    /// <summary>Loads a graph from a file or folder, returning the problems instead of throwing.</summary>
    /// <param name="path">A file, or a folder read as by <see cref="Load(string, YamlLoadOptions?)"/>.</param>
    /// <param name="graph">The graph, when it is valid; never a partial graph.</param>
    /// <param name="diagnostics">Every problem found, in file order; empty when the graph is valid.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph is valid and was built.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static bool TryLoad(
        string path,
        [NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics,
        YamlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        (graph, diagnostics, _) = LoadCore([path], options);
        return graph is not null;
    }

    /// <summary>Parses a graph from a YAML string, returning the problems instead of throwing.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="fileName">The name used in error positions.</param>
    /// <param name="graph">The graph, when it is valid; never a partial graph.</param>
    /// <param name="diagnostics">Every problem found, in file order; empty when the graph is valid.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph is valid and was built.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="yaml"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    public static bool TryParse(
        string yaml,
        string fileName,
        [NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics,
        YamlLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        (graph, diagnostics, _) = LoadText(new StringReader(yaml), fileName, options, () => new StringReader(yaml));
        return graph is not null;
    }

    /// <summary>Writes a graph as YAML: deterministic, <c>\n</c> line endings, defaults left out, chains nested under <c>via</c>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">Where to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="writer"/> is <see langword="null"/>.</exception>
    public static void Save(CitationGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        YamlGraphWriter.Write(graph, writer);
    }

    /// <summary>Writes a graph as YAML to a UTF-8 stream (no byte-order mark).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="stream"/> is <see langword="null"/>.</exception>
    public static void Save(CitationGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, Utf8, bufferSize: 65536, leaveOpen: true) { NewLine = "\n" };
        YamlGraphWriter.Write(graph, writer);
    }

    /// <summary>Writes a graph as a UTF-8 YAML file (no byte-order mark), replacing any file at <paramref name="path"/>.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="path">The file to write.</param>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Save(CitationGraph graph, string path)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Save(graph, stream);
    }

    /// <summary>Returns a graph as YAML text, as <see cref="Save(CitationGraph, TextWriter)"/> writes it.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The YAML text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static string ToYaml(CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        YamlGraphWriter.Write(graph, writer);
        return writer.ToString();
    }

    private static string ReadSchema()
    {
        using var stream = typeof(ProvenanceYaml).Assembly.GetManifestResourceStream("Provenance.Yaml.provenance-graph.schema.json")
            ?? throw new InvalidOperationException("The JSON Schema resource is missing from the Provenance assembly.");
        using var reader = new StreamReader(stream, Utf8);
        return reader.ReadToEnd();
    }

    private static CitationGraph Finish((CitationGraph? Graph, ImmutableArray<GraphDiagnostic> Diagnostics, Exception? Cause) result) =>
        result.Graph ?? throw new GraphValidationException(result.Diagnostics, result.Cause);

    private static (CitationGraph?, ImmutableArray<GraphDiagnostic>, Exception?) LoadText(
        TextReader reader, string fileName, YamlLoadOptions? options, Func<TextReader>? reopen)
    {
        var (limits, build) = Start(options);
        var first = reader;
        TextReader Open()
        {
            var text = first ?? reopen!();
            first = null;
            return text;
        }

        return Run([new Input(fileName, null, Open, reopen is not null)], limits, build, []);
    }

    private static StreamReader Reopen(Stream stream, long start)
    {
        stream.Position = start;
        return new StreamReader(stream, Utf8WithMark, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
    }

    private static string[] Roots(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        string[] roots = [.. paths];
        foreach (var root in roots)
        {
            ArgumentNullException.ThrowIfNull(root, nameof(paths));
        }

        return roots.Length > 0 ? roots : throw new ArgumentException("Give at least one graph file or folder.", nameof(paths));
    }

    private static (CitationGraph?, ImmutableArray<GraphDiagnostic>, Exception?) LoadCore(string[] roots, YamlLoadOptions? options)
    {
        var (limits, build) = Start(options);
        var problems = new List<GraphDiagnostic>();
        var inputs = new List<Input>();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var path in roots)
        {
            foreach (var file in FilesOf(path, problems))
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    inputs.Add(new Input(file, file, null, true));
                }
            }
        }

        return Run(inputs, limits, build, problems);
    }

    /// <summary>The file itself, or a folder's <c>*.yaml</c>/<c>*.yml</c> files in ordinal order of their relative paths.</summary>
    private static string[] FilesOf(string path, List<GraphDiagnostic> problems)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (Directory.Exists(path))
        {
            string[] found = [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Select(p => Path.Join(path, Path.GetRelativePath(path, p).Replace('\\', '/')))
                .Order(StringComparer.Ordinal)];
            if (found.Length == 0)
            {
                problems.Add(new GraphDiagnostic(null, DiagnosticCodes.NotFound, ErrorMessages.NoYamlFiles(path)));
            }

            return found;
        }

        problems.Add(new GraphDiagnostic(null, DiagnosticCodes.NotFound, ErrorMessages.NotFound(path)));
        return [];
    }

    private static (GraphLimits, GraphBuildOptions) Start(YamlLoadOptions? options)
    {
        options ??= new YamlLoadOptions();
        ArgumentNullException.ThrowIfNull(options.Limits, "options.Limits");
        options.Limits.Validate();
        return (options.Limits, new GraphBuildOptions { Limits = options.Limits, AllowTimelineErrors = options.AllowTimelineErrors });
    }

    /// <summary>
    /// Streams every input into a builder without field positions (a valid graph, the common case, then costs no position
    /// bookkeeping); when the graph is invalid, streams them again with positions, so each problem points at its value.
    /// An input that cannot be read twice is read once, with positions.
    /// </summary>
    private static (CitationGraph?, ImmutableArray<GraphDiagnostic>, Exception?) Run(
        List<Input> inputs, GraphLimits limits, GraphBuildOptions options, List<GraphDiagnostic> found)
    {
        var once = inputs.Exists(i => !i.CanReopen);
        var (graph, diagnostics, cause, final) = Pass(inputs, limits, options, found, positions: once);
        if (graph is not null || final || once)
        {
            return (graph, diagnostics, cause);
        }

        var located = Pass(inputs, limits, options, found, positions: true);
        return (located.Graph, located.Diagnostics, located.Cause);
    }

    /// <summary>One pass over the inputs; <c>Final</c> when a syntax or file problem makes a second pass pointless.</summary>
    private static (CitationGraph? Graph, ImmutableArray<GraphDiagnostic> Diagnostics, Exception? Cause, bool Final) Pass(
        List<Input> inputs, GraphLimits limits, GraphBuildOptions options, List<GraphDiagnostic> found, bool positions)
    {
        // Problems of reading (file, encoding, syntax, limits) come alone: a file that could not be read leaves references
        // dangling elsewhere, so only what is certain is reported.
        var reading = new List<GraphDiagnostic>(found);
        var problems = new List<GraphDiagnostic>();
        Exception? cause = null;
        var builder = new CitationGraphBuilder(options);
        var reader = new YamlGraphReader(builder, limits, problems, positions);
        foreach (var input in inputs)
        {
            if (input.Path is null)
            {
                var limited = new LimitedReader(input.Open!(), limits.MaxFileBytes);
                YamlTreeReader.Read(limited, input.File, limits, reading, ref cause, reader);
                if (limited.Exceeded)
                {
                    // What was parsed is a truncated prefix: its problems are artefacts of the cut.
                    return (null, [new GraphDiagnostic(new SourceLocation(input.File, 1, 1), DiagnosticCodes.Limit, ErrorMessages.TextTooLarge(limits.MaxFileBytes))], null, true);
                }

                continue;
            }

            var file = input.Path;
            try
            {
                var size = new FileInfo(file).Length;
                if (size > limits.MaxFileBytes)
                {
                    reading.Add(new GraphDiagnostic(new SourceLocation(file, 1, 1), DiagnosticCodes.Limit, ErrorMessages.FileTooLarge(limits.MaxFileBytes)));
                    continue;
                }

                using var text = new StreamReader(file, Utf8WithMark, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 65536 });
                YamlTreeReader.Read(text, file, limits, reading, ref cause, reader);
            }
            catch (DecoderFallbackException ex)
            {
                cause ??= ex;
                reading.Add(NotUtf8(file, File.ReadAllBytes(file), ex.BytesUnknown));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                reading.Add(new GraphDiagnostic(new SourceLocation(file, 1, 1), DiagnosticCodes.Io, ErrorMessages.CannotRead(file, ex.Message)));
            }
        }

        if (reading.Count > 0)
        {
            return (null, Sorted(reading), cause, true);
        }

        if (!positions)
        {
            return problems.Count == 0 && builder.TryBuild(out var quick, out _) ? (quick, [], null, true) : (null, [], null, false);
        }

        foreach (var problem in problems)
        {
            builder.AddProblem(problem);
        }

        return builder.TryBuild(out var graph, out var diagnostics) ? (graph, [], null, true) : (null, diagnostics, cause, true);
    }

    /// <summary>One file (<c>Path</c>) or one text (<c>Open</c>, which gives the text again while <c>CanReopen</c>).</summary>
    private sealed record Input(string File, string? Path, Func<TextReader>? Open, bool CanReopen);

    /// <summary>
    /// The problem for text that is not UTF-8, at the first bad byte's line and column as the parser counts them
    /// (characters, after a byte-order mark), or at the start when the bytes cannot be read again (issue 9).
    /// </summary>
    private static GraphDiagnostic NotUtf8(string file, ReadOnlySpan<byte> bytes, byte[]? unknown)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out var written, replaceInvalidSequences: false);
        int line = 1, column = 1;
        for (var i = 0; i < written; i++)
        {
            if (chars[i] == '\n' || (chars[i] == '\r' && (i + 1 == written || chars[i + 1] != '\n')))
            {
                line++;
                column = 1;
            }
            else if (chars[i] != '\r')
            {
                column++;
            }
        }

        var bad = read < bytes.Length ? bytes[read] : unknown is [var first, ..] ? first : (byte)0;
        return new GraphDiagnostic(new SourceLocation(file, line, column), DiagnosticCodes.Encoding, ErrorMessages.NotUtf8(bad));
    }

    private static ImmutableArray<GraphDiagnostic> Sorted(List<GraphDiagnostic> problems) =>
        [.. problems
            .OrderBy(d => d.Location is null ? 1 : 0)
            .ThenBy(d => d.Location?.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.Line)
            .ThenBy(d => d.Location?.Column)];

    /// <summary>Ends the text after <see cref="GraphLimits.MaxFileBytes"/> characters, so an endless reader cannot exhaust memory.</summary>
    private sealed class LimitedReader(TextReader inner, long limit) : TextReader
    {
        private long read;

        public bool Exceeded { get; private set; }

        public override int Peek() => Exceeded ? -1 : inner.Peek();

        public override int Read()
        {
            Span<char> one = stackalloc char[1];
            return Read(one) == 1 ? one[0] : -1;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (Exceeded || buffer.IsEmpty)
            {
                return 0;
            }

            var n = inner.Read(buffer);
            read += n;
            if (read > limit)
            {
                Exceeded = true;
                return 0;
            }

            return n;
        }
    }
}
