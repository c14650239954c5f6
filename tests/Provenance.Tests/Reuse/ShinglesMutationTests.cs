using Provenance.Reuse;

namespace Provenance.Tests.Reuse;

/// <summary>
/// Folding (case, digits, apostrophes, Unicode, runs of separators), the span of folded characters in the original text
/// (brackets closed just after it) and the shingle fingerprints, each pinned exactly: tests written against the mutants that
/// survived the first mutation run of src/Provenance/Reuse (tests/mutation-survivors/Reuse.txt).
/// </summary>
public sealed class ShinglesMutationTests
{
    private static string Folded(string text)
    {
        var folded = new FoldedText();
        folded.Fold(text);
        return new string(folded.Chars);
    }

    private static string SpanOf(string text, int start, int length)
    {
        var folded = new FoldedText();
        folded.Fold(text);
        return folded.Span(start, length).Of(text);
    }

    [Theory]
    [InlineData("ABCXYZ abcxyz", "abcxyz abcxyz")]
    [InlineData("Zulu zebra AZ", "zulu zebra az")]
    [InlineData("route 66, 0123456789 9", "route 66 0123456789 9")]
    [InlineData("a{b|c}d~e", "a b c d e")]
    [InlineData("a@b[c]d_e^f", "a b c d e f")]
    [InlineData("  a ,  b  ", "a b")]
    [InlineData("...", "")]
    [InlineData("-- x", "x")]
    public void Fold_Ascii_LowerCasesLettersKeepsDigitsAndMakesOtherRunsOneSpace(string text, string expected)
    {
        Assert.Equal(expected, Folded(text));
    }

    [Theory]
    [InlineData("Russia's", "russias")]
    [InlineData("Russia`s", "russias")]
    [InlineData("Russia\u2019s", "russias")]
    [InlineData("\u2018quoted\u2019 word", "quoted word")]
    [InlineData("o'clock 'tis", "oclock tis")]
    [InlineData("Russia\u02BCs Hawai\u02BCi", "russias hawaii")] // U+02BC is a letter to .NET; it used to be kept
    public void Fold_Apostrophes_AreDroppedNotSpaces(string text, string expected)
    {
        Assert.Equal(expected, Folded(text));
    }

    [Theory]
    [InlineData("Caf\u00E9 \u00DCN\u00CFCODE", "caf\u00E9 \u00FCn\u00EFcode")]
    [InlineData("\u00C9COLE", "\u00E9cole")]
    [InlineData("\u00E9 b", "\u00E9 b")]
    [InlineData("\u00E9a\u00E9", "\u00E9a\u00E9")]
    [InlineData("\u03A3\u03A9", "\u03C3\u03C9")]
    [InlineData("a\u2014b \u00AB c \u00BB", "a b c")]
    [InlineData("x\u0663y", "x\u0663y")]
    [InlineData("\u0080a\u00A0b", "a b")]
    public void Fold_NonAscii_LettersAndDigitsKeptLowerCasedOthersOneSpace(string text, string expected)
    {
        Assert.Equal(expected, Folded(text));
    }

    [Fact]
    public void Fold_TextLongerThanTheBuffer_IsFoldedWhole()
    {
        // The buffers start at 256 characters; a text of 257 letters (then one of 600) needs them grown.
        var folded = new FoldedText();
        var text = new string('q', 257);
        folded.Fold(text);
        Assert.Equal(text, new string(folded.Chars));

        var longer = string.Concat(Enumerable.Repeat("Ab ", 200));
        folded.Fold(longer);
        Assert.Equal(string.Concat(Enumerable.Repeat("ab ", 200)).TrimEnd(), new string(folded.Chars));
        Assert.Equal(599, folded.Length);
    }

    [Fact]
    public void Span_BracketOpenedInsideAndClosedJustAfter_IsIncluded()
    {
        const string Text = "The Mi-24 (NATO reporting name: Hind) fell";
        Assert.Equal("the mi 24 nato reporting name hind fell", Folded(Text));

        // Folded [4, 34) is "mi 24 nato reporting name hind".
        Assert.Equal("Mi-24 (NATO reporting name: Hind)", SpanOf(Text, 4, 30));
        Assert.Equal("Mi-24 [NATO: Hind]", SpanOf("The Mi-24 [NATO: Hind] fell", 4, 15));
    }

    [Fact]
    public void Span_NoBracketOpenedInside_DoesNotTakeAClosingOneAfter()
    {
        // "(alpha beta) gamma" folds to "alpha beta gamma": the "(" is before the span, so its ")" stays out.
        Assert.Equal("alpha beta", SpanOf("(alpha beta) gamma", 0, 10));
        Assert.Equal("alpha beta", SpanOf("[alpha beta] gamma", 0, 10));
    }

    [Fact]
    public void Span_BracketClosedInside_DoesNotTakeAStrayOneAfter()
    {
        // "see (b c) d e) f" folds to "see b c d e f"; [0, 11) is "see b c d e", whose brackets balance.
        Assert.Equal("see b c d e f", Folded("see (b c) d e) f"));
        Assert.Equal("see (b c) d e", SpanOf("see (b c) d e) f", 0, 11));
    }

    [Fact]
    public void Span_OneOpenBracket_TakesOneClosingBracket()
    {
        Assert.Equal("a b c d", Folded("a (b c)) d"));
        Assert.Equal("a (b c)", SpanOf("a (b c)) d", 0, 5));
        Assert.Equal("a ((b c))", SpanOf("a ((b c))) d", 0, 5));
    }

    [Fact]
    public void Span_OpenBracketToTheEndOfTheText_StopsAtTheEnd()
    {
        Assert.Equal("word (alpha beta", SpanOf("word (alpha beta", 0, 15));
        Assert.Equal("word (alpha beta", SpanOf("word (alpha beta ", 0, 15));
    }

    [Fact]
    public void Hash_TextShorterThanAShingle_HasNoShingles_AndOneOfExactlyOne()
    {
        var hashes = new List<ulong> { 7 };

        Shingles.Hash("abc", 4, hashes);
        Assert.Empty(hashes);

        Shingles.Hash("abcd", 4, hashes);
        Assert.Single(hashes);
    }

    [Fact]
    public void Hash_IsThePolynomialHashThroughTheMurmurFinaliser()
    {
        // Computed independently (Python): h = sum((c + 1) * 0x100000001B3^(k - 1 - i)) mod 2^64, then MurmurHash3's fmix64.
        var hashes = new List<ulong>();

        Shingles.Hash("abcdef", 4, hashes);

        Assert.Equal([0xa67ccf64d8f7f2c1UL, 0xb307f49e008f1842UL, 0xac320abad2e6c41dUL], hashes);
    }
}
