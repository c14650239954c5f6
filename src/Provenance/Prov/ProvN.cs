using System.Text;

namespace Provenance.Prov;

/// <summary>
/// Writes a <see cref="CitationGraph"/> as W3C PROV-N (<c>document ... endDocument</c>), the textual notation of
/// PROV-DM, following the mapping in the README's "W3C PROV" section. Deterministic: the same graph gives the same
/// text, with <c>\n</c> line endings. Thread-safe.
/// </summary>
public static class ProvN
{
    /// <summary>Writes the graph as PROV-N.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="writer">Where to write; it is not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Export(CitationGraph graph, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(writer);

        // The layout is the one the Python prov library writes (two-space indent, prefixes, a blank line, the
        // records, relation ids left out), so that the two can be compared line by line.
        writer.Write("document\n");
        foreach (var (prefix, uri) in ProvDocument.Prefixes)
        {
            writer.Write($"  prefix {prefix} <{uri}>\n");
        }

        writer.Write('\n');
        var line = new StringBuilder();
        foreach (var record in ProvDocument.Records(graph))
        {
            line.Clear();
            line.Append("  ").Append(record.Type).Append('(');
            var first = true;
            if (record.Id is not null)
            {
                line.Append(record.Id);
                first = false;
            }

            foreach (var (_, value) in record.Formal)
            {
                line.Append(first ? "" : ", ").Append(value ?? "-");
                first = false;
            }

            if (record.Attributes.Length > 0)
            {
                line.Append(first ? "[" : ", [");
                for (var i = 0; i < record.Attributes.Length; i++)
                {
                    var a = record.Attributes[i];
                    line.Append(i == 0 ? "" : ", ").Append(a.Name).Append('=');
                    AppendValue(line, a);
                }

                line.Append(']');
            }

            line.Append(")\n");
            writer.Write(line);
        }

        writer.Write("endDocument\n");
    }

    /// <summary>Writes the graph as PROV-N in UTF-8 (no byte-order mark).</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="stream">Where to write; it is not closed.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Export(CitationGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true);
        Export(graph, writer);
    }

    /// <summary>Returns the graph as PROV-N.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The PROV-N document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static string ToProvN(this CitationGraph graph)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Export(graph, writer);
        return writer.ToString();
    }

    private static void AppendValue(StringBuilder line, ProvAttribute attribute)
    {
        switch (attribute.Kind)
        {
            case ProvValueKind.QualifiedName:
                line.Append('\'').Append(attribute.Value).Append('\'');
                break;
            case ProvValueKind.AnyUri:
                AppendString(line, attribute.Value);
                line.Append(" %% xsd:anyURI");
                break;
            default:
                AppendString(line, attribute.Value);
                break;
        }
    }

    /// <summary>
    /// A PROV-N string literal: <c>"..."</c>, or <c>"""..."""</c> when it spans lines (as the prov library writes
    /// it); <c>\</c> and <c>"</c> are escaped, and in a one-line literal so is a carriage return.
    /// </summary>
    internal static void AppendString(StringBuilder line, string value)
    {
        var longForm = value.Contains('\n', StringComparison.Ordinal);
        var quotes = longForm ? "\"\"\"" : "\"";
        line.Append(quotes);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    line.Append("\\\\");
                    break;
                case '"':
                    line.Append("\\\"");
                    break;
                case '\r' when !longForm:
                    line.Append("\\r");
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }

        line.Append(quotes);
    }
}
