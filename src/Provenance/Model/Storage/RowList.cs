namespace Provenance.Storage;

/// <summary>
/// A growing list of rows held in chunks: adding never copies what is already held (a list doubling its one array
/// copies and reallocates every row about twice), and no chunk is large enough for the large-object heap.
/// Not thread-safe.
/// </summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class RowList<T>
    where T : struct
{
    private const int Shift = 10;
    private const int ChunkLength = 1 << Shift;
    private const int Mask = ChunkLength - 1;

    // The first chunk grows by doubling, so that a small graph holds small arrays; the others are ChunkLength long.
    private T[][] chunks = [new T[16]];

    /// <summary>How many rows the list holds.</summary>
    public int Count { get; private set; }

    /// <summary>The row at position <paramref name="i"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="i"/> is negative or not less than <see cref="Count"/>.</exception>
    public ref T this[int i]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)Count, nameof(i));
            return ref chunks[i >> Shift][i & Mask];
        }
    }

    /// <summary>Appends <paramref name="row"/>.</summary>
    public void Add(in T row)
    {
        var chunk = Count >> Shift;
        var at = Count & Mask;
        if (chunk == 0 && at == chunks[0].Length)
        {
            Array.Resize(ref chunks[0], at * 2);
        }
        else if (at == 0 && chunk > 0)
        {
            if (chunk == chunks.Length)
            {
                Array.Resize(ref chunks, chunks.Length * 2);
            }

            chunks[chunk] = new T[ChunkLength];
        }

        chunks[chunk][at] = row;
        Count++;
    }
}
