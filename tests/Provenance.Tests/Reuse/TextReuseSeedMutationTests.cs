using Provenance.Reuse;

namespace Provenance.Tests.Reuse;

/// <summary>
/// The index's check of a candidate pair (Seeded): a passage made of two exact runs, each shorter than MinPassageLength,
/// joined across a changed or inserted letter or word, is compared, as the comparison joins the runs; with windows of one
/// shingle every shingle is a fingerprint, so the runs are seeded whatever the hashes are. Expected values by hand; tests
/// written against the mutants that survived the first mutation run of src/Provenance/Reuse.
/// </summary>
public sealed class TextReuseSeedMutationTests
{
    /// <summary>26 folded characters, ending with a space.</summary>
    private const string Head = "alpha bravo charlie delta ";

    /// <summary>24 folded characters, starting with a space.</summary>
    private const string Tail = " echo foxtrot golf hotel";

    /// <summary>Every shingle a fingerprint; shingles of 12, passages of 30 (so contexts of 9 characters).</summary>
    private static readonly TextReuseOptions EveryShingle = TextReuseOptions.Default with { Window = 1 };

    private static TextReuseMatch Whole(int firstLength, int secondLength) =>
        new(0, 1, 1.0, Math.Min(firstLength, secondLength), [new(new ReuseSpan(0, firstLength), new ReuseSpan(0, secondLength))]);

    [Theory]
    [InlineData("xyz", "uvw")]
    [InlineData("abcdef", "uvwxyz")]
    [InlineData("q", "z")]
    public void FindMatches_TwoShortRunsAcrossAChangedWord_AreCompared(string word, string changed)
    {
        // Runs of 26 and 24 characters (each under 30), joined across a gap of up to 6 (half a shingle) in both texts.
        string first = Head + word + Tail, second = Head + changed + Tail;

        var match = Assert.Single(TextReuse.FindMatches([first, second], EveryShingle));

        Assert.Equal(Whole(first.Length, second.Length), match);
    }

    [Fact]
    public void FindMatches_TwoShortRunsAcrossAChangedWordOfSeven_AreNotAPassage()
    {
        // A gap of 7 is not joined, and neither run is a passage on its own (after trimming, 25 and 23).
        Assert.Empty(TextReuse.FindMatches([Head + "abcdefg" + Tail, Head + "uvwxyzh" + Tail], EveryShingle));
        Assert.Null(TextReuse.Compare(Head + "abcdefg" + Tail, Head + "uvwxyzh" + Tail, EveryShingle));
    }

    [Fact]
    public void FindMatches_LetterInsertedInOneText_JoinsTheRunsAcrossNoGapInTheOther()
    {
        // "...delta ec" (28) then "ho foxtrot golf hotel" (21): no gap in the first text, the inserted "x" in the second.
        const string First = "alpha bravo charlie delta echo foxtrot golf hotel";
        const string Second = "alpha bravo charlie delta ecxho foxtrot golf hotel";

        var inserted = Assert.Single(TextReuse.FindMatches([First, Second], EveryShingle));
        var deleted = Assert.Single(TextReuse.FindMatches([Second, First], EveryShingle));

        Assert.Equal(Whole(49, 50), inserted);
        Assert.Equal(Whole(50, 49), deleted);
    }

    [Fact]
    public void FindMatches_WordInsertedInOneText_JoinsTheRunsThatShareTheSpace()
    {
        // "...delta " (26) and " echo ..." (24) hold the same space in the first text: they overlap by one character there
        // and are 3 apart ("xyz") in the second. The comparison joins them; the index used to require no overlap and missed
        // the pair.
        const string First = "alpha bravo charlie delta echo foxtrot golf hotel";
        const string Second = "alpha bravo charlie delta xyz echo foxtrot golf hotel";
        var compared = TextReuse.Compare(First, Second, EveryShingle);
        Assert.NotNull(compared);
        Assert.Equal(new ReuseSpan(0, 49), Assert.Single(compared.Passages).First);

        var found = Assert.Single(TextReuse.FindMatches([First, Second], EveryShingle));
        var reversed = Assert.Single(TextReuse.FindMatches([Second, First], EveryShingle));

        Assert.Equal(compared, found);
        Assert.Equal(TextReuse.Compare(Second, First, EveryShingle), reversed);
    }

    [Fact]
    public void FindMatches_ShortRunsInOtherPairs_DoNotChainAcrossPairs()
    {
        // Texts 0 and 1 share only a run of 26; texts 0 and 2 share the two runs of the changed-word passage.
        string[] texts = [Head + "xyz" + Tail, Head + "unrelated words follow here", Head + "uvw" + Tail];

        var match = Assert.Single(TextReuse.FindMatches(texts, EveryShingle));

        Assert.Equal(Whole(53, 53) with { Second = 2 }, match);
    }
}
