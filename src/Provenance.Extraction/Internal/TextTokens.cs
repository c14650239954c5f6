namespace Provenance.Extraction.Internal;

/// <summary>
/// The tokens of a text in one linear pass: a run of letters and digits is one token, every other non-space
/// character is a token of its own. Also marks sentences, paragraphs and whether a token is inside a quotation.
/// Offsets are UTF-16 code units of the text, end exclusive. Immutable after construction.
/// </summary>
internal sealed class TextTokens
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "prof",
        "rev", "hon", "pres", "no", "vs", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug", "sept", "sep",
        "oct", "nov", "dec", "u", "s", "e", "g", "i", "d", "r", "mt", "ft", "ave", "dept", "univ", "adm", "maj",
    };

    public TextTokens(string text)
        : this(text, 0, text.Length)
    {
    }

    /// <summary>Tokens of <c>text[from..to]</c>, with offsets into the whole text.</summary>
    public TextTokens(string text, int from, int to)
    {
        Text = text;
        var starts = new List<int>();
        var ends = new List<int>();
        var paragraphBreakBefore = new List<bool>();
        var newlines = 0;
        var i = from;
        while (i < to)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (c == '\n')
                {
                    newlines++;
                }

                i++;
                continue;
            }

            var start = i;
            if (IsWordChar(c))
            {
                while (i < to && IsWordChar(text[i]))
                {
                    i++;
                }
            }
            else
            {
                i++;
                if (char.IsHighSurrogate(c) && i < to && char.IsLowSurrogate(text[i]))
                {
                    i++;
                }
            }

            starts.Add(start);
            ends.Add(i);
            paragraphBreakBefore.Add(newlines > 0 || starts.Count == 1);
            newlines = 0;
        }

        Starts = [.. starts];
        Ends = [.. ends];
        Count = Starts.Length;
        ParagraphStart = [.. paragraphBreakBefore];
        Lower = new string[Count];
        for (var t = 0; t < Count; t++)
        {
            Lower[t] = text.AsSpan(Starts[t], Ends[t] - Starts[t]).ToString().ToLowerInvariant();
        }

        SentenceOf = new int[Count];
        InQuote = new bool[Count];
        MarkSentences();
        MarkQuotes();
    }

    public string Text { get; }

    public int Count { get; }

    public int[] Starts { get; }

    public int[] Ends { get; }

    /// <summary>The token begins a paragraph (a line break before it, or the first token).</summary>
    public bool[] ParagraphStart { get; }

    /// <summary>The token's text in lower case (invariant).</summary>
    public string[] Lower { get; }

    /// <summary>The sentence number of each token.</summary>
    public int[] SentenceOf { get; }

    /// <summary>The first token of each sentence, plus <see cref="Count"/> at the end.</summary>
    public int[] SentenceStarts { get; private set; } = [];

    /// <summary>The token is inside a quotation (between an opening and its closing quotation mark in one paragraph run).</summary>
    public bool[] InQuote { get; }

    public string Word(int t) => Text.Substring(Starts[t], Ends[t] - Starts[t]);

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    public static bool IsOpenQuote(string s) => s is "“" or "\"" or "«" or "„" or "‘";

    public static bool IsQuoteMark(string s) => s is "“" or "”" or "\"" or "«" or "»" or "„" or "‘" or "’" or "'";

    private void MarkSentences()
    {
        var sentenceStarts = new List<int>();
        var sentence = 0;
        for (var t = 0; t < Count; t++)
        {
            if (t == 0 || ParagraphStart[t] || EndsSentence(t - 1))
            {
                if (t > 0)
                {
                    sentence++;
                }

                sentenceStarts.Add(t);
            }

            SentenceOf[t] = sentence;
        }

        sentenceStarts.Add(Count);
        SentenceStarts = [.. sentenceStarts];
    }

    // Whether a sentence ends after token t: ., ! or ? (optionally followed by closing quotes) then a token that
    // starts with an upper-case letter or an opening quote; a full stop after an abbreviation does not end one.
    private bool EndsSentence(int t)
    {
        var w = Lower[t];
        if (IsClosingAfterStop(t))
        {
            return NextStartsSentence(t + 1);
        }

        if (w is not ("." or "!" or "?"))
        {
            return false;
        }

        if (w == "." && t > 0 && Ends[t - 1] == Starts[t] && Abbreviations.Contains(Lower[t - 1]))
        {
            return false;
        }

        if (t + 1 < Count && IsQuoteMark(Lower[t + 1]) && Starts[t + 1] == Ends[t])
        {
            return false; // the closing quote ends the sentence instead
        }

        return NextStartsSentence(t + 1);
    }

    private bool IsClosingAfterStop(int t) =>
        (Lower[t] is "”" or "\"" or "’" or "»" or "'") && t > 0 && Ends[t - 1] == Starts[t] && Lower[t - 1] is "." or "!" or "?";

    private bool NextStartsSentence(int next)
    {
        if (next >= Count)
        {
            return true;
        }

        var c = Text[Starts[next]];
        return char.IsUpper(c) || char.IsDigit(c) || IsOpenQuote(Lower[next]);
    }

    // Quotation state: curly quotes open and close explicitly; a straight double quote toggles. A quotation whose
    // paragraph ends without a closing mark stays open only if the next paragraph opens with a quotation mark
    // (the newspaper convention for quotes that run over several paragraphs); otherwise it is closed at the
    // paragraph end, so one unbalanced mark cannot swallow the rest of the text.
    private void MarkQuotes()
    {
        var open = false;
        for (var t = 0; t < Count; t++)
        {
            var w = Lower[t];
            if (ParagraphStart[t] && open && !(w is "“" or "\"" or "«"))
            {
                open = false;
            }

            if (w is "“" or "«" or "„")
            {
                open = true;
                InQuote[t] = true;
                continue;
            }

            if (w is "”" or "»")
            {
                InQuote[t] = open;
                open = false;
                continue;
            }

            if (w == "\"")
            {
                if (open && !ParagraphStart[t])
                {
                    InQuote[t] = true;
                    open = false;
                }
                else
                {
                    open = true;
                    InQuote[t] = true;
                }

                continue;
            }

            InQuote[t] = open;
        }
    }
}
