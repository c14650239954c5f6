using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Provenance.Storage;

/// <summary>
/// The graph's text (titles, wordings, evidence, URLs, languages, claim texts): every distinct string once, as UTF-8
/// in one buffer, decoded on access. A string that UTF-8 cannot hold exactly (a lone surrogate) is kept as it is.
/// Immutable, thread-safe.
/// </summary>
internal sealed class TextPool
{
    /// <summary>The reference of an absent (<see langword="null"/>) text.</summary>
    public const int None = -1;

    private readonly byte[] bytes;
    private readonly int[] offsets;
    private readonly Dictionary<int, string>? raw;

    private TextPool(byte[] bytes, int[] offsets, Dictionary<int, string>? raw)
    {
        this.bytes = bytes;
        this.offsets = offsets;
        this.raw = raw;
    }

    /// <summary>How many distinct strings the pool holds.</summary>
    public int Count => offsets.Length - 1;

    /// <summary>Whether any text in the pool holds a NUL character (one vectorised scan of the buffer).</summary>
    public bool ContainsNul =>
        bytes.AsSpan().Contains((byte)0) || (raw is not null && raw.Values.Any(v => v.Contains('\0', StringComparison.Ordinal)));

    /// <summary>The text with reference <paramref name="id"/>, made on each call; <see langword="null"/> for <see cref="None"/>.</summary>
    public string? this[int id] =>
        id < 0 ? null
        : raw is not null && raw.TryGetValue(id, out var s) ? s
        : Encoding.UTF8.GetString(bytes, offsets[id], offsets[id + 1] - offsets[id]);

    /// <summary>The UTF-8 bytes of the text with reference <paramref name="id"/>; false for <see cref="None"/> and for a text kept as a string (not valid UTF-16).</summary>
    public bool TryGetUtf8(int id, out ReadOnlySpan<byte> utf8)
    {
        if (id < 0 || (raw is not null && raw.ContainsKey(id)))
        {
            utf8 = default;
            return false;
        }

        utf8 = bytes.AsSpan(offsets[id], offsets[id + 1] - offsets[id]);
        return true;
    }

    /// <summary>Collects distinct strings while a graph is built.</summary>
    internal sealed class Builder
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<int> offsets = [0];
        private byte[] buffer = new byte[4096];
        private int length;
        private Dictionary<int, string>? raw;

        /// <summary>The reference of <paramref name="text"/>, adding it when it is new.</summary>
        public int Add(string? text)
        {
            if (text is null)
            {
                return None;
            }

            if (index.TryGetValue(text, out var id))
            {
                return id;
            }

            id = offsets.Count - 1;
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (buffer.Length - length < most)
            {
                Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max((long)buffer.Length * 2, (long)length + most)));
            }

            if (Utf8.FromUtf16(text, buffer.AsSpan(length), out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                length += written;
            }
            else
            {
                (raw ??= [])[id] = text;
            }

            offsets.Add(length);
            index.Add(text, id);
            return id;
        }

        public TextPool Build() => new(buffer[..length], [.. offsets], raw);
    }
}
