namespace Provenance.Extraction.Internal;

/// <summary>
/// The rule-based baseline tagger: a reporting verb from <see cref="Lexicon"/> is the cue, the noun phrase
/// before it (or right after it, "said the minister") the source, and the quotation in the sentence or the rest of
/// the sentence the content. Produces the same tag sequence as <see cref="AttributionTagger"/>.
/// </summary>
internal static class RuleTagger
{
    public static int[] Tag(TextTokens tokens)
    {
        var tags = new int[tokens.Count];
        for (var s = 0; s + 1 < tokens.SentenceStarts.Length; s++)
        {
            int from = tokens.SentenceStarts[s], to = tokens.SentenceStarts[s + 1];
            for (var t = from; t < to; t++)
            {
                var w = tokens.Lower[t];
                var cueEnd = t + 1;
                if (w == "according" && t + 1 < to && tokens.Lower[t + 1] == "to")
                {
                    cueEnd = t + 2;
                }
                else if (!Lexicon.ReportingVerbs.Contains(w) || tokens.InQuote[t] || w is "according" or "show" or "know" or "want" or "think" or "believe")
                {
                    continue;
                }

                if (tags[t] != AttributionTagger.O)
                {
                    continue;
                }

                Mark(tags, t, cueEnd, 2);
                // source: capitalised words or a pronoun just before the cue, else just after it
                var sEnd = t;
                var sStart = sEnd;
                while (sStart > from && IsNameToken(tokens, sStart - 1) && sEnd - sStart < 6)
                {
                    sStart--;
                }

                if (sStart == sEnd && cueEnd < to && IsNameToken(tokens, cueEnd))
                {
                    sStart = cueEnd;
                    sEnd = cueEnd;
                    while (sEnd < to && IsNameToken(tokens, sEnd) && sEnd - sStart < 6)
                    {
                        sEnd++;
                    }
                }

                if (sEnd > sStart && tags[sStart] == AttributionTagger.O)
                {
                    Mark(tags, sStart, sEnd, 1);
                }

                // content: the quotation in the sentence, else the rest of the sentence after the cue (and "that")
                int cStart = -1, cEnd = -1;
                for (var k = from; k < to; k++)
                {
                    if (tokens.InQuote[k] && tags[k] == AttributionTagger.O)
                    {
                        if (cStart < 0)
                        {
                            cStart = k;
                        }

                        cEnd = k + 1;
                    }
                }

                if (cStart < 0 && w != "according")
                {
                    cStart = Math.Max(cueEnd, sEnd);
                    if (cStart < to && tokens.Lower[cStart] is "that" or ":" or ",")
                    {
                        cStart++;
                    }

                    cEnd = to;
                    while (cEnd > cStart && tokens.Lower[cEnd - 1] is "." or "!" or "?")
                    {
                        cEnd--;
                    }
                }

                if (cStart >= 0 && cEnd > cStart)
                {
                    for (var k = cStart; k < cEnd; k++)
                    {
                        if (tags[k] != AttributionTagger.O)
                        {
                            cEnd = k;
                            break;
                        }
                    }

                    if (cEnd > cStart)
                    {
                        Mark(tags, cStart, cEnd, 3);
                    }
                }

                t = cueEnd - 1;
            }
        }

        return tags;
    }

    private static bool IsNameToken(TextTokens tokens, int t)
    {
        var c = tokens.Text[tokens.Starts[t]];
        return (char.IsUpper(c) && !tokens.InQuote[t]) || Lexicon.Pronouns.Contains(tokens.Lower[t]);
    }

    private static void Mark(int[] tags, int from, int to, int role)
    {
        tags[from] = AttributionTagger.Begin(role);
        for (var k = from + 1; k < to; k++)
        {
            tags[k] = AttributionTagger.Inside(role);
        }
    }
}
