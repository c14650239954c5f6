using System.Text;
using Provenance.Storage;

namespace Provenance.Tests.Model;

public class StorageMutationTests
{
    [Fact]
    public void TripleMap_ManyKeys_KeepsEveryKeyThroughItsGrowth_AndRefusesEachAgain()
    {
        // The default capacity is 16 slots; 3,000 keys make the map grow eight times. Zero in every position
        // is a real key, not a free slot.
        var map = new TripleMap();
        var keys = new List<(int A, int B, int C)>();
        for (var a = 0; a < 15; a++)
        {
            for (var b = 0; b < 20; b++)
            {
                for (var c = 0; c < 10; c++)
                {
                    keys.Add((a, b, c));
                }
            }
        }

        foreach (var (a, b, c) in keys)
        {
            Assert.True(map.TryAdd(a, b, c, a + b + c));
        }

        foreach (var (a, b, c) in keys)
        {
            Assert.True(map.Contains(a, b, c));
            Assert.False(map.TryAdd(a, b, c, 0));
        }

        Assert.False(map.Contains(15, 0, 0));
        Assert.False(map.Contains(0, 20, 0));
        Assert.False(map.Contains(0, 0, 10));
        Assert.False(map.Contains(1, 2, -1));
    }

    [Fact]
    public void TripleMap_Contains_LeavesTheThirdPartZeroByDefault()
    {
        var map = new TripleMap(4);
        Assert.False(map.Contains(0, 0));
        Assert.True(map.TryAdd(0, 0, 0, 7));
        Assert.True(map.TryAdd(3, 5, 9, 7));

        Assert.True(map.Contains(0, 0));
        Assert.False(map.Contains(3, 5));
        Assert.True(map.Contains(3, 5, 9));
        Assert.False(map.Contains(5, 3, 9));
    }

    [Fact]
    public void IdTable_CountsAndFindsItsIds()
    {
        var builder = new IdTable.Builder();
        Assert.Equal(0, builder.Add("zh"u8));
        Assert.Equal(1, builder.Add("tass"u8));
        Assert.Equal(2, builder.Add("zh~tass"u8));
        var table = builder.Build();

        Assert.Equal(3, table.Count);
        Assert.Equal(7, table.MaxLength);
        Assert.Equal(["zh", "tass", "zh~tass"], Enumerable.Range(0, table.Count).Select(i => table[i]));
        Assert.Equal([2, 4, 7], Enumerable.Range(0, table.Count).Select(table.LengthOf));
        Assert.Equal(1, table.Find("tass"));
        Assert.Equal(2, table.Find("zh~tass"));
        Assert.Equal(-1, table.Find("tas"));
        Assert.Equal(-1, table.Find("zh~tass~x"));
        Assert.Equal(-1, table.Find("tаss")); // a Cyrillic 'а'
    }

    [Fact]
    public void IdTable_AnIdLongerThanTwiceTheBuffer_IsKeptWhole()
    {
        // The first buffer holds 1,024 bytes: an id of 5,000 characters needs more than its doubling.
        var builder = new IdTable.Builder();
        var longId = new string('a', 4999) + "z";
        builder.Add("x"u8);
        builder.Add(System.Text.Encoding.ASCII.GetBytes(longId));
        var table = builder.Build();

        Assert.Equal(longId, table[1]);
        Assert.Equal(5000, table.LengthOf(1));
        Assert.Equal(1, table.Find(longId));
        var copy = new char[5000];
        table.CopyTo(1, copy);
        Assert.Equal(longId, new string(copy));
    }

    [Fact]
    public void TextPool_ContainsNul_LooksAtTheUtf8TextAndAtEveryTextKeptAsAString()
    {
        Assert.False(Pool("a", "b").ContainsNul);
        Assert.True(Pool("a", "b\0c").ContainsNul);

        // Lone surrogates are kept as strings: a NUL in the second of them counts, one held by neither does not.
        Assert.False(Pool("a", "\ud800x", "\udc00y").ContainsNul);
        Assert.True(Pool("a", "\ud800x", "\udc00\0").ContainsNul);
        Assert.True(Pool("a\0", "\ud800x").ContainsNul);
    }

    [Fact]
    public void TextPool_IsNullOrEmpty_IsTrueOnlyForTheAbsentAndTheEmptyText()
    {
        var builder = new TextPool.Builder();
        var first = builder.Add("first");
        var empty = builder.Add("");
        var lone = builder.Add("\ud800");
        var pool = builder.Build();

        Assert.Equal((0, 1, 2), (first, empty, lone));
        Assert.False(pool.IsNullOrEmpty(first));
        Assert.True(pool.IsNullOrEmpty(empty));
        Assert.False(pool.IsNullOrEmpty(lone));
        Assert.True(pool.IsNullOrEmpty(TextPool.None));
    }

    [Fact]
    public void TextPool_TryGetUtf8_GivesTheBytesOfEveryUtf8TextFromTheFirst()
    {
        var builder = new TextPool.Builder();
        var first = builder.Add("ТАСС");
        var second = builder.Add("b");
        var lone = builder.Add("\ud800");
        var pool = builder.Build();

        Assert.True(pool.TryGetUtf8(first, out var utf8));
        Assert.Equal(Encoding.UTF8.GetBytes("ТАСС"), utf8.ToArray());
        Assert.True(pool.TryGetUtf8(second, out utf8));
        Assert.Equal("b"u8.ToArray(), utf8.ToArray());
        Assert.False(pool.TryGetUtf8(lone, out utf8));
        Assert.True(utf8.IsEmpty);
        Assert.False(pool.TryGetUtf8(TextPool.None, out utf8));
        Assert.True(utf8.IsEmpty);
    }

    [Fact]
    public void TextPool_HundredsOfThousandsOfDistinctTexts_KeepDistinctReferences()
    {
        // Among 400,000 texts of 24 bytes some pairs share a 32-bit hash (about 18 expected, whatever the process's
        // hash seed); those must still be told apart by their bytes. Each text starts with its own number, so all
        // differ; the random rest makes their hashes behave as random ones.
        var random = new Random(20261202);
        var builder = new TextPool.Builder();
        const int count = 400_000;
        for (var i = 0; i < count; i++)
        {
            var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i:D7}-{random.Next():x8}{random.Next():x8}");
            Assert.Equal(i, builder.Add(text));
        }

        Assert.Equal(count, builder.Build().Count);
    }

    private static TextPool Pool(params string[] texts)
    {
        var builder = new TextPool.Builder();
        foreach (var t in texts)
        {
            builder.Add(t);
        }

        return builder.Build();
    }
}
