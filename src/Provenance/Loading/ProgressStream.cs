namespace Provenance;

/// <summary>A read-only stream over another that reports its position as it is read, at most once per 256 KiB.</summary>
internal sealed class ProgressStream(Stream inner, IProgress<long> progress) : Stream
{
    private const long Step = 256 * 1024;
    private long position;
    private long reported = -Step;

    public override bool CanRead => true;

    public override bool CanSeek => inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            inner.Position = value;
            position = value;
            reported = value - Step;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        position += read;
        if (position - reported >= Step || read == 0)
        {
            reported = position;
            progress.Report(position);
        }

        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        position = inner.Seek(offset, origin);
        reported = position - Step;
        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
