using System.Text.Json;
using System.Text.RegularExpressions;
using Provenance.Internal;
using Provenance.Yaml;

namespace Provenance.Tests.Yaml;

/// <summary>The committed JSON Schema must agree with the loader, so editors and the loader never disagree.</summary>
public class ProvenanceYamlSchemaTests
{
    private static readonly JsonElement Root = JsonDocument.Parse(ProvenanceYaml.JsonSchema).RootElement;

    private static JsonElement Definition(string name) => name == "graph" ? Root : Root.GetProperty("$defs").GetProperty(name);

    private static string[] Enum(string definition, string property) =>
        [.. Definition(definition).GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public void JsonSchema_PropertyNames_AreTheLoadersKeys()
    {
        foreach (var (definition, keys) in YamlKeys.ByDefinition)
        {
            var properties = Definition(definition).GetProperty("properties").EnumerateObject().Select(p => p.Name);

            Assert.Equal(keys, properties);
            Assert.False(Definition(definition).GetProperty("additionalProperties").GetBoolean(), definition);
        }
    }

    [Fact]
    public void JsonSchema_Enums_AreTheWireNames()
    {
        Assert.Equal(ProvenanceNames.All<SourceKind>(), Enum("source", "kind"));
        Assert.Equal(ProvenanceNames.All<ReportKind>(), Enum("report", "kind"));
        Assert.Equal(ProvenanceNames.All<AssertionMode>(), Enum("assertion", "mode"));
        Assert.Equal(ProvenanceNames.All<CitationKind>(), Enum("citation", "kind"));
        Assert.Equal(ProvenanceNames.All<Hedge>(), Enum("citation", "hedge"));
    }

    [Fact]
    public void JsonSchema_IdPatterns_AcceptWhatTheBuilderAccepts()
    {
        var id = new Regex(Definition("id").GetProperty("pattern").GetString()!);
        var reportId = new Regex(Definition("reportId").GetProperty("pattern").GetString()!);
        string[] samples = ["tass", "_x", "9", "a:b/c.d-e", "", "-x", ".x", "a b", "ТАСС", "a~b", "a~~b", "a~", new string('x', 200), new string('x', 201)];

        foreach (var sample in samples)
        {
            Assert.True(Ids.IsValid(sample) == id.IsMatch(sample), sample);
            Assert.True((Ids.IsValid(sample) || Ids.IsValidImplicit(sample)) == reportId.IsMatch(sample), sample);
        }
    }

    [Fact]
    public void JsonSchema_DatePattern_AcceptsWhatTheLoaderParses()
    {
        var date = new Regex(Definition("dateTime").GetProperty("pattern").GetString()!);
        string[] samples =
        [
            "2020-11-09T13:00:00-05:00", "2020-11-09T13:00Z", "2020-11-09 13:00:00.123+03:00", "2020-11-09T13:00:00",
            "2020-11-09", "09/11/2020", "2020-11-09T13:00:00.12345678Z",
        ];

        foreach (var sample in samples)
        {
            Assert.True(IsoDate.TryParse(sample, out _, out _) == date.IsMatch(sample), sample);
        }
    }
}
