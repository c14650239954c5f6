using System.Net.Sockets;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Tests.Loading;

/// <summary>
/// The front door's argument checks, messages, progress path and content sniffing, each pinned exactly: tests written
/// against the mutants that survived the first mutation run of src/Provenance/Loading (see tests/MUTATION.md).
/// </summary>
public sealed class ProvenanceGraphMutationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("provenance-loading-mutants-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string PathOf(string name) => Path.Combine(folder, name);

    private static CitationGraph Excerpt() => ProvenanceYaml.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "valid", "mi24-excerpt.yaml"));

    private string Saved(string name, GraphFormat? format = null)
    {
        var path = PathOf(name);
        ProvenanceGraph.Save(Excerpt(), path, format);
        return path;
    }

    [Fact]
    public void TryLoad_NullArguments_NameTheirParameter()
    {
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceGraph.TryLoad((string)null!, out _, out _)).ParamName);
        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => ProvenanceGraph.TryLoad((IEnumerable<string>)null!, out _, out _)).ParamName);
        Assert.Equal("paths", Assert.Throws<ArgumentNullException>(() => ProvenanceGraph.TryLoad([Saved("a.yaml"), null!], out _, out _)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceGraph.DetectFormat(null!)).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceGraph.FormatOfExtension(null!)).ParamName);
        Assert.Equal("graph", Assert.Throws<ArgumentNullException>(() => ProvenanceGraph.Save(null!, PathOf("x.yaml"))).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentNullException>(() => ProvenanceGraph.Save(Excerpt(), null!)).ParamName);
    }

    [Fact]
    public void TryLoad_NoPaths_IsAnArgumentError()
    {
        var error = Assert.Throws<ArgumentException>(() => ProvenanceGraph.TryLoad([], out _, out _));

        Assert.Equal("paths", error.ParamName);
        Assert.StartsWith("Give at least one graph file or folder.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoad_BadLimits_AreArgumentErrorsEvenForAMissingFile()
    {
        var missing = PathOf("missing.jsonl");

        Assert.Equal(
            "options.Limits",
            Assert.Throws<ArgumentNullException>(() => ProvenanceGraph.TryLoad(missing, out _, out _, new GraphLoadOptions { Limits = null! })).ParamName);
        Assert.Equal(
            "MaxNodes",
            Assert.Throws<ArgumentOutOfRangeException>(() => ProvenanceGraph.TryLoad(missing, out _, out _, new GraphLoadOptions { Limits = { MaxNodes = 0 } })).ParamName);
    }

    [Fact]
    public void TryLoad_FileFormatForcedOnSeveralYamlPaths_NamesEachAsThatFormat()
    {
        string[] paths = [Saved("a.yaml"), Saved("b.yaml")];

        var loaded = ProvenanceGraph.TryLoad(paths, out var graph, out var diagnostics, new GraphLoadOptions { Format = GraphFormat.ProvJson });

        Assert.False(loaded);
        Assert.Null(graph);
        Assert.Equal(
            paths.Select(p => $"'{p}' is PROV-JSON, which loads on its own; only YAML files and folders merge with others."),
            diagnostics.Select(d => d.Message));
        Assert.All(diagnostics, d => Assert.Equal("format", d.Code));
    }

    [Fact]
    public void TryLoad_ProvJsonAndJsonLinesWithAYamlFile_NamesBothFormats()
    {
        var json = Saved("c.json");
        var bulk = Saved("d.jsonl");

        Assert.False(ProvenanceGraph.TryLoad([Saved("a.yaml"), json, bulk], out _, out var diagnostics));

        Assert.Equal(
            [
                $"'{json}' is PROV-JSON, which loads on its own; only YAML files and folders merge with others.",
                $"'{bulk}' is JSON Lines, which loads on its own; only YAML files and folders merge with others.",
            ],
            diagnostics.Select(d => d.Message));
    }

    [Fact]
    public void TryLoad_FolderForcedToJsonLines_IsAFormatProblem()
    {
        var problem = Assert.Single(ProvenanceGraph.TryLoad(folder, out _, out var diagnostics, new GraphLoadOptions { Format = GraphFormat.JsonLines }) ? [] : diagnostics);

        Assert.Equal("format", problem.Code);
        Assert.Null(problem.Location);
        Assert.Equal($"'{folder}' is a folder; only YAML graphs come as folders.", problem.Message);
    }

    [Fact]
    public void DetectFormat_FolderWithAFileExtension_IsYaml()
    {
        var named = Directory.CreateDirectory(PathOf("looks-like.json")).FullName;
        System.IO.File.Copy(Saved("graph.yaml"), Path.Combine(named, "graph.yaml"));

        Assert.Equal(GraphFormat.Yaml, ProvenanceGraph.DetectFormat(named));
        Assert.Equal(Excerpt().Citations.Length, ProvenanceGraph.Load(named).Citations.Length);
    }

    [Fact]
    public void Save_NoGraphExtension_SaysWhichExtensionsWork()
    {
        var path = PathOf("graph.txt");

        var error = Assert.Throws<ArgumentException>(() => ProvenanceGraph.Save(Excerpt(), path));

        Assert.StartsWith($"'{path}' has no graph extension; use .yaml, .yml, .jsonl or .json, or pass the format.", error.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(path));
    }

    [Theory]
    [InlineData("{\"kind\":\"provenance\",\"version\":1}\n{}\n")]
    [InlineData("{\"data\":{\"type\":\"provenance\"}}\n")]
    [InlineData("{\"type\":\n\"provenance\"}\n")]
    [InlineData("{\"type\":1,\"name\":\"provenance\"}\n")]
    public void DetectFormat_FirstLineNotTheBulkHeader_IsProvJson(string content)
    {
        // Only a complete first line whose own top-level "type" is the string "provenance" makes JSON Lines: not another key
        // with that value, not a nested "type", not a header split across lines, not a non-string type.
        var path = PathOf("sniffed");
        System.IO.File.WriteAllText(path, content);

        Assert.Equal(GraphFormat.ProvJson, ProvenanceGraph.DetectFormat(path));
    }

    [Fact]
    public void DetectFormat_BulkHeaderWithOtherKeysAndNestedValues_IsJsonLines()
    {
        var path = PathOf("sniffed");
        System.IO.File.WriteAllText(path, "{\"meta\":{\"type\":\"other\",\"list\":[1,{\"a\":2}]},\"type\":\"provenance\",\"version\":1}\n{\"x\":1}\n");

        Assert.Equal(GraphFormat.JsonLines, ProvenanceGraph.DetectFormat(path));
    }

    [Fact]
    public void TryLoad_WithProgress_InvalidYamlIsFalseWithItsProblems()
    {
        var path = PathOf("bad.yaml");
        System.IO.File.WriteAllText(path, "sources: [");

        var loaded = ProvenanceGraph.TryLoad(path, out var graph, out var diagnostics, new GraphLoadOptions { Progress = new Progress<long>() });

        Assert.False(loaded);
        Assert.Null(graph);
        Assert.Equal(path, Assert.Single(diagnostics).Location?.File);
    }

    [Theory]
    [InlineData("graph.yaml")]
    [InlineData("graph.jsonl")]
    [InlineData("graph.json")]
    public void TryLoad_WithProgress_FileOverTheLimitIsTheSameProblemAsWithout(string name)
    {
        // A YAML file over the limit is handed to the path loader (which names its size); the other formats check the limit
        // on the stream. Either way, the problem is the one the plain load reports.
        var path = Saved(name);
        var options = new GraphLoadOptions { Limits = { MaxFileBytes = new FileInfo(path).Length - 1 } };

        Assert.False(ProvenanceGraph.TryLoad(path, out _, out var plain, options));
        options.Progress = new Progress<long>();
        Assert.False(ProvenanceGraph.TryLoad(path, out var graph, out var withProgress, options));

        Assert.Null(graph);
        Assert.Equal("limit", Assert.Single(plain).Code);
        Assert.Equal(plain.Select(d => d.ToString()), withProgress.Select(d => d.ToString()));
    }

    [Fact]
    public void TryLoad_WithProgress_YamlFileOfExactlyTheLimitLoads()
    {
        var path = Saved("graph.yaml");
        var options = new GraphLoadOptions { Limits = { MaxFileBytes = new FileInfo(path).Length }, Progress = new Progress<long>() };

        Assert.True(ProvenanceGraph.TryLoad(path, out var graph, out var diagnostics, options), string.Join("; ", diagnostics));
        Assert.Equal(Excerpt().Citations.Length, graph.Citations.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_ProvJsonWithUnmappedRecords_ReportsEachOnceWithOrWithoutProgress(bool progress)
    {
        var path = PathOf("foreign.json");
        System.IO.File.WriteAllText(
            path,
            Excerpt().ToProvJson()
                .Replace("\"entity\": {", "\"entity\": {\n    \"ex:thing\": {},\n    \"ex:other\": {},", StringComparison.Ordinal)
                .Replace("\"prefix\": {", "\"prefix\": {\n    \"ex\": \"http://example.org/\",", StringComparison.Ordinal));
        var unmapped = new List<UnmappedRecord>();
        var options = new GraphLoadOptions { OnUnmappedRecord = unmapped.Add, Progress = progress ? new Progress<long>() : null };

        var graph = ProvenanceGraph.Load(path, options);

        Assert.Equal(Excerpt().Citations.Length, graph.Citations.Length);
        Assert.Equal(["ex:other", "ex:thing"], unmapped.Select(u => u.Id).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryLoad_PathThatExistsButCannotBeOpened_IsAnIoProblem(bool progress)
    {
        // A Unix socket is a file that exists but cannot be opened for reading (ENXIO), even by root.
        Skip.IfNot(OperatingSystem.IsLinux(), "needs a Unix domain socket file that open(2) refuses (Linux)");
        var path = PathOf("socket");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        Assert.Equal(GraphFormat.Yaml, ProvenanceGraph.DetectFormat(path));
        var loaded = ProvenanceGraph.TryLoad(path, out var graph, out var diagnostics, new GraphLoadOptions { Progress = progress ? new Progress<long>() : null });

        Assert.False(loaded);
        Assert.Null(graph);
        var problem = Assert.Single(diagnostics);
        Assert.Equal("io", problem.Code);
        Assert.Equal(new SourceLocation(path, 1, 1), problem.Location);
        Assert.StartsWith($"cannot read '{path}'", problem.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void TryLoad_WithProgress_FileThatFailsOnRead_IsAnIoProblem()
    {
        // /proc/self/mem opens, has a size of 0 and fails with EIO when read at offset 0: an I/O error in the middle of a load.
        Skip.IfNot(OperatingSystem.IsLinux() && System.IO.File.Exists("/proc/self/mem"), "needs /proc/self/mem (Linux)");
        const string path = "/proc/self/mem";

        Assert.Equal(GraphFormat.Yaml, ProvenanceGraph.DetectFormat(path));
        var loaded = ProvenanceGraph.TryLoad(path, out var graph, out var diagnostics, new GraphLoadOptions { Progress = new Progress<long>() });

        Assert.False(loaded);
        Assert.Null(graph);
        var problem = Assert.Single(diagnostics);
        Assert.Equal("io", problem.Code);
        Assert.Equal(new SourceLocation(path, 1, 1), problem.Location);
        Assert.StartsWith($"cannot read '{path}'", problem.Message, StringComparison.Ordinal);
    }
}
