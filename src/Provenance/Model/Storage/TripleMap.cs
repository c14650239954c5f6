namespace Provenance.Storage;

/// <summary>
/// A map from up to three non-negative ints (an index triple such as report, report, claim) to an int, with
/// open addressing over plain arrays: no tuple keys, no per-entry objects. Not thread-safe.
/// </summary>
internal sealed class TripleMap
{
    private int[] keys;
    private int[] values;
    private int count;
    private int mask;

    public TripleMap(int expected = 16)
    {
        var capacity = 16;
        while (capacity < expected * 2L && capacity < 1 << 30)
        {
            capacity *= 2;
        }

        keys = new int[capacity * 3];
        values = new int[capacity];
        mask = capacity - 1;
        Array.Fill(keys, -1);
    }

    /// <summary>Whether the key is present.</summary>
    public bool Contains(int a, int b, int c = 0) => Slot(a, b, c) is var s && keys[s * 3] >= 0;

    /// <summary>Adds the key with a value unless it is present.</summary>
    /// <returns><see langword="true"/> when it was added.</returns>
    public bool TryAdd(int a, int b, int c, int value)
    {
        var s = Slot(a, b, c);
        if (keys[s * 3] >= 0)
        {
            return false;
        }

        keys[s * 3] = a;
        keys[(s * 3) + 1] = b;
        keys[(s * 3) + 2] = c;
        values[s] = value;
        if (++count * 2 > values.Length)
        {
            Grow();
        }

        return true;
    }

    private int Slot(int a, int b, int c)
    {
        var h = ((ulong)(uint)a * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)b * 0xC2B2AE3D27D4EB4FUL) ^ ((ulong)(uint)c * 0x165667B19E3779F9UL);
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        var s = (int)h & mask;
        while (keys[s * 3] >= 0 && (keys[s * 3] != a || keys[(s * 3) + 1] != b || keys[(s * 3) + 2] != c))
        {
            s = (s + 1) & mask;
        }

        return s;
    }

    private void Grow()
    {
        var (oldKeys, oldValues) = (keys, values);
        keys = new int[oldKeys.Length * 2];
        values = new int[oldValues.Length * 2];
        mask = values.Length - 1;
        count = 0;
        Array.Fill(keys, -1);
        for (var s = 0; s < oldValues.Length; s++)
        {
            if (oldKeys[s * 3] >= 0)
            {
                TryAdd(oldKeys[s * 3], oldKeys[(s * 3) + 1], oldKeys[(s * 3) + 2], oldValues[s]);
            }
        }
    }
}
