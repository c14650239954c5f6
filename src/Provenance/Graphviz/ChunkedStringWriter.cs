using System.Buffers;
using System.Text;

namespace Provenance.Graphviz;

/// <summary>
/// A <see cref="TextWriter"/> that collects text in large pooled chunks and makes one string of it: for drawings of
/// tens of millions of characters, where a <see cref="StringWriter"/>'s builder grows by thousands of small chunks that
/// the collector then promotes and copies.
/// </summary>
internal sealed class ChunkedStringWriter : TextWriter
{
    private const int FirstChunk = 16 * 1024;
    private const int LargestChunk = 1024 * 1024;

    private readonly List<char[]> full = [];
    private char[] current = ArrayPool<char>.Shared.Rent(FirstChunk);
    private int used;
    private long fullLength;

    public ChunkedStringWriter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        if (used == current.Length)
        {
            Next();
        }

        current[used++] = value;
    }

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(StringBuilder? value)
    {
        if (value is null)
        {
            return;
        }

        foreach (var chunk in value.GetChunks())
        {
            Write(chunk.Span);
        }
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            if (used == current.Length)
            {
                Next();
            }

            var n = Math.Min(buffer.Length, current.Length - used);
            buffer[..n].CopyTo(current.AsSpan(used));
            used += n;
            buffer = buffer[n..];
        }
    }

    /// <summary>Everything written, as one string.</summary>
    public override string ToString()
    {
        var length = fullLength + used;
        if (length > Array.MaxLength)
        {
            throw new OutOfMemoryException("The text is longer than a string can be.");
        }

        return string.Create((int)length, this, static (span, writer) =>
        {
            foreach (var chunk in writer.full)
            {
                chunk.CopyTo(span);
                span = span[chunk.Length..];
            }

            writer.current.AsSpan(0, writer.used).CopyTo(span);
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && current.Length > 0)
        {
            foreach (var chunk in full)
            {
                ArrayPool<char>.Shared.Return(chunk);
            }

            full.Clear();
            ArrayPool<char>.Shared.Return(current);
            current = [];
            used = 0;
            fullLength = 0;
        }

        base.Dispose(disposing);
    }

    private void Next()
    {
        if (current.Length == 0)
        {
            throw new ObjectDisposedException(nameof(ChunkedStringWriter));
        }

        full.Add(current);
        fullLength += current.Length;
        current = ArrayPool<char>.Shared.Rent(Math.Min(LargestChunk, current.Length * 2));
        used = 0;
    }
}
