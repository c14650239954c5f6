using System.Collections.Immutable;
using Provenance.Reuse;

namespace Provenance.Tests.Reuse;

/// <summary>
/// The argument checks and their messages, the options' bounds, the match record's equality, and the comparison's edges
/// (a text of exactly one shingle, a passage of exactly the minimum, a gap of exactly half a shingle, similarity exactly at
/// the floor, partial words, repeated passages), each with values worked out by hand: tests written against the mutants
/// that survived the first mutation run of src/Provenance/Reuse (tests/mutation-survivors/Reuse.txt).
/// </summary>
public sealed class TextReuseMutationTests
{
    /// <summary>62 folded characters, already folded (lower case, single spaces), so offsets in it are folded offsets.</summary>
    private const string Line = "the helicopter was shot down near the border village on monday";

    /// <summary>The first 29 characters of <see cref="Line"/>: "the helicopter was shot down ".</summary>
    private const string Head = "the helicopter was shot down ";

    /// <summary>The last 34 characters of <see cref="Line"/>, from the space before "near".</summary>
    private const string Tail = " near the border village on monday";

    private static TextReuseOptions Options(int shingle = 12, int window = 8, int minPassage = 30, double minSimilarity = 0, int maxPostings = 64) =>
        new() { ShingleLength = shingle, Window = window, MinPassageLength = minPassage, MinSimilarity = minSimilarity, MaxPostings = maxPostings };

    private static (string First, string Second)[] Texts(TextReuseMatch match, string first, string second) =>
        [.. match.Passages.Select(p => (p.First.Of(first), p.Second.Of(second)))];

    [Fact]
    public void Arguments_Null_NameTheirParameter()
    {
        Assert.Equal("texts", Assert.Throws<ArgumentNullException>(() => TextReuse.FindMatches(null!)).ParamName);
        Assert.Equal("first", Assert.Throws<ArgumentNullException>(() => TextReuse.Compare(null!, "b")).ParamName);
        Assert.Equal("second", Assert.Throws<ArgumentNullException>(() => TextReuse.Compare("a", null!)).ParamName);
        Assert.Equal("text", Assert.Throws<ArgumentNullException>(() => new ReuseSpan(0, 1).Of(null!)).ParamName);
    }

    [Fact]
    public void FindMatches_GroupsOfTheWrongLength_SayBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => TextReuse.FindMatches(["a", "b"], groups: [1]));

        Assert.Equal("groups", error.ParamName);
        Assert.StartsWith("groups has 1 entries but texts has 2: give one group per text.", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<TextReuseOptions, string, string> OutOfRange => new()
    {
        { Options(shingle: 3, minPassage: 30), "ShingleLength", "TextReuseOptions.ShingleLength must be between 4 and 64." },
        { Options(shingle: 65, minPassage: 65), "ShingleLength", "TextReuseOptions.ShingleLength must be between 4 and 64." },
        { Options(window: 0), "Window", "TextReuseOptions.Window must be between 1 and 64." },
        { Options(window: 65), "Window", "TextReuseOptions.Window must be between 1 and 64." },
        { Options(shingle: 12, minPassage: 11), "MinPassageLength", "TextReuseOptions.MinPassageLength must be at least ShingleLength (12)." },
        { Options(shingle: 20, minPassage: 19), "MinPassageLength", "TextReuseOptions.MinPassageLength must be at least ShingleLength (20)." },
        { Options(minSimilarity: -0.01), "MinSimilarity", "TextReuseOptions.MinSimilarity must be between 0 and 1." },
        { Options(minSimilarity: 1.01), "MinSimilarity", "TextReuseOptions.MinSimilarity must be between 0 and 1." },
        { Options(minSimilarity: double.NaN), "MinSimilarity", "TextReuseOptions.MinSimilarity must be between 0 and 1." },
        { Options(maxPostings: 1), "MaxPostings", "TextReuseOptions.MaxPostings must be at least 2." },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Options_OutOfRange_NameTheOptionAndItsRange(TextReuseOptions options, string name, string message)
    {
        var compared = Assert.Throws<ArgumentException>(() => TextReuse.Compare("a", "b", options));
        var indexed = Assert.Throws<ArgumentException>(() => TextReuse.FindMatches(["a", "b"], options));

        Assert.Equal(name, compared.ParamName);
        Assert.Equal($"{message} (Parameter '{name}')", compared.Message);
        Assert.Equal(name, indexed.ParamName);
        Assert.Equal(compared.Message, indexed.Message);
    }

    public static TheoryData<TextReuseOptions> AtTheBounds => new()
    {
        Options(shingle: 4, minPassage: 4),
        Options(shingle: 64, minPassage: 64),
        Options(window: 1),
        Options(window: 64),
        Options(shingle: 12, minPassage: 12),
        Options(minSimilarity: 0),
        Options(minSimilarity: 1),
        Options(maxPostings: 2),
    };

    [Theory]
    [MemberData(nameof(AtTheBounds))]
    public void Options_AtTheirBounds_AreAccepted(TextReuseOptions options)
    {
        Assert.Null(TextReuse.Compare("a", "b", options));
        Assert.Empty(TextReuse.FindMatches(["a", "b", null, ""], options));
    }

    [Fact]
    public void Match_Equality_ComparesEveryFieldAndThePassagesByValue()
    {
        ImmutableArray<SharedPassage> passages = [new(new ReuseSpan(0, 30), new ReuseSpan(5, 30))];
        var match = new TextReuseMatch(1, 2, 0.5, 30, passages);
        var same = new TextReuseMatch(1, 2, 0.5, 30, [new(new ReuseSpan(0, 30), new ReuseSpan(5, 30))]);

        Assert.True(match.Equals(same));
        Assert.True(match == same);
        Assert.Equal(match.GetHashCode(), same.GetHashCode());
        Assert.False(match.Equals(null));
        Assert.False(match.Equals((object?)null));
        Assert.False(match.Equals(match with { First = 0 }));
        Assert.False(match.Equals(match with { Second = 3 }));
        Assert.False(match.Equals(match with { Similarity = 0.25 }));
        Assert.False(match.Equals(match with { SharedLength = 31 }));
        Assert.False(match.Equals(match with { Passages = [new(new ReuseSpan(0, 30), new ReuseSpan(6, 30))] }));
        Assert.False(match.Equals(match with { Passages = [] }));
    }

    [Fact]
    public void ReuseSpan_End_IsStartPlusLength()
    {
        Assert.Equal(7, new ReuseSpan(3, 4).End);
        Assert.Equal("defg", new ReuseSpan(3, 4).Of("abcdefghij"));
    }

    [Fact]
    public void Compare_TextsOfExactlyOneShingle_Match()
    {
        var options = Options(shingle: 4, minPassage: 4);

        var both = TextReuse.Compare("abcd", "ABCD", options);
        var firstShort = TextReuse.Compare("abcd", "abcd efgh", options);
        var secondShort = TextReuse.Compare("abcd efgh", "abcd", options);

        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 4, [new(new ReuseSpan(0, 4), new ReuseSpan(0, 4))]), both);
        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 4, [new(new ReuseSpan(0, 4), new ReuseSpan(0, 4))]), firstShort);
        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 4, [new(new ReuseSpan(0, 4), new ReuseSpan(0, 4))]), secondShort);
        Assert.Null(TextReuse.Compare("abc", "abcd", options));
        Assert.Null(TextReuse.Compare("abcd", "abc", options));
    }

    [Fact]
    public void Compare_PassageOfExactlyTheMinimum_Counts()
    {
        const string First = "the helicopters were shot down";
        const string Second = "yesterday the helicopters were shot down again";

        var match = TextReuse.Compare(First, Second);

        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 30, [new(new ReuseSpan(0, 30), new ReuseSpan(10, 30))]), match);
        Assert.Null(TextReuse.Compare(First, Second, Options(minPassage: 31)));
    }

    [Fact]
    public void Compare_SimilarityExactlyTheFloor_IsKept()
    {
        // "qqqq " + Line against Line + " omega": 62 shared of 67 and of 68 folded characters.
        const string First = "qqqq " + Line;
        const string Second = Line + " omega";

        var match = TextReuse.Compare(First, Second, Options(minSimilarity: 62.0 / 67));

        Assert.Equal(new TextReuseMatch(0, 1, 62.0 / 67, 62, [new(new ReuseSpan(5, 62), new ReuseSpan(0, 62))]), match);
        Assert.Null(TextReuse.Compare(First, Second, Options(minSimilarity: Math.BitIncrement(62.0 / 67))));
        Assert.NotNull(TextReuse.Compare(Line, Line, Options(minSimilarity: 1)));
    }

    [Fact]
    public void Compare_SecondTextContainedInTheFirst_HasSimilarityOne()
    {
        const string First = Line + " and the crew was never found";

        var match = TextReuse.Compare(First, Line);

        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 62, [new(new ReuseSpan(0, 62), new ReuseSpan(0, 62))]), match);
    }

    [Fact]
    public void Compare_WordInsertedInOneText_IsOnePassage_SharedLengthTheShorterSide()
    {
        // The insertion "xx " leaves a gap of 0 in the first text and 3 in the second: joined.
        const string Inserted = Head + "xx" + Tail;

        var inserted = TextReuse.Compare(Line, Inserted);
        var deleted = TextReuse.Compare(Inserted, Line);

        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 62, [new(new ReuseSpan(0, 62), new ReuseSpan(0, 65))]), inserted);
        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 62, [new(new ReuseSpan(0, 65), new ReuseSpan(0, 62))]), deleted);
    }

    [Fact]
    public void Compare_ChangedWordOfHalfAShingle_IsJoined_OfOneMore_IsNot()
    {
        // Shingles of 12: a gap of 6 characters (half a shingle) is joined, one of 7 is not (passages of 12 count, so the
        // 28 characters before the changed word are one).
        const string Six = Head + "abcdef" + Tail;
        const string SixChanged = Head + "uvwxyz" + Tail;
        const string Seven = Head + "abcdefg" + Tail;
        const string SevenChanged = Head + "uvwxyzh" + Tail;

        var options = Options(minPassage: 12);

        var six = TextReuse.Compare(Six, SixChanged, options);
        var seven = TextReuse.Compare(Seven, SevenChanged, options);

        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 69, [new(new ReuseSpan(0, 69), new ReuseSpan(0, 69))]), six);
        Assert.NotNull(seven);
        Assert.Equal([("the helicopter was shot down", "the helicopter was shot down"), ("near the border village on monday", "near the border village on monday")], Texts(seven, Seven, SevenChanged));
        Assert.Equal([new SharedPassage(new ReuseSpan(0, 28), new ReuseSpan(0, 28)), new SharedPassage(new ReuseSpan(37, 33), new ReuseSpan(37, 33))], seven.Passages.AsEnumerable());
        Assert.Equal(61, seven.SharedLength);
        Assert.Equal(61.0 / 70, seven.Similarity);
    }

    [Fact]
    public void Compare_PartialWordsAtAPassageEdge_AreTrimmed()
    {
        // Shared "... down abc" then "abcdefghij" / "abcstuvwxyz": the first passage ends before "abc", the second starts
        // after the changed word, with the space before "near" dropped.
        const string First = Head + "abcdefghij" + Tail;
        const string Second = Head + "abcstuvwxyz" + Tail;

        var match = TextReuse.Compare(First, Second, Options(minPassage: 12));
        var longOnly = TextReuse.Compare(First, Second);

        Assert.Equal(new TextReuseMatch(0, 1, 61.0 / 73, 61, [new(new ReuseSpan(0, 28), new ReuseSpan(0, 28)), new(new ReuseSpan(40, 33), new ReuseSpan(41, 33))]), match);
        Assert.Equal(new TextReuseMatch(0, 1, 33.0 / 73, 33, [new(new ReuseSpan(40, 33), new ReuseSpan(41, 33))]), longOnly);
    }

    [Fact]
    public void Compare_SharedLettersInsideOneWord_AreNoPassage()
    {
        var options = Options(minPassage: 12);

        // A word that ends another word, to the end of both texts; and a word's beginning, from the start of both texts.
        Assert.Null(TextReuse.Compare("zzzzabcdefghijklmnopqrstuvwxyzabcd", "abcdefghijklmnopqrstuvwxyzabcd", options));
        Assert.Null(TextReuse.Compare("abcdefghijklmnopqr", "abcdefghijklmnopxyz", options));
        Assert.Null(TextReuse.Compare("abcdefghijklmnopqr stop", "abcdefghijklmnopxyz stop", options));
    }

    [Fact]
    public void Compare_PassageRepeatedInOneText_IsTiledOnce()
    {
        const string Twice = Line + " and " + Line;

        var repeatedFirst = TextReuse.Compare(Twice, Line);
        var repeatedSecond = TextReuse.Compare(Line, Twice);

        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 62, [new(new ReuseSpan(0, 62), new ReuseSpan(0, 62))]), repeatedFirst);
        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 62, [new(new ReuseSpan(0, 62), new ReuseSpan(0, 62))]), repeatedSecond);
    }

    [Fact]
    public void FindMatches_WindowOfOne_FindsTheCopy()
    {
        var match = Assert.Single(TextReuse.FindMatches([Line, "unrelated words", Line + " again"], Options(window: 1)));

        Assert.Equal(new TextReuseMatch(0, 2, 1.0, 62, [new(new ReuseSpan(0, 62), new ReuseSpan(0, 62))]), match);
    }

    [Fact]
    public void FindMatches_FingerprintSharedByExactlyMaxPostingsTexts_ProposesThePair()
    {
        string[] two = [Line, "Reports said " + Line];
        string[] three = [Line, Line, Line];

        var match = Assert.Single(TextReuse.FindMatches(two, Options(maxPostings: 2)));
        Assert.Equal(new TextReuseMatch(0, 1, 1.0, 62, [new(new ReuseSpan(0, 62), new ReuseSpan(13, 62))]), match);

        // Shared by three texts, every fingerprint is boilerplate for a cap of 2, and none for a cap of 3.
        Assert.Empty(TextReuse.FindMatches(three, Options(maxPostings: 2)));
        Assert.Equal([(0, 1), (0, 2), (1, 2)], TextReuse.FindMatches(three, Options(maxPostings: 3)).Select(m => (m.First, m.Second)));
    }

    [Fact]
    public void FindMatches_ShortMinimumPassage_NeedsOneSharedFingerprint()
    {
        // MinPassageLength 20 is shorter than ShingleLength + 2 * Window - 1 = 27: a pair sharing a run of 20 folded
        // characters ("the crew was shot at", which holds at least one fingerprint) is compared.
        const string First = "Officials in Kyiv reported that the crew was shot at and nobody else";
        const string Second = "Quite separately, the crew was shot at; markets rallied strongly";

        var match = Assert.Single(TextReuse.FindMatches([First, Second], Options(minPassage: 20)));

        Assert.Equal((0, 1), (match.First, match.Second));
        Assert.Equal([("the crew was shot at", "the crew was shot at")], Texts(match, First, Second));
        Assert.Equal(20, match.SharedLength);
    }
}
