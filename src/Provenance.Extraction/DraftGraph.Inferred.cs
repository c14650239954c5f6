using System.Globalization;
using System.Text;

namespace Provenance.Extraction;

public static partial class DraftGraph
{
    /// <summary>The hidden relays of a draft, turned into hops of kind <c>inferred</c> as the reports are written.</summary>
    private sealed class InferredHops
    {
        private readonly IReadOnlyList<(DraftArticle Article, ExtractedDocument Document)> articles;
        private readonly List<(ArticleRelay Relay, int Head)> pending = [];
        private readonly List<(int Article, string Claim, TextSpan Wording, int Relaying)> asserted = [];
        private readonly HashSet<(int Article, string Claim)> assertedKeys = [];

        public InferredHops(IReadOnlyList<(DraftArticle Article, ExtractedDocument Document)> articles, IReadOnlyList<ArticleRelay> relays)
        {
            this.articles = articles;
            Reports = [.. articles.Select(_ => new StringBuilder())];
            Assertions = [.. articles.Select(_ => new StringBuilder())];
            Comments = [.. articles.Select(_ => new List<string>())];
            ReportIds = new string[articles.Count];
            foreach (var relay in relays)
            {
                if (!relay.Directed)
                {
                    var line = ArticleRelays.Describe(relay, articles);
                    Comments[relay.Relaying].Add($"shared passage with {File(relay.Relayed)} ({line}): {Quote(relay.RelayingPassage.Text)}");
                    Comments[relay.Relayed].Add($"shared passage with {File(relay.Relaying)} ({line}): {Quote(relay.RelayedPassage.Text)}");
                    continue;
                }

                pending.Add((relay, ArticleRelays.HeadAt(articles[relay.Relaying].Document, relay.RelayingPassage)));
            }
        }

        /// <summary>Each article's report lines before its assertions.</summary>
        public List<StringBuilder> Reports { get; }

        /// <summary>Each article's assertion lines.</summary>
        public List<StringBuilder> Assertions { get; }

        /// <summary>Each article's report-level comments (undirected shared passages).</summary>
        public List<List<string>> Comments { get; }

        /// <summary>Each article's report id, once written.</summary>
        public string[] ReportIds { get; }

        /// <summary>The claim id proposed for each head attribution (article, attribution index).</summary>
        public Dictionary<(int Article, int Head), string> Claims { get; } = [];

        /// <summary>The hops to add to the assertion of head <paramref name="head"/> of article <paramref name="article"/>: one per target, the longest passage.</summary>
        public List<(ArticleRelay Relay, int More, string Claim)> At(int article, int head)
        {
            var claim = Claims[(article, head)];
            var hops = Take(r => r.Relay.Relaying == article && r.Head == head);
            return [.. hops.Select(h => (h.Relay, h.More, claim))];
        }

        /// <summary>Writes one inferred hop as an item of an assertion's top-level <c>via</c> list.</summary>
        public void Write(StringBuilder sb, (ArticleRelay Relay, int More, string Claim) hop, Action<string, string?, double, bool> useSource)
        {
            var relay = hop.Relay;
            var more = hop.More == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $", {hop.More} more shared passage{(hop.More == 1 ? "" : "s")}");
            sb.Append("          # inferred hop, not stated by the text: ").Append(Comment(ArticleRelays.Describe(relay, articles)))
                .Append(" (").Append(Comment(File(relay.Relayed))).Append(string.Create(CultureInfo.InvariantCulture, $", score {relay.Score}, similarity {relay.Similarity:F2}")).Append(more).Append(")\n");
            if (relay.WordsOf is { } source)
            {
                var name = articles[relay.Relayed].Document.Attributions.FirstOrDefault(a => a.SourceId == source)?.Source?.Text;
                useSource(source, name, 0.5, false);
                sb.Append("          - source: ").Append(source).Append('\n');
            }
            else
            {
                sb.Append("          - report: ").Append(Placeholder(relay.Relayed)).Append('\n');
                if (assertedKeys.Add((relay.Relayed, hop.Claim)))
                {
                    asserted.Add((relay.Relayed, hop.Claim, relay.RelayedPassage, relay.Relaying));
                }
            }

            sb.Append("            kind: inferred\n");
            sb.Append("            evidence: ").Append(Quote(relay.RelayingPassage.Text)).Append('\n');
        }

        /// <summary>
        /// The hops no written assertion took (the passage lies outside every attribution the draft kept): a claim proposed from
        /// the passage and an assertion of it per hop; then the assertions the cited reports need for the claims cited from them.
        /// </summary>
        public void Rest(StringBuilder claims, HashSet<string> claimIds, Action<string, string?, double, bool> useSource)
        {
            foreach (var (relay, more) in Take(_ => true))
            {
                var text = ClaimText(relay.RelayingPassage.Text);
                var claim = Unique(claimIds, "c-" + Truncate(SourceResolver.Slug(text), 48));
                claims.Append("  # proposed claim from a passage shared with ").Append(Comment(File(relay.Relayed))).Append(": review its text\n");
                claims.Append("  - id: ").Append(claim).Append('\n');
                claims.Append("    text: ").Append(Quote(text)).Append('\n');
                var sb = Assertions[relay.Relaying];
                sb.Append("      # proposed assertion: a passage this article shares with ").Append(Comment(File(relay.Relayed))).Append(", stated without that credit\n");
                sb.Append("      - claim: ").Append(claim).Append('\n');
                sb.Append("        wording: ").Append(Quote(relay.RelayingPassage.Text)).Append('\n');
                sb.Append("        via:\n");
                Write(sb, (relay, more, claim), useSource);
            }

            foreach (var (article, claim, wording, relaying) in asserted)
            {
                var sb = Assertions[article];
                sb.Append("      # proposed assertion: the passage ").Append(Comment(File(relaying))).Append(" reuses (inferred hop), stated here without attribution\n");
                sb.Append("      - claim: ").Append(claim).Append('\n');
                sb.Append("        wording: ").Append(Quote(wording.Text)).Append('\n');
                sb.Append("        mode: unattributed\n");
            }
        }

        /// <summary>The finished YAML with every report placeholder replaced by the report's id.</summary>
        public string Resolve(string yaml)
        {
            for (var i = 0; i < ReportIds.Length; i++)
            {
                yaml = yaml.Replace(Placeholder(i), ReportIds[i], StringComparison.Ordinal);
            }

            return yaml;
        }

        // A report id not yet written: control characters never survive Quote or Comment, so the token cannot occur otherwise.
        private static string Placeholder(int article) => string.Create(CultureInfo.InvariantCulture, $"\u0001{article}\u0001");

        /// <summary>Removes the pending hops that <paramref name="match"/> selects: one per relaying article, head and target, with the longest passage, and how many more it stands for.</summary>
        private List<(ArticleRelay Relay, int More)> Take(Func<(ArticleRelay Relay, int Head), bool> match)
        {
            var taken = pending.Where(match).ToList();
            pending.RemoveAll(p => match(p));
            return [.. taken
                .GroupBy(p => (p.Relay.Relaying, p.Head, Target: p.Relay.WordsOf ?? "\u0001" + p.Relay.Relayed.ToString(CultureInfo.InvariantCulture)))
                .Select(g => (Best: g.OrderByDescending(p => p.Relay.Score).ThenBy(p => p.Relay.RelayingPassage.Start).First(), Count: g.Count()))
                .OrderBy(g => g.Best.Relay.RelayingPassage.Start)
                .Select(g => (g.Best.Relay, g.Count - 1))];
        }

        private string File(int article) => Path.GetFileName(articles[article].Article.File);
    }
}
