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

    /// <summary>A problem as <c>path:line:column: error: message</c> (or <c>path: error: message</c> without a position).</summary>
    public static string Diagnostic(GraphDiagnostic diagnostic, string? path) => diagnostic.Location is { } at
        ? $"{at}: error: {diagnostic.Message}"
        : path is null ? $"error: {diagnostic.Message}" : $"{path}: error: {diagnostic.Message}";

    /// <summary>Writes one JSON document, indented, with <c>\n</c> line endings and a final newline.</summary>
    public static void WriteJson(CliContext context, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(writer);
        }

        context.Out.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        context.Out.Write('\n');
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

    /// <summary>Graph text for console markup: control characters made inert (see <see cref="CliContext.Inert"/>), then markup escaped.</summary>
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
