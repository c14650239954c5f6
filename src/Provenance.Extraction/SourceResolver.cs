using System.Collections.Immutable;
using System.Text;
using Provenance.Extraction.Internal;

namespace Provenance.Extraction;

/// <summary>
/// Matches source spans to known sources by id, name and aliases, with spelling variants folded ("Defense" and
/// "Defence", "Russia's" and "Russian", "MoD" and "Ministry of Defence", "Foreign Ministry" and "Ministry of
/// Foreign Affairs"); resolves short references ("the ministry", "the MoD", "the republic's Foreign Ministry") to the
/// known source the text last named that fits; proposes new sources with generated ids otherwise, of kind
/// <c>anonymous</c> for unnamed sources ("Russian sources", "early reports", "locals"). Immutable, thread-safe.
/// </summary>
public sealed class SourceResolver
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "the", "of", "a", "an", "and", "affairs", "unnamed", "its", "official", "officials", "statement", "statements",
        "spokesman", "spokeswoman", "spokesperson", "press", "service", "republic", "country", "nation", "state",
    };

    private static readonly HashSet<string> Heads = new(StringComparer.Ordinal)
    {
        "ministry", "agency", "office", "department", "army", "government", "radio", "media", "base", "center", "centre",
        "committee", "service", "news", "forces", "military",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "this", "that", "these", "those", "it", "who", "which", "what", "both", "some", "many", "more", "most", "all",
        "the", "a", "an", "there", "here", "one", "others", "another", "such", "each", "he", "she", "they", "we", "i",
    };

    private readonly ImmutableArray<Known> known;

    private sealed record Known(Source Source, ImmutableArray<string> Names, ImmutableArray<ImmutableHashSet<string>> Keys);

    /// <summary>A resolver over <paramref name="sources"/>.</summary>
    public SourceResolver(IEnumerable<Source> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        known = [.. sources.Select(s =>
        {
            var names = new[] { s.Name, s.Id.Replace('-', ' ') }.Concat(s.Aliases).Select(StripParenthesis).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToImmutableArray();
            return new Known(s, names, [.. names.Select(Key).Where(k => k.Count > 0)]);
        })];
    }

    /// <summary>A resolver over the sources of <paramref name="graph"/>.</summary>
    public static SourceResolver FromGraph(CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return new SourceResolver(graph.Sources);
    }

    /// <summary>The known sources.</summary>
    public ImmutableArray<Source> Sources => [.. known.Select(k => k.Source)];

    /// <summary>Resolution state for one text: where it names which known source.</summary>
    internal DocumentResolution StartDocument(string text) => new(this, text);

    /// <summary>The source a proposed id stands for: a new source named after the span, anonymous when it names no one.</summary>
    public static Source Propose(string id, string spanText)
    {
        ArgumentNullException.ThrowIfNull(spanText);
        var name = Clean(spanText);
        return new Source(id, name.Length == 0 ? id : name, IsAnonymous(spanText) ? SourceKind.Anonymous : SourceKind.Other);
    }

    /// <summary>Whether the phrase names no one: its head is a word like "sources", "reports", "locals", "officials" and it has no proper name.</summary>
    public static bool IsAnonymous(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = Words(phrase);
        if (words.Count == 0)
        {
            return false;
        }

        var head = words[^1].ToLowerInvariant();
        if (!Lexicon.AnonymousHeads.Contains(head))
        {
            return false;
        }

        // "the report", "this video": a reference back to something named before, not an unnamed source
        if (words.Count == 2 && Lexicon.Determiners.Contains(words[0].ToLowerInvariant()))
        {
            return false;
        }

        // "Russian sources" is anonymous; "Interfax reports" is not: capitalised words other than nationality adjectives name someone.
        return words.Take(words.Count - 1).All(w => !char.IsUpper(w[0]) || w.EndsWith('n') || w.EndsWith("ese", StringComparison.Ordinal) || w.EndsWith("ish", StringComparison.Ordinal) || w.EndsWith('i') || w is "Early" or "Some" or "Local" or "Many" or "Several" or "Other" or "Unnamed" or "Anonymous");
    }

    internal (Source? Source, SourceMatch Match) Match(string spanText, int position, List<(int Position, int Known)> mentions)
    {
        var words = Words(spanText);
        if (words.Count == 0)
        {
            return (null, SourceMatch.None);
        }

        if (words.Count == 1 && Lexicon.Pronouns.Contains(words[0].ToLowerInvariant()))
        {
            return (null, SourceMatch.Unresolved);
        }

        // "a statement from the Russian military", "the ministry's statement": the one who made the statement
        spanText = WithoutStatement(spanText);
        words = Words(spanText);
        if (words.Count == 0)
        {
            return (null, SourceMatch.Unresolved);
        }

        var key = Key(spanText);
        var clean = Clean(spanText);
        for (var i = 0; i < known.Length; i++)
        {
            var k = known[i];
            if (k.Names.Any(n => string.Equals(n, clean, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Source.Id, clean, StringComparison.OrdinalIgnoreCase))
                || (key.Count > 0 && k.Keys.Any(kk => kk.SetEquals(key))))
            {
                return (k.Source, SourceMatch.Known);
            }
        }

        // a country or capital as the speaker ("Baku claimed", "Russia said", "the Azerbaijani side"): its government, the
        // government body of that country the text names nearest before (else after); a list of places is no speaker
        if (Countries.Speaker(spanText) is { } country)
        {
            return country.Length == 0 ? (null, SourceMatch.Unresolved) : Government(country, position, mentions);
        }

        // a reference: every word of the span is in the known source's key and the span has a head noun ("the ministry")
        if (key.Count > 0 && key.Any(Heads.Contains))
        {
            var best = -1;
            var bestPosition = int.MinValue;
            foreach (var (at, index) in mentions)
            {
                if (known[index].Keys.Any(kk => key.IsSubsetOf(kk)))
                {
                    var score = at <= position ? at : -at; // the last mention before, else the first after
                    if (best < 0 || score > bestPosition)
                    {
                        best = index;
                        bestPosition = score;
                    }
                }
            }

            if (best < 0)
            {
                var candidates = Enumerable.Range(0, known.Length).Where(i => known[i].Keys.Any(kk => key.IsSubsetOf(kk))).ToList();
                if (candidates.Count == 1)
                {
                    best = candidates[0];
                }
            }

            if (best >= 0)
            {
                return (known[best].Source, SourceMatch.Reference);
            }
        }

        // a span that contains a known source's full name ("Russia's Interfax news agency")
        for (var i = 0; i < known.Length; i++)
        {
            if (known[i].Keys.Any(kk => kk.Count > 0 && kk.IsSubsetOf(key) && kk.Any(w => w.Length >= 2)))
            {
                return (known[i].Source, SourceMatch.Known);
            }
        }

        if (IsAnonymous(spanText))
        {
            return (null, SourceMatch.Anonymous);
        }

        // a phrase with no capitalised word other than function words ("who", "This", "the statement", "both powers"), or a
        // bare adjective of nationality ("Armenian"), names no one the draft could propose
        var named = words.Any(w => char.IsUpper(w[0]) && !FunctionWords.Contains(w.ToLowerInvariant()));
        // a bare adjective of nationality, with or without an article ("Armenian", "a Russian"), names no one
        var adjective = words[^1];
        var bareAdjective = (words.Count == 1 || (words.Count == 2 && Lexicon.Determiners.Contains(words[0].ToLowerInvariant())))
            && (Countries.IsPlaceOrAdjective(adjective) && !Countries.IsPlace(adjective)
                || (adjective.Length > 4 && (adjective.EndsWith("ian", StringComparison.Ordinal) || adjective.EndsWith("ani", StringComparison.Ordinal))));
        return (null, named && !bareAdjective ? SourceMatch.Proposed : SourceMatch.Unresolved);
    }

    private (Source? Source, SourceMatch Match) Government(string country, int position, List<(int Position, int Known)> mentions)
    {
        bool Fits(Known k) => k.Source.Kind == SourceKind.Government && string.Equals(k.Source.Country, country, StringComparison.OrdinalIgnoreCase);
        var best = -1;
        var bestScore = int.MinValue;
        foreach (var (at, index) in mentions)
        {
            if (Fits(known[index]))
            {
                var score = at <= position ? at : -at;
                if (best < 0 || score > bestScore)
                {
                    best = index;
                    bestScore = score;
                }
            }
        }

        if (best >= 0)
        {
            return (known[best].Source, SourceMatch.Reference);
        }

        // none named: the only government body of that country; of several, the foreign ministry, through which a
        // country speaks to others ("Baku claimed", "Azerbaijan apologized"); otherwise the text does not say which
        var candidates = known.Where(Fits).ToList();
        var foreign = candidates.Where(k => k.Keys.Any(kk => kk.Contains("foreign"))).ToList();
        return candidates.Count switch
        {
            1 => (candidates[0].Source, SourceMatch.Reference),
            0 => (null, SourceMatch.Proposed),
            _ when foreign.Count == 1 => (foreign[0].Source, SourceMatch.Reference),
            _ => (null, SourceMatch.Unresolved),
        };
    }

    // "a statement from X" -> X; "X's statement" -> X; a bare "the statement" stays as it is
    private static string WithoutStatement(string span)
    {
        var t = span.Trim();
        foreach (var prefix in (ReadOnlySpan<string>)["a statement from ", "the statement from ", "a statement by ", "the statement by ", "a statement of ", "an official statement from ", "official statements from ", "statements from ", "a message from ", "a communique from "])
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && t.Length > prefix.Length)
            {
                return t[prefix.Length..];
            }
        }

        foreach (var suffix in (ReadOnlySpan<string>)["'s statement", "’s statement", "'s statements", "’s statements"])
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && t.Length > suffix.Length)
            {
                return t[..^suffix.Length];
            }
        }

        return span;
    }

    /// <summary>Whether the phrase is only a determiner and a noun for a statement or report ("the statement", "a report"): it refers back.</summary>
    internal static bool IsStatementReference(string phrase)
    {
        var words = Words(phrase);
        return words.Count == 2 && Lexicon.Determiners.Contains(words[0].ToLowerInvariant())
            && words[1].ToLowerInvariant() is "statement" or "communique" or "communiqué" or "announcement" or "release" or "message" or "readout";
    }

    internal int IndexOf(string id)
    {
        for (var i = 0; i < known.Length; i++)
        {
            if (known[i].Source.Id == id)
            {
                return i;
            }
        }

        return -1;
    }

    internal List<(int Position, int Known)> Mentions(string text)
    {
        var mentions = new List<(int, int)>();
        for (var i = 0; i < known.Length; i++)
        {
            foreach (var name in known[i].Names.SelectMany(n => new[] { n, n.Replace('\'', '’'), n.Replace('’', '\'') }).Distinct(StringComparer.Ordinal))
            {
                if (name.Length < 2)
                {
                    continue;
                }

                var at = 0;
                while (at < text.Length && (at = text.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
                {
                    var before = at == 0 || !TextTokens.IsWordChar(text[at - 1]);
                    var after = at + name.Length >= text.Length || !TextTokens.IsWordChar(text[at + name.Length]);
                    if (before && after)
                    {
                        mentions.Add((at, i));
                    }

                    at += name.Length;
                }
            }
        }

        mentions.Sort();
        return mentions;
    }

    /// <summary>A generated id for a proposed source: the span's words in lower case joined by hyphens, at most 40 characters.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder();
        foreach (var word in Words(Clean(text)))
        {
            var w = Fold(word);
            if (w is "the" or "a" or "an")
            {
                continue;
            }

            var part = new string([.. w.Where(ch => ch is >= 'a' and <= 'z' or >= '0' and <= '9')]);
            if (part.Length == 0)
            {
                continue;
            }

            if (sb.Length + part.Length + 1 > 40)
            {
                if (sb.Length == 0)
                {
                    sb.Append(part.AsSpan(0, 40));
                }

                break;
            }

            if (sb.Length > 0)
            {
                sb.Append('-');
            }

            sb.Append(part);
        }

        return sb.Length == 0 ? "source" : sb.ToString();
    }

    private static string StripParenthesis(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return (open >= 0 ? name[..open] : name).Trim();
    }

    private static string Clean(string text)
    {
        var t = text.Trim().Trim(',', ':', ';', '.', '"', '“', '”', '\'', '’', '(', ')').Trim();
        if (t.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            t = t[4..];
        }

        return t.Replace('\n', ' ');
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            if (!TextTokens.IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (TextTokens.IsWordChar(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && TextTokens.IsWordChar(text[i + 1]))))
            {
                i++;
            }

            words.Add(text[start..i]);
        }

        return words;
    }

    private static string Fold(string word)
    {
        var w = word.ToLowerInvariant().Replace('’', '\'');
        if (w.EndsWith("'s", StringComparison.Ordinal))
        {
            w = w[..^2];
        }

        return w.Replace("'", "", StringComparison.Ordinal);
    }

    private static ImmutableHashSet<string> Key(string text)
    {
        var key = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var all = Words(StripParenthesis(text));
        for (var n = 0; n < all.Count; n++)
        {
            var w = Fold(all[n]);
            switch (w)
            {
                case "military" when n == all.Count - 1:
                    // "the Russian military" speaks through its defence ministry
                    key.Add("ministry");
                    key.Add("defence");
                    continue;
                case "reports" or "report" or "press" or "outlets" when n > 0 && !Lexicon.Determiners.Contains(all[n - 1].ToLowerInvariant()):
                    // "Armenian reports", "reports in Armenian media": the media of that country; "the report" stays a report
                    w = "media";
                    break;
                case "mod":
                    key.Add("ministry");
                    key.Add("defence");
                    continue;
                case "mfa":
                    key.Add("ministry");
                    key.Add("foreign");
                    continue;
                case "defense":
                    w = "defence";
                    break;
            }

            if (w.Length > 5 && w.EndsWith("ian", StringComparison.Ordinal))
            {
                w = w[..^1]; // Russian -> russia, Armenian -> armenia
            }
            else if (w.Length > 5 && w.EndsWith("ani", StringComparison.Ordinal))
            {
                w = w[..^1]; // Azerbaijani -> azerbaijan
            }

            if (!Ignored.Contains(w))
            {
                key.Add(w);
            }
        }

        return key.ToImmutable();
    }
}

/// <summary>Resolution state for one document: the known sources it names, and the proposed ids handed out so far.</summary>
internal sealed class DocumentResolution
{
    private readonly SourceResolver resolver;
    private readonly List<(int Position, int Known)> mentions;
    private readonly Dictionary<string, string> proposed = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> knownIds;

    public DocumentResolution(SourceResolver resolver, string text)
    {
        this.resolver = resolver;
        mentions = resolver.Mentions(text);
        knownIds = [.. resolver.Sources.Select(s => s.Id)];
    }

    public (string? Id, SourceMatch Match) Resolve(TextSpan span)
    {
        var (source, match) = resolver.Match(span.Text, span.Start, mentions);
        if (source is not null)
        {
            // a resolved span is a mention too: "the Ministry of Emergency Situations reports ... The Ministry says"
            var index = resolver.IndexOf(source.Id);
            if (index >= 0)
            {
                var at = mentions.BinarySearch((span.Start, index));
                mentions.Insert(at < 0 ? ~at : at, (span.Start, index));
            }

            return (source.Id, match);
        }

        if (match is not (SourceMatch.Proposed or SourceMatch.Anonymous))
        {
            return (null, match);
        }

        var name = span.Text.Trim();
        if (proposed.TryGetValue(name, out var id))
        {
            return (id, match);
        }

        var slug = SourceResolver.Slug(name);
        id = slug;
        for (var n = 2; knownIds.Contains(id) || proposed.ContainsValue(id); n++)
        {
            id = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        proposed[name] = id;
        return (id, match);
    }
}
