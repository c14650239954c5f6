namespace Provenance.Extraction.Internal;

/// <summary>
/// Rules a reader of news applies that the tagger does not learn from its training text, as hand-written linear scans
/// (no regular expressions):
/// <list type="bullet">
/// <item>A named source followed by a verb of publishing or speech acts the tagger does not know ("X has aired the
/// following:", "X details further that", "X apologized", "X identified the site as", "X are circulating footage").</item>
/// <item>A header line "Statement from X:" / "Official message from X on ...:" introduces the block after it.</item>
/// <item>"... circulating via X": X is the source of what circulates.</item>
/// <item>A sentence that ends its paragraph with a colon introduces the next paragraph (or the quotation that opens
/// there, to its closing mark): the block is part of the attribution's content.</item>
/// <item>Clean-ups: a hedge adverb or passive cue ("have reportedly", "is said to") has no source (its subject is what
/// the content is about); "reporting name" is no cue; a cue that starts with the source's head noun ("foreign |
/// ministry apologized") gives the noun back to the source; "reports in X media" keeps its "in X media".</item>
/// </list>
/// </summary>
internal static class NewsRules
{
    /// <summary>Verbs that report what a named subject published or declared, beyond the tagger's cues.</summary>
    private static readonly HashSet<string> SubjectVerbs = new(StringComparer.Ordinal)
    {
        "aired", "airs", "details", "detailed", "apologized", "apologised", "apologizes", "apologises", "identified",
        "identifies", "circulating", "circulated", "published", "publishes", "broadcast", "broadcasts",
    };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "has", "have", "had", "is", "are", "was", "were", "also", "further", "officially", "formally", "publicly", "now",
        "already", "later", "quickly", "immediately", "been", "began", "begun", "started", "continue", "continues", "continued",
    };

    private static readonly HashSet<string> ParticipleFollowers = new(StringComparer.Ordinal)
    {
        "for", "in", "on", "at", "by", "from", "to", "with", "online", "earlier", "last", "this", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
    };

    // words that open a clause or a phrase, never a subject that names someone
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "as", "in", "on", "at", "with", "after", "before", "for", "from", "by", "during", "if", "when", "while", "since",
        "but", "and", "so", "then", "also", "it", "because", "although", "though", "once", "until",
    };

    private static readonly HashSet<string> BeForms = new(StringComparer.Ordinal) { "is", "are", "was", "were", "been", "be" };

    private static readonly HashSet<string> StatementNouns = new(StringComparer.Ordinal)
    {
        "statement", "message", "communique", "communiqué", "announcement", "release", "text", "transcript", "readout",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectVerbLookup =
        new HashSet<string>(SubjectVerbs, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StatementNounLookup =
        new HashSet<string>(StatementNouns, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> CirculationWords = new(StringComparer.Ordinal)
    {
        "circulating", "circulated", "circulates", "shared", "posted", "published", "released", "emerged", "footage",
        "video", "videos", "images", "photos", "pictures", "claims", "spread", "spreading", "documents", "emails", "papers",
        "leaks", "rumors", "rumours", "messages", "files", "recordings",
    };

    // "footage is circulating via X", "she posted via Twitter": what travels via a source, not a route ("documents via a request")
    private static readonly HashSet<string> ViaVerbs = new(StringComparer.Ordinal)
    {
        "circulating", "circulated", "circulates", "circulate", "shared", "posted", "published", "released", "emerged",
        "spread", "spreading", "surfaced", "reported", "broadcast", "aired",
    };

    private static readonly HashSet<string> PassiveOrAdverbCues = new(StringComparer.Ordinal)
    {
        "reportedly", "allegedly", "purportedly", "apparently", "supposedly",
    };

    /// <summary>Adds the attributions the rules find where the tagger found no cue. <paramref name="found"/> is in text order.</summary>
    public static void AddCues(string text, List<RawAttribution> found)
    {
        var added = new List<RawAttribution>();
        var i = 0;
        while (i < text.Length)
        {
            if (!TextTokens.IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && TextTokens.IsWordChar(text[i]))
            {
                i++;
            }

            if (i - start > 12)
            {
                continue;
            }

            // no string per word: the word lists are looked up by span, ignoring case
            var word = text.AsSpan(start, i - start);
            RawAttribution? a = null;
            if (SubjectVerbLookup.Contains(word))
            {
                a = SubjectVerb(text, start, i);
            }
            else if (word.Equals("read", StringComparison.OrdinalIgnoreCase) || word.Equals("reads", StringComparison.OrdinalIgnoreCase))
            {
                a = StatementRead(text, start, i);
            }
            else if (word.Equals("via", StringComparison.OrdinalIgnoreCase))
            {
                a = Via(text, start, i);
            }
            else if (StatementNounLookup.Contains(word) && LineStart(text, start) is var line && IsHeader(text, line, start))
            {
                a = Header(text, line, start, i);
            }

            if (a is not null && !Overlaps(found, a.Cue))
            {
                added.Add(a);
            }
        }

        found.AddRange(added);
        found.Sort((x, y) => x.Cue.Start.CompareTo(y.Cue.Start));
    }

    /// <summary>The clean-ups and the block rule, on every attribution.</summary>
    public static void Refine(string text, List<RawAttribution> found)
    {
        for (var n = found.Count - 1; n >= 0; n--)
        {
            var a = found[n];
            var cue = text[a.Cue.Start..a.Cue.End].ToLowerInvariant();
            // "NATO reporting name: Hind" is a name, not a report
            if (cue == "reporting" && ChainRules.IndexOfWord(text, "name", a.Cue.End, Math.Min(text.Length, a.Cue.End + 6)) >= 0)
            {
                found.RemoveAt(n);
                continue;
            }

            GiveHeadNounBack(text, a);
            if (IsHedgeOrPassive(cue))
            {
                a.Source = null;
            }

            KeepPlaceOfReports(text, a);
            BlockAfterColon(text, a);
        }

        for (var n = 1; n < found.Count; n++)
        {
            SourceOfParticiple(text, found, n);
        }
    }

    // "The ministry apologized, saying the crew had erred": the participle's speaker is the subject of the clause before it
    private static void SourceOfParticiple(string text, List<RawAttribution> found, int n)
    {
        var a = found[n];
        if (a.Source is not null)
        {
            return;
        }

        var cue = text.AsSpan(a.Cue.Start, a.Cue.End - a.Cue.Start);
        if (!(cue.Equals("saying", StringComparison.OrdinalIgnoreCase) || cue.Equals("adding", StringComparison.OrdinalIgnoreCase)
            || cue.Equals("noting", StringComparison.OrdinalIgnoreCase) || cue.Equals("stating", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var b = found[n - 1];
        if (b.Source is { } s && s.End <= a.Cue.Start && ChainRules.SentenceStart(text, a.Cue.Start) <= Math.Min(s.Start, b.Cue.Start))
        {
            a.Source = s;
        }
    }

    /// <summary>Whether the cue reports no speaker: a hedge adverb ("have reportedly") or a passive ("is said", "was reported").</summary>
    internal static bool IsHedgeOrPassive(string cue)
    {
        var words = cue.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return false;
        }

        if (PassiveOrAdverbCues.Contains(words[^1]) || (words.Length <= 3 && words.Any(PassiveOrAdverbCues.Contains) && words.All(w => PassiveOrAdverbCues.Contains(w) || Auxiliaries.Contains(w))))
        {
            return true;
        }

        return words.Length >= 2 && BeForms.Contains(words[^2]) && words[^1] is "said" or "reported" or "believed" or "thought" or "alleged" or "rumored" or "rumoured" or "understood";
    }

    // "Azerbaijan’s foreign | ministry apologized": the source is "Azerbaijan’s foreign ministry", the cue "apologized"
    private static void GiveHeadNounBack(string text, RawAttribution a)
    {
        if (a.Source is not { } s || s.End > a.Cue.Start || ChainRules.SkipSpaces(text, s.End, a.Cue.Start) != a.Cue.Start)
        {
            return;
        }

        var wordEnd = a.Cue.Start;
        while (wordEnd < a.Cue.End && TextTokens.IsWordChar(text[wordEnd]))
        {
            wordEnd++;
        }

        var word = text[a.Cue.Start..wordEnd].ToLowerInvariant();
        if (word is not ("ministry" or "side" or "reports" or "sources" or "officials" or "media" or "government" or "office" or "military" or "army"))
        {
            return;
        }

        var rest = ChainRules.SkipSpaces(text, wordEnd, a.Cue.End);
        if (rest >= a.Cue.End)
        {
            return;
        }

        a.Source = (s.Start, wordEnd);
        a.Cue = (rest, a.Cue.End);
    }

    // "according to reports in Armenian media": the source is the reports and where they appeared
    private static void KeepPlaceOfReports(string text, RawAttribution a)
    {
        if (a.Source is not { } s)
        {
            return;
        }

        var lastStart = s.End;
        while (lastStart > s.Start && TextTokens.IsWordChar(text[lastStart - 1]))
        {
            lastStart--;
        }

        if (text[lastStart..s.End].ToLowerInvariant() is not ("reports" or "report" or "sources" or "accounts"))
        {
            return;
        }

        var at = ChainRules.SkipSpaces(text, s.End, Math.Min(text.Length, s.End + 2));
        foreach (var preposition in (ReadOnlySpan<string>)["in ", "from ", "by ", "on "])
        {
            if (at + preposition.Length < text.Length && text.AsSpan(at, preposition.Length).Equals(preposition, StringComparison.OrdinalIgnoreCase))
            {
                var np = ChainRules.SkipSpaces(text, at + preposition.Length, Math.Min(text.Length, at + preposition.Length + 2));
                var end = ChainRules.PhraseEnd(text, np, Math.Min(text.Length, np + 80));
                if (end > np && (a.Content is not { } c || c.Start >= end || c.End <= s.Start) && (a.Cue.Start >= end || a.Cue.End <= s.Start))
                {
                    a.Source = (s.Start, end);
                }

                return;
            }
        }
    }

    // A sentence that ends its paragraph with a colon introduces the block after it.
    private static void BlockAfterColon(string text, RawAttribution a)
    {
        var k = Math.Max(a.Cue.End, a.Source?.End ?? 0);
        if (a.Content is { } c && c.End > k)
        {
            k = c.End;
        }

        var limit = Math.Min(text.Length, k + 400);
        while (k < limit && text[k] != '\n' && !(text[k] is '.' or '!' or '?' && k + 1 < text.Length && char.IsWhiteSpace(text[k + 1])))
        {
            k++;
        }

        var colon = ChainRules.TrimEnd(text, Math.Max(a.Cue.End, a.Source?.End ?? 0), k);
        if (colon <= 0 || text[colon - 1] != ':' || (k < text.Length && text[k] != '\n'))
        {
            return;
        }

        // "Footage is circulating:", "The video below shows:": the colon introduces a video or image the text does not hold
        var sentence = ChainRules.SentenceStart(text, a.Cue.Start);
        if (MentionsEmbed(text, sentence, colon))
        {
            return;
        }

        var (blockStart, blockEnd) = Block(text, k);
        if (blockEnd <= blockStart)
        {
            return;
        }

        a.Content = (a.Content is { } own && own.Start < blockStart ? Math.Min(own.Start, blockStart) : blockStart, blockEnd);
    }

    /// <summary>The block after a line break at <paramref name="from"/>: the next paragraph, or the quotation that opens there up to its closing mark.</summary>
    internal static (int Start, int End) Block(string text, int from)
    {
        var start = ChainRules.SkipSpaces(text, from, Math.Min(text.Length, from + 200));
        if (start >= text.Length)
        {
            return (start, start);
        }

        var end = start;
        while (end < text.Length && text[end] != '\n' && end - start < 4000)
        {
            end++;
        }

        if (text[start] is '“' or '"' or '«')
        {
            var close = text[start] switch { '“' => '”', '«' => '»', _ => '"' };
            var opened = 0;
            var limit = Math.Min(text.Length, start + 8000);
            var paragraphs = 0;
            for (var k = start + 1; k < limit; k++)
            {
                if (text[k] == close)
                {
                    opened = k + 1;
                    break;
                }

                if (text[k] == '\n' && k + 1 < text.Length && text[k + 1] != '\n' && ++paragraphs > 12)
                {
                    break;
                }
            }

            if (opened > end)
            {
                end = opened;
            }
        }

        return (start, ChainRules.TrimEnd(text, start, end));
    }

    private static bool MentionsEmbed(string text, int from, int to)
    {
        for (var p = from; p < to; p++)
        {
            if (TextTokens.IsWordChar(text[p]) && (p == from || !TextTokens.IsWordChar(text[p - 1])))
            {
                var we = p;
                while (we < to && TextTokens.IsWordChar(text[we]))
                {
                    we++;
                }

                if (text[p..we].ToLowerInvariant() is "footage" or "video" or "videos" or "image" or "images" or "photo" or "photos" or "tweet" or "below")
                {
                    return true;
                }

                p = we;
            }
        }

        return false;
    }

    private static bool Overlaps(List<RawAttribution> found, (int Start, int End) cue)
    {
        var at = ChainRules.FirstCueAtOrAfter(found, cue.Start);
        return (at < found.Count && found[at].Cue.Start < cue.End) || (at > 0 && found[at - 1].Cue.End > cue.Start);
    }

    private static int LineStart(string text, int position)
    {
        var k = position;
        while (k > 0 && text[k - 1] != '\n' && position - k < 40)
        {
            k--;
        }

        return k;
    }

    // "Statement from X:" or "Official message from X on Y:": at the start of a line (after at most one adjective), the line ends with a colon
    private static bool IsHeader(string text, int line, int noun)
    {
        var before = text.AsSpan(line, noun - line).Trim();
        if (before.Length > 0 && (before.Contains(' ') || !char.IsUpper(before[0])))
        {
            return false;
        }

        return char.IsUpper(before.Length > 0 ? before[0] : text[noun]);
    }

    private static RawAttribution? Header(string text, int line, int noun, int nounEnd)
    {
        // the header is one short line: look for its end at most 300 characters on
        var window = Math.Min(text.Length - nounEnd, 300);
        var lineEnd = text.AsSpan(nounEnd, window).IndexOf('\n');
        lineEnd = lineEnd < 0 ? (window < 300 ? text.Length : -1) : nounEnd + lineEnd;
        if (lineEnd < 0)
        {
            return null;
        }

        var colon = ChainRules.TrimEnd(text, nounEnd, lineEnd);
        if (colon <= nounEnd || text[colon - 1] != ':')
        {
            return null;
        }

        var prep = ChainRules.SkipSpaces(text, nounEnd, colon);
        var prepEnd = prep;
        while (prepEnd < colon && TextTokens.IsWordChar(text[prepEnd]))
        {
            prepEnd++;
        }

        if (text[prep..prepEnd].ToLowerInvariant() is not ("from" or "by" or "of"))
        {
            return null;
        }

        var np = ChainRules.SkipSpaces(text, prepEnd, colon - 1);
        var npEnd = colon - 1;
        // the source runs to " on ", " about ", " regarding " or the colon
        for (var k = np; k < colon - 1; k++)
        {
            if (text[k] == ' ' && (ChainRules.IndexOfWord(text, "on", k + 1, Math.Min(colon, k + 3)) == k + 1
                || ChainRules.IndexOfWord(text, "about", k + 1, Math.Min(colon, k + 6)) == k + 1
                || ChainRules.IndexOfWord(text, "regarding", k + 1, Math.Min(colon, k + 10)) == k + 1))
            {
                npEnd = k;
                break;
            }
        }

        npEnd = ChainRules.TrimEnd(text, np, npEnd);
        if (npEnd <= np || !HasCapital(text, np, npEnd))
        {
            return null;
        }

        var (blockStart, blockEnd) = Block(text, lineEnd);
        return new RawAttribution
        {
            Cue = (ChainRules.SkipSpaces(text, line, noun), prepEnd),
            Source = (np, npEnd),
            Content = blockEnd > blockStart ? (blockStart, blockEnd) : null,
            Confidence = 0.6,
        };
    }

    // "NP [aux/adverbs] verb ...": the subject must open the sentence, be short, and name someone (a capitalised word).
    private static RawAttribution? SubjectVerb(string text, int verb, int verbEnd)
    {
        var sentence = ChainRules.SentenceStart(text, verb);
        sentence = ChainRules.SkipSpaces(text, sentence, verb);
        // walk back over auxiliaries and adverbs
        var cueStart = verb;
        var k = verb;
        var passive = false;
        while (true)
        {
            var e = k;
            while (e > sentence && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            var s = e;
            while (s > sentence && TextTokens.IsWordChar(text[s - 1]))
            {
                s--;
            }

            if (s == e)
            {
                break;
            }

            var w = text[s..e].ToLowerInvariant();
            if (!Auxiliaries.Contains(w) && !(w.Length > 4 && w.EndsWith("ly", StringComparison.Ordinal)))
            {
                break;
            }

            passive |= BeForms.Contains(w);
            if (Auxiliaries.Contains(w) && w is not ("also" or "further" or "officially" or "formally" or "publicly" or "now" or "already" or "later" or "quickly" or "immediately"))
            {
                cueStart = s;
            }

            k = s;
        }

        var lowerVerb = text[verb..verbEnd].ToLowerInvariant();
        if (passive && lowerVerb != "circulating")
        {
            return null;
        }

        // "a textbook published for pupils", "an interview aired Monday": without an auxiliary, a participle followed by a
        // preposition or a day modifies the noun before it
        var following = ChainRules.SkipSpaces(text, verbEnd, Math.Min(text.Length, verbEnd + 2));
        var followingEnd = following;
        while (followingEnd < text.Length && followingEnd - following < 12 && TextTokens.IsWordChar(text[followingEnd]))
        {
            followingEnd++;
        }

        if (cueStart == verb && lowerVerb.EndsWith("ed", StringComparison.Ordinal) && ParticipleFollowers.Contains(text[following..followingEnd].ToLowerInvariant()))
        {
            return null;
        }

        var npEnd = ChainRules.TrimEnd(text, sentence, k);
        if (npEnd <= sentence)
        {
            return null;
        }

        // the subject names someone: a capitalised word after its first (which every sentence capitalises), or a single name
        var firstEnd = sentence;
        while (firstEnd < npEnd && TextTokens.IsWordChar(text[firstEnd]))
        {
            firstEnd++;
        }

        if (firstEnd < npEnd && !Countries.IsPlaceOrAdjective(text[sentence..firstEnd]) ? !HasCapital(text, ChainRules.SkipSpaces(text, firstEnd, npEnd), npEnd) : !HasCapital(text, sentence, npEnd))
        {
            return null;
        }

        var words = 0;
        for (var p = sentence; p < npEnd; p++)
        {
            var ch = text[p];
            if (ch is ',' or ';' or ':' or '(' or ')' or '"' or '“' or '”')
            {
                return null;
            }

            if (TextTokens.IsWordChar(ch) && (p == sentence || !TextTokens.IsWordChar(text[p - 1])))
            {
                var we = p;
                while (we < npEnd && TextTokens.IsWordChar(text[we]))
                {
                    we++;
                }

                var w = text[p..we].ToLowerInvariant();
                // what circulates ("footage", "videos") is the content, not its source; a clause opener is no subject
                if ((p == sentence && ClauseOpeners.Contains(w)) || Lexicon.ReportingVerbs.Contains(w) || SubjectVerbs.Contains(w) || Lexicon.Pronouns.Contains(w) || CirculationWords.Contains(w)
                    || w is "which" or "who" or "that" or "this" or "there")
                {
                    return null;
                }

                words++;
            }
        }

        if (words is 0 or > 10)
        {
            return null;
        }

        // "details" and "broadcast" are also nouns: as a verb they are followed by an adverb, "that", a colon or an object
        var next = ChainRules.SkipSpaces(text, verbEnd, Math.Min(text.Length, verbEnd + 2));
        if (lowerVerb is "details" or "detailed" && next < text.Length && text[next] is '.' or ',' or ')')
        {
            return null;
        }

        var contentStart = next;
        if (ChainRules.IndexOfWord(text, "further", contentStart, Math.Min(text.Length, contentStart + 7)) == contentStart)
        {
            contentStart = ChainRules.SkipSpaces(text, contentStart + 7, Math.Min(text.Length, contentStart + 9));
        }

        if (ChainRules.IndexOfWord(text, "that", contentStart, Math.Min(text.Length, contentStart + 4)) == contentStart)
        {
            contentStart = ChainRules.SkipSpaces(text, contentStart + 4, Math.Min(text.Length, contentStart + 6));
        }

        var contentEnd = contentStart;
        while (contentEnd < text.Length && text[contentEnd] != '\n' && contentEnd - contentStart < 600
            && !(text[contentEnd] is '.' or '!' or '?' && (contentEnd + 1 >= text.Length || char.IsWhiteSpace(text[contentEnd + 1]))))
        {
            contentEnd++;
        }

        contentEnd = ChainRules.TrimEnd(text, contentStart, contentEnd);
        if (contentEnd > contentStart && text[contentEnd - 1] == ':')
        {
            contentEnd = ChainRules.TrimEnd(text, contentStart, contentEnd - 1);
        }

        return new RawAttribution
        {
            Cue = (cueStart, verbEnd),
            Source = (sentence, npEnd),
            Content = contentEnd > contentStart ? (contentStart, contentEnd) : null,
            Confidence = 0.6,
        };
    }

    // "“...,” a statement from the ministry read.": the statement's maker is the source of the quotation before it
    private static RawAttribution? StatementRead(string text, int verb, int verbEnd)
    {
        var after = ChainRules.SkipSpaces(text, verbEnd, Math.Min(text.Length, verbEnd + 2));
        if (after < text.Length && text[after] is not ('.' or '\n' or ','))
        {
            return null;
        }

        var close = verb - 1;
        while (close >= 0 && verb - close < 160 && text[close] is not ('”' or '"' or '\n'))
        {
            close--;
        }

        if (close < 0 || text[close] == '\n')
        {
            return null;
        }

        var np = close + 1;
        while (np < verb && (char.IsWhiteSpace(text[np]) || text[np] == ','))
        {
            np++;
        }

        var npEnd = ChainRules.TrimEnd(text, np, verb);
        var firstEnd = np;
        while (firstEnd < npEnd && TextTokens.IsWordChar(text[firstEnd]))
        {
            firstEnd++;
        }

        var secondStart = ChainRules.SkipSpaces(text, firstEnd, npEnd);
        var secondEnd = secondStart;
        while (secondEnd < npEnd && TextTokens.IsWordChar(text[secondEnd]))
        {
            secondEnd++;
        }

        if (!Lexicon.Determiners.Contains(text[np..firstEnd].ToLowerInvariant())
            || text[secondStart..secondEnd].ToLowerInvariant() is not ("statement" or "message" or "letter" or "note" or "post" or "tweet" or "communique" or "release" or "notice" or "readout"))
        {
            return null;
        }

        var open = close - 1;
        var opener = text[close] == '”' ? '“' : '"';
        while (open >= 0 && close - open < 6000 && text[open] != opener)
        {
            open--;
        }

        return new RawAttribution
        {
            Cue = (verb, verbEnd),
            Source = (np, npEnd),
            Content = open >= 0 && text[open] == opener ? (open, close + 1) : null,
            Confidence = 0.6,
        };
    }

    // "... is circulating via Russian sources": the phrase after "via" is the source of what circulates
    private static RawAttribution? Via(string text, int via, int viaEnd)
    {
        var sentence = ChainRules.SkipSpaces(text, ChainRules.SentenceStart(text, via), via);
        var circulates = false;
        for (var p = sentence; p < via && !circulates; p++)
        {
            if (TextTokens.IsWordChar(text[p]) && (p == sentence || !TextTokens.IsWordChar(text[p - 1])))
            {
                var we = p;
                while (we < via && TextTokens.IsWordChar(text[we]))
                {
                    we++;
                }

                circulates = ViaVerbs.Contains(text[p..we].ToLowerInvariant());
                p = we;
            }
        }

        if (!circulates)
        {
            return null;
        }

        var np = ChainRules.SkipSpaces(text, viaEnd, Math.Min(text.Length, viaEnd + 3));
        var npEnd = ChainRules.PhraseEnd(text, np, Math.Min(text.Length, np + 80));
        if (npEnd <= np)
        {
            return null;
        }

        var contentEnd = ChainRules.TrimEnd(text, sentence, via);
        return new RawAttribution
        {
            Cue = (via, viaEnd),
            Source = (np, npEnd),
            Content = contentEnd > sentence ? (sentence, contentEnd) : null,
            Confidence = 0.5,
        };
    }

    private static bool HasCapital(string text, int from, int to)
    {
        for (var p = from; p < to; p++)
        {
            if (char.IsUpper(text[p]) && (p == from || !TextTokens.IsWordChar(text[p - 1])))
            {
                // a capital that only opens the sentence with "The" or "A" does not name anyone
                var we = p;
                while (we < to && TextTokens.IsWordChar(text[we]))
                {
                    we++;
                }

                if (text[p..we] is not ("The" or "A" or "An" or "This" or "That" or "These" or "Those" or "Some" or "Many" or "Its"))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
