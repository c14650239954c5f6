using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provenance.Cli;

/// <summary>Formatting shared by the commands: problem lines, JSON documents, suggestions.</summary>
internal static class CliFormat
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // Graph text is full of quotes, apostrophes and non-Latin names; keep them readable. The output is
        // never embedded in HTML by this tool.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Library messages name the library's settings; on the command line the user can only reach its options.
    private static readonly (string Property, string Option)[] Settings =
    [
        ("GraphLimits.MaxFileBytes", "--max-file-size"),
        ("GraphLimits.MaxNodes", "--max-nodes"),
        ("GraphLimits.MaxCitations", "--max-citations"),
        ("GraphLimits.MaxNestingDepth", "--max-nesting-depth"),
        ("GraphLimits.MaxScalarLength", "--max-scalar-length"),
        ("GraphLimits.MaxAliasExpansion", "--max-alias-expansion"),
        ("GraphBuildOptions.AllowTimelineErrors", "--allow-timeline-errors"),
        ("YamlLoadOptions.AllowTimelineErrors", "--allow-timeline-errors"),
        ("GraphvizRendererOptions.DotPath", "--dot"),
        ("TraceOptions.MaxChains", "--max-chains"),
        ("TraceOptions.MaxDepth", "--max-depth"),
    ];

    /// <summary>
    /// A problem as <c>path:line:column: error: message</c> (or <c>path: error: message</c> without a position), naming CLI options
    /// where the library's message names its settings.
    /// </summary>
    public static string Diagnostic(GraphDiagnostic diagnostic, string? path)
    {
        var message = ForCli(diagnostic.Message);
        if (diagnostic.Code == "timeline")
        {
            message += " To load the graph anyway and list such citations, run 'provenance timeline <graph>' or pass --allow-timeline-errors.";
        }

        return diagnostic.Location is { } at
            ? $"{at}: error: {message}"
            : path is null ? $"error: {message}" : $"{path}: error: {message}";
    }

    /// <summary>A library message with each library setting it names replaced by the CLI option that sets it.</summary>
    public static string ForCli(string message)
    {
        foreach (var (property, option) in Settings)
        {
            if (message.Contains(property, StringComparison.Ordinal))
            {
                message = message.Replace(property, option, StringComparison.Ordinal);
            }
        }

        return message;
    }

    /// <summary>Writes one JSON document, indented, with <c>\n</c> line endings and a final newline.</summary>
    public static void WriteJson(CliContext context, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(writer);
        }

        // The relaxed encoder lets bidirectional-text controls through as raw characters. JSON strings never hold a raw line
        // feed, so escaping each line with the shared routine rewrites only characters inside strings, as valid \uXXXX escapes.
        foreach (var line in Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n'))
        {
            context.Out.Write(TerminalText.Escape(line));
            context.Out.Write('\n');
        }
    }

    /// <summary>Writes <paramref name="value"/> as a string, or null.</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes an array of strings.</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a citation as an object: <c>from</c>, <c>to</c>, <c>claim</c>, <c>kind</c>, <c>hedge</c>, <c>evidence</c>.</summary>
    public static void WriteCitation(Utf8JsonWriter writer, Citation citation)
    {
        writer.WriteStartObject();
        writer.WriteString("from", citation.From);
        writer.WriteString("to", citation.To);
        writer.WriteString("claim", citation.Claim);
        writer.WriteString("kind", ProvenanceNames.Of(citation.Kind));
        writer.WriteString("hedge", ProvenanceNames.Of(citation.Hedge));
        writer.WriteStringOrNull("evidence", citation.Evidence);
        writer.WriteEndObject();
    }

    /// <summary>Graph text for console markup: unsafe characters escaped by the shared routine (<see cref="TerminalText.Escape"/>), then markup escaped.</summary>
    public static string Text(string text) => Spectre.Console.Markup.Escape(CliContext.Inert(text));

    /// <summary>An invariant-culture integer.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The message for an id that is not in the graph, with the closest id as a suggestion when one is close.</summary>
    /// <param name="what">What the id names, e.g. <c>claim</c>.</param>
    /// <param name="id">The id given.</param>
    /// <param name="known">Every id of that kind in the graph.</param>
    /// <param name="listCommand">The command that lists the ids, e.g. <c>claims</c>.</param>
    public static string UnknownId(string what, string id, IEnumerable<string> known, string listCommand)
    {
        var suggestion = IdSuggestions.Closest(id, known);
        return suggestion is null
            ? $"unknown {what} '{id}'; run 'provenance {listCommand} <graph>' to list them."
            : $"unknown {what} '{id}'; did you mean '{suggestion}'?";
    }
}
