using System.Text;

namespace Provenance.Storage;

/// <summary>
/// Ids (ASCII by the id grammar) stored one byte a character in one buffer, with an open-addressing hash index
/// for look-up by id. Immutable, thread-safe.
/// </summary>
internal sealed class IdTable
{
    private readonly byte[] bytes;
    private readonly int[] offsets;
    private readonly int[] slots;
    private readonly int mask;

    private IdTable(byte[] bytes, int[] offsets, int maxLength, List<int> hashes)
    {
        this.bytes = bytes;
        this.offsets = offsets;
        MaxLength = maxLength;
        var count = offsets.Length - 1;
        var capacity = 4;
        while (capacity < count * 2)
        {
            capacity *= 2;
        }

        slots = new int[capacity];
        mask = capacity - 1;
        for (var i = 0; i < count; i++)
        {
            var slot = hashes[i] & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }
    }

    /// <summary>How many ids the table holds.</summary>
    public int Count => offsets.Length - 1;

    /// <summary>The length of the longest id.</summary>
    public int MaxLength { get; }

    /// <summary>The id at position <paramref name="i"/>, made on each call.</summary>
    public string this[int i] => Encoding.Latin1.GetString(Bytes(i));

    /// <summary>The length of the id at position <paramref name="i"/>.</summary>
    public int LengthOf(int i) => offsets[i + 1] - offsets[i];

    /// <summary>Copies the id at position <paramref name="i"/> into <paramref name="destination"/>.</summary>
    public void CopyTo(int i, Span<char> destination) => Encoding.Latin1.GetChars(Bytes(i), destination);

    /// <summary>The position of <paramref name="id"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> id)
    {
        if (id.Length > MaxLength || !Ascii.IsValid(id))
        {
            return -1;
        }

        var slot = Hash(id) & mask;
        while (slots[slot] != 0)
        {
            var i = slots[slot] - 1;
            if (Ascii.Equals(Bytes(i), id))
            {
                return i;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    private ReadOnlySpan<byte> Bytes(int i) => bytes.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);

    // The runtime's randomised string hash, so that crafted ids cannot make the table degrade.
    private static int Hash(ReadOnlySpan<char> id) => string.GetHashCode(id) & int.MaxValue;

    /// <summary>Collects ids while a graph is built.</summary>
    internal sealed class Builder
    {
        private readonly List<int> offsets = [0];
        private readonly List<int> hashes = [];
        private byte[] buffer = new byte[1024];
        private char[] chars = new char[64];
        private int length;
        private int maxLength;

        /// <summary>Appends an id given as ASCII bytes and returns its position.</summary>
        public int Add(ReadOnlySpan<byte> ascii)
        {
            if (buffer.Length - length < ascii.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + ascii.Length));
            }

            if (chars.Length < ascii.Length)
            {
                chars = new char[Math.Max(ascii.Length, chars.Length * 2)];
            }

            ascii.CopyTo(buffer.AsSpan(length));
            length += ascii.Length;
            offsets.Add(length);
            maxLength = Math.Max(maxLength, ascii.Length);
            var widened = chars.AsSpan(0, Encoding.Latin1.GetChars(ascii, chars));
            hashes.Add(Hash(widened));
            return offsets.Count - 2;
        }

        public IdTable Build() => new(buffer[..length], [.. offsets], maxLength, hashes);
    }
}
