using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Provenance.Extraction;

/// <summary>One article of a draft: its file and the report metadata a manifest gives. Immutable, thread-safe.</summary>
/// <param name="File">The article's text file.</param>
/// <param name="Source">The id of the publisher (a known source, or a new one the draft proposes).</param>
public sealed record DraftArticle(string File, string Source)
{
    /// <summary>The report's title; when null the draft uses the article's first line, which the evidence check matches.</summary>
    public string? Title { get; init; }

    /// <summary>The publication time, ISO 8601 with an offset.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>The article's URL.</summary>
    public string? Url { get; init; }

    /// <summary>The article's language (BCP 47).</summary>
    public string? Language { get; init; }
}

/// <summary>
/// Writes a draft graph in the Provenance YAML format from extracted articles: one report per article, one proposed
/// claim and assertion per attribution chain, the chain as nested <c>via</c> hops, wording and evidence copied
/// verbatim from the text (so <c>provenance check-evidence</c> passes), and every proposed element preceded by a
/// comment with its confidence for the reviewer. Deterministic.
/// </summary>
public static partial class DraftGraph
{
    /// <summary>The YAML text of the draft for <paramref name="articles"/> (each with its extraction, resolved with <paramref name="resolver"/>).</summary>
    public static string ToYaml(IReadOnlyList<(DraftArticle Article, ExtractedDocument Document)> articles, SourceResolver? resolver = null) =>
        ToYaml(articles, resolver, []);

    /// <summary>
    /// The YAML text of the draft for <paramref name="articles"/>, with the hidden relays found among them
    /// (<see cref="ArticleRelays.Find"/>) proposed as citations of kind <c>inferred</c>: the shared passage is the evidence, and
    /// a comment says what the text credits and what the reuse suggests, so an inferred hop is never mistaken for one the
    /// text states. A passage whose words another article attributes to a source becomes a hop to that source in the
    /// assertion holding the passage (or in a new assertion of a claim proposed from the passage); a passage that is another,
    /// earlier article's own words becomes a hop to that article's report, which then asserts the claim; an undated pair of
    /// own words is only a comment on both reports, since who copied whom is unknown.
    /// </summary>
    /// <param name="articles">The articles, each with its extraction.</param>
    /// <param name="resolver">The known sources, or <see langword="null"/>.</param>
    /// <param name="relays">Hidden relays among <paramref name="articles"/> (indexes into it).</param>
    /// <returns>The draft.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="articles"/> or <paramref name="relays"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A relay names an article outside <paramref name="articles"/>.</exception>
    public static string ToYaml(IReadOnlyList<(DraftArticle Article, ExtractedDocument Document)> articles, SourceResolver? resolver, IReadOnlyList<ArticleRelay> relays)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(relays);
        if (relays.Any(r => r.Relaying < 0 || r.Relaying >= articles.Count || r.Relayed < 0 || r.Relayed >= articles.Count))
        {
            throw new ArgumentException("A relay names an article that is not in the list.", nameof(relays));
        }

        var knownById = (resolver?.Sources ?? []).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var sources = new SortedDictionary<string, (Source Source, string Comment)>(StringComparer.Ordinal);
        var claims = new StringBuilder();
        var reports = new StringBuilder();
        var claimIds = new HashSet<string>(StringComparer.Ordinal);
        var reportIds = new HashSet<string>(StringComparer.Ordinal);
        var inferred = new InferredHops(articles, relays);

        void UseSource(string id, string? spanText, double confidence, bool publisher)
        {
            if (sources.ContainsKey(id))
            {
                return;
            }

            if (knownById.TryGetValue(id, out var known))
            {
                sources[id] = (known with { Affiliation = null }, known.Affiliation is null ? "known source" : $"known source (affiliation in the known graph: {known.Affiliation})");
                return;
            }

            var proposed = SourceResolver.Propose(id, spanText ?? id);
            if (publisher)
            {
                proposed = proposed with { Kind = SourceKind.Outlet };
            }

            sources[id] = (proposed, publisher ? "proposed publisher: review its kind and country" : string.Create(CultureInfo.InvariantCulture, $"proposed source, confidence {confidence:F2}: review its name, kind and country"));
        }

        for (var index = 0; index < articles.Count; index++)
        {
            var (article, document) = articles[index];
            UseSource(article.Source, article.Source, 1, publisher: true);
            var title = article.Title ?? FirstLine(document.Text);
            var reportId = Unique(reportIds, Truncate(article.Source + "-" + SourceResolver.Slug(title.Length == 0 ? Path.GetFileNameWithoutExtension(article.File) : title), 80));
            inferred.ReportIds[index] = reportId;
            var report = inferred.Reports[index];
            report.Append("  - id: ").Append(reportId).Append('\n');
            report.Append("    # from ").Append(Comment(Path.GetFileName(article.File))).Append('\n');
            report.Append("    source: ").Append(article.Source).Append('\n');
            report.Append("    kind: article\n");
            if (title.Length > 0)
            {
                report.Append("    title: ").Append(Quote(title)).Append('\n');
            }

            if (article.Published is { } published)
            {
                report.Append("    published: ").Append(published.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)).Append('\n');
            }

            if (article.Url is { } url)
            {
                report.Append("    url: ").Append(Quote(url)).Append('\n');
            }

            if (article.Language is { } language)
            {
                report.Append("    language: ").Append(Quote(language)).Append('\n');
            }

            var attributions = document.Attributions;
            var cited = new HashSet<int>(attributions.Where(a => a.Cites is not null).Select(a => a.Cites!.Value));
            var headline = HeadlineEnd(document.Text);
            var bodySources = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < attributions.Length; i++)
            {
                if (attributions[i].Cue.Start >= headline && attributions[i].SourceId is { } sid)
                {
                    bodySources.Add(sid);
                }
            }

            var assertions = new StringBuilder();
            for (var i = 0; i < attributions.Length; i++)
            {
                if (cited.Contains(i))
                {
                    continue;
                }

                // a headline restates the body: a headline attribution to a source the body cites adds nothing
                if (attributions[i].Cue.End <= headline && attributions[i].SourceId is { } headlineSource && bodySources.Contains(headlineSource))
                {
                    continue;
                }

                // the content of the chain: the head's own, else the first hop down the chain that has one; an attribution
                // inside the block another attribution introduces ("X has stated the following: ...") is relayed by it
                var chain = ArticleRelays.Chain(attributions, i);
                var content = chain.Select(k => attributions[k].Content).FirstOrDefault(c => c is { Length: > 0 }) ?? Sentence(document.Text, attributions[i].Cue);
                if (Enclosing(attributions, i) is { } block && !chain.Contains(block))
                {
                    chain.Insert(0, block);
                }

                chain = WithoutRepeats(attributions, chain);
                if (content is not { } c || ClaimText(c.Text).Length == 0)
                {
                    continue;
                }

                var claimId = Unique(claimIds, "c-" + Truncate(SourceResolver.Slug(ClaimText(c.Text)), 48));
                inferred.Claims[(index, i)] = claimId;
                claims.Append("  # proposed claim, confidence ").Append(Format(attributions[i].Confidence)).Append(": review its text\n");
                claims.Append("  - id: ").Append(claimId).Append('\n');
                claims.Append("    text: ").Append(Quote(ClaimText(c.Text))).Append('\n');
                assertions.Append("      # proposed assertion, confidence ").Append(Format(attributions[i].Confidence)).Append('\n');
                assertions.Append("      - claim: ").Append(claimId).Append('\n');
                assertions.Append("        wording: ").Append(Quote(c.Text)).Append('\n');
                var indent = "        ";
                var opened = false;
                for (var n = 0; n < chain.Count; n++)
                {
                    var a = attributions[chain[n]];
                    if (a.SourceId is null)
                    {
                        assertions.Append(indent).Append("# source not resolved: ").Append(Comment(a.Source?.Text ?? "(none)")).Append(", cue ").Append(Comment(a.Cue.Text)).Append('\n');
                        break;
                    }

                    UseSource(a.SourceId, a.Source?.Text, a.Confidence, publisher: false);
                    assertions.Append(indent).Append("via:\n");
                    assertions.Append(indent).Append("  # proposed hop, confidence ").Append(Format(a.Confidence)).Append(": cue ").Append(Comment(a.Cue.Text)).Append('\n');
                    assertions.Append(indent).Append("  - source: ").Append(a.SourceId).Append('\n');
                    assertions.Append(indent).Append("    kind: ").Append(Kind(a)).Append('\n');
                    assertions.Append(indent).Append("    evidence: ").Append(Quote(Evidence(document.Text, a))).Append('\n');
                    if (HedgeName(a.Hedge) is { } hedge)
                    {
                        assertions.Append(indent).Append("    hedge: ").Append(hedge).Append('\n');
                    }

                    var last = n == chain.Count - 1 || attributions[chain[n + 1]].SourceId is null;
                    if (last && FirstHandReason(document.Text, a, sources[a.SourceId].Source.Kind) is { } reason)
                    {
                        assertions.Append(indent).Append("    # first-hand: ").Append(reason).Append('\n');
                        assertions.Append(indent).Append("    first-hand: true\n");
                        indent += "    ";
                        opened = true;
                        break;
                    }

                    indent += "    ";
                    opened = true;
                }

                var hops = inferred.At(index, i);
                if (!opened && hops.Count > 0)
                {
                    assertions.Append("        via:\n");
                }

                foreach (var hop in hops)
                {
                    inferred.Write(assertions, hop, UseSource);
                }

                if (!opened && hops.Count == 0)
                {
                    assertions.Append("        mode: unattributed\n");
                }
            }

            inferred.Assertions[index].Append(assertions);
        }

        inferred.Rest(claims, claimIds, UseSource);
        for (var index = 0; index < articles.Count; index++)
        {
            reports.Append(inferred.Reports[index]);
            foreach (var comment in inferred.Comments[index])
            {
                reports.Append("    # ").Append(Comment(comment)).Append('\n');
            }

            if (inferred.Assertions[index].Length > 0)
            {
                reports.Append("    assertions:\n").Append(inferred.Assertions[index]);
            }
        }

        var yaml = new StringBuilder();
        yaml.Append("# Draft provenance graph written by 'provenance extract'. Every element below is a proposal: review each\n");
        yaml.Append("# source, claim, assertion and hop (its confidence is in the comment above it), merge duplicate claims,\n");
        yaml.Append("# and mark first-hand statements with 'first-hand: true'.\n\n");
        yaml.Append("sources:\n");
        foreach (var (id, (source, comment)) in sources)
        {
            yaml.Append("  # ").Append(Comment(comment)).Append('\n');
            yaml.Append("  - id: ").Append(id).Append('\n');
            yaml.Append("    name: ").Append(Quote(source.Name)).Append('\n');
            yaml.Append("    kind: ").Append(KindName(source.Kind)).Append('\n');
            if (source.Aliases.Length > 0)
            {
                yaml.Append("    aliases: [").AppendJoin(", ", source.Aliases.Select(Quote)).Append("]\n");
            }

            if (source.Country is { } country)
            {
                yaml.Append("    country: ").Append(Quote(country)).Append('\n');
            }
        }

        yaml.Append("\nclaims:").Append(claims.Length == 0 ? " []\n" : "\n").Append(claims);
        yaml.Append("\nreports:").Append(reports.Length == 0 ? " []\n" : "\n").Append(reports);
        return inferred.Resolve(yaml.ToString());
    }

    /// <summary>
    /// The attribution whose content holds <paramref name="i"/>'s cue: the smallest such content among the attributions
    /// just before it (the list is in text order), or null. An attribution never encloses one it already cites.
    /// </summary>
    private static int? Enclosing(ImmutableArray<Attribution> attributions, int i)
    {
        var cue = attributions[i].Cue;
        int? best = null;
        var bestLength = int.MaxValue;
        for (var j = i - 1; j >= 0 && j >= i - 64; j--)
        {
            if (attributions[j] is { Content: { } c, SourceId: not null } h && c.Start <= cue.Start && cue.End <= c.End && c.Length < bestLength
                && (h.Source is not { } s || s.End <= c.Start || s.Start >= c.End) && h.Cue.End <= c.Start)
            {
                best = j;
                bestLength = c.Length;
            }
        }

        return best;
    }

    /// <summary>The chain with a hop dropped where it repeats the source of the hop before it ("TASS, citing the ministry: ... the ministry announced").</summary>
    private static List<int> WithoutRepeats(ImmutableArray<Attribution> attributions, List<int> chain)
    {
        var result = new List<int>(chain.Count);
        foreach (var k in chain)
        {
            if (result.Count > 0 && attributions[k].SourceId is { } id && attributions[result[^1]].SourceId == id)
            {
                continue;
            }

            result.Add(k);
        }

        return result;
    }

    /// <summary>The end of the headline: the first non-empty line of the text.</summary>
    private static int HeadlineEnd(string text)
    {
        var start = 0;
        while (start < text.Length && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        var end = text.IndexOf('\n', start);
        return end < 0 ? text.Length : end;
    }

    /// <summary>
    /// Why the last hop of a chain is first-hand, or null: the text says the source spoke in person ("told
    /// reporters", "in a statement", "statement from", "in an interview", "at a press conference"), or the source is a
    /// government body, military unit or person making its own statement. News agencies, outlets, broadcasters,
    /// social media and unnamed sources relay; they are never marked first-hand, nor a hop the text only hedges.
    /// </summary>
    private static string? FirstHandReason(string text, Attribution a, SourceKind kind)
    {
        if (kind is SourceKind.Anonymous or SourceKind.NewsAgency or SourceKind.Outlet or SourceKind.Broadcaster or SourceKind.SocialMedia)
        {
            return null;
        }

        var cue = a.Cue.Text.ToLowerInvariant();
        if (cue is "reportedly" or "allegedly" or "purportedly" or "apparently" || cue.StartsWith("is said", StringComparison.Ordinal) || cue.StartsWith("is reported", StringComparison.Ordinal))
        {
            return null;
        }

        var from = Math.Max(0, Math.Min(a.Cue.Start, a.Source?.Start ?? a.Cue.Start));
        var to = Math.Min(text.Length, Math.Max(a.Cue.End, a.Source?.End ?? a.Cue.End) + 40);
        var around = text[from..to].ToLowerInvariant();
        foreach (var marker in FirstHandMarkers)
        {
            var at = around.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && (at + marker.Length >= around.Length || !char.IsLetter(around[at + marker.Length])))
            {
                return "the text says the source spoke in person (\"" + marker + "\")";
            }
        }

        return kind switch
        {
            SourceKind.Government => "a government body's own statement",
            SourceKind.MilitaryUnit => "a military unit's own statement",
            SourceKind.Person => "the person's own words",
            _ => null,
        };
    }

    private static readonly string[] FirstHandMarkers =
    [
        "told", "in a statement", "statement from", "statement by", "message from", "in an interview", "at a press conference",
        "at a news conference", "at a briefing", "in a press release", "said in a post", "wrote in a post",
    ];

    private static string Kind(Attribution a)
    {
        var cue = a.Cue.Text.ToLowerInvariant();
        if (cue.StartsWith("according", StringComparison.Ordinal))
        {
            return "according-to";
        }

        if (cue.StartsWith("cit", StringComparison.Ordinal))
        {
            return "citing";
        }

        if (cue.StartsWith("confirm", StringComparison.Ordinal))
        {
            return "confirms";
        }

        return a.Content is { Text.Length: > 0 } c && c.Text[0] is '“' or '"' or '«' ? "direct-quote" : "paraphrase";
    }

    private static string? HedgeName(string? hedge) => hedge switch
    {
        "unconfirmed" => "unconfirmed",
        "alleged" => "alleged",
        "purported" or "appears to" or "apparently" => "purported",
        "reportedly" => "reportedly",
        _ => null,
    };

    private static string KindName(SourceKind kind) => kind switch
    {
        SourceKind.NewsAgency => "news-agency",
        SourceKind.Outlet => "outlet",
        SourceKind.Broadcaster => "broadcaster",
        SourceKind.Government => "government",
        SourceKind.MilitaryUnit => "military-unit",
        SourceKind.Person => "person",
        SourceKind.SocialMedia => "social-media",
        SourceKind.Anonymous => "anonymous",
        _ => "other",
    };

    // The verbatim excerpt that shows the hop: from the first to the last of its source and cue spans.
    private static string Evidence(string text, Attribution a)
    {
        var start = Math.Min(a.Cue.Start, a.Source?.Start ?? a.Cue.Start);
        var end = Math.Max(a.Cue.End, a.Source?.End ?? a.Cue.End);
        return text[start..end];
    }

    // The sentence that holds a span, verbatim: from the last line break or sentence end before it to the next after it.
    private static TextSpan? Sentence(string text, TextSpan span)
    {
        var start = span.Start;
        while (start > 0 && span.Start - start < 400 && text[start - 1] != '\n' && !(text[start - 1] == ' ' && start >= 2 && text[start - 2] is '.' or '!' or '?'))
        {
            start--;
        }

        var end = span.End;
        while (end < text.Length && end - span.End < 400 && text[end] != '\n' && !(text[end] is '.' or '!' or '?'))
        {
            end++;
        }

        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return end > start ? TextSpan.Of(text, start, end) : null;
    }

    private static string ClaimText(string content)
    {
        var t = string.Join(' ', content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return t.Trim('“', '”', '"', '«', '»', ' ', ',', ':');
    }

    private static string FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length > 0)
            {
                return Truncate(t, 300);
            }
        }

        return "";
    }

    private static string Unique(HashSet<string> used, string id)
    {
        var candidate = id;
        for (var n = 2; !used.Add(candidate); n++)
        {
            candidate = id + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max].TrimEnd('-');

    private static string Format(double confidence) => confidence.ToString("F2", CultureInfo.InvariantCulture);

    private static string Comment(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            sb.Append(char.IsControl(ch) || ch is '\u2028' or '\u2029' or '\u0085' ? ' ' : ch);
        }

        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar holding <paramref name="text"/> exactly.</summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\u0085': sb.Append("\\N"); break;
                case '\u2028': sb.Append("\\L"); break;
                case '\u2029': sb.Append("\\P"); break;
                default:
                    if (ch < 0x20 || ch is >= '\u007F' and <= '\u009F' || ch == '\uFEFF')
                    {
                        sb.Append("\\u").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(ch);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
