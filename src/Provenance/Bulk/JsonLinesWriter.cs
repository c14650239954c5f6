using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Provenance.Bulk;

/// <summary>Writes the bulk format: a header line, then every element in graph order, one compact JSON object per line.</summary>
internal static class JsonLinesWriter
{
    private const int FlushAt = 256 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        // Keeps non-ASCII names (ТАСС) readable; quotes, backslashes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(CitationGraph graph, Stream stream)
    {
        var buffer = new ArrayBufferWriter<byte>(FlushAt * 2);
        using var json = new Utf8JsonWriter(buffer, Options);

        json.WriteStartObject();
        json.WriteString("type"u8, "provenance"u8);
        json.WriteNumber("version"u8, 1);
        End(json, buffer, stream);

        foreach (var a in graph.Affiliations)
        {
            Start(json, "affiliation"u8);
            json.WriteString("id"u8, a.Id);
            json.WriteString("name"u8, a.Name);
            Optional(json, "description"u8, a.Description);
            End(json, buffer, stream);
        }

        foreach (var s in graph.Sources)
        {
            Start(json, "source"u8);
            json.WriteString("id"u8, s.Id);
            json.WriteString("name"u8, s.Name);
            json.WriteString("kind"u8, ProvenanceNames.Of(s.Kind));
            Array(json, "aliases"u8, s.Aliases);
            Optional(json, "country"u8, s.Country);
            Optional(json, "affiliation"u8, s.Affiliation);
            Optional(json, "url"u8, s.Url);
            End(json, buffer, stream);
        }

        foreach (var c in graph.Claims)
        {
            Start(json, "claim"u8);
            json.WriteString("id"u8, c.Id);
            json.WriteString("text"u8, c.Text);
            Array(json, "contradicts"u8, c.Contradicts);
            End(json, buffer, stream);
        }

        foreach (var r in graph.Reports)
        {
            Start(json, "report"u8);
            json.WriteString("id"u8, r.Id);
            json.WriteString("source"u8, r.Source);
            if (!r.IsImplicit || r.Kind != ReportKind.Other)
            {
                json.WriteString("kind"u8, ProvenanceNames.Of(r.Kind));
            }

            Optional(json, "cited-in"u8, r.CitedIn);
            Optional(json, "title"u8, r.Title);
            if (r.Published is { } published)
            {
                json.WriteString("published"u8, Internal.IsoDate.Format(published));
            }

            Optional(json, "url"u8, r.Url);
            Optional(json, "language"u8, r.Language);
            End(json, buffer, stream);
        }

        foreach (var a in graph.Assertions)
        {
            Start(json, "assertion"u8);
            json.WriteString("report"u8, a.Report);
            json.WriteString("claim"u8, a.Claim);
            json.WriteString("mode"u8, ProvenanceNames.Of(a.Mode));
            Optional(json, "wording"u8, a.Wording);
            End(json, buffer, stream);
        }

        foreach (var c in graph.Citations)
        {
            Start(json, "citation"u8);
            json.WriteString("from"u8, c.From);
            json.WriteString("to"u8, c.To);
            json.WriteString("claim"u8, c.Claim);
            json.WriteString("kind"u8, ProvenanceNames.Of(c.Kind));
            if (c.Hedge != Hedge.None)
            {
                json.WriteString("hedge"u8, ProvenanceNames.Of(c.Hedge));
            }

            Optional(json, "evidence"u8, c.Evidence);
            End(json, buffer, stream);
        }

        stream.Write(buffer.WrittenSpan);
        stream.Flush();
    }

    private static void Start(Utf8JsonWriter json, ReadOnlySpan<byte> type)
    {
        json.WriteStartObject();
        json.WriteString("type"u8, type);
    }

    private static void Optional(Utf8JsonWriter json, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    private static void Array(Utf8JsonWriter json, ReadOnlySpan<byte> name, System.Collections.Immutable.ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void End(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Stream stream)
    {
        json.WriteEndObject();
        json.Flush();
        buffer.Write("\n"u8);
        if (buffer.WrittenCount >= FlushAt)
        {
            stream.Write(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
        }

        json.Reset(buffer);
    }
}
