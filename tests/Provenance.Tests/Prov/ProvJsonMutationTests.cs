using System.Text;
using Provenance.Generation;
using Provenance.Prov;
using Provenance.Tests.Hostile;

namespace Provenance.Tests.Prov;

/// <summary>
/// The PROV entry points and writers at their edges: argument checks, streams that cannot seek or fail, the size limit
/// met exactly, which import path a stream takes, how export hands its bytes to a stream or a text writer, ids longer
/// than the writer's buffers, and the formal terms of every record. Aimed at the surviving mutants of ProvJson.cs,
/// ProvJsonWriter.cs, ProvN.cs, ProvVocabulary.cs and ProvDocument.cs in tests/mutation-survivors/Prov-partial.txt.
/// </summary>
public sealed class ProvJsonMutationTests : IDisposable
{
    // The streaming reader's chunk (ProvJsonStreamReader.ChunkBytes); the general importer asks for the whole input in one read.
    private const int StreamChunk = 1 << 20;

    // The exporter's flush threshold (ProvJsonWriter.FlushAt).
    private const int FlushAt = 65_536;

    private readonly string folder = Directory.CreateTempSubdirectory("provenance-prov-mutants-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static byte[] Export(CitationGraph graph)
    {
        using var stream = new MemoryStream();
        ProvJson.Export(graph, stream);
        return stream.ToArray();
    }

    private static byte[] Large() => Export(NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 5_000, Seed = 11 }));

    [Fact]
    public void EveryEntryPoint_NullArguments_NameTheirParameter()
    {
        var graph = ProvTestGraphs.HandBuilt();
        var data = Export(graph);
        Assert.Throws<ArgumentNullException>("graph", () => ProvJson.Export(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("stream", () => ProvJson.Export(graph, (Stream)null!));
        Assert.Throws<ArgumentNullException>("graph", () => ProvJson.Export(null!, new StringWriter()));
        Assert.Throws<ArgumentNullException>("writer", () => ProvJson.Export(graph, (TextWriter)null!));
        Assert.Throws<ArgumentNullException>("graph", () => ProvJson.ToProvJson(null!));
        Assert.Throws<ArgumentNullException>("path", () => ProvJson.Import((string)null!));
        Assert.Throws<ArgumentNullException>("stream", () => ProvJson.Import((Stream)null!, "g.json"));
        Assert.Throws<ArgumentNullException>("fileName", () => ProvJson.Import(new MemoryStream(data), null!));
        Assert.Throws<ArgumentNullException>("path", () => ProvJson.TryImport((string)null!, out _, out _));
        Assert.Throws<ArgumentNullException>("stream", () => ProvJson.TryImport((Stream)null!, "g.json", out _, out _));
        Assert.Throws<ArgumentNullException>("fileName", () => ProvJson.TryImport(new MemoryStream(data), null!, out _, out _));
        Assert.Throws<ArgumentNullException>("graph", () => ProvN.Export(null!, new StringWriter()));
        Assert.Throws<ArgumentNullException>("writer", () => ProvN.Export(graph, (TextWriter)null!));
        Assert.Throws<ArgumentNullException>("graph", () => ProvN.Export(null!, new MemoryStream()));
        Assert.Throws<ArgumentNullException>("stream", () => ProvN.Export(graph, (Stream)null!));
        Assert.Throws<ArgumentNullException>("graph", () => ProvDocument.Records(null!));
        Assert.Throws<ArgumentNullException>("id", () => ProvVocabulary.EscapeLocalName(null!));
        Assert.Throws<ArgumentNullException>("localName", () => ProvVocabulary.UnescapeLocalName(null!));
    }

    [Fact]
    public void Import_BadOptions_AreRejectedBeforeReading()
    {
        var data = Export(ProvTestGraphs.HandBuilt());

        Assert.Throws<ArgumentNullException>("options.Limits", () => ProvJson.Import(new MemoryStream(data), "g.json", new GraphBuildOptions { Limits = null! }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvJson.Import(new MemoryStream(data), "g.json", new GraphBuildOptions { Limits = new GraphLimits { MaxFileBytes = 0 } }));
    }

    [Fact]
    public void Import_NoOptions_UsesTheDefaults()
    {
        var graph = ProvTestGraphs.HandBuilt();
        var data = Export(graph);

        Assert.True(graph.ContentEquals(ProvJson.Import(new MemoryStream(data), "g.json").Graph));
        Assert.True(graph.ContentEquals(ProvJson.Import(new ProvenanceYamlHostileTests.OneWayStream(data), "g.json").Graph));
    }

    [Fact]
    public void TryImport_Valid_ReturnsTheGraphAndNoProblems()
    {
        var graph = ProvTestGraphs.HandBuilt();
        var data = Export(graph);
        var path = Path.Combine(folder, "g.json");
        File.WriteAllBytes(path, data);

        Assert.True(ProvJson.TryImport(path, out var fromFile, out var fileProblems));
        Assert.True(ProvJson.TryImport(new MemoryStream(data), "g.json", out var fromStream, out var streamProblems));

        Assert.True(graph.ContentEquals(fromFile.Graph));
        Assert.True(graph.ContentEquals(fromStream.Graph));
        Assert.Empty(fileProblems);
        Assert.Empty(streamProblems);
    }

    [Fact]
    public void Import_FileLockedByAnotherHandle_IsAnIoProblemNamingTheFile()
    {
        var path = Path.Combine(folder, "locked.json");
        File.WriteAllBytes(path, Export(ProvTestGraphs.HandBuilt()));
        using var holder = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        var error = Assert.Throws<GraphValidationException>(() => ProvJson.Import(path));
        Assert.False(ProvJson.TryImport(path, out var result, out var diagnostics));

        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal("io", problem.Code);
        Assert.Equal(new SourceLocation(path, 1, 1), problem.Location);
        Assert.StartsWith($"cannot read '{path}': ", problem.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Null(result);
        Assert.Equal(problem, Assert.Single(diagnostics));
    }

    [Fact]
    public void TryImport_StreamThatFails_IsAnIoProblemAtTheStart()
    {
        var ok = ProvJson.TryImport(new FailingStream(new IOException("the disk went away")), "pipe.json", out var result, out var diagnostics);

        Assert.False(ok);
        Assert.Null(result);
        var problem = Assert.Single(diagnostics);
        Assert.Equal(new GraphDiagnostic(new SourceLocation("pipe.json", 1, 1), "io", "cannot read 'pipe.json': the disk went away"), problem);
    }

    [Fact]
    public void TryImport_StreamThatFailsOtherwise_LetsTheExceptionThrough()
    {
        var failure = new InvalidOperationException("not an input problem");

        var thrown = Assert.Throws<InvalidOperationException>(() => ProvJson.TryImport(new FailingStream(failure), "pipe.json", out _, out _));

        Assert.Same(failure, thrown);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(4_096)]
    public void Import_StreamThatCannotSeek_SameGraphAsFromMemory(int readSize)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 400, Seed = 2 });
        var data = Export(graph);
        Assert.True(data.Length > 65_536 * 2);

        var result = ProvJson.Import(new TrickleStream(data, readSize), "pipe.json");

        Assert.True(graph.ContentEquals(result.Graph));
        Assert.Empty(result.Unmapped);
    }

    [Fact]
    public void Import_StreamThatCannotSeekUnderTheLimitButPastTheFirstBuffer_IsReadWhole()
    {
        // 80,000 bytes from a pipe with a limit of 100,000: the first 65,536-byte buffer fills and must grow, not stop.
        var data = Padded(Export(ProvTestGraphs.HandBuilt()), 80_000);
        var options = new GraphBuildOptions { Limits = { MaxFileBytes = 100_000 } };

        var result = ProvJson.Import(new TrickleStream(data, 4_096), "pipe.json", options);

        Assert.True(ProvTestGraphs.HandBuilt().ContentEquals(result.Graph));
    }

    [Theory]
    [InlineData(65_536)]
    [InlineData(70_000)]
    [InlineData(200_000)]
    public void Import_StreamThatCannotSeek_ExactlyTheLimitLoadsOneByteMoreIsRefused(int limit)
    {
        var graph = ProvTestGraphs.HandBuilt();
        var exact = Padded(Export(graph), limit);
        var over = Padded(Export(graph), limit + 1);
        var options = new GraphBuildOptions { Limits = { MaxFileBytes = limit } };

        var loaded = ProvJson.Import(new TrickleStream(exact, 4_096), "pipe.json", options);
        var error = Assert.Throws<GraphValidationException>(() => ProvJson.Import(new TrickleStream(over, 4_096), "pipe.json", options));

        Assert.True(graph.ContentEquals(loaded.Graph));
        var problem = Assert.Single(error.Diagnostics);
        Assert.Equal(new GraphDiagnostic(new SourceLocation("pipe.json", 1, 1), "limit", $"the file is larger than {limit} bytes, the limit (GraphLimits.MaxFileBytes); split it or raise the limit."), problem);
    }

    [Fact]
    public void Import_EndlessStreamThatCannotSeek_StopsReadingJustPastTheLimit()
    {
        var endless = new EndlessStream();
        var options = new GraphBuildOptions { Limits = { MaxFileBytes = 300_000 } };

        var error = Assert.Throws<GraphValidationException>(() => ProvJson.Import(endless, "pipe.json", options));

        Assert.Equal("limit", Assert.Single(error.Diagnostics).Code);
        Assert.InRange(endless.BytesRead, 300_001, 300_001 + 65_536);
    }

    [Fact]
    public void Import_ExportedShape_IsStreamedInChunksNotReadWhole()
    {
        var data = Large();
        Assert.True(data.Length > 2 * StreamChunk);
        var stream = new RecordingStream(data);

        var result = ProvJson.Import(stream, "g.json");

        Assert.Equal(data, Export(result.Graph));
        Assert.InRange(stream.LargestRequest, 1, StreamChunk);
        Assert.Equal(data.Length, stream.BytesRead);
    }

    [Fact]
    public void Import_ExportedShapeExactlyAtTheLimit_IsStillStreamed()
    {
        var data = Large();
        var stream = new RecordingStream(data);

        var result = ProvJson.Import(stream, "g.json", new GraphBuildOptions { Limits = { MaxFileBytes = data.Length } });

        Assert.Equal(data, Export(result.Graph));
        Assert.InRange(stream.LargestRequest, 1, StreamChunk);
    }

    [Fact]
    public void Import_ExportedShapeAfterAPrefix_IsStreamedFromThePositionWithTheLimitCountedFromThere()
    {
        var data = Large();
        var junk = new byte[StreamChunk];
        Array.Fill(junk, (byte)'#');
        var stream = new RecordingStream([.. junk, .. data]) { Position = junk.Length };

        var result = ProvJson.Import(stream, "g.json", new GraphBuildOptions { Limits = { MaxFileBytes = data.Length } });

        Assert.Equal(data, Export(result.Graph));
        Assert.InRange(stream.LargestRequest, 1, StreamChunk);
    }

    [Fact]
    public void Import_OtherShapeAfterAPrefix_IsReadAgainFromThePosition()
    {
        // Not the exporter's layout (indentation), so the streaming reader gives up and the general importer reads from the start position.
        var graph = ProvTestGraphs.HandBuilt();
        var text = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Export(graph)).Replace("\n  ", "\n\t", StringComparison.Ordinal));
        var stream = new MemoryStream([.. "garbage"u8, .. text]) { Position = 7 };

        var result = ProvJson.Import(stream, "g.json");

        Assert.True(graph.ContentEquals(result.Graph));
    }

    [Fact]
    public void Export_LargeGraph_HandsTheStreamChunksOfAboutTheFlushSize()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 5_000, Seed = 11 });
        var stream = new RecordingStream([]);

        ProvJson.Export(graph, stream);

        var total = stream.Length;
        Assert.True(total > 20 * FlushAt);
        Assert.InRange(stream.LargestWrite, FlushAt, 2 * FlushAt);
        Assert.InRange(stream.Writes, total / (2 * FlushAt), (total / FlushAt) + 10);
    }

    [Fact]
    public void Export_TextWriter_KeepsCharactersThatStraddleAFlush()
    {
        // Three-byte characters across many 64 KB flushes: some flush ends inside one, which the text writer must carry over.
        var builder = new CitationGraphBuilder().AddSource(new Source("s", "S", SourceKind.Outlet));
        for (var i = 0; i < 40; i++)
        {
            builder.AddClaim(new Claim($"c{i}", new string('€', 5_000 + i) + "🚁" + i));
        }

        var graph = builder.Build();
        var expected = Encoding.UTF8.GetString(Export(graph));
        Assert.True(Encoding.UTF8.GetByteCount(expected) > 8 * FlushAt);
        var writer = new StringWriter();

        ProvJson.Export(graph, writer);

        Assert.Equal(expected, writer.ToString());
        Assert.DoesNotContain('\uFFFD', writer.ToString());
        Assert.Equal(expected, graph.ToProvJson());
    }

    [Fact]
    public void ProvNExport_Stream_WritesUtf8WithoutAMarkAndLeavesTheStreamOpen()
    {
        var graph = ProvTestGraphs.HandBuilt();
        var stream = new MemoryStream();

        ProvN.Export(graph, stream);

        Assert.True(stream.CanWrite);
        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]);
        Assert.Equal(graph.ToProvN(), Encoding.UTF8.GetString(bytes));
        Assert.Contains("ТАСС", graph.ToProvN(), StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ReportsButNoClaims_OpensTheEntitySectionForTheReports()
    {
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("s", "S", SourceKind.Outlet))
            .AddReport(new Report("r", "s", ReportKind.Article) { Title = "T" })
            .Build();

        var text = graph.ToProvJson();

        Assert.Contains("\"entity\": {\n    \"report:r\": {", text, StringComparison.Ordinal);
        Assert.True(graph.ContentEquals(ProvJson.Import(new MemoryStream(Encoding.UTF8.GetBytes(text)), "g.json").Graph));
    }

    [Fact]
    public void Export_IdsLongerThanTheWritersBuffers_AreEscapedWholeAndReadBack()
    {
        // A 401-character implicit report id whose escape is 1,199 bytes, past the writer's first 256 characters and 1,024 bytes.
        var report = "r" + new string(':', 199);
        var source = "s" + new string('/', 199);
        var implicitId = report + "~" + source;
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("w", "W", SourceKind.Outlet))
            .AddSource(new Source(source, "Long", SourceKind.Government))
            .AddClaim(new Claim("c", "C."))
            .AddReport(new Report(report, "w", ReportKind.Article))
            .AddReport(Report.Implicit(implicitId, source, report))
            .AddAssertion(new Assertion(report, "c", AssertionMode.Attributed))
            .AddAssertion(new Assertion(implicitId, "c", AssertionMode.FirstHand))
            .AddCitation(new Citation(report, implicitId, "c", CitationKind.AccordingTo, Hedge.None, "according to them"))
            .Build();

        var data = Export(graph);
        var text = Encoding.UTF8.GetString(data);
        var escaped = ProvVocabulary.EscapeLocalName(implicitId);

        Assert.Equal(1_199, escaped.Length);
        Assert.Contains($"\"report:{escaped}\"", text, StringComparison.Ordinal);
        Assert.True(graph.ContentEquals(ProvJson.Import(new MemoryStream(data), "g.json").Graph));
        Assert.True(graph.ContentEquals(ProvJsonImporter.Import((byte[])data.Clone(), data.Length, "g.json", new GraphBuildOptions()).Graph));
    }

    [Fact]
    public void EscapeLocalName_PlainId_IsReturnedWithoutACopy()
    {
        var id = string.Concat("ts", "s-1.x_");

        Assert.Same(id, ProvVocabulary.EscapeLocalName(id));
        Assert.Same(id, ProvVocabulary.UnescapeLocalName(id));
    }

    [Theory]
    [InlineData(new[] { 'a', '\uD800' }, "a%EF%BF%BD")]
    [InlineData(new[] { '\uD800', 'a' }, "%EF%BF%BDa")]
    [InlineData(new[] { '\uDC00' }, "%EF%BF%BD")]
    [InlineData(new[] { '\uD83D', '\uDE81', '~' }, "%F0%9F%9A%81%7E")]
    public void EscapeLocalName_LoneSurrogate_IsTheReplacementCharacterAndTheNextCharacterKeepsItsOwnRule(char[] id, string expected)
    {
        Assert.Equal(expected, ProvVocabulary.EscapeLocalName(new string(id)));
    }

    [Fact]
    public void UnescapeLocalName_UnescapedCharacters_AreKeptAsTheyAre()
    {
        Assert.Equal("A🚁b", ProvVocabulary.UnescapeLocalName("%41🚁b"));
        Assert.Equal("é🚁", ProvVocabulary.UnescapeLocalName("%C3%A9🚁"));
        Assert.Equal("a\uD800b", ProvVocabulary.UnescapeLocalName("a\uD800b"));
        Assert.Equal("A\uFFFDb", ProvVocabulary.UnescapeLocalName("%41\uD800b"));
        Assert.Null(ProvVocabulary.UnescapeLocalName("%FF"));
        Assert.Null(ProvVocabulary.UnescapeLocalName("%C3%28"));
    }

    [Fact]
    public void Records_EveryRelation_HasPROVNsFormalTermsInOrder()
    {
        var records = ProvDocument.Records(ProvTestGraphs.HandBuilt());

        var formal = records
            .Where(r => r.Id is null)
            .GroupBy(r => r.Type)
            .ToDictionary(g => g.Key, g => g.Select(r => string.Join(" ", r.Formal.Select(f => f.Name))).Distinct().Single());

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["actedOnBehalfOf"] = "prov:delegate prov:responsible prov:activity",
                ["wasAttributedTo"] = "prov:entity prov:agent",
                ["wasDerivedFrom"] = "prov:generatedEntity prov:usedEntity prov:activity prov:generation prov:usage",
                ["wasGeneratedBy"] = "prov:entity prov:activity prov:time",
                ["wasInfluencedBy"] = "prov:influencee prov:influencer",
            },
            formal);
    }

    /// <summary>The exported bytes with spaces before the final newline, to exactly <paramref name="length"/> bytes.</summary>
    private static byte[] Padded(byte[] data, int length)
    {
        Assert.True(data.Length < length);
        var padded = new byte[length];
        data.AsSpan(0, data.Length - 1).CopyTo(padded);
        padded.AsSpan(data.Length - 1, length - data.Length).Fill((byte)' ');
        padded[^1] = (byte)'\n';
        return padded;
    }

    /// <summary>A pipe that hands out at most <c>size</c> bytes a read.</summary>
    private sealed class TrickleStream(byte[] data, int size) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, size));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, size)]);
    }

    /// <summary>A pipe that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)' ');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A pipe whose every read fails.</summary>
    private sealed class FailingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A seekable stream that records the largest read asked of it, the bytes read, and the writes made to it.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public RecordingStream(byte[] data)
        {
            base.Write(data, 0, data.Length);
            Position = 0;
        }

        public int LargestRequest { get; private set; }

        public long BytesRead { get; private set; }

        public int LargestWrite { get; private set; }

        public int Writes { get; private set; }

        public override int Read(byte[] buffer, int offset, int count) => Count(count, base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Count(buffer.Length, base.Read(buffer));

        // MemoryStream's span overload hands a derived stream's writes to Stream.Write(ReadOnlySpan),
        // which calls back into Write(byte[], ...): both overloads count here and store through the
        // array overload of MemoryStream itself, so neither calls the other.
        public override void Write(byte[] buffer, int offset, int count)
        {
            Record(count);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Record(buffer.Length);
            base.Write(buffer.ToArray(), 0, buffer.Length);
        }

        private void Record(int length)
        {
            Writes++;
            LargestWrite = Math.Max(LargestWrite, length);
        }

        private int Count(int requested, int read)
        {
            LargestRequest = Math.Max(LargestRequest, requested);
            BytesRead += read;
            return read;
        }
    }
}
