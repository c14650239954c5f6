using System.Text;
using Provenance.Prov;

namespace Provenance.Tests.Prov;

public partial class ProvJsonTests
{
    private static string Invalid(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "prov-invalid", name);

    [Theory]
    [InlineData("not-json.json", 1, 2, "the file is not valid JSON at $: 'this is not json\\n' is an invalid JSON literal. Expected the literal 'true'; fix the syntax.")]
    [InlineData("truncated.json", 4, 1, "the file is not valid JSON at $.entity.ex:a: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed; fix the syntax.")]
    [InlineData("top-level-array.json", 1, 1, "expected an object (a PROV-JSON document) at $, found an array.")]
    [InlineData("section-not-object.json", 2, 13, "expected an object of entity records at $.entity, found an array.")]
    [InlineData("record-not-object.json", 4, 13, "expected an object (the attributes of entity 'ex:a') at $.entity.ex:a, found a string.")]
    [InlineData("typed-value-without-dollar.json", 4, 25, "expected a typed value {\"$\": ..., \"type\": ...} at $.entity.ex:a.ex:note, found an object without \"$\".")]
    [InlineData("unknown-record-type.json", 3, 3, "unknown record type 'entitty'; did you mean 'entity'?")]
    [InlineData("dangling-reference.json", 5, 66, "unknown entity, activity or agent 'ex:b'; did you mean 'ex:a'?")]
    [InlineData("unknown-prefix.json", 3, 26, "'foo:b' at $.entity.foo:b uses the prefix 'foo', which is not declared; declare it under \"prefix\".")]
    [InlineData("bad-datetime.json", 5, 51, "date '9 November 2020' is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00.")]
    [InlineData("duplicate-id.json", 5, 5, "duplicate entity id 'ex:a'; it is already defined at {file}:4:5.")]
    [InlineData("deep-nesting.json", 1, 91, "the input is nested more than 64 levels deep, the limit (GraphLimits.MaxNestingDepth); flatten it.")]
    public void Import_InvalidFile_ExactError(string name, int line, int column, string message)
    {
        var path = Invalid(name);

        var error = Assert.Throws<GraphValidationException>(() => ProvJson.Import(path));

        Assert.Equal($"{path}:{line}:{column}: {message.Replace("{file}", path, StringComparison.Ordinal)}", error.Message);
        Assert.Equal((path, line, column), (error.FilePath, error.Line, error.Column));
    }

    [Fact]
    public void Import_EveryInvalidFile_HasATheoryCase()
    {
        var covered = typeof(ProvJsonTests).GetMethod(nameof(Import_InvalidFile_ExactError))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]).Order(StringComparer.Ordinal);
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "prov-invalid")).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(files, covered);
    }

    [Fact]
    public void Import_MillionDeepArrays_LimitErrorNoOverflow()
    {
        var json = "{\"entity\": {\"ex:a\": {\"ex:x\": " + new string('[', 1_000_000) + new string(']', 1_000_000) + "}}}";

        var error = Assert.Throws<GraphValidationException>(() => ImportText(json, "deep.json"));

        Assert.Equal((1, 91), (error.Line, error.Column));
        Assert.EndsWith(" is nested more than 64 levels deep, the limit (GraphLimits.MaxNestingDepth); flatten it.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_FileOverSizeLimit_LimitError()
    {
        var options = new GraphBuildOptions { Limits = { MaxFileBytes = 10 } };

        var error = Assert.Throws<GraphValidationException>(() => ImportText("{\"prefix\": {}}", "big.json", options));

        Assert.Equal("big.json:1:1: the file is larger than 10 bytes, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.", error.Message);
    }

    [Fact]
    public void Import_StringOverLengthLimit_LimitError()
    {
        var options = new GraphBuildOptions { Limits = { MaxScalarLength = 7 } };

        var error = Assert.Throws<GraphValidationException>(() => ImportText("{\n \"entity\": {\"ex:a\": {\"ex:n\": \"12345678\"}}}", "long.json", options));

        Assert.Equal("long.json:2:30: this value is longer than 7 characters, the limit (GraphLimits.MaxScalarLength); shorten it.", error.Message);
    }

    [Fact]
    public void Import_SeveralStructureProblems_AllListedInFileOrder()
    {
        const string json = """
            {
              "prefix": {"ex": "https://example.org/"},
              "entity": {"ex:a": {}, "zz:b": {}},
              "wasAttributedTo": {"_:id1": {"prov:entity": "ex:a", "prov:agent": "ex:nobody"}}
            }
            """;

        var error = Assert.Throws<GraphValidationException>(() => ImportText(json));

        Assert.Equal(
            "The graph has 2 problems and was not loaded:\n"
            + "doc.json:3:26: 'zz:b' at $.entity.zz:b uses the prefix 'zz', which is not declared; declare it under \"prefix\".\n"
            + "doc.json:4:70: unknown entity, activity or agent 'ex:nobody'; define it or fix the reference.",
            error.Message);
    }

    [Fact]
    public void Import_UnknownEnumValue_NamesAllowedValues()
    {
        var json = ProvTestGraphs.HandBuilt().ToProvJson().Replace("\"pv:kind\": \"outlet\"", "\"pv:kind\": \"blog\"", StringComparison.Ordinal);
        var line = json[..json.IndexOf("\"blog\"", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var error = Assert.Throws<GraphValidationException>(() => ImportText(json));

        Assert.Equal($"doc.json:{line}:18: unknown source kind 'blog'; use one of news-agency, outlet, broadcaster, government, military-unit, person, social-media, anonymous, other.", error.Message);
    }

    [Fact]
    public void Import_Utf8ByteOrderMark_Accepted()
    {
        var graph = ProvTestGraphs.HandBuilt();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(graph.ToProvJson())).ToArray();

        var result = ProvJson.Import(new MemoryStream(bytes), "bom.json");

        Assert.True(graph.ContentEquals(result.Graph));
    }
}

public partial class ProvJsonTests
{
    [Fact]
    public void Import_ManyDanglingReferences_FirstHundredListed()
    {
        var relations = string.Join(",\n", Enumerable.Range(1, 150).Select(i => $"\"_:id{i}\": {{\"prov:entity\": \"ex:a\", \"prov:agent\": \"ex:missing{i}\"}}"));
        var json = "{\"prefix\": {\"ex\": \"https://example.org/\"},\n\"entity\": {\"ex:a\": {}},\n\"wasAttributedTo\": {\n" + relations + "}}";

        var error = Assert.Throws<GraphValidationException>(() => ImportText(json));

        Assert.Equal(101, error.Diagnostics.Length);
        Assert.Equal("doc.json:4:48: unknown entity, activity or agent 'ex:missing1'; define it or fix the reference.", error.Diagnostics[0].ToString());
        Assert.Equal("more than 100 problems; only the first 100 are listed.", error.Diagnostics[100].ToString());
    }
}

public partial class ProvJsonTests
{
    [Fact]
    public void Import_MissingFile_NotFoundError()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "no-such-file.json");

        var error = Assert.Throws<GraphValidationException>(() => ProvJson.Import(path));

        Assert.Equal("not-found", error.Diagnostics.Single().Code);
        Assert.Equal($"no file or folder at '{path}'; check the path.", error.Message);
    }
}
