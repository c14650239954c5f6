namespace Provenance.Extraction.Internal;

/// <summary>
/// The hand-designed features of each token for the attribution tagger, as 32-bit hashes (FNV-1a of a template
/// number and its values). The model stores only these hashes and their weights, never words or sentences.
/// </summary>
internal static class TaggerFeatures
{
    public const int MaxPerToken = 64;

    /// <summary>Appends the feature hashes of every token: token t's are <c>features[offsets[t]..offsets[t + 1]]</c>.</summary>
    public static void Compute(TextTokens tokens, List<uint> features, int[] offsets)
    {
        var n = tokens.Count;
        var cueLeft = new int[n];   // distance to the nearest reporting word to the left in the sentence (0 = none)
        var cueRight = new int[n];
        var cueLeftWord = new string?[n];
        var cueRightWord = new string?[n];
        var isCue = new bool[n];
        for (var t = 0; t < n; t++)
        {
            isCue[t] = Lexicon.ReportingVerbs.Contains(tokens.Lower[t]);
        }

        for (var s = 0; s + 1 < tokens.SentenceStarts.Length; s++)
        {
            int from = tokens.SentenceStarts[s], to = tokens.SentenceStarts[s + 1];
            var last = -1;
            for (var t = from; t < to; t++)
            {
                if (last >= 0)
                {
                    cueLeft[t] = t - last;
                    cueLeftWord[t] = tokens.Lower[last];
                }

                if (isCue[t])
                {
                    last = t;
                }
            }

            last = -1;
            for (var t = to - 1; t >= from; t--)
            {
                if (last >= 0)
                {
                    cueRight[t] = last - t;
                    cueRightWord[t] = tokens.Lower[last];
                }

                if (isCue[t])
                {
                    last = t;
                }
            }
        }

        var sentenceHasQuote = new bool[tokens.SentenceStarts.Length];
        for (var t = 0; t < n; t++)
        {
            if (TextTokens.IsQuoteMark(tokens.Lower[t]) && tokens.Lower[t] != "’")
            {
                sentenceHasQuote[tokens.SentenceOf[t]] = true;
            }
        }

        for (var t = 0; t < n; t++)
        {
            offsets[t] = features.Count;
            var w = tokens.Lower[t];
            var sentence = tokens.SentenceOf[t];
            int sFrom = tokens.SentenceStarts[sentence], sTo = tokens.SentenceStarts[sentence + 1];
            var inSentence = t - sFrom;
            var toEnd = sTo - 1 - t;
            var q = tokens.InQuote[t] ? "q" : "-";
            features.Add(H(0, ""));
            features.Add(H(1, w));
            features.Add(H(2, P(tokens, t - 1, sFrom, sTo)));
            features.Add(H(3, P(tokens, t + 1, sFrom, sTo)));
            features.Add(H(4, P(tokens, t - 2, sFrom, sTo)));
            features.Add(H(5, P(tokens, t + 2, sFrom, sTo)));
            features.Add(H(6, P(tokens, t - 1, sFrom, sTo), w));
            features.Add(H(7, w, P(tokens, t + 1, sFrom, sTo)));
            features.Add(H(8, Shape(tokens, t)));
            features.Add(H(9, S(tokens, t - 1, sFrom, sTo), Shape(tokens, t)));
            features.Add(H(10, Shape(tokens, t), S(tokens, t + 1, sFrom, sTo)));
            features.Add(H(11, Suffix(w, 3)));
            features.Add(H(12, Suffix(w, 2)));
            features.Add(H(13, Prefix(w, 3)));
            features.Add(H(14, q));
            features.Add(H(15, q, w));
            features.Add(H(16, q, Shape(tokens, t)));
            features.Add(H(17, isCue[t] ? "c" : "-"));
            features.Add(H(18, t > sFrom && isCue[t - 1] ? "c" : "-", t + 1 < sTo && isCue[t + 1] ? "c" : "-"));
            features.Add(H(19, Bucket(cueLeft[t]), Bucket(cueRight[t])));
            features.Add(H(20, Bucket(cueLeft[t]), q));
            features.Add(H(21, Bucket(cueRight[t]), q));
            features.Add(H(22, cueLeftWord[t] ?? "-", Bucket(cueLeft[t])));
            features.Add(H(23, cueRightWord[t] ?? "-", Bucket(cueRight[t])));
            features.Add(H(24, Bucket(inSentence), Bucket(toEnd)));
            features.Add(H(25, tokens.ParagraphStart[t] ? "p" : "-", sentence > 0 && tokens.ParagraphStart[sFrom] ? "ps" : "-"));
            features.Add(H(26, sentenceHasQuote[sentence] ? "sq" : "-", q));
            features.Add(H(27, Lexicon.Pronouns.Contains(w) ? "pr" : "-", Bucket(cueRight[t])));
            features.Add(H(28, P(tokens, t - 1, sFrom, sTo), Bucket(cueLeft[t])));
            features.Add(H(29, P(tokens, t + 1, sFrom, sTo), Bucket(cueRight[t])));
            features.Add(H(30, w, Bucket(cueLeft[t])));
            features.Add(H(31, w, Bucket(cueRight[t])));
            features.Add(H(32, P(tokens, t - 1, sFrom, sTo), P(tokens, t - 2, sFrom, sTo)));
            features.Add(H(33, P(tokens, t + 1, sFrom, sTo), P(tokens, t + 2, sFrom, sTo)));
            features.Add(H(34, Shape(tokens, t), Bucket(cueLeft[t]), Bucket(cueRight[t])));
            features.Add(H(35, cueLeftWord[t] ?? "-", P(tokens, t - 1, sFrom, sTo)));
            features.Add(H(36, cueRightWord[t] ?? "-", P(tokens, t + 1, sFrom, sTo)));
            features.Add(H(37, Bucket(inSentence), q));
            features.Add(H(38, PrevPunct(tokens, t, sFrom), Bucket(cueLeft[t])));
            features.Add(H(39, w, sentenceHasQuote[sentence] ? "sq" : "-"));
            if (sentence + 1 < tokens.SentenceStarts.Length - 1 && inSentence == 0)
            {
                features.Add(H(40, "first"));
            }
        }

        offsets[n] = features.Count;
    }

    private static string P(TextTokens tokens, int k, int sFrom, int sTo) => k < sFrom ? "<s>" : k >= sTo ? "</s>" : tokens.Lower[k];

    private static string S(TextTokens tokens, int k, int sFrom, int sTo) => k < sFrom ? "<s>" : k >= sTo ? "</s>" : Shape(tokens, k);

    private static string PrevPunct(TextTokens tokens, int t, int sFrom)
    {
        // the nearest punctuation token to the left in the sentence
        for (var k = t - 1; k >= sFrom && k >= t - 30; k--)
        {
            if (!TextTokens.IsWordChar(tokens.Text[tokens.Starts[k]]))
            {
                return tokens.Lower[k];
            }
        }

        return "-";
    }

    private static string Bucket(int d) => d switch
    {
        0 => "0",
        1 => "1",
        2 => "2",
        3 => "3",
        <= 5 => "5",
        <= 10 => "10",
        <= 20 => "20",
        _ => "inf",
    };

    private static ReadOnlySpan<char> Suffix(string w, int k) => w.Length > k ? w.AsSpan(w.Length - k) : w;

    private static ReadOnlySpan<char> Prefix(string w, int k) => w.Length > k ? w.AsSpan(0, k) : w;

    private static string Shape(TextTokens tokens, int t)
    {
        var c = tokens.Text[tokens.Starts[t]];
        if (char.IsUpper(c))
        {
            var len = tokens.Ends[t] - tokens.Starts[t];
            return len > 1 && char.IsUpper(tokens.Text[tokens.Starts[t] + 1]) ? "XX" : "Xx";
        }

        if (char.IsLower(c))
        {
            return "x";
        }

        if (char.IsDigit(c))
        {
            return "d";
        }

        return tokens.Lower[t];
    }

    private static uint H(int template, string a) => Mix(Start(template), a);

    private static uint H(int template, ReadOnlySpan<char> a) => Mix(Start(template), a);

    private static uint H(int template, string a, string b) => Mix(Mix(Start(template), a), b);

    private static uint H(int template, string a, string b, string c) => Mix(Mix(Mix(Start(template), a), b), c);

    private static uint Start(int template) => (2166136261u ^ (uint)template) * 16777619u;

    private static uint Mix(uint h, string s) => Mix(h, s.AsSpan());

    private static uint Mix(uint h, ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            h = (h ^ (byte)ch) * 16777619u;
            h = (h ^ (uint)(ch >> 8)) * 16777619u;
        }

        return (h ^ 0xFFu) * 16777619u;
    }
}
