using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provenance.Internal;

namespace Provenance.Prov;

/// <summary>
/// Writes a <see cref="CitationGraph"/> as W3C PROV-JSON and reads PROV-JSON back, following the mapping in the
/// README's "W3C PROV" section. Thread-safe.
/// </summary>
/// <remarks>
/// Output is deterministic: keys are sorted ordinally at every level except that records of one type keep the
/// graph's order (which import restores), relations get blank ids <c>_:id1</c>, <c>_:id2</c>, ... in output order,
/// indentation is two spaces and lines end in <c>\n</c>. Everything exported imports back into an equal graph.
/// </remarks>
public static class ProvJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",

        // The output is a data file, not HTML: keep non-ASCII text readable. Quotes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the graph as PROV-JSON in UTF-8 (no byte-order mark), ending with a newline.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">Where to write; it is not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Export(CitationGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            ProvJsonWriter.Write(graph, writer);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the graph as PROV-JSON, ending with a newline.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">Where to write; it is not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Export(CitationGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);
        using var stream = new TextWriterStream(writer);
        Export(graph, stream);
    }

    /// <summary>Returns the graph as PROV-JSON.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The PROV-JSON document, ending with a newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static string ToProvJson(this CitationGraph graph)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Export(graph, writer);
        return writer.ToString();
    }

    /// <summary>Reads a PROV-JSON file into a graph.</summary>
    /// <param name="path">The file's path; error messages name it as given.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph and every record that could not be mapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The file does not exist or cannot be read, is not JSON, is not a well-formed PROV-JSON document, is too large or too deep, or the mapped graph is inconsistent; every problem names the file, line, column and JSON path.</exception>
    public static ProvImportResult Import(string path, GraphBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new GraphValidationException([new GraphDiagnostic(null, DiagnosticCodes.NotFound, ErrorMessages.NotFound(path))]);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GraphValidationException([new GraphDiagnostic(new SourceLocation(path, 1, 1), DiagnosticCodes.Io, ErrorMessages.CannotRead(path, e.Message))], e);
        }

        using (stream)
        {
            return Import(stream, path, options);
        }
    }

    /// <summary>Reads PROV-JSON from a stream into a graph.</summary>
    /// <param name="stream">The UTF-8 JSON text; read to its end and not closed.</param>
    /// <param name="fileName">The name error messages use for the input.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns>The graph and every record that could not be mapped.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    /// <exception cref="GraphValidationException">The input is not JSON, not a well-formed PROV-JSON document, too large or too deep, or the mapped graph is inconsistent; every problem names the file, line, column and JSON path.</exception>
    public static ProvImportResult Import(Stream stream, string fileName, GraphBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= new GraphBuildOptions();
        ArgumentNullException.ThrowIfNull(options.Limits, "options.Limits");
        options.Limits.Validate();

        // A document in the shape Export writes streams straight into the builder; anything else (or any problem) is read
        // again from the start by the general importer, which gives the same result and positions its messages.
        if (stream.CanSeek)
        {
            var start = stream.Position;
            if (stream.Length - start <= options.Limits.MaxFileBytes && ProvJsonStreamReader.TryRead(stream, options) is { } streamed)
            {
                return streamed;
            }

            stream.Position = start;
        }

        var (data, length) = ReadAll(stream, options.Limits.MaxFileBytes, fileName);
        return ProvJsonImporter.Import(data, length, fileName, options);
    }

    /// <summary>Reads a PROV-JSON file into a graph, returning the problems instead of throwing.</summary>
    /// <param name="path">The file's path; error messages name it as given.</param>
    /// <param name="result">The graph and every record that could not be mapped, when the file is valid.</param>
    /// <param name="diagnostics">Every problem found; empty when the graph was read.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph was read; <see langword="false"/> also when the file is missing or cannot be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static bool TryImport(
        string path,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProvImportResult? result,
        out System.Collections.Immutable.ImmutableArray<GraphDiagnostic> diagnostics,
        GraphBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Try(() => Import(path, options), path, out result, out diagnostics);
    }

    /// <summary>Reads PROV-JSON from a stream into a graph, returning the problems instead of throwing.</summary>
    /// <param name="stream">The UTF-8 JSON text; read to its end and not closed.</param>
    /// <param name="fileName">The name error messages use for the input.</param>
    /// <param name="result">The graph and every record that could not be mapped, when the input is valid.</param>
    /// <param name="diagnostics">Every problem found; empty when the graph was read.</param>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <returns><see langword="true"/> when the graph was read; <see langword="false"/> also when the stream cannot be read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="fileName"/> is <see langword="null"/>.</exception>
    public static bool TryImport(
        Stream stream,
        string fileName,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ProvImportResult? result,
        out System.Collections.Immutable.ImmutableArray<GraphDiagnostic> diagnostics,
        GraphBuildOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return Try(() => Import(stream, fileName, options), fileName, out result, out diagnostics);
    }

    private static bool Try(
        Func<ProvImportResult> import,
        string fileName,
        out ProvImportResult? result,
        out System.Collections.Immutable.ImmutableArray<GraphDiagnostic> diagnostics)
    {
        try
        {
            result = import();
            diagnostics = [];
            return true;
        }
        catch (GraphValidationException e)
        {
            result = null;
            diagnostics = e.Diagnostics;
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            result = null;
            diagnostics = [new GraphDiagnostic(new SourceLocation(fileName, 1, 1), "io", ErrorMessages.CannotRead(fileName, e.Message))];
            return false;
        }
    }

    /// <summary>A write-only stream that decodes UTF-8 into a <see cref="TextWriter"/>, a chunk at a time.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder decoder = new UTF8Encoding(false).GetDecoder();
        private char[] chars = new char[16_384];

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var most = decoder.GetCharCount(buffer, flush: false);
            if (chars.Length < most)
            {
                chars = new char[Math.Max(most, chars.Length * 2)];
            }

            var n = decoder.GetChars(buffer, chars, flush: false);
            writer.Write(chars, 0, n);
        }

        public override void WriteByte(byte value) => Write([value]);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static (byte[] Data, int Length) ReadAll(Stream stream, long limit, string fileName)
    {
        var cap = (int)Math.Min(limit, Array.MaxLength - 1);
        var data = new byte[stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 1, (long)cap + 1) : 65536];
        var length = 0;
        while (true)
        {
            if (length == data.Length)
            {
                if (length > cap)
                {
                    break;
                }

                Array.Resize(ref data, (int)Math.Min((long)data.Length * 2, (long)cap + 1));
            }

            var read = stream.Read(data, length, data.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        if (length > limit)
        {
            throw new GraphValidationException([new GraphDiagnostic(new SourceLocation(fileName, 1, 1), DiagnosticCodes.Limit, ErrorMessages.FileTooLarge(limit))]);
        }

        return (data, length);
    }
}
