using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provenance.Generation;
using Provenance.Prov;

namespace Provenance.Tests.Prov;

/// <summary>
/// The streaming PROV-JSON writer against a reference that renders the record list the PROV-N writer uses
/// (<see cref="ProvDocument.Records"/>) the way the exporter did before it streamed: a list of attributes per
/// record, sorted by name, same-named values collected into an array.
/// </summary>
public class ProvJsonStreamingTests
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(2020)]
    public void Export_GeneratedGraph_SameBytesAsRecordReference(int seed)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 1_500, Seed = seed });

        Assert.Equal(Reference(graph), Streamed(graph));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(11, true)]
    [InlineData(42, false)]
    [InlineData(99, false)]
    public void Export_RandomGraph_SameBytesAsRecordReference(int seed, bool plain)
    {
        var graph = ProvTestGraphs.Random(seed, plain);

        Assert.Equal(Reference(graph), Streamed(graph));
    }

    [Fact]
    public void Export_ManyAliasesAndContradictionsOddTextAndFractions_SameBytesAsRecordReference()
    {
        var claims = Enumerable.Range(0, 13).Select(i => new Claim($"c{i}", $"claim {i} \u0001 \"q\" 🚁 \ud800 lone") { Contradicts = [.. Enumerable.Range(0, i).Select(k => $"c{k}")] });
        var builder = new CitationGraphBuilder()
            .AddAffiliation(new Affiliation("aff", "Aff </script> & co") { Description = "line\r\nbreak" })
            .AddSource(new Source("s.1", "S", SourceKind.Person) { Aliases = [.. Enumerable.Range(0, 23).Select(i => $"alias {i}")], Affiliation = "aff", Country = "RU", Url = "https://example.org/?a=1&b=<2>" })
            .AddSource(new Source("s:2", "S2", SourceKind.SocialMedia));
        foreach (var c in claims)
        {
            builder.AddClaim(c);
        }

        builder
            .AddReport(new Report("r.", "s.1", ReportKind.Video) { Title = "t\u2028x", Published = new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromMinutes(-150)).AddTicks(1_234_560), Url = "https://e.org/ü", Language = "ru" })
            .AddReport(new Report("q/2", "s:2", ReportKind.Post) { Published = new DateTimeOffset(2020, 1, 3, 3, 4, 5, TimeSpan.Zero).AddTicks(1_234_567) })
            .AddAssertion(new Assertion("r.", "c0", AssertionMode.FirstHand, "w 🚁"))
            .AddAssertion(new Assertion("q/2", "c0", AssertionMode.Attributed, null))
            .AddCitation(new Citation("q/2", "r.", "c0", CitationKind.DirectQuote, Hedge.Alleged, "e\t\"x\""));
        var graph = builder.Build();

        Assert.Equal(Reference(graph), Streamed(graph));
    }

    [Fact]
    public void Export_TextWriter_SameTextAsStream()
    {
        var graph = ProvTestGraphs.Random(5);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        ProvJson.Export(graph, writer);

        Assert.Equal(Encoding.UTF8.GetString(Streamed(graph)), writer.ToString());
    }

    private static byte[] Streamed(CitationGraph graph)
    {
        using var stream = new MemoryStream();
        ProvJson.Export(graph, stream);
        return stream.ToArray();
    }

    private static byte[] Reference(CitationGraph graph)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            writer.WriteStartObject();
            var blank = 0;
            var records = ProvDocument.Records(graph);
            var prefixed = false;
            foreach (var type in ProvDocument.TypeOrder)
            {
                if (string.CompareOrdinal("prefix", type) < 0 && !prefixed)
                {
                    Prefixes(writer);
                    prefixed = true;
                }

                var group = records.Where(r => r.Type == type).ToList();
                if (group.Count == 0)
                {
                    continue;
                }

                writer.WriteStartObject(type);
                foreach (var record in group)
                {
                    writer.WriteStartObject(record.Id ?? "_:id" + (++blank).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    Attributes(writer, record);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            if (!prefixed)
            {
                Prefixes(writer);
            }

            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Prefixes(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("prefix");
        foreach (var (prefix, uri) in ProvDocument.Prefixes)
        {
            writer.WriteString(prefix, uri);
        }

        writer.WriteEndObject();
    }

    private static void Attributes(Utf8JsonWriter writer, ProvRecord record)
    {
        // Formal attributes and others together, by name (a stable order, so that prov:type values keep theirs).
        var all = record.Formal.Where(f => f.Value is not null).Select(f => (f.Name, Value: (ProvAttribute?)null, Formal: f.Value))
            .Concat(record.Attributes.Select(a => (a.Name, Value: (ProvAttribute?)a, Formal: (string?)null)))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .GroupBy(a => a.Name, StringComparer.Ordinal);
        foreach (var group in all)
        {
            var items = group.ToList();
            if (items[0].Formal is { } formal)
            {
                writer.WriteString(group.Key, formal);
                continue;
            }

            writer.WritePropertyName(group.Key);
            if (items.Count > 1)
            {
                writer.WriteStartArray();
            }

            foreach (var item in items)
            {
                var a = item.Value!.Value;
                switch (a.Kind)
                {
                    case ProvValueKind.QualifiedName:
                    case ProvValueKind.AnyUri:
                        writer.WriteStartObject();
                        writer.WriteString("$", a.Value);
                        writer.WriteString("type", a.Kind == ProvValueKind.AnyUri ? "xsd:anyURI" : "prov:QUALIFIED_NAME");
                        writer.WriteEndObject();
                        break;
                    default:
                        writer.WriteStringValue(a.Value);
                        break;
                }
            }

            if (items.Count > 1)
            {
                writer.WriteEndArray();
            }
        }
    }
}
