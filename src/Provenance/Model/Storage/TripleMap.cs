namespace Provenance.Storage;

/// <summary>
/// A map from up to three non-negative ints (an index triple such as report, report, claim) to an int, with
/// open addressing over one plain array: no tuple keys, no per-entry objects, and a key and its value side by side,
/// so that a probe touches one cache line. Not thread-safe.
/// </summary>
internal sealed class TripleMap
{
    // Per slot four ints: the key's first part + 1 (0 in an empty slot, so a new table needs no filling), its other two
    // parts and the value.
    private int[] entries;
    private int count;
    private int mask;

    public TripleMap(int expected = 16)
    {
        // At most three quarters full: linear probing stays short, and the table is at most 2.7 times the entries.
        var capacity = 16;
        while (capacity < expected * 4L / 3 + 1 && capacity < 1 << 28)
        {
            capacity *= 2;
        }

        entries = new int[capacity * 4];
        mask = capacity - 1;
    }

    /// <summary>How many keys the map holds.</summary>
    public int Count => count;

    /// <summary>Whether the key is present.</summary>
    public bool Contains(int a, int b, int c = 0) => entries[Slot(a, b, c) * 4] != 0;

    /// <summary>Adds the key with a value unless it is present.</summary>
    /// <returns><see langword="true"/> when it was added.</returns>
    public bool TryAdd(int a, int b, int c, int value)
    {
        GetOrAdd(a, b, c, value, out var added);
        return added;
    }

    /// <summary>The value of the key, adding it with <paramref name="value"/> when it is absent.</summary>
    /// <param name="a">The key's first part.</param>
    /// <param name="b">The key's second part.</param>
    /// <param name="c">The key's third part.</param>
    /// <param name="value">The value for a new key.</param>
    /// <param name="added">Whether the key was added.</param>
    /// <returns>The key's value: <paramref name="value"/> when it was added.</returns>
    public int GetOrAdd(int a, int b, int c, int value, out bool added)
    {
        var s = Slot(a, b, c) * 4;
        added = entries[s] == 0;
        if (!added)
        {
            return entries[s + 3];
        }

        entries[s] = a + 1;
        entries[s + 1] = b;
        entries[s + 2] = c;
        entries[s + 3] = value;
        if (++count * 4L > (mask + 1L) * 3)
        {
            Grow();
        }

        return value;
    }

    private int Slot(int a, int b, int c)
    {
        var h = ((ulong)(uint)a * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)b * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)(uint)c * 0x165667B19E3779F9UL);
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        var s = (int)h & mask;
        var e = entries;
        var first = a + 1;
        while (e[s * 4] != 0 && (e[s * 4] != first || e[(s * 4) + 1] != b || e[(s * 4) + 2] != c))
        {
            s = (s + 1) & mask;
        }

        return s;
    }

    private void Grow()
    {
        var old = entries;
        entries = new int[old.Length * 2];
        mask = (entries.Length / 4) - 1;
        count = 0;
        for (var s = 0; s < old.Length; s += 4)
        {
            if (old[s] != 0)
            {
                TryAdd(old[s] - 1, old[s + 1], old[s + 2], old[s + 3]);
            }
        }
    }
}
