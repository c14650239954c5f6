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
        return Finish(LoadText(reader, fileName, options));
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
            return Finish(LoadText(reader, fileName, options));
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
        return Finish(LoadText(new StringReader(yaml), fileName, options));
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
        (graph, diagnostics, _) = LoadText(new StringReader(yaml), fileName, options);
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

    private static (CitationGraph?, ImmutableArray<GraphDiagnostic>, Exception?) LoadText(TextReader reader, string fileName, YamlLoadOptions? options)
    {
        var (limits, build) = Start(options);
        var problems = new List<GraphDiagnostic>();
        Exception? cause = null;
        var limited = new LimitedReader(reader, limits.MaxFileBytes);
        var root = YamlTreeReader.Read(limited, fileName, limits, problems, ref cause);
        if (limited.Exceeded)
        {
            // What was parsed is a truncated prefix: its problems are artefacts of the cut.
            problems.Clear();
            problems.Add(new GraphDiagnostic(new SourceLocation(fileName, 1, 1), "limit", ErrorMessages.TextTooLarge(limits.MaxFileBytes)));
            cause = null;
        }

        return Build(build, limits, problems, [(fileName, root)], cause);
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
        Exception? cause = null;
        var files = new List<(string, YamlNode?)>();
        var paths = new List<string>();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var path in roots)
        {
            foreach (var file in FilesOf(path, problems))
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    paths.Add(file);
                }
            }
        }

        foreach (var file in paths)
        {
            try
            {
                var size = new FileInfo(file).Length;
                if (size > limits.MaxFileBytes)
                {
                    problems.Add(new GraphDiagnostic(new SourceLocation(file, 1, 1), "limit", ErrorMessages.FileTooLarge(size, limits.MaxFileBytes)));
                    continue;
                }

                using var reader = new StreamReader(file, Utf8WithMark, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 65536 });
                files.Add((file, YamlTreeReader.Read(reader, file, limits, problems, ref cause)));
            }
            catch (DecoderFallbackException ex)
            {
                cause ??= ex;
                problems.Add(NotUtf8(file, File.ReadAllBytes(file), ex.BytesUnknown));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new GraphDiagnostic(new SourceLocation(file, 1, 1), "io", ErrorMessages.CannotRead(file, ex.Message)));
            }
        }

        return Build(build, limits, problems, files, cause);
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
                problems.Add(new GraphDiagnostic(null, "not-found", ErrorMessages.NoYamlFiles(path)));
            }

            return found;
        }

        problems.Add(new GraphDiagnostic(null, "not-found", ErrorMessages.NotFound(path)));
        return [];
    }

    private static (GraphLimits, GraphBuildOptions) Start(YamlLoadOptions? options)
    {
        options ??= new YamlLoadOptions();
        ArgumentNullException.ThrowIfNull(options.Limits, "options.Limits");
        options.Limits.Validate();
        return (options.Limits, new GraphBuildOptions { Limits = options.Limits, AllowTimelineErrors = options.AllowTimelineErrors });
    }

    private static (CitationGraph?, ImmutableArray<GraphDiagnostic>, Exception?) Build(
        GraphBuildOptions options,
        GraphLimits limits,
        List<GraphDiagnostic> problems,
        List<(string File, YamlNode? Root)> files,
        Exception? cause)
    {
        // A file that could not be parsed leaves references dangling elsewhere; report only what is certain.
        if (problems.Count > 0)
        {
            return (null, Sorted(problems), cause);
        }

        var builder = new CitationGraphBuilder(options);
        var reader = new YamlGraphReader(builder, limits, problems, positions: false);
        foreach (var (file, root) in files)
        {
            if (root is not null)
            {
                reader.Read(root, file);
            }
        }

        if (problems.Count == 0 && builder.TryBuild(out var graph, out _))
        {
            return (graph, [], null);
        }

        // Read again with every field's position, so each problem points at its value.
        problems.Clear();
        var located = new CitationGraphBuilder(options);
        reader = new YamlGraphReader(located, limits, problems, positions: true);
        foreach (var (file, root) in files)
        {
            if (root is not null)
            {
                reader.Read(root, file);
            }
        }

        foreach (var problem in problems)
        {
            located.AddProblem(problem);
        }

        return located.TryBuild(out graph, out var diagnostics) ? (graph, [], null) : (null, diagnostics, cause);
    }

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
        return new GraphDiagnostic(new SourceLocation(file, line, column), "encoding", ErrorMessages.NotUtf8(bad));
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
