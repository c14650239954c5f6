using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Provenance.Bulk;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Tests.Loading;

/// <summary>The front door (issue 15): every format through one entry point, by extension and by content, and Try methods that never throw.</summary>
public sealed class ProvenanceGraphTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("provenance-loading-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Valid(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", "valid", .. parts]);

    private static string Invalid(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "invalid", name);

    private string File(string name) => Path.Combine(folder, name);

    private static CitationGraph Excerpt() => ProvenanceYaml.Load(Valid("mi24-excerpt.yaml"));

    [Theory]
    [InlineData("graph.yaml", GraphFormat.Yaml)]
    [InlineData("graph.yml", GraphFormat.Yaml)]
    [InlineData("graph.jsonl", GraphFormat.JsonLines)]
    [InlineData("graph.json", GraphFormat.ProvJson)]
    [InlineData("GRAPH.JSONL", GraphFormat.JsonLines)]
    public void Load_EveryFormatByExtension_GivesTheSameGraph(string name, GraphFormat format)
    {
        var graph = Excerpt();
        var path = File(name);
        ProvenanceGraph.Save(graph, path);

        var loaded = ProvenanceGraph.Load(path);

        Assert.Equal(format, ProvenanceGraph.DetectFormat(path));
        Assert.Equal(ProvenanceYaml.ToYaml(graph), ProvenanceYaml.ToYaml(loaded));
    }

    [Theory]
    [InlineData(GraphFormat.Yaml)]
    [InlineData(GraphFormat.JsonLines)]
    [InlineData(GraphFormat.ProvJson)]
    public void Load_NoExtension_ChoosesTheFormatByContent(GraphFormat format)
    {
        var graph = Excerpt();
        var path = File("graph-without-extension");
        ProvenanceGraph.Save(graph, path, format);

        var loaded = ProvenanceGraph.Load(path);

        Assert.Equal(format, ProvenanceGraph.DetectFormat(path));
        Assert.Equal(ProvenanceYaml.ToYaml(graph), ProvenanceYaml.ToYaml(loaded));
    }

    [Fact]
    public void DetectFormat_MinifiedProvJsonOnOneLine_IsProvJson()
    {
        var path = File("one-line.data");
        System.IO.File.WriteAllText(path, """{"prefix":{"ex":"http://example.org/"},"entity":{"ex:a":{}}}""");

        Assert.Equal(GraphFormat.ProvJson, ProvenanceGraph.DetectFormat(path));
    }

    [Fact]
    public void DetectFormat_BulkHeaderAfterByteOrderMarkAndBlankLines_IsJsonLines()
    {
        var path = File("bulk.data");
        System.IO.File.WriteAllText(path, "\uFEFF\n\n" + ProvenanceJsonLines.Serialize(Excerpt()));

        Assert.Equal(GraphFormat.JsonLines, ProvenanceGraph.DetectFormat(path));
    }

    [Fact]
    public void Load_Folder_IsYaml()
    {
        var graph = ProvenanceGraph.Load(Valid("split"));

        Assert.Equal(ProvenanceYaml.ToYaml(ProvenanceYaml.Load(Valid("split"))), ProvenanceYaml.ToYaml(graph));
    }

    [Fact]
    public void Load_SeveralYamlPaths_MergesThem()
    {
        var split = Valid("split");
        string[] paths = [Path.Combine(split, "00-affiliations.yaml"), Path.Combine(split, "10-sources.yaml"), Path.Combine(split, "reports")];

        var graph = ProvenanceGraph.Load(paths);

        Assert.Equal(ProvenanceYaml.ToYaml(ProvenanceYaml.Load(paths)), ProvenanceYaml.ToYaml(graph));
    }

    [Fact]
    public void TryLoad_JsonLinesWithOtherPaths_FailsNamingTheFile()
    {
        var bulk = File("graph.jsonl");
        ProvenanceGraph.Save(Excerpt(), bulk);

        var loaded = ProvenanceGraph.TryLoad([Valid("mi24-excerpt.yaml"), bulk], out var graph, out var diagnostics);

        Assert.False(loaded);
        Assert.Null(graph);
        var problem = Assert.Single(diagnostics);
        Assert.Equal($"'{bulk}' is JSON Lines, which loads on its own; only YAML files and folders merge with others.", problem.Message);
    }

    [Theory]
    [InlineData("missing.yaml")]
    [InlineData("missing.jsonl")]
    [InlineData("missing.json")]
    [InlineData("missing-folder/graph.jsonl")]
    [InlineData("missing-folder/graph.json")]
    public void TryLoad_MissingFile_ReturnsFalseWithNotFound(string name)
    {
        var path = File(name);

        var loaded = ProvenanceGraph.TryLoad(path, out var graph, out var diagnostics);

        Assert.False(loaded);
        Assert.Null(graph);
        var problem = Assert.Single(diagnostics);
        Assert.Equal("not-found", problem.Code);
        Assert.Equal($"no file or folder at '{path}'; check the path.", problem.Message);
    }

    [Theory]
    [InlineData(GraphFormat.JsonLines)]
    [InlineData(GraphFormat.ProvJson)]
    public void TryLoad_FolderForcedToAFileFormat_ReturnsFalse(GraphFormat format)
    {
        var loaded = ProvenanceGraph.TryLoad(folder, out _, out var diagnostics, new GraphLoadOptions { Format = format });

        Assert.False(loaded);
        Assert.Equal($"'{folder}' is a folder; only YAML graphs come as folders.", Assert.Single(diagnostics).Message);
    }

    [Theory]
    [InlineData("bad.jsonl", "{\"type\":\"provenance\"\n")]
    [InlineData("bad.json", "{ not json")]
    [InlineData("bad.yaml", "sources: [")]
    [InlineData("bad.jsonl", "\u0000\u0001\u0002")]
    [InlineData("bad.json", "")]
    public void TryLoad_MalformedFile_ReturnsFalseWithPositions(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);

        var loaded = ProvenanceGraph.TryLoad(path, out var graph, out var diagnostics);

        Assert.False(loaded);
        Assert.Null(graph);
        Assert.NotEmpty(diagnostics);
        Assert.All(diagnostics, d => Assert.Equal(path, d.Location?.File));
    }

    [Fact]
    public void Load_TimelineError_RejectedUnlessAllowed()
    {
        var path = Invalid("timeline.yaml");
        var bulk = File("timeline.jsonl");
        var allowed = new GraphLoadOptions { AllowTimelineErrors = true };
        ProvenanceGraph.Save(ProvenanceGraph.Load(path, allowed), bulk);

        Assert.False(ProvenanceGraph.TryLoad(bulk, out _, out var diagnostics));
        Assert.Contains("published later", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
        Assert.Single(ProvenanceGraph.Load(bulk, allowed).TimelineErrors());
    }

    [Fact]
    public void Load_FileOverTheLimit_NamesTheLimit()
    {
        var path = File("graph.jsonl");
        ProvenanceGraph.Save(Excerpt(), path);
        var size = new FileInfo(path).Length;

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceGraph.Load(path, new GraphLoadOptions { Limits = { MaxFileBytes = size - 1 } }));

        Assert.Equal("limit", error.Diagnostics[0].Code);
        Assert.NotNull(ProvenanceGraph.Load(path, new GraphLoadOptions { Limits = { MaxFileBytes = size } }));
    }

    [Theory]
    [InlineData("graph.yaml")]
    [InlineData("graph.jsonl")]
    [InlineData("graph.json")]
    public void Load_WithProgress_SameGraphAndReportsTheWholeFile(string name)
    {
        var graph = Excerpt();
        var path = File(name);
        ProvenanceGraph.Save(graph, path);
        var reports = new List<long>();

        var loaded = ProvenanceGraph.Load(path, new GraphLoadOptions { Progress = new Recorder(reports) });

        Assert.Equal(ProvenanceYaml.ToYaml(graph), ProvenanceYaml.ToYaml(loaded));
        Assert.Equal(new FileInfo(path).Length, reports.Max());
    }

    [Theory]
    [InlineData("bad.yaml", "sources: [")]
    [InlineData("bad.jsonl", "{\"type\":\"provenance\"\n")]
    public void TryLoad_WithProgress_SameDiagnosticsAsWithout(string name, string content)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, content);

        ProvenanceGraph.TryLoad(path, out _, out var plain);
        ProvenanceGraph.TryLoad(path, out _, out var withProgress, new GraphLoadOptions { Progress = new Recorder([]) });

        Assert.Equal(plain.Select(d => d.ToString()), withProgress.Select(d => d.ToString()));
    }

    [Fact]
    public void Load_ProvJsonWithUnmappedRecords_ReportsThem()
    {
        var path = File("foreign.json");
        System.IO.File.WriteAllText(path, Excerpt().ToProvJson().Replace("\"entity\": {", "\"entity\": {\n    \"ex:thing\": {},", StringComparison.Ordinal).Replace("\"prefix\": {", "\"prefix\": {\n    \"ex\": \"http://example.org/\",", StringComparison.Ordinal));
        var unmapped = new List<UnmappedRecord>();

        ProvenanceGraph.Load(path, new GraphLoadOptions { OnUnmappedRecord = unmapped.Add });

        Assert.Contains(unmapped, u => u.Id == "ex:thing");
    }

    [Fact]
    public void Save_UnknownExtension_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ProvenanceGraph.Save(Excerpt(), File("graph.txt")));

        Assert.Equal("path", error.ParamName);
    }

    [Fact]
    public void JsonLinesTryLoad_MissingFolder_ReturnsFalse_Issue15()
    {
        var path = File("no/such/folder/graph.jsonl");

        var loaded = ProvenanceJsonLines.TryLoad(path, out var graph, out var diagnostics);

        Assert.False(loaded);
        Assert.Null(graph);
        Assert.Equal("not-found", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void JsonLinesTryLoad_Folder_ReturnsFalse_Issue15()
    {
        Assert.False(ProvenanceJsonLines.TryLoad(folder, out _, out var diagnostics));
        Assert.Single(diagnostics);
    }

    [Fact]
    public void ProvJsonTryImport_MissingAndInvalid_ReturnFalse_Issue15()
    {
        var bad = File("bad.json");
        System.IO.File.WriteAllText(bad, "[1, 2]");

        Assert.False(ProvJson.TryImport(File("missing.json"), out var none, out var missing));
        Assert.Null(none);
        Assert.Equal("not-found", Assert.Single(missing).Code);
        Assert.False(ProvJson.TryImport(bad, out _, out var invalid));
        Assert.Equal(bad, invalid[0].Location?.File);
    }

    [Fact]
    public void ProvJsonTryImport_Valid_ReturnsTheGraph()
    {
        var graph = Excerpt();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(graph.ToProvJson()));

        Assert.True(ProvJson.TryImport(stream, "graph.json", out var result, out var diagnostics));
        Assert.True(diagnostics.IsEmpty);
        Assert.True(graph.ContentEquals(result.Graph));
    }

    [Theory]
    [InlineData("graph.jsonl")]
    [InlineData("graph.json")]
    public void AddProvenance_GraphPathInAnyFormat_LoadsIt(string name)
    {
        var graph = Excerpt();
        var path = File(name);
        ProvenanceGraph.Save(graph, path);
        using var provider = new ServiceCollection().AddProvenance(o => o.GraphPath = path).BuildServiceProvider();

        var loaded = provider.GetRequiredService<IProvenanceGraphProvider>().Graph;

        Assert.Equal(ProvenanceYaml.ToYaml(graph), ProvenanceYaml.ToYaml(loaded));
    }

    [Fact]
    public void ReadmeSample_FrontDoor_Runs()
    {
        var corpusPath = File("corpus.jsonl");
        ProvenanceGraph.Save(Excerpt(), corpusPath);
        var split = Valid("split");

        // As in the README section "One entry point for every format".
        var options = new GraphLoadOptions { AllowTimelineErrors = true, Limits = { MaxFileBytes = 512L << 20 } };
        Assert.True(ProvenanceGraph.TryLoad(corpusPath, out var corpus, out var problems, options), string.Join("\n", problems));
        CitationGraph merged = ProvenanceGraph.Load([Path.Combine(split, "00-affiliations.yaml"), Path.Combine(split, "10-sources.yaml"), Path.Combine(split, "reports")]);
        ProvenanceGraph.Save(merged, File("merged.prov.json"));

        Assert.True(corpus.ContentEquals(Excerpt()));
        Assert.True(merged.ContentEquals(ProvenanceGraph.Load(File("merged.prov.json"))));
    }

    [Theory]
    [InlineData("a\u2028b", "a\\u2028b")]
    [InlineData("a\u200Eb\u200F", "a\\u200Eb\\u200F")]
    [InlineData("\u061C", "\\u061C")]
    [InlineData("tab\there", "tab\\u0009here")]
    [InlineData("\u001B[31m", "\\u001B[31m")]
    [InlineData("ТАСС 中文", "ТАСС 中文")]
    public void TerminalTextEscape_UnsafeCharacters_Escaped(string text, string expected)
    {
        Assert.Equal(expected, TerminalText.Escape(text));
        Assert.Equal(expected, new GraphDiagnostic(null, "x", text).ToString());
    }

    private sealed class Recorder(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }
}
