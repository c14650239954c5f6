using System.Text;
using Provenance.Internal;
using Provenance.Storage;

namespace Provenance.Tests.Model;

/// <summary>The builder's storage: the pool's look-ups while building, the chunked rows, the triple map's growth, the id grammar on UTF-8.</summary>
public class BuilderStorageTests
{
    [Fact]
    public void Add_WithHint_FindsTheTextAtOrJustAfterTheHintAndElsewhereByHash()
    {
        var builder = new TextPool.Builder();
        string[] texts = ["a-1", "a-1~bc-3", "a-1~bc-3~anon-1", "a-2", "claim-0"];
        var refs = texts.Select(t => builder.Add(Encoding.UTF8.GetBytes(t))).ToArray();

        var hint = refs[0];
        Assert.Equal(refs[0], builder.Add("a-1"u8, ref hint));
        Assert.Equal(refs[0], hint);
        Assert.Equal(refs[2], builder.Add("a-1~bc-3~anon-1"u8, ref hint));
        Assert.Equal(refs[2], hint);

        // Far from the hint (three after it, and before it): found by hash, and the hint follows.
        hint = refs[0];
        Assert.Equal(refs[3], builder.Add("a-2"u8, ref hint));
        Assert.Equal(refs[3], hint);
        Assert.Equal(refs[1], builder.Add("a-1~bc-3"u8, ref hint));
        Assert.Equal(refs[1], hint);

        // A new text is added once, whatever the hint; a hint past the end or negative is harmless.
        hint = refs[4];
        var added = builder.Add("a-3"u8, ref hint);
        Assert.Equal(texts.Length, added);
        hint = 1000;
        Assert.Equal(added, builder.Add("a-3"u8, ref hint));
        hint = -1;
        Assert.Equal(refs[0], builder.Add("a-1"u8, ref hint));
        Assert.Equal(texts.Length + 1, builder.Count);
    }

    [Fact]
    public void Add_WithRecent_GivesTheReferenceOfTheSameTextAcrossMoreTextsThanTheMemoHolds()
    {
        // 40,000 texts through a memo of 16,384 entries: most entries are taken over by another text, so a text is found
        // in the memo, or its entry holds another text of another length or other bytes and the index answers.
        var builder = new TextPool.Builder();
        var recent = new TextPool.Builder.Recent();
        var texts = Enumerable.Range(0, 40_000).Select(i => Encoding.UTF8.GetBytes(i % 3 == 0 ? $"claim-{i}" : $"src-{i % 1000}~{i}")).ToArray();
        var first = texts.Select(t => builder.Add(t, recent)).ToArray();
        Assert.Equal(texts.Length, builder.Count);
        Assert.Equal(Enumerable.Range(0, texts.Length), first);

        // Again, in another order and twice in a row: every text keeps its reference and nothing is added.
        for (var k = 0; k < texts.Length; k++)
        {
            var i = (int)((k * 7919L) % texts.Length);
            Assert.Equal(first[i], builder.Add(texts[i], recent));
            Assert.Equal(first[i], builder.Add(texts[i], recent));
            Assert.Equal(first[i], builder.Find(texts[i]));
        }

        Assert.Equal(texts.Length, builder.Count);
        Assert.Equal("claim-39999", builder[first[39_999]]);
    }

    [Fact]
    public void Add_WithRecent_TellsAPrefixOrAnExtensionOfARememberedTextFromIt()
    {
        // A memo of one entry: each look-up meets the text added or found last.
        var builder = new TextPool.Builder();
        var recent = new TextPool.Builder.Recent(size: 1);
        var whole = builder.Add("a-1~bc-3"u8, recent);
        var prefix = builder.Add("a-1"u8, recent);
        var longer = builder.Add("a-1~bc-3~gov-2"u8, recent);
        var other = builder.Add("a-1~bc-4"u8, recent);

        Assert.Equal([0, 1, 2, 3], new[] { whole, prefix, longer, other });
        Assert.Equal(whole, builder.Add("a-1~bc-3"u8, recent));
        Assert.Equal(whole, builder.Add("a-1~bc-3"u8, recent));
        Assert.Equal(prefix, builder.Add("a-1"u8, recent));
        Assert.Equal(longer, builder.Add("a-1~bc-3~gov-2"u8, recent));
        Assert.Equal("a-1", builder[prefix]);
        Assert.Equal(4, builder.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextPool.Builder.Recent(size: 12));
    }

    [Fact]
    public void Add_WithRecent_FilledByAnotherPool_FallsBackToTheIndex()
    {
        var large = new TextPool.Builder();
        var recent = new TextPool.Builder.Recent();
        for (var i = 0; i < 100; i++)
        {
            large.Add(Encoding.UTF8.GetBytes($"id-{i}"), recent);
        }

        // A second pool holds two texts; the memo's entries point past its end or at other texts.
        var small = new TextPool.Builder();
        small.Add("x"u8);
        small.Add("y"u8);
        var found = Enumerable.Range(0, 100).Reverse().Select(i => small.Add(Encoding.UTF8.GetBytes($"id-{i}"), recent)).ToArray();

        Assert.Equal(Enumerable.Range(2, 100), found);
        Assert.Equal("id-99", small[found[0]]);
        Assert.Equal("id-0", small[found[99]]);
    }

    [Fact]
    public void Add_WithHint_DoesNotTakeATextKeptAsAStringForTheEmptyText()
    {
        var builder = new TextPool.Builder();
        var lone = builder.Add("\ud800");
        var hint = lone;

        var empty = builder.Add(ReadOnlySpan<byte>.Empty, ref hint);

        Assert.NotEqual(lone, empty);
        Assert.Equal(empty, hint);
        Assert.Equal("", builder[empty]);
        Assert.Equal("\ud800", builder[lone]);
    }

    [Fact]
    public void FindAndReadBack_WhileBuilding_SeeOnlyWhatWasAdded()
    {
        var builder = new TextPool.Builder();
        var tass = builder.Add("ТАСС");
        var chars = builder.Add("RIA".AsSpan());
        var lone = builder.Add("x\udc00".AsSpan());

        Assert.Equal(tass, builder.Find(Encoding.UTF8.GetBytes("ТАСС")));
        Assert.Equal(chars, builder.Find("RIA"u8));
        Assert.Equal(-1, builder.Find("ria"u8));
        Assert.Equal("RIA", builder[chars]);
        Assert.Null(builder[TextPool.None]);
        Assert.True(builder.TryGetUtf8(tass, out var utf8));
        Assert.Equal("ТАСС", Encoding.UTF8.GetString(utf8));
        Assert.False(builder.TryGetUtf8(lone, out _));
        Assert.False(builder.TryGetUtf8(TextPool.None, out _));
        Assert.Equal("x\udc00", builder[lone]);
        Assert.Equal(lone, builder.Add("x\udc00"));
        Assert.Equal(3, builder.Count);
    }

    [Fact]
    public void Find_AfterTheIndexGrew_FindsEveryText()
    {
        var builder = new TextPool.Builder();
        var refs = Enumerable.Range(0, 5000).Select(i => builder.Add($"id-{i}")).ToArray();

        for (var i = 0; i < refs.Length; i++)
        {
            Assert.Equal(i, refs[i]);
            Assert.Equal(i, builder.Find(Encoding.UTF8.GetBytes($"id-{i}")));
        }

        Assert.Equal(-1, builder.Find("id-5000"u8));
    }

    [Fact]
    public void RowList_AcrossChunks_KeepsEveryRowInOrder()
    {
        var rows = new RowList<(int A, long B)>();
        for (var i = 0; i < 5000; i++)
        {
            rows.Add((i, -i));
        }

        Assert.Equal(5000, rows.Count);
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal((i, -(long)i), rows[i]);
        }

        rows[1024].A = 7;
        Assert.Equal(7, rows[1024].A);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[5000]);
        Assert.Throws<ArgumentOutOfRangeException>(() => rows[-1]);
    }

    [Fact]
    public void TripleMap_AfterGrowing_KeepsEveryKeyOnce()
    {
        var map = new TripleMap(2);
        for (var i = 0; i < 3000; i++)
        {
            Assert.True(map.TryAdd(i, i % 7, i % 3, i));
        }

        Assert.Equal(3000, map.Count);
        for (var i = 0; i < 3000; i++)
        {
            Assert.True(map.Contains(i, i % 7, i % 3));
            Assert.False(map.TryAdd(i, i % 7, i % 3, -1));
            Assert.False(map.Contains(i, (i % 7) + 1, i % 3));
        }

        Assert.Equal(3000, map.Count);
    }

    [Theory]
    [InlineData("a-1", true, true)]
    [InlineData("_x.y:z/w", true, true)]
    [InlineData("", false, false)]
    [InlineData("-a", false, false)]
    [InlineData("a~b", false, true)]
    [InlineData("a~", false, false)]
    [InlineData("~a", false, false)]
    [InlineData("ТАСС", false, false)]
    [InlineData("aÁ", false, false)]
    public void IdGrammar_SameOnUtf16AndUtf8(string id, bool plain, bool implicitForm)
    {
        var utf8 = Encoding.UTF8.GetBytes(id);

        Assert.Equal(plain, Ids.IsValid(id));
        Assert.Equal(plain, Ids.IsValid<byte>(utf8));
        Assert.Equal(implicitForm, Ids.IsValidImplicit(id));
        Assert.Equal(implicitForm, Ids.IsValidImplicit<byte>(utf8));
    }

    [Fact]
    public void IdGrammar_LengthLimit_CountsCharacters()
    {
        var longest = new string('a', Ids.MaxLength);

        Assert.True(Ids.IsValid<byte>(Encoding.ASCII.GetBytes(longest)));
        Assert.False(Ids.IsValid<byte>(Encoding.ASCII.GetBytes(longest + "a")));
        Assert.False(Ids.IsValid((string?)null));
        Assert.False(Ids.IsValidImplicit((string?)null));
        Assert.True(Ids.IsValidImplicit(longest + "~" + longest));
    }
}
