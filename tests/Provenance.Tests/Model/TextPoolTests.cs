using System.Text;
using Provenance.Storage;

namespace Provenance.Tests.Model;

public class TextPoolTests
{
    [Fact]
    public void Add_SameTextAsStringOrUtf8_GivesOneReference()
    {
        var builder = new TextPool.Builder();

        var fromString = builder.Add("ТАСС says 🚁");
        var fromBytes = builder.Add(Encoding.UTF8.GetBytes("ТАСС says 🚁"));
        var other = builder.Add("TASS says");
        var pool = builder.Build();

        Assert.Equal(fromString, fromBytes);
        Assert.NotEqual(fromString, other);
        Assert.Equal(2, pool.Count);
        Assert.Equal("ТАСС says 🚁", pool[fromString]);
        Assert.Equal("TASS says", pool[other]);
    }

    [Fact]
    public void Add_LoneSurrogate_IsKeptAsWrittenApartFromTheEmptyText()
    {
        var builder = new TextPool.Builder();

        var empty = builder.Add("");
        var lone = builder.Add("\ud800");
        var again = builder.Add("\ud800");
        var emptyBytes = builder.Add(ReadOnlySpan<byte>.Empty);
        var pool = builder.Build();

        Assert.Equal(lone, again);
        Assert.Equal(empty, emptyBytes);
        Assert.NotEqual(empty, lone);
        Assert.Equal("\ud800", pool[lone]);
        Assert.Equal("", pool[empty]);
        Assert.False(pool.TryGetUtf8(lone, out _));
        Assert.Equal(TextPool.None, builder.Add((string?)null));
    }

    [Fact]
    public void Add_ManyTexts_EachComesBackUnderItsFirstReference()
    {
        // Enough texts to grow both the buffer and the table several times; every second one is added again as UTF-8.
        var builder = new TextPool.Builder();
        var texts = Enumerable.Range(0, 20_000).Select(i => $"text {i} {new string('x', i % 97)}").ToArray();
        var refs = texts.Select(t => builder.Add(t)).ToArray();
        var again = texts.Where((_, i) => i % 2 == 0).Select(t => builder.Add(Encoding.UTF8.GetBytes(t))).ToArray();
        var pool = builder.Build();

        Assert.Equal(Enumerable.Range(0, texts.Length), refs);
        Assert.Equal(refs.Where((_, i) => i % 2 == 0), again);
        Assert.Equal(texts.Length, pool.Count);
        Assert.All(Enumerable.Range(0, texts.Length), i => Assert.Equal(texts[i], pool[refs[i]]));
    }
}
