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
            Write(graph, writer);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes the graph as PROV-JSON, ending with a newline.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">Where to write; it is not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Export(CitationGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var buffer = new MemoryStream();
        Export(graph, buffer);
        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
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

    private static void Write(CitationGraph graph, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        var blank = 0;
        string? open = null;
        var records = ProvDocument.Records(graph);
        foreach (var type in ProvDocument.TypeOrder)
        {
            // "prefix" sorts between the record types.
            if (string.CompareOrdinal("prefix", type) < 0 && open != "prefix")
            {
                WritePrefixes(writer);
                open = "prefix";
            }

            var any = false;
            foreach (var record in records)
            {
                if (record.Type != type)
                {
                    continue;
                }

                if (!any)
                {
                    writer.WriteStartObject(type);
                    any = true;
                }

                writer.WriteStartObject(record.Id ?? "_:id" + (++blank).ToString(System.Globalization.CultureInfo.InvariantCulture));
                WriteAttributes(writer, record);
                writer.WriteEndObject();
            }

            if (any)
            {
                writer.WriteEndObject();
            }
        }

        if (open != "prefix")
        {
            WritePrefixes(writer);
        }

        writer.WriteEndObject();
    }

    private static void WritePrefixes(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("prefix");
        foreach (var (prefix, uri) in ProvDocument.Prefixes)
        {
            writer.WriteString(prefix, uri);
        }

        writer.WriteEndObject();
    }

    private static void WriteAttributes(Utf8JsonWriter writer, ProvRecord record)
    {
        var all = new List<(string Name, ProvAttribute? Value, string? Formal)>();
        foreach (var (name, value) in record.Formal)
        {
            if (value is not null)
            {
                all.Add((name, null, value));
            }
        }

        foreach (var a in record.Attributes)
        {
            all.Add((a.Name, a, null));
        }

        all.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        for (var i = 0; i < all.Count; i++)
        {
            var (name, value, formal) = all[i];
            if (formal is not null)
            {
                writer.WriteString(name, formal);
                continue;
            }

            var end = i;
            while (end + 1 < all.Count && all[end + 1].Name == name)
            {
                end++;
            }

            writer.WritePropertyName(name);
            if (end > i)
            {
                writer.WriteStartArray();
                for (var j = i; j <= end; j++)
                {
                    WriteValue(writer, all[j].Value!.Value);
                }

                writer.WriteEndArray();
            }
            else
            {
                WriteValue(writer, value!.Value);
            }

            i = end;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, ProvAttribute attribute)
    {
        switch (attribute.Kind)
        {
            case ProvValueKind.QualifiedName:
                writer.WriteStartObject();
                writer.WriteString("$", attribute.Value);
                writer.WriteString("type", "prov:QUALIFIED_NAME");
                writer.WriteEndObject();
                break;
            case ProvValueKind.AnyUri:
                writer.WriteStartObject();
                writer.WriteString("$", attribute.Value);
                writer.WriteString("type", "xsd:anyURI");
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(attribute.Value);
                break;
        }
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
