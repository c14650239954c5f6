namespace Provenance.Tests.Loading;

/// <summary>The stream that reports how far a load has read: at most once per 256 KiB, always at the end, anew after a seek.</summary>
public class ProgressStreamTests
{
    private const int Step = 256 * 1024;

    [Fact]
    public void Read_ReportsTheFirstRead_ThenOncePerStep_AndAtTheEnd()
    {
        var reports = new List<long>();
        using var stream = new ProgressStream(new MemoryStream(new byte[(Step * 2) + 10]), new Recorder(reports));
        var buffer = new byte[Step / 4];

        // The first read is reported (so a caller sees the load start); then one report per 256 KiB read.
        Assert.Equal(buffer.Length, stream.Read(buffer, 0, buffer.Length));
        Assert.Equal([Step / 4], reports);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(buffer.Length, stream.Read(buffer, 0, buffer.Length));
        }

        Assert.Equal([Step / 4], reports);
        Assert.Equal(buffer.Length, stream.Read(buffer, 0, buffer.Length));
        Assert.Equal([Step / 4, (Step / 4) + Step], reports);
        while (stream.Read(buffer.AsSpan()) > 0)
        {
        }

        // The end (a read of nothing) is reported, with the whole length.
        Assert.Equal((Step * 2) + 10, reports[^1]);
        Assert.Equal(3, reports.Count);
        Assert.Equal(0, stream.Read(buffer.AsSpan()));
        Assert.Equal(4, reports.Count);
    }

    [Fact]
    public void Read_ExactlyOneStepAfterTheLastReport_Reports()
    {
        var reports = new List<long>();
        using var stream = new ProgressStream(new MemoryStream(new byte[Step * 3]), new Recorder(reports));
        var one = new byte[1];
        Assert.Equal(1, stream.Read(one));
        var buffer = new byte[Step - 1];
        Assert.Equal(Step - 1, stream.Read(buffer));
        Assert.Equal([1], reports);
        Assert.Equal(1, stream.Read(one));
        Assert.Equal([1, Step + 1], reports);
    }

    [Fact]
    public void SeekAndPosition_StartCountingFromTheNewPlace()
    {
        var reports = new List<long>();
        var inner = new MemoryStream(new byte[Step * 4]);
        using var stream = new ProgressStream(inner, new Recorder(reports));
        var small = new byte[10];
        Assert.Equal(10, stream.Read(small));

        Assert.Equal(Step * 2, stream.Seek(Step * 2, SeekOrigin.Begin));
        Assert.Equal(Step * 2, inner.Position);
        Assert.Equal(10, stream.Read(small));
        Assert.Equal([10, (Step * 2) + 10], reports);

        stream.Position = 100;
        Assert.Equal(100, inner.Position);
        Assert.Equal(100, stream.Position);
        Assert.Equal(10, stream.Read(small));
        Assert.Equal([10, (Step * 2) + 10, 110], reports);
        Assert.Equal(10, stream.Read(small));
        Assert.Equal(3, reports.Count);

        Assert.Equal(Step + 15, stream.Seek(Step - 105, SeekOrigin.Current));
        Assert.Equal(10, stream.Read(small));
        Assert.Equal(Step + 25, reports[^1]);
    }

    [Fact]
    public void Capabilities_AreTheInnerStreamsReadSide()
    {
        var inner = new MemoryStream(new byte[42]);
        var stream = new ProgressStream(inner, new Recorder([]));
        Assert.True(stream.CanRead);
        Assert.True(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Equal(42, stream.Length);
        Assert.Throws<NotSupportedException>(() => stream.Write([1], 0, 1));
        Assert.Throws<NotSupportedException>(() => stream.SetLength(1));
        stream.Flush();

        var unseekable = new ProgressStream(new NonSeekable(), new Recorder([]));
        Assert.False(unseekable.CanSeek);

        stream.Dispose();
        Assert.False(inner.CanRead);
        Assert.Throws<ObjectDisposedException>(() => inner.ReadByte());
    }

    private sealed class Recorder(List<long> reports) : IProgress<long>
    {
        public void Report(long value) => reports.Add(value);
    }

    private sealed class NonSeekable : MemoryStream
    {
        public override bool CanSeek => false;
    }
}
