using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Provenance.Prov;

/// <summary>
/// Writes a graph as PROV-JSON straight from its columns: no record list and no document tree, ids escaped into one
/// reused buffer, text copied from the graph's UTF-8 store, the JSON flushed to the stream every 64 KB. The output is
/// the one <see cref="ProvDocument.Records"/> describes, byte for byte: sections in <see cref="ProvDocument.TypeOrder"/>
/// with <c>prefix</c> between <c>entity</c> and <c>wasAttributedTo</c>, attributes of each record in ordinal order of
/// their names, relations numbered <c>_:id1</c>, <c>_:id2</c>, ... in output order.
/// </summary>
internal sealed class ProvJsonWriter
{
    private const int FlushAt = 65_536;

    private readonly CitationGraph graph;
    private readonly Utf8JsonWriter json;
    private readonly byte[][] sourceNames;
    private readonly byte[][] claimNames;
    private readonly Dictionary<int, int[]> orders = [];
    private byte[] scratch = new byte[1024];
    private char[] chars = new char[256];
    private int blank;
    private bool open;

    private ProvJsonWriter(CitationGraph graph, Utf8JsonWriter json)
    {
        this.graph = graph;
        this.json = json;
        sourceNames = new byte[graph.Sources.Length][];
        for (var i = 0; i < sourceNames.Length; i++)
        {
            sourceNames[i] = Qualified(ProvDocument.SourcePrefix, graph.SourceId(i));
        }

        claimNames = new byte[graph.Claims.Length][];
        for (var i = 0; i < claimNames.Length; i++)
        {
            claimNames[i] = Qualified(ProvDocument.ClaimPrefix, graph.ClaimId(i));
        }
    }

    public static void Write(CitationGraph graph, Utf8JsonWriter json) => new ProvJsonWriter(graph, json).Write();

    private static byte[] Qualified(string prefix, string id)
    {
        var buffer = new byte[prefix.Length + 1 + (id.Length * ProvVocabulary.MaxEscapedBytesPerChar)];
        Encoding.ASCII.GetBytes(prefix, buffer);
        buffer[prefix.Length] = (byte)':';
        var length = prefix.Length + 1 + ProvVocabulary.EscapeLocalName(id, buffer.AsSpan(prefix.Length + 1));
        return buffer[..length];
    }

    private void Write()
    {
        json.WriteStartObject();
        Delegations();
        Agents();
        Entities();
        Prefixes();
        Attributions();
        Derivations();
        Generations();
        Influences();
        json.WriteEndObject();
    }

    private void Section(ReadOnlySpan<byte> type)
    {
        if (!open)
        {
            json.WriteStartObject(type);
            open = true;
        }
    }

    private void EndSection()
    {
        if (open)
        {
            json.WriteEndObject();
            open = false;
        }

        Flush();
    }

    private void Flush()
    {
        if (json.BytesPending > FlushAt)
        {
            json.Flush();
        }
    }

    private void StartRelation(ReadOnlySpan<byte> type)
    {
        Section(type);
        Span<byte> name = stackalloc byte[16];
        "_:id"u8.CopyTo(name);
        Utf8Formatter.TryFormat(++blank, name[4..], out var digits);
        json.WriteStartObject(name[..(4 + digits)]);
    }

    private void EndRecord()
    {
        json.WriteEndObject();
        Flush();
    }

    private void Prefixes()
    {
        json.WriteStartObject("prefix"u8);
        foreach (var (prefix, uri) in ProvDocument.Prefixes)
        {
            json.WriteString(prefix, uri);
        }

        json.WriteEndObject();
    }

    private void Delegations()
    {
        var sources = graph.Sources;
        for (var i = 0; i < sources.Length; i++)
        {
            if (graph.SourceAffiliation[i] < 0)
            {
                continue;
            }

            StartRelation("actedOnBehalfOf"u8);
            json.WriteString("prov:delegate"u8, sourceNames[i]);
            json.WriteString("prov:responsible"u8, Qualified(ProvDocument.AffiliationPrefix, graph.AffiliationId(graph.SourceAffiliation[i])));
            EndRecord();
        }

        EndSection();
    }

    private void Agents()
    {
        foreach (var a in graph.Affiliations)
        {
            Section("agent"u8);
            json.WriteStartObject(Qualified(ProvDocument.AffiliationPrefix, a.Id));
            json.WriteString("prov:label"u8, a.Name);
            json.WritePropertyName("prov:type"u8);
            QualifiedValue("pv:Affiliation"u8);
            if (a.Description is { } description)
            {
                json.WriteString("pv:description"u8, description);
            }

            EndRecord();
        }

        var sources = graph.Sources;
        for (var i = 0; i < sources.Length; i++)
        {
            var s = sources[i];
            Section("agent"u8);
            json.WriteStartObject(sourceNames[i]);
            json.WriteString("prov:label"u8, s.Name);
            if (ProvDocument.AgentType(s.Kind) is { } type)
            {
                json.WritePropertyName("prov:type"u8);
                QualifiedValue(type);
            }

            foreach (var k in Order(s.Aliases.Length))
            {
                json.WriteString(ProvDocument.AliasAttribute(k), s.Aliases[k]);
            }

            if (s.Country is { } country)
            {
                json.WriteString("pv:country"u8, country);
            }

            json.WriteString("pv:kind"u8, ProvenanceNames.Of(s.Kind));
            if (s.Url is { } url)
            {
                json.WritePropertyName("pv:url"u8);
                UriValue(url);
            }

            EndRecord();
        }

        EndSection();
    }

    private void Entities()
    {
        var declared = graph.DeclaredContradictions;
        for (var c = 0; c < claimNames.Length; c++)
        {
            Section("entity"u8);
            json.WriteStartObject(claimNames[c]);
            json.WritePropertyName("prov:type"u8);
            QualifiedValue("pv:Claim"u8);
            var (start, end) = graph.DeclaredContradictionRange(c);
            foreach (var k in Order(end - start))
            {
                json.WritePropertyName(ProvDocument.ContradictsAttribute(k));
                QualifiedValue(claimNames[declared[start + k]]);
            }

            Text("pv:text"u8, graph.ClaimTextRef(c));
            EndRecord();
        }

        for (var r = 0; r < graph.Reports.Length; r++)
        {
            Section("entity"u8);
            json.WriteStartObject(ReportName(r));
            var (title, url, language) = graph.ReportTextRefs(r);
            Text("prov:label"u8, title);
            json.WritePropertyName("prov:type"u8);
            QualifiedValue(graph.IsImplicit(r) ? "pv:ImplicitReport"u8 : "pv:Report"u8);
            if (graph.CitedIn(r) is var citedIn and >= 0)
            {
                json.WritePropertyName("pv:citedIn"u8);
                QualifiedValue(ReportName(citedIn));
            }

            json.WriteString("pv:kind"u8, ProvenanceNames.Of(graph.ReportKindOf(r)));
            Text("pv:language"u8, language);
            if (url >= 0)
            {
                json.WritePropertyName("pv:url"u8);
                json.WriteStartObject();
                Text("$"u8, url);
                json.WriteString("type"u8, "xsd:anyURI"u8);
                json.WriteEndObject();
            }

            EndRecord();
        }

        EndSection();
    }

    private void Attributions()
    {
        var reportSource = graph.ReportSource;
        for (var r = 0; r < reportSource.Length; r++)
        {
            StartRelation("wasAttributedTo"u8);
            json.WriteString("prov:agent"u8, sourceNames[reportSource[r]]);
            json.WriteString("prov:entity"u8, ReportName(r));
            EndRecord();
        }

        EndSection();
    }

    private void Derivations()
    {
        var from = graph.CitationFrom;
        var to = graph.CitationTo;
        var claim = graph.CitationClaim;
        for (var i = 0; i < from.Length; i++)
        {
            StartRelation("wasDerivedFrom"u8);
            json.WriteString("prov:generatedEntity"u8, ReportName(from[i]));
            var kind = graph.KindOf(i);
            var quotation = kind == CitationKind.DirectQuote;
            var cited = graph.FindAssertion(to[i], claim[i]);
            var primary = cited >= 0 && graph.ModeOf(cited) == AssertionMode.FirstHand;
            if (quotation || primary)
            {
                json.WritePropertyName("prov:type"u8);
                if (quotation && primary)
                {
                    json.WriteStartArray();
                }

                if (quotation)
                {
                    QualifiedValue("prov:Quotation"u8);
                }

                if (primary)
                {
                    QualifiedValue("prov:PrimarySource"u8);
                }

                if (quotation && primary)
                {
                    json.WriteEndArray();
                }
            }

            json.WriteString("prov:usedEntity"u8, ReportName(to[i]));
            json.WritePropertyName("pv:claim"u8);
            QualifiedValue(claimNames[claim[i]]);
            Text("pv:evidence"u8, graph.EvidenceRef(i));
            if (graph.HedgeOf(i) is var hedge and not Hedge.None)
            {
                json.WriteString("pv:hedge"u8, ProvenanceNames.Of(hedge));
            }

            json.WriteString("pv:kind"u8, ProvenanceNames.Of(kind));
            EndRecord();
        }

        EndSection();
    }

    private void Generations()
    {
        Span<char> time = stackalloc char[48];
        for (var r = 0; r < graph.Reports.Length; r++)
        {
            var published = graph.Published(r);
            if (published is null)
            {
                continue;
            }

            StartRelation("wasGeneratedBy"u8);
            json.WriteString("prov:entity"u8, ReportName(r));
            json.WriteString("prov:time"u8, time[..FormatTime(published.Value, time)]);
            EndRecord();
        }

        EndSection();
    }

    private void Influences()
    {
        var report = graph.AssertionReport;
        var claim = graph.AssertionClaim;
        for (var i = 0; i < report.Length; i++)
        {
            StartRelation("wasInfluencedBy"u8);
            json.WriteString("prov:influencee"u8, ReportName(report[i]));
            json.WriteString("prov:influencer"u8, claimNames[claim[i]]);
            json.WritePropertyName("prov:type"u8);
            QualifiedValue("pv:Assertion"u8);
            json.WriteString("pv:mode"u8, ProvenanceNames.Of(graph.ModeOf(i)));
            Text("pv:wording"u8, graph.WordingRef(i));
            EndRecord();
        }

        EndSection();
    }

    /// <summary><see cref="ProvDocument.FormatTime"/> into <paramref name="destination"/>, without a string.</summary>
    private static int FormatTime(DateTimeOffset time, Span<char> destination)
    {
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        var format = fraction == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : fraction % 10 == 0 ? "yyyy-MM-dd'T'HH:mm:ss.ffffff" : "yyyy-MM-dd'T'HH:mm:ss.fffffff";
        time.TryFormat(destination, out var written, format, CultureInfo.InvariantCulture);
        time.TryFormat(destination[written..], out var offset, "zzz", CultureInfo.InvariantCulture);
        return written + offset;
    }

    /// <summary>The qualified name of report <paramref name="report"/> (<c>report:</c> and its escaped id), valid until the next call.</summary>
    private ReadOnlySpan<byte> ReportName(int report)
    {
        var length = graph.ReportIdLength(report);
        if (chars.Length < length)
        {
            chars = new char[Math.Max(length, chars.Length * 2)];
        }

        graph.CopyReportId(report, chars);
        var prefix = ProvDocument.ReportPrefix;
        var most = prefix.Length + 1 + (length * ProvVocabulary.MaxEscapedBytesPerChar);
        if (scratch.Length < most)
        {
            scratch = new byte[Math.Max(most, scratch.Length * 2)];
        }

        var n = Encoding.ASCII.GetBytes(prefix, scratch);
        scratch[n++] = (byte)':';
        n += ProvVocabulary.EscapeLocalName(chars.AsSpan(0, length), scratch.AsSpan(n));
        return scratch.AsSpan(0, n);
    }

    /// <summary>A string attribute from the text store; nothing when the text is absent.</summary>
    private void Text(ReadOnlySpan<byte> name, int text)
    {
        if (text < 0)
        {
            return;
        }

        if (graph.Text.TryGetUtf8(text, out var utf8))
        {
            json.WriteString(name, utf8);
        }
        else
        {
            json.WriteString(name, graph.Text[text]);
        }
    }

    private void QualifiedValue(ReadOnlySpan<byte> name)
    {
        json.WriteStartObject();
        json.WriteString("$"u8, name);
        json.WriteString("type"u8, "prov:QUALIFIED_NAME"u8);
        json.WriteEndObject();
    }

    private void QualifiedValue(string name)
    {
        json.WriteStartObject();
        json.WriteString("$"u8, name);
        json.WriteString("type"u8, "prov:QUALIFIED_NAME"u8);
        json.WriteEndObject();
    }

    private void UriValue(string uri)
    {
        json.WriteStartObject();
        json.WriteString("$"u8, uri);
        json.WriteString("type"u8, "xsd:anyURI"u8);
        json.WriteEndObject();
    }

    /// <summary>
    /// Positions 0..<paramref name="count"/>-1 of numbered attributes (<c>pv:alias_1</c>, ...) in the ordinal order of
    /// their names, as the writer sorts every record's attributes: <c>_1</c>, <c>_10</c>, <c>_11</c>, <c>_2</c>, ...
    /// </summary>
    private int[] Order(int count)
    {
        if (count == 0)
        {
            return [];
        }

        if (!orders.TryGetValue(count, out var order))
        {
            var names = new string[count];
            order = new int[count];
            for (var i = 0; i < count; i++)
            {
                names[i] = (i + 1).ToString(CultureInfo.InvariantCulture);
                order[i] = i;
            }

            Array.Sort(names, order, StringComparer.Ordinal);
            orders[count] = order;
        }

        return order;
    }
}
