using System.Text;
using Provenance.Internal;
using Provenance.Prov;

namespace Provenance.Tests.Prov;

/// <summary>
/// The general PROV-JSON importer's JSON reader (JsonTree.cs) through its messages: the JSON path of a member whose name
/// needs quoting, array indexes, a duplicate at the top, in a section or below it, what each kind of value is called,
/// the limits met exactly and crossed by names, strings, numbers and literals, the nesting limit at its largest values,
/// trailing commas, invalid UTF-8, and columns that count characters rather than bytes. Aimed at JsonTree.cs's surviving
/// and uncovered mutants in tests/mutation-survivors/Prov.txt.
/// </summary>
public sealed class JsonTreeMutationTests
{
    private const string File = "doc.json";

    private static IReadOnlyList<GraphDiagnostic> Problems(string json, GraphBuildOptions? options = null) => Problems(Encoding.UTF8.GetBytes(json), options);

    private static IReadOnlyList<GraphDiagnostic> Problems(byte[] data, GraphBuildOptions? options = null)
    {
        try
        {
            ProvJsonImporter.Import(data, data.Length, File, options ?? new GraphBuildOptions());
            return [];
        }
        catch (GraphValidationException e)
        {
            return e.Diagnostics;
        }
    }

    private static int Column(string json, string marker) =>
        json.IndexOf(marker, StringComparison.Ordinal) - json.LastIndexOf('\n', json.IndexOf(marker, StringComparison.Ordinal));

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"x\"", "a string")]
    [InlineData("5", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("false", "a boolean")]
    [InlineData("null", "null")]
    public void Root_NotAnObject_SaysWhatItIs(string json, string found)
    {
        var problem = Assert.Single(Problems(json));

        Assert.Equal($"{File}:1:1: expected an object (a PROV-JSON document) at $, found {found}.", problem.ToString());
    }

    [Fact]
    public void Object_WhereAStringBelongs_IsCalledAnObject()
    {
        var problem = Assert.Single(Problems("{\"prefix\": {\"ex\": {}}}"));

        Assert.Equal("expected a namespace URI string at $.prefix.ex, found an object.", problem.Message);
    }

    [Theory]
    [InlineData("plain", "$.bundle.plain")]
    [InlineData("a.b", "$.bundle['a.b']")]
    [InlineData("a[b", "$.bundle['a[b']")]
    [InlineData("a]b", "$.bundle['a]b']")]
    [InlineData("a'b", "$.bundle['a\\'b']")]
    [InlineData("a\\\"b", "$.bundle['a\"b']")]
    [InlineData("a\\\\b", "$.bundle['a\\\\b']")]
    [InlineData("a b", "$.bundle['a b']")]
    [InlineData("a\\u00A0b", "$.bundle['a\u00A0b']")]
    [InlineData("a\\u0001b", "$.bundle['a\u0001b']")]
    [InlineData("", "$.bundle['']")]
    public void DuplicateBelowAMemberWhoseNameNeedsQuoting_PathQuotesIt(string jsonKey, string path)
    {
        var json = "{\"bundle\": {\"" + jsonKey + "\": {\"x\": 1, \"x\": 2}}}";

        var problem = Assert.Single(Problems(json), p => p.Code == DiagnosticCodes.DuplicateKey);

        Assert.Equal($"'x' is given twice in {path}; the first is at {File}:1:{Column(json, "\"x\"")}; keep one.", problem.Message);
        Assert.Equal(Column(json, "\"x\": 2"), problem.Location!.Value.Column);
    }

    [Fact]
    public void DuplicateInAnArrayItem_PathHasTheItemsIndex()
    {
        var json = "{\"entity\": {\"r:x\": {\"prov:type\": [{\"$\": \"a\"}, {\"$\": \"b\", \"$\": \"c\"}]}}}";

        var problem = Assert.Single(Problems(json), p => p.Code == DiagnosticCodes.DuplicateKey);

        Assert.StartsWith("'$' is given twice in $.entity.r:x.prov:type[1]; the first is at", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateSection_IsGivenTwiceInTheDocument()
    {
        var json = "{\"entity\": {},\n \"entity\": {}}";

        var problem = Assert.Single(Problems(json), p => p.Code == DiagnosticCodes.DuplicateKey);

        Assert.Equal($"{File}:2:2: 'entity' is given twice in the document; the first is at {File}:1:2; keep one.", problem.ToString());
    }

    [Theory]
    [InlineData("entity")]
    [InlineData("activity")]
    [InlineData("agent")]
    public void DuplicateRecordInAnElementSection_IsADuplicateId(string section)
    {
        var json = "{\"" + section + "\": {\"ex:x\": {}, \"ex:x\": {}}}";

        var problem = Assert.Single(Problems(json), p => p.Code == DiagnosticCodes.DuplicateId);

        Assert.Equal($"duplicate {section} id 'ex:x'; it is already defined at {File}:1:{Column(json, "\"ex:x\"")}.", problem.Message);
    }

    [Theory]
    [InlineData("{\"bundle\": {\"entity\": {\"x\": 1, \"x\": 2}}}", "$.bundle.entity")]
    [InlineData("{\"wasDerivedFrom\": {\"_:d1\": {\"prov:type\": 1, \"prov:type\": 2}}}", "$.wasDerivedFrom._:d1")]
    [InlineData("{\"entity\": {\"ex:x\": {\"prov:label\": \"a\", \"prov:label\": \"b\"}}}", "$.entity.ex:x")]
    public void DuplicateAnywhereElse_IsADuplicateKey(string json, string path)
    {
        var problem = Assert.Single(Problems(json), p => p.Code is DiagnosticCodes.DuplicateKey or DiagnosticCodes.DuplicateId);

        Assert.Equal(DiagnosticCodes.DuplicateKey, problem.Code);
        Assert.Contains($" is given twice in {path};", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(int.MaxValue - 1)]
    [InlineData(6)]
    public void NestingLimit_AtItsLargestValues_ReadsTheDocument(int depth)
    {
        var data = Export(ProvTestGraphs.HandBuilt());

        var result = ProvJsonImporter.Import(data, data.Length, File, new GraphBuildOptions { Limits = { MaxNestingDepth = depth } });

        Assert.True(ProvTestGraphs.HandBuilt().ContentEquals(result.Graph));
    }

    [Fact]
    public void NestingLimit_OneLevelTooDeep_IsALimitProblemAtTheContainer()
    {
        var json = "{\"entity\": {\"ex:x\": {\"prov:type\": [{\"$\": \"a\", \"type\": \"xsd:string\"}]}}}";

        Assert.DoesNotContain(Problems(json, new GraphBuildOptions { Limits = { MaxNestingDepth = 5 } }), p => p.Code == DiagnosticCodes.Limit);
        var problem = Assert.Single(Problems(json, new GraphBuildOptions { Limits = { MaxNestingDepth = 4 } }));
        Assert.Equal(DiagnosticCodes.Limit, problem.Code);
        Assert.Equal(Column(json, "{\"$\""), problem.Location!.Value.Column);
        Assert.Contains("more than 4 levels deep", problem.Message, StringComparison.Ordinal);
    }

    private static byte[] Export(CitationGraph graph)
    {
        using var stream = new MemoryStream();
        ProvJson.Export(graph, stream);
        return stream.ToArray();
    }

    [Theory]
    [InlineData("{\"entity\": {},}")]
    [InlineData("{\"entity\": {\"ex:x\": {\"prov:label\": \"a\",}}}")]
    [InlineData("{\"entity\": {\"ex:x\": {\"prov:type\": [\"ex:a\",]}}}")]
    public void TrailingComma_IsASyntaxError(string json)
    {
        var problem = Assert.Single(Problems(json));

        Assert.Equal(DiagnosticCodes.Syntax, problem.Code);
        Assert.StartsWith("the file is not valid JSON at $", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"prefix\": {\"abcdefghij\": \"u\"}}", 10, "\"abcdefghij\"")] // a member name
    [InlineData("{\"prefix\": {\"ex\": \"https://example.org/\"}}", 20, "\"https://")] // a string
    [InlineData("{\"x\": 12345}", 5, "12345")] // a number
    [InlineData("{\"x\": true}", 4, "true")]
    [InlineData("{\"x\": false}", 5, "false")]
    [InlineData("{\"x\": null}", 4, "null")]
    public void ScalarLimit_MetExactly_NoLimitProblem_OneLess_OneAtTheValue(string json, int length, string marker)
    {
        Assert.DoesNotContain(Problems(json, new GraphBuildOptions { Limits = { MaxScalarLength = length } }), p => p.Code == DiagnosticCodes.Limit);

        var problem = Assert.Single(Problems(json, new GraphBuildOptions { Limits = { MaxScalarLength = length - 1 } }));

        Assert.Equal($"{File}:1:{Column(json, marker)}: this value is longer than {length - 1} characters, the limit (GraphLimits.MaxScalarLength); shorten it.", problem.ToString());
        Assert.Equal(DiagnosticCodes.Limit, problem.Code);
    }

    [Theory]
    [InlineData("{\"agent\": {\"ex:x\": {\"prov:label\": \"T@SS\"}}}", "$.agent.ex:x")] // in a value
    [InlineData("{\"agent\": {\"ex:x\": {\"prov:l@bel\": \"TASS\"}}}", "$.agent.ex:x")] // in a member name
    [InlineData("\"T@SS\"", "$")] // the whole document
    public void InvalidUtf8InAString_IsASyntaxErrorAtTheString(string json, string path)
    {
        var data = Encoding.UTF8.GetBytes(json);
        data[Array.IndexOf(data, (byte)'@')] = 0xFF;

        var problem = Assert.Single(Problems(data));

        Assert.Equal(DiagnosticCodes.Syntax, problem.Code);
        Assert.Equal($"the file is not valid JSON at {path}: a string is not valid UTF-8; fix the syntax.", problem.Message);
        var quote = json.LastIndexOf('"', json.IndexOf('@', StringComparison.Ordinal)) + 1;
        Assert.Equal(quote, problem.Location!.Value.Column);
    }

    [Fact]
    public void SyntaxErrorAfterMultiByteCharacters_ColumnCountsCharacters()
    {
        var json = "{\"prefix\": {\n  \"ex\": \"ТАСС 🚁\" x}}";

        var problem = Assert.Single(Problems(json));

        Assert.Equal(DiagnosticCodes.Syntax, problem.Code);
        Assert.Equal(2, problem.Location!.Value.Line);
        // "  \"ex\": \"ТАСС 🚁\" " is 17 characters (the helicopter is one, though two UTF-16 units and four bytes).
        Assert.Equal(18, problem.Location.Value.Column);
    }
}
