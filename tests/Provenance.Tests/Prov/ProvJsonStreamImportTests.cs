using System.Text;
using Provenance.Generation;
using Provenance.Prov;

namespace Provenance.Tests.Prov;

/// <summary>
/// The streaming import path (<see cref="ProvJsonStreamReader"/>) against the general importer: on what the exporter
/// writes, the same graph; on anything else, nothing, so that the general importer (and its positioned messages) answers.
/// </summary>
public class ProvJsonStreamImportTests
{
    public static TheoryData<string, int> Graphs => new()
    {
        { "generated", 1 },
        { "generated", 2 },
        { "generated", 2020 },
        { "random", 1 },
        { "random", 3 },
        { "random", 42 },
        { "random", 99 },
        { "hand-built", 0 },
    };

    private static CitationGraph Make(string kind, int seed) => kind switch
    {
        "generated" => NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 1_200, Seed = seed }),
        "random" => ProvTestGraphs.Random(seed),
        _ => ProvTestGraphs.HandBuilt(),
    };

    private static byte[] Export(CitationGraph graph)
    {
        using var stream = new MemoryStream();
        ProvJson.Export(graph, stream);
        return stream.ToArray();
    }

    private static ProvImportResult General(byte[] data) =>
        ProvJsonImporter.Import((byte[])data.Clone(), data.Length, "g.json", new GraphBuildOptions());

    [Theory]
    [MemberData(nameof(Graphs))]
    public void Streamed_ExportedGraph_SameGraphAsGeneralImporter(string kind, int seed)
    {
        var graph = Make(kind, seed);
        var data = Export(graph);

        var streamed = ProvJsonStreamReader.TryRead(new MemoryStream(data), new GraphBuildOptions());

        Assert.NotNull(streamed);
        var general = General(data);
        Assert.Empty(general.Unmapped);
        Assert.Empty(streamed.Unmapped);
        Assert.True(general.Graph.ContentEquals(streamed.Graph));
        Assert.True(graph.ContentEquals(streamed.Graph));
        Assert.Equal(data, Export(streamed.Graph));
    }

    [Fact]
    public void Streamed_BomOneByteReadsTinyChunks_SameGraph()
    {
        var graph = ProvTestGraphs.Random(8);
        var data = (byte[])[0xEF, 0xBB, 0xBF, .. Export(graph)];

        var streamed = ProvJsonStreamReader.TryRead(new OneByteStream(data), new GraphBuildOptions(), chunkBytes: 16);

        Assert.NotNull(streamed);
        Assert.True(graph.ContentEquals(streamed.Graph));
    }

    [Theory]
    [InlineData("\"pv:kind\": \"news-agency\"", "\"pv:kind\": \"news-agency\", \"pv:extra\": \"x\"")]
    [InlineData("\"prov:label\"", "\"rdfs:label\"")]
    [InlineData("\"_:id2\"", "\"_:id02\"")]
    [InlineData("\"pv\": \"https://github.com/provenance-graph/provenance/ns#\"", "\"pv\": \"https://example.org/other#\"")]
    [InlineData("\"pv:mode\": \"attributed\"", "\"pv:mode\": [\"attributed\"]")]
    [InlineData("%7E", "%7e")]
    [InlineData("\"prov:generatedEntity\": \"report:", "\"prov:generatedEntity\": \"report:%61")]
    public void Streamed_AnythingElse_GivesUpAndImportAnswersAsTheGeneralImporter(string find, string replace)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 300, Seed = 5 });
        var text = Encoding.UTF8.GetString(Export(graph));
        Assert.Contains(find, text, StringComparison.Ordinal);
        var data = Encoding.UTF8.GetBytes(ReplaceFirst(text, find, replace));

        Assert.Null(ProvJsonStreamReader.TryRead(new MemoryStream(data), new GraphBuildOptions()));
        var (expected, expectedProblems) = Outcome(() => General(data));
        var (actual, actualProblems) = Outcome(() => ProvJson.Import(new MemoryStream(data), "g.json"));
        Assert.Equal(expectedProblems.Select(d => d.ToString()), actualProblems.Select(d => d.ToString()));
        Assert.Equal(expected?.Unmapped.Select(u => u.ToString()), actual?.Unmapped.Select(u => u.ToString()));
        Assert.Equal(expected is null, actual is null);
        if (expected is not null)
        {
            Assert.True(expected.Graph.ContentEquals(actual!.Graph));
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.999)]
    [InlineData(0.01)]
    public void Import_TruncatedExport_PositionedSyntaxErrorNothingLoaded(double keep)
    {
        var data = Export(NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 500, Seed = 3 }));
        var cut = data[..(int)(data.Length * keep)];

        var ok = ProvJson.TryImport(new MemoryStream(cut), "cut.json", out var result, out var diagnostics);

        Assert.False(ok);
        Assert.Null(result);
        var problem = Assert.Single(diagnostics);
        Assert.Equal("syntax", problem.Code);
        Assert.Equal("cut.json", problem.Location!.Value.File);
        var general = Assert.Throws<GraphValidationException>(() => ProvJsonImporter.Import((byte[])cut.Clone(), cut.Length, "cut.json", new GraphBuildOptions()));
        Assert.Equal(general.Diagnostics.Select(d => d.ToString()), diagnostics.Select(d => d.ToString()));
        Assert.True(problem.Location.Value.Line > 1);
    }

    [Fact]
    public void Import_ExportedShapeTheBuilderRejects_SameProblemsAsTheGeneralImporter()
    {
        // Well-formed and in the exporter's shape, but over a limit the builder checks.
        var data = Export(NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 200, Seed = 4 }));
        var options = new GraphBuildOptions { Limits = { MaxCitations = 50 } };

        Assert.Null(ProvJsonStreamReader.TryRead(new MemoryStream(data), options));
        var expected = Assert.Throws<GraphValidationException>(() => ProvJsonImporter.Import((byte[])data.Clone(), data.Length, "g.json", options));
        var actual = Assert.Throws<GraphValidationException>(() => ProvJson.Import(new MemoryStream(data), "g.json", options));

        Assert.Equal(expected.Diagnostics.Select(d => d.ToString()), actual.Diagnostics.Select(d => d.ToString()));
        Assert.NotEmpty(actual.Diagnostics);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }

    private static (ProvImportResult? Result, IReadOnlyList<GraphDiagnostic> Problems) Outcome(Func<ProvImportResult> import)
    {
        try
        {
            return (import(), []);
        }
        catch (GraphValidationException e)
        {
            return (null, e.Diagnostics);
        }
    }

    /// <summary>A seekable stream that hands out one byte a read, so that every token crosses a chunk boundary at least once.</summary>
    private sealed class OneByteStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);
    }
}
