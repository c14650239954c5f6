using System.Collections.Immutable;
using System.Text;
using Provenance.Reuse;

namespace Provenance.Extraction;

/// <summary>
/// A hidden relay found on article texts: a passage one article (the relaying one) shares near word for word with another
/// article's copy, while the relaying article credits neither that article, nor its publisher, nor the source whose words
/// the other article says they are (for the passage or anywhere else in it: an article that names that source elsewhere
/// may well credit it by a pronoun the extraction does not follow). Immutable, thread-safe.
/// </summary>
public sealed record ArticleRelay
{
    /// <summary>The index, in the input list, of the article that reuses the words (or, when <see cref="Directed"/> is false, one of the two).</summary>
    public required int Relaying { get; init; }

    /// <summary>The index, in the input list, of the article whose copy the passage matches.</summary>
    public required int Relayed { get; init; }

    /// <summary>The passage in the relaying article's text.</summary>
    public required TextSpan RelayingPassage { get; init; }

    /// <summary>The passage in the relayed article's text.</summary>
    public required TextSpan RelayedPassage { get; init; }

    /// <summary>The source ids the relaying article credits for the passage (along its attribution chains that overlap it); empty when it credits no one.</summary>
    public required ImmutableArray<string> Credited { get; init; }

    /// <summary>
    /// The source whose words the relayed article says these are (the first hop of its attribution that holds the passage), or
    /// <see langword="null"/> when they are the relayed article's own words.
    /// </summary>
    public required string? WordsOf { get; init; }

    /// <summary>
    /// Whether the direction is known: the relayed article names the source of the words and the relaying one credits neither
    /// it nor the relayed article while the relayed one does credit what the relaying one names; or both are dated and the
    /// relaying one is the later. False when undated articles state the words as their own, or credit them to different
    /// sources neither of which the other names: either may have copied the other.
    /// </summary>
    public required bool Directed { get; init; }

    /// <summary>The similarity of the two articles' texts as a whole (<see cref="TextReuseMatch.Similarity"/>).</summary>
    public required double Similarity { get; init; }

    /// <summary>The passage's length in folded characters (letters and digits, one space between words): the finding's score.</summary>
    public required int Score { get; init; }
}

/// <summary>The settings of <see cref="ArticleRelays.Find"/>. Immutable.</summary>
public sealed record ArticleRelayOptions
{
    /// <summary>The defaults.</summary>
    public static ArticleRelayOptions Default { get; } = new();

    /// <summary>
    /// The shortest passage that counts, in folded characters. Default 30: about five words, longer than a source's name
    /// ("the Russian Defence Ministry" is 28).
    /// </summary>
    public int MinPassageLength { get; init; } = 30;

    /// <summary>
    /// The least total length, in folded characters, of the hidden passages one article shares with another for the same
    /// source of the words: a single stock phrase ("condolences to the families of", 30) is a coincidence; reused copy
    /// repeats. Default 60.
    /// </summary>
    public int MinSharedLength { get; init; } = 60;
}

/// <summary>
/// Finds hidden relays between articles from their raw texts and their extracted attributions: passages they share near word
/// for word (<see cref="TextReuse"/>, not every pair compared), kept when the reusing article's attributions for the passage
/// credit neither the other article's publisher nor the source whose words the other article says they are. Passages that are
/// mostly the name of a cited source, or that both articles attribute to the same first-hand speaker (two quotations of one
/// statement), explain themselves and are left out. Deterministic.
/// </summary>
public static class ArticleRelays
{
    /// <summary>The hidden relays among <paramref name="articles"/>, ordered by relaying article, relayed article, then passage.</summary>
    /// <param name="articles">The articles with their extractions (sources resolved, so that credits can be compared).</param>
    /// <param name="options">The settings, or <see langword="null"/> for <see cref="ArticleRelayOptions.Default"/>.</param>
    /// <returns>The findings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="articles"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is below 12 (passage) or below the passage length (shared length).</exception>
    public static ImmutableArray<ArticleRelay> Find(IReadOnlyList<(DraftArticle Article, ExtractedDocument Document)> articles, ArticleRelayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= ArticleRelayOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinPassageLength, 12, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinSharedLength, options.MinPassageLength, nameof(options));

        var texts = articles.Select(a => (string?)a.Document.Text).ToArray();
        var reuse = TextReuseOptions.Default with { MinPassageLength = options.MinPassageLength };
        var found = new List<ArticleRelay>();
        foreach (var match in TextReuse.FindMatches(texts, reuse))
        {
            var (a, b) = (articles[match.First], articles[match.Second]);
            foreach (var passage in match.Passages)
            {
                var pa = Span(a.Document.Text, passage.First);
                var pb = Span(b.Document.Text, passage.Second);
                // A cited source's name is not copy; a passage both articles put in quotation marks is a quotation of a
                // common source in both, whatever each credits for it.
                if (MostlyName(a.Document, pa) || MostlyName(b.Document, pb) || (Quoted(a.Document.Text, pa) && Quoted(b.Document.Text, pb)))
                {
                    continue;
                }

                var credit = (First: Credit(a.Document, pa), Second: Credit(b.Document, pb));
                // Case 1: one side names whose words these are, and the other side credits neither them nor that side.
                var firstReuses = Reuses(a, credit.First, b, credit.Second);
                var secondReuses = Reuses(b, credit.Second, a, credit.First);
                if (firstReuses && !secondReuses)
                {
                    found.Add(Relay(match, match.First, match.Second, pa, pb, credit.First, credit.Second.WordsOf, directed: true));
                }
                else if (secondReuses && !firstReuses)
                {
                    found.Add(Relay(match, match.Second, match.First, pb, pa, credit.Second, credit.First.WordsOf, directed: true));
                }
                else if (firstReuses && secondReuses)
                {
                    // Each credits someone the other does not: the later one reuses; undated, either may have copied.
                    var order = Later(a.Article, b.Article);
                    found.Add(order < 0
                        ? Relay(match, match.Second, match.First, pb, pa, credit.Second, credit.First.WordsOf, directed: true)
                        : Relay(match, match.First, match.Second, pa, pb, credit.First, credit.Second.WordsOf, directed: order > 0));
                }
                else if (!firstReuses && !secondReuses && credit.First.Own && credit.Second.Own && a.Article.Source != b.Article.Source)
                {
                    // Case 2: the words are both articles' own; the later one reuses them, undated pairs have no direction.
                    var order = Later(a.Article, b.Article);
                    found.Add(order < 0
                        ? Relay(match, match.Second, match.First, pb, pa, credit.Second, null, directed: true)
                        : Relay(match, match.First, match.Second, pa, pb, credit.First, null, directed: order > 0));
                }
            }
        }

        // Reused copy repeats: keep the findings whose article pair and source of the words share enough hidden text.
        var totals = found.GroupBy(r => (r.Relaying, r.Relayed, r.WordsOf)).ToDictionary(g => g.Key, g => g.Sum(r => r.Score));
        return [.. found.Where(r => totals[(r.Relaying, r.Relayed, r.WordsOf)] >= options.MinSharedLength)
            .OrderBy(r => r.Relaying).ThenBy(r => r.Relayed).ThenBy(r => r.RelayingPassage.Start)];
    }

    /// <summary>What a finding suggests, for a reviewer: "eurasian-times credits ru-mod; the wording matches sputnik as relayed by zerohedge".</summary>
    /// <param name="relay">The finding.</param>
    /// <param name="articles">The articles it was found in.</param>
    /// <returns>One line.</returns>
    public static string Describe(ArticleRelay relay, IReadOnlyList<(DraftArticle Article, ExtractedDocument Document)> articles)
    {
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(articles);
        var relaying = articles[relay.Relaying].Article.Source;
        var relayed = articles[relay.Relayed].Article.Source;
        var credits = relay.Credited.IsEmpty ? relaying + " credits no one" : relaying + " credits " + string.Join(", ", relay.Credited);
        return relay switch
        {
            { WordsOf: { } words, Directed: true } => $"{credits}; the wording matches {words} as relayed by {relayed}",
            { WordsOf: { } words } => $"{credits}; the wording matches {words} as relayed by {relayed}; undated, so either may have copied the other",
            { Directed: true } => $"{credits}; the wording matches {relayed}'s own, published earlier",
            _ => $"{relaying} and {relayed} share wording that both state as their own; undated, so who copied whom is unknown",
        };
    }

    private static ArticleRelay Relay(TextReuseMatch match, int relaying, int relayed, TextSpan relayingPassage, TextSpan relayedPassage, Credits credit, string? wordsOf, bool directed) => new()
    {
        Relaying = relaying,
        Relayed = relayed,
        RelayingPassage = relayingPassage,
        RelayedPassage = relayedPassage,
        Credited = credit.Sources,
        WordsOf = wordsOf,
        Directed = directed,
        Similarity = match.Similarity,
        Score = FoldedLength(relayingPassage.Text),
    };

    /// <summary>
    /// Whether <paramref name="reuser"/> reuses words that <paramref name="original"/> says are another source's, crediting
    /// neither for the passage and naming that source in none of its attributions ("which it said" credits a ministry the
    /// sentence before named, and the extraction does not follow the pronoun).
    /// </summary>
    private static bool Reuses((DraftArticle Article, ExtractedDocument Document) reuser, Credits reuserCredit, (DraftArticle Article, ExtractedDocument Document) original, Credits originalCredit) =>
        originalCredit.WordsOf is { } words
        && !originalCredit.Unresolved
        && words != reuser.Article.Source
        && original.Article.Source != reuser.Article.Source
        && !reuserCredit.Sources.Contains(words)
        && !reuserCredit.Sources.Contains(original.Article.Source)
        && !reuser.Document.Attributions.Any(a => a.SourceId == words);

    /// <summary>1 when <paramref name="first"/> was published after <paramref name="second"/>, -1 when before, 0 when either is undated or they tie.</summary>
    private static int Later(DraftArticle first, DraftArticle second) =>
        first.Published is { } f && second.Published is { } s ? Math.Sign(f.UtcDateTime.CompareTo(s.UtcDateTime)) : 0;

    /// <summary>What an article's attributions say about a passage of it.</summary>
    /// <param name="Sources">Every source along the chains of the attributions that overlap the passage, nearest first, distinct.</param>
    /// <param name="WordsOf">The first hop of the attribution holding most of the passage: whose words the article says these are.</param>
    /// <param name="Own">No attribution overlaps the passage: the article's own words.</param>
    /// <param name="Unresolved">An overlapping attribution names a source the resolver could not resolve: whose words they are is unknown.</param>
    private sealed record Credits(ImmutableArray<string> Sources, string? WordsOf, bool Own, bool Unresolved);

    private static Credits Credit(ExtractedDocument document, TextSpan passage)
    {
        var attributions = document.Attributions;
        var headOf = new int[attributions.Length];
        for (var i = 0; i < attributions.Length; i++)
        {
            headOf[i] = -1;
        }

        // Heads are the attributions nothing cites; every attribution belongs to the chain of the head that reaches it.
        var cited = new HashSet<int>(attributions.Where(a => a.Cites is not null).Select(a => a.Cites!.Value));
        for (var h = 0; h < attributions.Length; h++)
        {
            if (!cited.Contains(h))
            {
                foreach (var k in Chain(attributions, h))
                {
                    if (headOf[k] < 0)
                    {
                        headOf[k] = h;
                    }
                }
            }
        }

        var heads = new SortedDictionary<int, int>();
        for (var i = 0; i < attributions.Length; i++)
        {
            var overlap = Overlap(Region(attributions[i]), passage);
            var head = headOf[i] < 0 ? i : headOf[i];
            if (overlap > 0)
            {
                heads[head] = Math.Max(heads.GetValueOrDefault(head), overlap);
            }
        }

        if (heads.Count == 0)
        {
            return new Credits([], null, Own: true, Unresolved: false);
        }

        var sources = new List<string>();
        var unresolved = false;
        foreach (var head in heads.Keys)
        {
            foreach (var k in Chain(attributions, head))
            {
                if (attributions[k].SourceId is { } id)
                {
                    if (!sources.Contains(id))
                    {
                        sources.Add(id);
                    }
                }
                else
                {
                    unresolved |= k == head;
                    break;
                }
            }
        }

        var main = heads.OrderByDescending(h => h.Value).ThenBy(h => h.Key).First().Key;
        return new Credits([.. sources], attributions[main].SourceId, Own: false, unresolved || attributions[main].SourceId is null);
    }

    /// <summary>The attribution and the ones it cites, in order, stopping at a cycle (shared with the draft writer).</summary>
    internal static List<int> Chain(ImmutableArray<Attribution> attributions, int head)
    {
        var chain = new List<int>();
        var seen = new HashSet<int>();
        for (int? k = head; k is { } x && x >= 0 && x < attributions.Length && seen.Add(x); k = attributions[x].Cites)
        {
            chain.Add(x);
        }

        return chain;
    }

    /// <summary>The part of the text an attribution covers: from the first to the last of its source, cue and content spans.</summary>
    private static (int Start, int End) Region(Attribution a)
    {
        var start = Math.Min(a.Cue.Start, Math.Min(a.Source?.Start ?? a.Cue.Start, a.Content?.Start ?? a.Cue.Start));
        var end = Math.Max(a.Cue.End, Math.Max(a.Source?.End ?? a.Cue.End, a.Content?.End ?? a.Cue.End));
        return (start, end);
    }

    private static int Overlap((int Start, int End) region, TextSpan span) => Math.Max(0, Math.Min(region.End, span.End) - Math.Max(region.Start, span.Start));

    /// <summary>Whether at least half of the passage is the source span of some attribution: a cited source's name, not copy.</summary>
    private static bool MostlyName(ExtractedDocument document, TextSpan passage)
    {
        var covered = new bool[passage.Length];
        foreach (var a in document.Attributions)
        {
            if (a.Source is { } source)
            {
                for (var i = Math.Max(source.Start, passage.Start); i < Math.Min(source.End, passage.End); i++)
                {
                    covered[i - passage.Start] = true;
                }
            }
        }

        return covered.Count(c => c) * 2 >= passage.Length;
    }

    /// <summary>
    /// Whether the passage starts inside a quotation: an opening mark (“, « or a straight double quote) earlier in its paragraph
    /// not closed before it, or a paragraph opening with one (a quotation running over several paragraphs).
    /// </summary>
    internal static bool Quoted(string text, TextSpan passage)
    {
        var start = passage.Start;
        var paragraph = text.LastIndexOf("\n\n", Math.Max(0, start - 1), StringComparison.Ordinal);
        paragraph = paragraph < 0 ? 0 : paragraph + 2;
        while (paragraph < start && char.IsWhiteSpace(text[paragraph]))
        {
            paragraph++;
        }

        var open = false;
        for (var i = paragraph; i < start; i++)
        {
            switch (text[i])
            {
                case '“' or '«':
                    open = true;
                    break;
                case '”' or '»':
                    open = false;
                    break;
                case '"':
                    open = !open;
                    break;
            }
        }

        return open || (paragraph < text.Length && text[paragraph] is '“' or '«' or '"' && !text.AsSpan(paragraph + 1, Math.Max(0, start - paragraph - 1)).ContainsAny("”»\""));
    }

    private static TextSpan Span(string text, ReuseSpan span) => TextSpan.Of(text, span.Start, span.End);

    /// <summary>The length of the text folded as <see cref="TextReuse"/> compares it: letters and digits, one space between words.</summary>
    internal static int FoldedLength(string text)
    {
        var length = 0;
        var gap = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                length += (gap && length > 0 ? 1 : 0) + 1;
                gap = false;
            }
            else if (rune.Value is not ('\'' or '\u2019'))
            {
                gap = true;
            }
        }

        return length;
    }

    /// <summary>The head attribution (one nothing cites) whose chain covers most of <paramref name="passage"/>, or -1 when none overlaps it.</summary>
    internal static int HeadAt(ExtractedDocument document, TextSpan passage)
    {
        var attributions = document.Attributions;
        var cited = new HashSet<int>(attributions.Where(a => a.Cites is not null).Select(a => a.Cites!.Value));
        var best = (Head: -1, Overlap: 0);
        for (var h = 0; h < attributions.Length; h++)
        {
            if (!cited.Contains(h))
            {
                var overlap = Chain(attributions, h).Max(k => Overlap(Region(attributions[k]), passage));
                if (overlap > best.Overlap)
                {
                    best = (h, overlap);
                }
            }
        }

        return best.Head;
    }
}
