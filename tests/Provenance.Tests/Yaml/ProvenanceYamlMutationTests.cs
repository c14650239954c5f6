using System.Text;
using Provenance.Internal;
using Provenance.Tests.Hostile;
using Provenance.Yaml;

namespace Provenance.Tests.Yaml;

/// <summary>
/// ProvenanceYaml's entry points: argument checks, what each Save writes, streams (byte-order marks, a second pass, a
/// start past zero, streams that cannot seek), folders (which files, in which order), the size limits and the order of
/// reading problems. Aimed at the surviving mutants of ProvenanceYaml.cs in tests/mutation-survivors/Yaml.txt.
/// </summary>
public sealed class ProvenanceYamlMutationTests : IDisposable
{
    private const string Valid = "sources:\n  - id: s\n    name: S\n    kind: outlet\n";

    // An unknown claim on line 7, column 16: valid YAML whose graph fails, so a load reads it twice.
    private const string DanglingClaim = "sources:\n  - id: s\n    name: S\n    kind: outlet\nreports:\n  - id: r\n    source: s\n    kind: article\n    assertions:\n      - claim: nope\n        mode: first-hand\n";

    private readonly string folder = Directory.CreateTempSubdirectory("provenance-yaml-mutants-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static CitationGraph Small() => ProvenanceYaml.Parse(Valid);

    [Fact]
    public void EveryEntryPoint_NullArguments_NameTheirParameter()
    {
        var graph = Small();
        Assert.Throws<ArgumentNullException>("reader", () => ProvenanceYaml.Load((TextReader)null!, "g.yaml"));
        Assert.Throws<ArgumentNullException>("fileName", () => ProvenanceYaml.Load(new StringReader(Valid), null!));
        Assert.Throws<ArgumentNullException>("stream", () => ProvenanceYaml.Load((Stream)null!, "g.yaml"));
        Assert.Throws<ArgumentNullException>("fileName", () => ProvenanceYaml.Load(new MemoryStream(), null!));
        Assert.Throws<ArgumentNullException>("yaml", () => ProvenanceYaml.Parse(null!));
        Assert.Throws<ArgumentNullException>("fileName", () => ProvenanceYaml.Parse(Valid, null!));
        Assert.Throws<ArgumentNullException>("path", () => ProvenanceYaml.TryLoad((string)null!, out _, out _));
        Assert.Throws<ArgumentNullException>("yaml", () => ProvenanceYaml.TryParse(null!, "g.yaml", out _, out _));
        Assert.Throws<ArgumentNullException>("fileName", () => ProvenanceYaml.TryParse(Valid, null!, out _, out _));
        Assert.Throws<ArgumentNullException>("paths", () => ProvenanceYaml.Load((IEnumerable<string>)null!));
        Assert.Throws<ArgumentNullException>("paths", () => ProvenanceYaml.Load([Write("a.yaml", Valid), null!]));
        Assert.Throws<ArgumentNullException>("paths", () => ProvenanceYaml.TryLoad([null!], out _, out _));
        Assert.Throws<ArgumentNullException>("graph", () => ProvenanceYaml.Save(null!, new StringWriter()));
        Assert.Throws<ArgumentNullException>("writer", () => ProvenanceYaml.Save(graph, (TextWriter)null!));
        Assert.Throws<ArgumentNullException>("graph", () => ProvenanceYaml.Save(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("stream", () => ProvenanceYaml.Save(graph, (Stream)null!));
        Assert.Throws<ArgumentNullException>("graph", () => ProvenanceYaml.Save(null!, Path.Combine(folder, "x.yaml")));
        Assert.Throws<ArgumentNullException>("path", () => ProvenanceYaml.Save(graph, (string)null!));
        Assert.Throws<ArgumentNullException>("graph", () => ProvenanceYaml.ToYaml(null!));
        Assert.False(File.Exists(Path.Combine(folder, "x.yaml")));
    }

    [Fact]
    public void Load_NoPaths_SaysToGiveOne()
    {
        var error = Assert.Throws<ArgumentException>("paths", () => ProvenanceYaml.TryLoad([], out _, out _));

        Assert.StartsWith("Give at least one graph file or folder.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadOptions_AreRejectedBeforeReading()
    {
        Assert.Throws<ArgumentNullException>("options.Limits", () => ProvenanceYaml.Parse(Valid, "g.yaml", new YamlLoadOptions { Limits = null! }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvenanceYaml.Parse(Valid, "g.yaml", new YamlLoadOptions { Limits = new GraphLimits { MaxFileBytes = 0 } }));
    }

    [Fact]
    public void Save_EveryTarget_WritesTheSameUtf8WithoutAMark()
    {
        var graph = ProvenanceYaml.Parse(Valid.Replace("name: S", "name: Süd", StringComparison.Ordinal));
        var expected = ProvenanceYaml.ToYaml(graph);
        Assert.Contains("Süd", expected, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', expected);

        var text = new StringWriter { NewLine = "\r\n" };
        ProvenanceYaml.Save(graph, text);
        Assert.Equal(expected, text.ToString());

        var stream = new MemoryStream();
        ProvenanceYaml.Save(graph, stream);
        Assert.True(stream.CanWrite, "Save(Stream) leaves the stream open");
        stream.WriteByte((byte)'#');
        Assert.Equal(Encoding.UTF8.GetBytes(expected + "#"), stream.ToArray());

        var path = Path.Combine(folder, "saved.yaml");
        File.WriteAllText(path, new string('x', 10_000));
        ProvenanceYaml.Save(graph, path);
        Assert.Equal(Encoding.UTF8.GetBytes(expected), File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16LE")]
    [InlineData("utf-16BE")]
    public void Load_StreamWithAByteOrderMark_IsDecodedByIt(string encoding)
    {
        var code = Encoding.GetEncoding(encoding);
        byte[] Marked(string text) => [.. code.GetPreamble(), .. code.GetBytes(text)];

        Assert.Equal("S", ProvenanceYaml.Load(new MemoryStream(Marked(Valid)), "g.yaml").Sources[0].Name);

        // An invalid graph is read a second time for positions; that pass decodes by the mark too, and leaves the stream open.
        var stream = new MemoryStream(Marked(DanglingClaim));
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(stream, "g.yaml"));
        Assert.Equal("g.yaml:10:16: unknown claim 'nope'; define it or fix the reference.", error.Message);
        Assert.True(stream.CanRead, "Load(Stream) leaves the stream open");
    }

    [Fact]
    public void Load_StreamThatCannotSeek_IsReadOnceWithPositions()
    {
        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(new ProvenanceYamlHostileTests.OneWayStream(Encoding.UTF8.GetBytes(DanglingClaim)), "g.yaml"));

        Assert.Equal("g.yaml:10:16: unknown claim 'nope'; define it or fix the reference.", error.Message);
    }

    [Fact]
    public void Load_StreamStartingPastZero_PlacesABadByteFromThatStart()
    {
        var stream = new MemoryStream([.. Encoding.UTF8.GetBytes("0123456789\n\n\nsources:\n  - id: s\n    name: S"), 0xFF, (byte)'\n']) { Position = 13 };

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(stream, "g.yaml"));

        Assert.StartsWith("g.yaml:3:12: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xFF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithABadByteAfterCrLfAndLoneCr_CountsEachAsOneLineBreak()
    {
        var path = Path.Combine(folder, "bad.yaml");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes("sources:\r\n  - id: s\r    name: S"), 0xFF, (byte)'\n']);

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(path));

        Assert.StartsWith(path + ":3:12: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Folder_ReadsYamlAndYmlFilesInOrdinalOrderOfTheirPaths()
    {
        Write("a.yaml", Valid.Replace("id: s", "id: a", StringComparison.Ordinal));
        Write("B.yaml", Valid.Replace("id: s", "id: b", StringComparison.Ordinal));
        Write("sub/c.yml", Valid.Replace("id: s", "id: c", StringComparison.Ordinal));
        Write("d.YAML", Valid.Replace("id: s", "id: d", StringComparison.Ordinal));
        Write("notes.txt", "not: [yaml");
        Write("yaml", "not: [yaml");

        var graph = ProvenanceYaml.Load(folder);

        // Ordinal: upper case before lower case, '/' after letters of the same prefix.
        Assert.Equal(["b", "a", "d", "c"], graph.Sources.Select(s => s.Id));
    }

    [Fact]
    public void Load_FolderWithoutYaml_SaysSo()
    {
        Write("notes.txt", Valid);

        Assert.False(ProvenanceYaml.TryLoad(folder, out var graph, out var diagnostics));

        Assert.Null(graph);
        var problem = Assert.Single(diagnostics);
        Assert.Null(problem.Location);
        Assert.Equal(DiagnosticCodes.NotFound, problem.Code);
        Assert.Equal($"folder '{folder}' holds no *.yaml or *.yml files; add one or pass a file.", problem.Message);
    }

    [Fact]
    public void Load_TwoFilesWithTheSameTopLevelKeys_AreMerged()
    {
        var graph = ProvenanceYaml.Load([Write("one.yaml", Valid), Write("two.yaml", Valid.Replace("id: s", "id: t", StringComparison.Ordinal))]);

        Assert.Equal(["s", "t"], graph.Sources.Select(s => s.Id));
    }

    [Fact]
    public void Load_FileAtTheSizeLimit_LoadsAndOneByteOver_IsReportedAlone()
    {
        var path = Write("g.yaml", Valid);
        var size = new FileInfo(path).Length;

        Assert.Single(ProvenanceYaml.Load(path, new YamlLoadOptions { Limits = new GraphLimits { MaxFileBytes = size } }).Sources);

        // The file is not read at all: its syntax error is not reported beside the limit.
        var broken = Write("broken.yaml", Valid + "x: [\n");
        var limit = new FileInfo(broken).Length - 1;
        Assert.False(ProvenanceYaml.TryLoad(broken, out _, out var diagnostics, new YamlLoadOptions { Limits = new GraphLimits { MaxFileBytes = limit } }));
        var problem = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.Limit, problem.Code);
        Assert.Equal(new SourceLocation(broken, 1, 1), problem.Location);
        Assert.Equal($"the file is larger than {limit} bytes, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.", problem.Message);
    }

    [Fact]
    public void Load_TextAtTheSizeLimit_LoadsAndOneCharacterOver_IsReportedAlone()
    {
        Assert.Single(ProvenanceYaml.Load(new StringReader(Valid), "g.yaml", new YamlLoadOptions { Limits = new GraphLimits { MaxFileBytes = Valid.Length } }).Sources);

        var error = Assert.Throws<GraphValidationException>(() =>
            ProvenanceYaml.Load(new StringReader(Valid + "x: [\n"), "g.yaml", new YamlLoadOptions { Limits = new GraphLimits { MaxFileBytes = Valid.Length + 1 } }));
        Assert.Equal($"g.yaml:1:1: the text is longer than {Valid.Length + 1} characters, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.", error.Message);
    }

    [Fact]
    public void TryLoad_ReadingProblems_ComeByFileThenPositionWithUnplacedOnesLast()
    {
        var late = Write("z.yaml", "sources:\n  - id: s\n    name: [\n");
        var early = Write("a.yaml", "x: [\n");
        var missing = Path.Combine(folder, "missing.yaml");

        Assert.False(ProvenanceYaml.TryLoad([missing, late, early], out _, out var diagnostics));

        Assert.Equal([early, late, null], diagnostics.Select(d => d.Location?.File));
        Assert.Equal(ErrorMessages.NotFound(missing), diagnostics[2].Message);
    }

    [Fact]
    public void Load_SyntaxErrorsInTwoFiles_KeepTheFirstOneAsTheCause()
    {
        var first = Write("a.yaml", "x: [\n");
        var second = Write("b.yaml", "sources:\n  - id: s\n    name: S\n  bad\n");
        var causeOf = (string[] paths) => Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(paths)).InnerException!.Message;

        Assert.NotEqual(causeOf([first]), causeOf([second]));
        Assert.Equal(causeOf([first]), causeOf([first, second]));
    }

    [Fact]
    public void Load_ParserFailuresInTwoFiles_KeepTheFirstOneAsTheCause()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "hostile", "yamldotnet-invalid-operation.yaml"));
        var first = Path.Combine(folder, "a.yaml");
        var second = Path.Combine(folder, "b.yaml");
        File.WriteAllBytes(first, bytes);
        File.WriteAllText(second, "x: [\n");

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load([first, second]));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Equal(2, error.Diagnostics.Length);
    }
}
