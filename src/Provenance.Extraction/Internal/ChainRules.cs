namespace Provenance.Extraction.Internal;

/// <summary>
/// Rules that turn single attributions into chains of hops, with hand-written linear scans (no regular expressions):
/// <list type="bullet">
/// <item>"X citing Y" / "according to X, citing Y": a new hop for Y with the cue "citing"; X's attribution cites it.</item>
/// <item>"X quoted Y as saying ...": a new hop for Y with the cue "as saying"; X's attribution cites it.</item>
/// <item>An attribution whose content holds another's cue ("Interfax is reporting that the ministry said ...") cites it.</item>
/// <item>"... said ..., according to X" in one sentence: X's attribution cites the other.</item>
/// </list>
/// </summary>
internal static class ChainRules
{
    public static void Apply(string text, List<RawAttribution> found)
    {
        NewsRules.AddCues(text, found);
        NewsRules.Refine(text, found);
        var count = found.Count;
        var pending = new List<(RawAttribution From, RawAttribution To)>();
        for (var i = 0; i < count; i++)
        {
            if (IsCue(text, found[i].Cue, "citing"))
            {
                CitingHop(text, found, i, count, pending);
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (!IsCue(text, found[i].Cue, "citing"))
            {
                SplitCiting(text, found, i, count, pending);
                SplitQuotedAs(text, found, i, pending);
            }
        }

        for (var i = 0; i < count; i++)
        {
            ReportsOutOf(text, found, i, pending);
            ContentAfterColon(text, found[i]);
        }

        // Hops are linked by object while the list is re-sorted into text order, then numbered.
        found.Sort((a, b) => a.Cue.Start.CompareTo(b.Cue.Start));
        var links = new Dictionary<RawAttribution, RawAttribution>();
        foreach (var (from, to) in pending)
        {
            links[from] = to;
        }

        for (var i = 0; i < found.Count; i++)
        {
            var a = found[i];
            if (links.ContainsKey(a))
            {
                continue;
            }

            // nested: another attribution's cue inside a's content
            if (a.Content is { } content && !IsQuotation(text, content))
            {
                for (var j = FirstCueAtOrAfter(found, content.Start); j < found.Count && found[j].Cue.Start < content.End; j++)
                {
                    var b = found[j];
                    if (j != i && b.Cue.End <= content.End)
                    {
                        links[a] = b;
                        break;
                    }
                }
            }

            if (links.ContainsKey(a) || !(IsAccordingTo(text, a.Cue) || IsPostposed(text, a)))
            {
                continue;
            }

            // "The MoD said ..., according to RT" or "..., RT reported.": the hop at the sentence's end relays the other
            // attribution of its sentence
            for (var j = i - 1; j >= 0; j--)
            {
                var b = found[j];
                if (!SameSentence(text, b.Cue.End, a.Cue.Start))
                {
                    break;
                }

                if (b.Source is not null && !IsAccordingTo(text, b.Cue))
                {
                    links[a] = b;
                    break;
                }
            }
        }

        var position = new Dictionary<RawAttribution, int>();
        for (var i = 0; i < found.Count; i++)
        {
            position[found[i]] = i;
        }

        foreach (var a in found)
        {
            a.Cites = links.TryGetValue(a, out var b) && !ReferencesBack(links, a, b) ? position[b] : null;
        }
    }

    // "..., Russian state-run media reported.": source and cue close the sentence after a comma, with no content of their own after them
    private static bool IsPostposed(string text, RawAttribution a)
    {
        if (a.Source is not { } s || (a.Content is { } c && c.End > s.Start))
        {
            return false;
        }

        var first = Math.Min(s.Start, a.Cue.Start);
        var k = first;
        while (k > 0 && char.IsWhiteSpace(text[k - 1]))
        {
            k--;
        }

        if (k == 0 || text[k - 1] != ',')
        {
            return false;
        }

        var end = Math.Max(s.End, a.Cue.End);
        while (end < text.Length && text[end] is ' ' or '\u00A0')
        {
            end++;
        }

        return end >= text.Length || text[end] is '.' or '!' or '?' or '\n';
    }

    // Index of the first attribution (sorted by cue start) whose cue starts at or after position.
    internal static int FirstCueAtOrAfter(List<RawAttribution> found, int position) => FirstCueAtOrAfter(found, position, found.Count);

    internal static int FirstCueAtOrAfter(List<RawAttribution> found, int position, int count)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (found[mid].Cue.Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    // A link a -> b must not close a cycle (b ... -> a).
    private static bool ReferencesBack(Dictionary<RawAttribution, RawAttribution> links, RawAttribution a, RawAttribution b)
    {
        var seen = 0;
        for (var x = b; links.TryGetValue(x, out var next) && seen < links.Count; x = next, seen++)
        {
            if (next == a)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsQuotation(string text, (int Start, int End) span) =>
        span.End > span.Start && text[span.Start] is '“' or '"' or '«';

    internal static bool IsAccordingTo(string text, (int Start, int End) cue) =>
        text.AsSpan(cue.Start, cue.End - cue.Start).StartsWith("according", StringComparison.OrdinalIgnoreCase);

    internal static bool SameSentence(string text, int from, int to)
    {
        if (to < from || to - from > 600)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (text[k] == '\n' || (text[k] is '.' or '!' or '?' && k + 1 < to && text[k + 1] == ' ' && k + 2 < to && char.IsUpper(text[k + 2])))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsCue(string text, (int Start, int End) cue, string word) =>
        text.AsSpan(cue.Start, cue.End - cue.Start).Equals(word, StringComparison.OrdinalIgnoreCase);

    // The start of the sentence holding position: after the last line break or ". " before it (at most 400 characters back).
    internal static int SentenceStart(string text, int position)
    {
        var limit = Math.Max(0, position - 400);
        for (var k = position - 1; k >= limit; k--)
        {
            if (text[k] == '\n' || (text[k] is '.' or '!' or '?' && k + 1 < text.Length && char.IsWhiteSpace(text[k + 1])))
            {
                return k + 1;
            }
        }

        return limit;
    }

    // A tagged attribution whose cue is "citing": it is the hop. Its source is the phrase after "citing"; the attribution
    // nearest to it in the sentence is the one that relays it, and takes the phrase before "citing" as its source when it
    // has none ("Interfax, citing the ministry, said ...") and the content after a colon when it has none.
    private static void CitingHop(string text, List<RawAttribution> found, int i, int tagged, List<(RawAttribution From, RawAttribution To)> pending)
    {
        var hop = found[i];
        var phraseStart = SkipSpaces(text, hop.Cue.End, Math.Min(text.Length, hop.Cue.End + 200));
        var phraseEnd = PhraseEnd(text, phraseStart, Math.Min(text.Length, phraseStart + 200));
        if (phraseEnd <= phraseStart)
        {
            return;
        }

        (int Start, int End)? after = null;
        if (hop.Content is { } content)
        {
            if (content.End > phraseEnd + 1)
            {
                var colon = SkipSpaces(text, phraseEnd, content.End);
                if (colon < content.End && text[colon] is ':' or ',')
                {
                    colon = SkipSpaces(text, colon + 1, content.End);
                }

                after = (colon, content.End);
            }

            hop.Content = null;
        }

        hop.Source = (phraseStart, phraseEnd);
        var sentence = SentenceStart(text, hop.Cue.Start);
        RawAttribution? head = null;
        var best = int.MaxValue;
        // neighbours only: the tagged attributions are in text order, and a sentence is at most 400 characters back
        var neighbours = new List<RawAttribution>();
        for (var j = i - 1; j >= 0 && found[j].Cue.End >= hop.Cue.Start - 400; j--)
        {
            neighbours.Add(found[j]);
        }

        for (var j = i + 1; j < tagged && found[j].Cue.Start <= hop.Cue.End + 400; j++)
        {
            neighbours.Add(found[j]);
        }

        foreach (var b in neighbours)
        {
            if (IsCue(text, b.Cue, "citing"))
            {
                continue;
            }

            var distance = b.Cue.Start > hop.Cue.Start ? b.Cue.Start - hop.Cue.End : hop.Cue.Start - b.Cue.End;
            if (distance >= 0 && distance < best && SentenceStart(text, b.Cue.Start) == sentence)
            {
                best = distance;
                head = b;
            }
        }

        if (head is null)
        {
            return;
        }

        if (head.Source is null || (head.Source.Value.End > hop.Cue.Start && head.Source.Value.Start < phraseEnd))
        {
            var npStart = head.Cue.End <= hop.Cue.Start && head.Cue.Start >= sentence ? head.Cue.End : sentence;
            npStart = SkipSpaces(text, npStart, hop.Cue.Start);
            var npEnd = TrimEnd(text, npStart, hop.Cue.Start);
            if (npEnd > npStart)
            {
                head.Source = (npStart, npEnd);
            }
        }

        if (head.Content is { } hc && hc.Start < phraseEnd && hc.End > hop.Cue.Start)
        {
            head.Content = null;
        }

        if (head.Content is null && after is { } a && a.End > a.Start)
        {
            head.Content = a;
        }

        pending.Add((head, hop));
    }

    // "There are breaking reports out of Interfax and Sputnik Armenia that ...": each named agency is a source of the report.
    private static void ReportsOutOf(string text, List<RawAttribution> found, int i, List<(RawAttribution From, RawAttribution To)> pending)
    {
        _ = pending;
        var a = found[i];
        if (a.Source is not null || !text.AsSpan(a.Cue.Start, a.Cue.End - a.Cue.Start).StartsWith("report", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var limit = Math.Min(text.Length, a.Cue.End + 120);
        var at = a.Cue.Start;
        foreach (var marker in new[] { "out of", "from", "by" })
        {
            var m = IndexOfWord(text, marker, a.Cue.Start, Math.Min(limit, a.Cue.End + 12 + marker.Length));
            if (m >= 0)
            {
                at = m + marker.Length;
                break;
            }
        }

        if (at == a.Cue.Start)
        {
            return;
        }

        var start = SkipSpaces(text, at, limit);
        var end = PhraseEnd(text, start, limit);
        if (end <= start || !char.IsUpper(text[start]))
        {
            return;
        }

        // "X and Y": the first name is this attribution's source, the others are parallel attributions with the same cue
        var and = IndexOfWord(text, "and", start, end);
        var content = a.Content is { } c && c.Start < end ? ((int, int)?)(SkipThat(text, end, c.End), c.End) : a.Content;
        a.Content = content;
        if (and > start && char.IsUpper(text[SkipSpaces(text, and + 3, end)]))
        {
            a.Source = (start, TrimEnd(text, start, and));
            found.Add(new RawAttribution { Cue = a.Cue, Source = (SkipSpaces(text, and + 3, end), end), Content = content, Confidence = a.Confidence * 0.9, Hedge = a.Hedge });
        }
        else
        {
            a.Source = (start, end);
        }
    }

    private static int SkipThat(string text, int from, int to)
    {
        from = SkipSpaces(text, from, to);
        if (IndexOfWord(text, "that", from, Math.Min(to, from + 4)) == from)
        {
            from = SkipSpaces(text, from + 4, to);
        }

        return from;
    }

    // "According to TASS citing ...:" at the end of a paragraph: the content is the next paragraph (a quoted block).
    private static void ContentAfterColon(string text, RawAttribution a)
    {
        if (a.Content is not null)
        {
            return;
        }

        var k = Math.Max(a.Cue.End, a.Source?.End ?? 0);
        var limit = Math.Min(text.Length, k + 200);
        while (k < limit && text[k] != ':' && text[k] != '\n')
        {
            k++;
        }

        if (k >= limit || text[k] != ':')
        {
            return;
        }

        var start = k + 1;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && text[end] != '\n' && end - start < 2000)
        {
            end++;
        }

        end = TrimEnd(text, start, end);
        if (end > start)
        {
            a.Content = (start, end);
        }
    }

    // "X citing Y" inside the source span, or "citing Y" right after the source or cue of an according-to.
    private static void SplitCiting(string text, List<RawAttribution> found, int i, int tagged, List<(RawAttribution From, RawAttribution To)> pending)
    {
        var a = found[i];
        var scanFrom = a.Source?.Start ?? a.Cue.End;
        var limit = a.Content is { } c && c.Start > scanFrom ? c.Start : Math.Min(text.Length, Math.Max(scanFrom, a.Cue.End) + 200);
        if (a.Source is { } src && src.End > limit)
        {
            limit = src.End;
        }

        var at = IndexOfWord(text, "citing", scanFrom, limit);
        var existing = FirstCueAtOrAfter(found, at, tagged);
        if (at < 0 || (existing < tagged && found[existing].Cue.Start == at))
        {
            return;
        }

        var hopStart = SkipSpaces(text, at + "citing".Length, limit);
        var hopEnd = PhraseEnd(text, hopStart, Math.Min(text.Length, hopStart + 200));
        if (hopEnd <= hopStart)
        {
            return;
        }

        if (a.Source is { } s && s.Start < at && s.End > at)
        {
            a.Source = (s.Start, TrimEnd(text, s.Start, at));
        }

        if (a.Content is { } content && content.Start < hopEnd && content.End > hopStart)
        {
            if (content.Start >= hopStart)
            {
                a.Content = null;
            }
        }

        var hop = new RawAttribution
        {
            Cue = (at, at + "citing".Length),
            Source = (hopStart, hopEnd),
            Confidence = a.Confidence * 0.9,
            Hedge = a.Hedge,
        };
        found.Add(hop);
        pending.Add((a, hop));
    }

    // "X quoted Y as saying": the cue "quoted", then the phrase Y, then "as saying".
    private static void SplitQuotedAs(string text, List<RawAttribution> found, int i, List<(RawAttribution From, RawAttribution To)> pending)
    {
        var a = found[i];
        if (!text.AsSpan(a.Cue.Start, a.Cue.End - a.Cue.Start).StartsWith("quoted", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var limit = Math.Min(text.Length, a.Cue.End + 200);
        var asSaying = IndexOfWord(text, "as saying", a.Cue.End, limit);
        if (asSaying < 0)
        {
            return;
        }

        var hopStart = SkipSpaces(text, a.Cue.End, asSaying);
        var hopEnd = TrimEnd(text, hopStart, asSaying);
        if (hopEnd <= hopStart)
        {
            return;
        }

        var hop = new RawAttribution
        {
            Cue = (asSaying, asSaying + "as saying".Length),
            Source = (hopStart, hopEnd),
            Content = a.Content,
            Confidence = a.Confidence * 0.9,
            Hedge = a.Hedge,
        };
        a.Content = null;
        found.Add(hop);
        pending.Add((a, hop));
    }

    internal static int IndexOfWord(string text, string word, int from, int to)
    {
        if (from < 0 || to > text.Length || to - from < word.Length)
        {
            return -1;
        }

        var at = text.AsSpan(from, to - from).IndexOf(word, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return -1;
        }

        at += from;
        var before = at == 0 || !TextTokens.IsWordChar(text[at - 1]);
        var after = at + word.Length >= text.Length || !TextTokens.IsWordChar(text[at + word.Length]);
        return before && after ? at : -1;
    }

    internal static int SkipSpaces(string text, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from]))
        {
            from++;
        }

        return from;
    }

    internal static int TrimEnd(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or '—' or '–' or '('))
        {
            end--;
        }

        return end;
    }

    // The end of the noun phrase after "citing": up to a comma, colon, semicolon, full stop, line break or a reporting verb.
    internal static int PhraseEnd(string text, int start, int limit)
    {
        var k = start;
        while (k < limit)
        {
            var ch = text[k];
            if (ch is ',' or ':' or ';' or '\n' or '“' or '"' or '(' || (ch == '.' && (k + 1 >= text.Length || char.IsWhiteSpace(text[k + 1]))))
            {
                break;
            }

            if (TextTokens.IsWordChar(ch) && (k == start || !TextTokens.IsWordChar(text[k - 1])))
            {
                var wordEnd = k;
                while (wordEnd < limit && TextTokens.IsWordChar(text[wordEnd]))
                {
                    wordEnd++;
                }

                var word = text[k..wordEnd].ToLowerInvariant();
                if (k > start && (Lexicon.ReportingVerbs.Contains(word) || word is "that" or "as"))
                {
                    break;
                }

                k = wordEnd;
                continue;
            }

            k++;
        }

        return TrimEnd(text, start, k);
    }
}
