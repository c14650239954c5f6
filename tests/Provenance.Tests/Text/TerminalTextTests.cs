namespace Provenance.Tests.Text;

/// <summary>TerminalText against its documented set, written out here range by range (not read from the code).</summary>
public class TerminalTextTests
{
    private static bool Documented(int c) =>
        c <= 0x1F || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F || c == 0x2028 || c == 0x2029
        || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);

    [Fact]
    public void IsUnsafe_HoldsForExactlyTheDocumentedCharacters()
    {
        var wrong = Enumerable.Range(0, 0x10000).Where(c => TerminalText.IsUnsafe((char)c) != Documented(c)).Select(c => $"U+{c:X4}").ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Escape_WritesEveryDocumentedCharacterAsItsUppercaseEscapeAndNothingElse()
    {
        for (var c = 0; c < 0x10000; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var text = $"a{(char)c}b";
            var expected = Documented(c) ? $"a\\u{c:X4}b" : text;
            Assert.Equal(expected, TerminalText.Escape(text));
        }
    }

    [Fact]
    public void Escape_KeepsTheSameInstanceWhenNothingIsUnsafe_AndEscapesEachOfSeveral()
    {
        const string safe = "ТАСС: «Ми-24» сбит\u200D\u2065\u202F \\u0041";
        Assert.Same(safe, TerminalText.Escape(safe));
        Assert.Same(string.Empty, TerminalText.Escape(string.Empty));

        Assert.Equal("\\u001B[31mred\\u000A\\u202Eevil\\u009B", TerminalText.Escape("\u001B[31mred\n\u202Eevil\u009B"));
        Assert.Equal("\\u0000", TerminalText.Escape("\0"));
        Assert.Equal("x\\u007Fy\\u2029", TerminalText.Escape("x\u007Fy\u2029"));
    }

    [Fact]
    public void Escape_RejectsNull()
    {
        var error = Assert.Throws<ArgumentNullException>(() => TerminalText.Escape(null!));
        Assert.Equal("text", error.ParamName);
    }
}
