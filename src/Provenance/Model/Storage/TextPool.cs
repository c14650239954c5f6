using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
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

    /// <summary>Whether the text with reference <paramref name="id"/> is absent or empty, without making it.</summary>
    public bool IsNullOrEmpty(int id) =>
        id < 0 || (raw is not null && raw.TryGetValue(id, out var s) ? s.Length == 0 : offsets[id + 1] == offsets[id]);

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

    /// <summary>
    /// Collects distinct strings while a graph is built. Text is kept as UTF-8 only: a string is encoded once into
    /// the buffer, and a loader can hand over UTF-8 straight from its input; both are matched by their bytes, so no
    /// string is made for a text the builder never gives back.
    /// </summary>
    internal sealed class Builder
    {
        private readonly List<int> offsets = [0];
        private byte[] buffer = new byte[4096];
        private int length;

        // Open addressing over the texts held as UTF-8. A slot carries the hash and place of its text, so that a probe
        // reads the slot and the bytes it compares and nothing else (at corpus scale each read is a cache miss).
        private Slot[] slots = new Slot[1024];
        private int held;
        private Dictionary<int, string>? raw;
        private Dictionary<string, int>? rawIndex;

        /// <summary>The reference of <paramref name="text"/>, adding it when it is new.</summary>
        public int Add(string? text)
        {
            if (text is null)
            {
                return None;
            }

            return Encoded(text) is var id and >= 0 ? id : Raw(text);
        }

        /// <summary>The reference of the text <paramref name="text"/>, adding it when it is new; a string is made only for one that is not valid UTF-16.</summary>
        public int Add(ReadOnlySpan<char> text) => Encoded(text) is var id and >= 0 ? id : Raw(text.ToString());

        /// <summary>The reference of <paramref name="text"/> encoded as UTF-8, or -1 when it is not valid UTF-16.</summary>
        private int Encoded(ReadOnlySpan<char> text)
        {
            Reserve(Encoding.UTF8.GetMaxByteCount(text.Length));
            return Utf8.FromUtf16(text, buffer.AsSpan(length), out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
                ? Commit(written)
                : -1;
        }

        /// <summary>A string that UTF-8 cannot hold exactly (a lone surrogate): kept as the string itself, matched by the string.</summary>
        private int Raw(string text)
        {
            rawIndex ??= new Dictionary<string, int>(StringComparer.Ordinal);
            if (rawIndex.TryGetValue(text, out var known))
            {
                return known;
            }

            var id = offsets.Count - 1;
            (raw ??= [])[id] = text;
            rawIndex.Add(text, id);
            offsets.Add(length);
            return id;
        }

        /// <summary>The reference of the text whose UTF-8 is <paramref name="utf8"/> (which must be valid UTF-8), adding it when it is new.</summary>
        public int Add(ReadOnlySpan<byte> utf8)
        {
            Reserve(utf8.Length);
            utf8.CopyTo(buffer.AsSpan(length));
            return Commit(utf8.Length);
        }

        /// <summary>
        /// The reference of the text whose UTF-8 is <paramref name="utf8"/>, as <see cref="Add(ReadOnlySpan{byte})"/>, looking
        /// first at the text <paramref name="hint"/> and the two added after it; <paramref name="hint"/> becomes the reference found.
        /// A loader that reads ids in about the order they were declared (a report's assertions and citations after its
        /// declaration, a chain of implicit reports one after another) finds most of them there: bytes next to each
        /// other in the buffer, instead of a hash and two reads at random places in memory.
        /// </summary>
        public int Add(ReadOnlySpan<byte> utf8, ref int hint)
        {
            for (var k = Math.Max(hint, 0); k <= hint + 2; k++)
            {
                if (Holds(k, utf8) && (raw is null || !raw.ContainsKey(k)))
                {
                    return hint = k;
                }
            }

            return hint = Add(utf8);
        }

        /// <summary>
        /// The reference of the text whose UTF-8 is <paramref name="utf8"/>, as <see cref="Add(ReadOnlySpan{byte})"/>, looking
        /// first in <paramref name="recent"/>, a small memo of the texts one field of a loader met last. For a field whose
        /// values repeat in no order (a report's source, an assertion's claim) most values are found there: a memo that
        /// stays in the processor's cache instead of two reads at random places in a table of every id.
        /// </summary>
        public int Add(ReadOnlySpan<byte> utf8, Recent recent)
        {
            var hash = Hash(utf8);
            ref var entry = ref recent.Entry(hash);
            var known = entry - 1;

            // A memo holds only references Commit gave, never a text kept as a string.
            if (Holds(known, utf8))
            {
                return known;
            }

            Reserve(utf8.Length);
            utf8.CopyTo(buffer.AsSpan(length));
            var id = Commit(utf8.Length, hash);
            entry = id + 1;
            return id;
        }

        /// <summary>How many distinct strings have been added.</summary>
        public int Count => offsets.Count - 1;

        /// <summary>The text with reference <paramref name="id"/>, made on each call; <see langword="null"/> for <see cref="None"/>.</summary>
        public string? this[int id] =>
            id < 0 ? null
            : raw is not null && raw.TryGetValue(id, out var s) ? s
            : Encoding.UTF8.GetString(buffer, offsets[id], offsets[id + 1] - offsets[id]);

        /// <summary>The UTF-8 bytes of the text with reference <paramref name="id"/>, valid until the next <c>Add</c>; false for <see cref="None"/> and for a text kept as a string.</summary>
        public bool TryGetUtf8(int id, out ReadOnlySpan<byte> utf8)
        {
            if (id < 0 || (raw is not null && raw.ContainsKey(id)))
            {
                utf8 = default;
                return false;
            }

            utf8 = buffer.AsSpan(offsets[id], offsets[id + 1] - offsets[id]);
            return true;
        }

        /// <summary>The reference of the text whose UTF-8 is <paramref name="utf8"/>, or -1 when it was never added.</summary>
        public int Find(ReadOnlySpan<byte> utf8)
        {
            var hash = Hash(utf8);
            var mask = slots.Length - 1;
            for (var slot = hash & mask; slots[slot].Reference != 0; slot = (slot + 1) & mask)
            {
                if (Matches(in slots[slot], hash, utf8))
                {
                    return slots[slot].Reference - 1;
                }
            }

            return -1;
        }

        public TextPool Build() => new(buffer[..length], [.. offsets], raw);

        private static int Hash(ReadOnlySpan<byte> utf8)
        {
            var hash = default(HashCode);
            hash.AddBytes(utf8);
            return hash.ToHashCode();
        }

        private void Reserve(int most)
        {
            if (buffer.Length - length < most)
            {
                Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max((long)buffer.Length * 2, (long)length + most)));
            }
        }

        /// <summary>The reference of the <paramref name="written"/> bytes just placed at the end of the buffer: an earlier equal text's, or a new one.</summary>
        private int Commit(int written) => Commit(written, Hash(buffer.AsSpan(length, written)));

        /// <summary>As <see cref="Commit(int)"/>, with the bytes' hash already known.</summary>
        private int Commit(int written, int hash)
        {
            var candidate = buffer.AsSpan(length, written);
            var mask = slots.Length - 1;
            var slot = hash & mask;
            while (slots[slot].Reference != 0)
            {
                if (Matches(in slots[slot], hash, candidate))
                {
                    return slots[slot].Reference - 1;
                }

                slot = (slot + 1) & mask;
            }

            var id = offsets.Count - 1;
            slots[slot] = new Slot(id + 1, hash, length, written);
            length += written;
            offsets.Add(length);
            if (++held * 2 > slots.Length)
            {
                Grow();
            }

            return id;
        }

        private void Grow()
        {
            var larger = new Slot[slots.Length * 2];
            var mask = larger.Length - 1;
            foreach (ref readonly var entry in slots.AsSpan())
            {
                if (entry.Reference != 0)
                {
                    var slot = entry.Hash & mask;
                    while (larger[slot].Reference != 0)
                    {
                        slot = (slot + 1) & mask;
                    }

                    larger[slot] = entry;
                }
            }

            slots = larger;
        }

        /// <summary>Whether reference <paramref name="id"/> exists and its bytes are <paramref name="utf8"/>: a guess (a hint, a memo entry, maybe another pool's) checked.</summary>
        private bool Holds(int id, ReadOnlySpan<byte> utf8)
        {
            var ends = CollectionsMarshal.AsSpan(offsets);
            return id >= 0 && id < ends.Length - 1 && ends[id + 1] - ends[id] == utf8.Length && buffer.AsSpan(ends[id], utf8.Length).SequenceEqual(utf8);
        }

        private bool Matches(in Slot slot, int hash, ReadOnlySpan<byte> utf8) =>
            slot.Hash == hash && slot.Length == utf8.Length && buffer.AsSpan(slot.Start, slot.Length).SequenceEqual(utf8);

        /// <summary>A text in the index: its reference + 1 (0: an empty slot), its hash, and where its bytes are.</summary>
        private readonly record struct Slot(int Reference, int Hash, int Start, int Length);

        /// <summary>
        /// A memo of recently added texts for one field of a loader (see <see cref="Add(ReadOnlySpan{byte}, Recent)"/>):
        /// direct-mapped by hash, 16,384 entries by default, each the reference + 1 (0: empty) of the last text whose hash fell
        /// there. An entry is only a guess: its text is compared before it is used, so a stale entry costs a look-up
        /// in the index and nothing else.
        /// </summary>
        /// <param name="size">The number of entries, a power of two (tests use one, so that every text shares an entry).</param>
        internal sealed class Recent(int size = 16384)
        {
            private readonly int[] entries = BitOperations.IsPow2(size) ? new int[size] : throw new ArgumentOutOfRangeException(nameof(size), size, "Not a power of two.");

            internal ref int Entry(int hash) => ref entries[hash & (entries.Length - 1)];
        }
    }
}
