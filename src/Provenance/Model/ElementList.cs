using System.Collections;

namespace Provenance;

/// <summary>
/// One kind of element of a <see cref="CitationGraph"/> (its citations, reports, ...), in graph order. The graph
/// stores its elements as columns; each element is made when it is read, so read an element once and keep it
/// rather than indexing the list again in a loop. Two reads of one position give equal (not identical) values.
/// Immutable, thread-safe.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ElementList<T> : IReadOnlyList<T>
    where T : class
{
    private readonly Func<int, T> make;

    internal ElementList(int length, Func<int, T> make)
    {
        Length = length;
        this.make = make;
    }

    /// <summary>How many elements there are.</summary>
    public int Length { get; }

    /// <summary>Whether there are none.</summary>
    public bool IsEmpty => Length == 0;

    int IReadOnlyCollection<T>.Count => Length;

    /// <summary>The element at a position.</summary>
    /// <param name="index">Its position, from 0 to <see cref="Length"/> - 1.</param>
    /// <returns>The element, made on each read.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is out of range.</exception>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Length, nameof(index));
            return make(index);
        }
    }

    /// <summary>The position of the first element equal to <paramref name="item"/>.</summary>
    /// <param name="item">The element to find (compared by value).</param>
    /// <returns>Its position, or -1.</returns>
    public int IndexOf(T item)
    {
        for (var i = 0; i < Length; i++)
        {
            if (EqualityComparer<T>.Default.Equals(make(i), item))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Enumerates the elements in graph order.</summary>
    /// <returns>An enumerator.</returns>
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Length; i++)
        {
            yield return make(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
