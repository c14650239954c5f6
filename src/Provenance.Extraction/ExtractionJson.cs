using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provenance.Extraction;

/// <summary>
/// Writes extraction results as JSON: <c>{"documents": [{"file", "attributions": [{"source", "cue", "content",
/// "sourceId", "cites", "hedge", "confidence"}]}]}</c>, spans as <c>{"start", "end", "text"}</c> in UTF-16 code units,
/// end exclusive. Deterministic.
/// </summary>
public static class ExtractionJson
{
    /// <summary>Writes <paramref name="documents"/> to <paramref name="stream"/> as UTF-8 JSON, indented.</summary>
    public static void Write(Stream stream, IEnumerable<ExtractedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(documents);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteStartArray("documents");
        foreach (var document in documents)
        {
            writer.WriteStartObject();
            writer.WriteString("file", document.File);
            writer.WriteStartArray("attributions");
            foreach (var a in document.Attributions)
            {
                writer.WriteStartObject();
                WriteSpan(writer, "source", a.Source);
                WriteSpan(writer, "cue", a.Cue);
                WriteSpan(writer, "content", a.Content);
                writer.WriteString("sourceId", a.SourceId);
                if (a.Cites is { } cites)
                {
                    writer.WriteNumber("cites", cites);
                }
                else
                {
                    writer.WriteNull("cites");
                }

                writer.WriteString("hedge", a.Hedge);
                writer.WriteNumber("confidence", a.Confidence);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }

    /// <summary>The JSON of <see cref="Write"/> as a string.</summary>
    public static string ToJson(IEnumerable<ExtractedDocument> documents)
    {
        using var stream = new MemoryStream();
        Write(stream, documents);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSpan(Utf8JsonWriter writer, string name, TextSpan? span)
    {
        if (span is not { } s)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteNumber("start", s.Start);
        writer.WriteNumber("end", s.End);
        writer.WriteString("text", s.Text);
        writer.WriteEndObject();
    }
}
