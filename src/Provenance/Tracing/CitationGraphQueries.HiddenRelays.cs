using System.Collections.Immutable;
using Provenance.Reuse;

namespace Provenance;

public static partial class CitationGraphQueries
{
    /// <summary>The default <c>minSimilarity</c> of <see cref="HiddenRelays"/>: 70% of the shorter wording shared.</summary>
    public const double DefaultHiddenRelaySimilarity = 0.7;

    /// <summary>The default cap of <see cref="HiddenRelays"/>: the most findings returned.</summary>
    public const int DefaultMaxHiddenRelays = 1_000;

    /// <summary>
    /// Hidden relays: pairs of wordings (assertion wordings and citation evidences) in different reports that are near-identical,
    /// where the report that reuses the words does not cite the other report, its source or the source whose words they are along
    /// any chain for the claim. The text then credits someone else (or no one) for words that match another source's copy.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Wordings are compared with <see cref="TextReuse"/> (folded 12-character shingles, winnowed and indexed, so the work is
    /// near-linear in the total length of the wordings, never every pair). Wordings inside one explicit report (its own and those
    /// of the sources relayed in it) are not compared with each other. A pair counts when it shares a passage of at least 30
    /// folded characters (about five words: longer than a source's name, so two texts that merely name "the Russian Defence
    /// Ministry" do not match) and the shared passages cover at least <paramref name="minSimilarity"/> of the shorter wording.
    /// </para>
    /// <para>
    /// "B reuses A's words" is hidden when B's chains for the claim (of either wording) reach neither A's report, nor A's source,
    /// nor a source the words belong to (the speaker's; for the evidence of a direct quotation, the quoted source's too), B's
    /// source is not one of those, and, when B's words are themselves a source S's as relayed, A's chains do not relay S too. A
    /// pair is a finding when this holds both ways, so a citation either way, two reports of one source, or two reports that
    /// both relay the same source's quotation explain the likeness and give no finding. Dated reports are ordered by their
    /// instants (the later one reuses: <see cref="HiddenRelay.Directed"/>); undated pairs are reported without a direction, the
    /// side whose wording is its own shown as <see cref="HiddenRelay.Relaying"/> when the other side relays a named source.
    /// </para>
    /// </remarks>
    /// <param name="graph">The graph.</param>
    /// <param name="minSimilarity">The least share (0 to 1) of the shorter wording the shared passages must cover. Default <see cref="DefaultHiddenRelaySimilarity"/>.</param>
    /// <param name="maxRelays">The most findings returned (the strongest); the rest are counted. Default <see cref="DefaultMaxHiddenRelays"/>.</param>
    /// <returns>The findings and how many the cap left out.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="minSimilarity"/> is outside 0 to 1, or <paramref name="maxRelays"/> is negative.</exception>
    public static HiddenRelaysResult HiddenRelays(this CitationGraph graph, double minSimilarity = DefaultHiddenRelaySimilarity, int maxRelays = DefaultMaxHiddenRelays)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (double.IsNaN(minSimilarity) || minSimilarity < 0 || minSimilarity > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(minSimilarity), minSimilarity, "The similarity must be between 0 and 1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxRelays);
        return new HiddenRelayFinder(graph).Find(minSimilarity, maxRelays);
    }

    private sealed class HiddenRelayFinder(CitationGraph graph)
    {
        private readonly Dictionary<(int Report, int Claim), (HashSet<int> Reports, HashSet<int> Sources)> reach = [];
        private readonly FoldedText folder = new();
        private int[] roots = [];
        private string[] names = [];
        private List<List<int>> claimsOf = [];

        public HiddenRelaysResult Find(double minSimilarity, int maxRelays)
        {
            roots = Roots();
            names = FoldedNames();

            // Each distinct text of a report once (the same evidence often backs several claims), with every claim it is about.
            var passages = new List<(int Speaker, int Claim, PassageKind Kind, int Item)>();
            var claimsOf = new List<List<int>>();
            var texts = new List<string?>();
            var groups = new List<int>();
            var seen = new Dictionary<(int Speaker, PassageKind Kind, string Text), int>();
            void Add(int speaker, int claim, PassageKind kind, int item, string text)
            {
                if (seen.TryGetValue((speaker, kind, text), out var known))
                {
                    if (!claimsOf[known].Contains(claim))
                    {
                        claimsOf[known].Add(claim);
                    }

                    return;
                }

                seen[(speaker, kind, text)] = passages.Count;
                passages.Add((speaker, claim, kind, item));
                claimsOf.Add([claim]);
                texts.Add(text);
                groups.Add(roots[speaker]);
            }

            for (var a = 0; a < graph.Assertions.Length; a++)
            {
                if (graph.Assertions[a].Wording is { Length: > 0 } wording)
                {
                    Add(graph.AssertionReport[a], graph.AssertionClaim[a], PassageKind.Wording, a, wording);
                }
            }

            for (var c = 0; c < graph.Citations.Length; c++)
            {
                if (graph.Citations[c].Evidence is { Length: > 0 } evidence)
                {
                    Add(graph.CitationFrom[c], graph.CitationClaim[c], PassageKind.Evidence, c, evidence);
                }
            }

            this.claimsOf = claimsOf;
            var options = TextReuseOptions.Default with { MinSimilarity = minSimilarity };
            var found = new List<(HiddenRelay Relay, int Relaying, int Relayed, int Claim)>();
            foreach (var match in TextReuse.FindMatches(texts, options, groups))
            {
                // A passage that is only a source's name (or a name and a few words) is not copy.
                var kept = match.Passages.Where(s => !IsName(s.First.Of(texts[match.First]!))).ToArray();
                var shared = kept.Sum(s => Folded(s.First.Of(texts[match.First]!)).Length);
                if (kept.Length == 0 || shared < options.MinPassageLength)
                {
                    continue;
                }

                var secondShared = kept.Sum(s => Folded(s.Second.Of(texts[match.Second]!)).Length);
                var similarity = Math.Min(1.0, Math.Max(
                    (double)shared / Folded(texts[match.First]!).Length,
                    (double)secondShared / Folded(texts[match.Second]!).Length));
                if (similarity < minSimilarity)
                {
                    continue;
                }

                var p = passages[match.First];
                var q = passages[match.Second];
                var firstSpans = kept.Select(s => s.First).ToArray();
                var secondSpans = kept.Select(s => s.Second).ToArray();

                // Does q's report reuse p's words (hidden), does p's reuse q's?
                var qReusesP = Hidden(q, match.Second, p, match.First);
                var pReusesQ = Hidden(p, match.First, q, match.Second);
                if (!qReusesP || !pReusesQ)
                {
                    // Either report credits the other (or a source whose words they are): the likeness is explained.
                    continue;
                }

                var pDate = graph.Reports[roots[p.Speaker]].Published;
                var qDate = graph.Reports[roots[q.Speaker]].Published;
                var dated = pDate is { } pd && qDate is { } qd && pd.UtcDateTime != qd.UtcDateTime;
                bool qRelays;
                var directed = dated;
                if (dated)
                {
                    qRelays = qDate!.Value.UtcDateTime > pDate!.Value.UtcDateTime;
                }
                else
                {
                    // Undated: the own wording is shown as reusing the relayed one when exactly one side relays a named source.
                    var pRelayed = p.Speaker != roots[p.Speaker];
                    var qRelayed = q.Speaker != roots[q.Speaker];
                    qRelays = pRelayed || !qRelayed;
                }

                var (relaying, relayingSpans, relayingText) = qRelays ? (q, secondSpans, texts[match.Second]!) : (p, firstSpans, texts[match.First]!);
                var (relayed, relayedSpans, relayedText) = qRelays ? (p, firstSpans, texts[match.First]!) : (q, secondSpans, texts[match.Second]!);
                var relayingSide = Side(relaying, relayingText, relayingSpans);
                var relayedSide = Side(relayed, relayedText, relayedSpans);
                var score = similarity * shared / (shared + 30.0);
                var relay = new HiddenRelay(relayingSide, relayedSide, directed, Math.Round(similarity, 6), shared, Math.Round(score, 6), Suggest(relayingSide, relayedSide, directed));
                found.Add((relay, roots[relaying.Speaker], roots[relayed.Speaker], relaying.Claim));
            }

            // The same shared passage found in a report's wording and in its evidence is one finding: the wording's is kept.
            var distinct = found
                .OrderBy(f => f.Relay.Relaying.Kind)
                .GroupBy(f => (f.Relaying, f.Relay.Relayed.Speaker, f.Relay.Relayed.Kind, f.Relay.Relayed.Text, string.Join('\n', f.Relay.Relayed.Passages)))
                .Select(g => g.First());
            var ordered = distinct
                .OrderByDescending(f => f.Relay.Score)
                .ThenBy(f => f.Relaying)
                .ThenBy(f => f.Relayed)
                .ThenBy(f => f.Claim)
                .ThenBy(f => f.Relay.Relaying.Speaker, StringComparer.Ordinal)
                .ThenBy(f => f.Relay.Relayed.Speaker, StringComparer.Ordinal)
                .ThenBy(f => f.Relay.Relaying.Text, StringComparer.Ordinal)
                .ThenBy(f => f.Relay.Relayed.Text, StringComparer.Ordinal)
                .Select(f => f.Relay)
                .ToList();
            var listed = ordered.Take(maxRelays).ToImmutableArray();
            return new HiddenRelaysResult(listed, ordered.Count - listed.Length);
        }

        /// <summary>
        /// Whether <paramref name="reuser"/>'s report reuses <paramref name="original"/>'s words without crediting them: its chains
        /// for either claim reach neither the original's report, nor its source, nor a source the words belong to.
        /// </summary>
        private bool Hidden((int Speaker, int Claim, PassageKind Kind, int Item) reuser, int reuserIndex, (int Speaker, int Claim, PassageKind Kind, int Item) original, int originalIndex)
        {
            var host = roots[reuser.Speaker];
            var originalHost = roots[original.Speaker];
            var hostSource = graph.ReportSource[host];
            var originalSource = graph.ReportSource[originalHost];

            // Whose words they are: the speaker's; and, for the evidence of a direct quotation, the quoted source's.
            var owners = new List<int> { graph.ReportSource[original.Speaker] };
            if (original.Kind == PassageKind.Evidence && graph.Citations[original.Item].Kind == CitationKind.DirectQuote)
            {
                owners.Add(graph.ReportSource[graph.CitationTo[original.Item]]);
            }

            if (hostSource == originalSource || owners.Contains(hostSource))
            {
                return false;
            }

            // The reuser's words are a source's as relayed (a quotation or paraphrase of S), and the other text relays S for the
            // claim too: both relay a common source, which explains the likeness.
            var reuserSpeakerSource = graph.ReportSource[reuser.Speaker];
            var reuserRelays = reuser.Speaker != host;
            foreach (var claim in claimsOf[reuserIndex].Concat(claimsOf[originalIndex]).Distinct())
            {
                var (reports, sources) = Reach(host, claim);
                if (reports.Contains(originalHost) || reports.Contains(original.Speaker) || sources.Contains(originalSource) || owners.Any(sources.Contains))
                {
                    return false;
                }

                if (reuserRelays && (Reach(originalHost, claim).Sources.Contains(reuserSpeakerSource) || owners.Contains(reuserSpeakerSource)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether <paramref name="passage"/> is a source's name or alias, or leaves fewer than 24 letters and digits once the names in it are taken out.</summary>
        private bool IsName(string passage)
        {
            var folded = Folded(passage);
            foreach (var name in names)
            {
                if (name.Contains(folded, StringComparison.Ordinal))
                {
                    return true;
                }

                if (name.Length >= 8)
                {
                    folded = folded.Replace(name, " ", StringComparison.Ordinal);
                }
            }

            return folded.Replace(" ", "", StringComparison.Ordinal).Length < 24;
        }

        private string[] FoldedNames() =>
        [
            .. graph.Sources
                .SelectMany(s => s.Aliases.Prepend(s.Name))
                .Select(Folded)
                .Where(n => n.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(n => n.Length)
                .ThenBy(n => n, StringComparer.Ordinal),
        ];

        private string Folded(string text)
        {
            folder.Fold(text);
            return folder.Chars.ToString();
        }

        /// <summary>The reports (and their sources) reachable from <paramref name="report"/> along citations of <paramref name="claim"/>.</summary>
        private (HashSet<int> Reports, HashSet<int> Sources) Reach(int report, int claim)
        {
            if (reach.TryGetValue((report, claim), out var known))
            {
                return known;
            }

            var reports = new HashSet<int>();
            var sources = new HashSet<int>();
            var stack = new Stack<int>();
            stack.Push(report);
            while (stack.Count > 0)
            {
                var r = stack.Pop();
                for (var i = graph.OutStart[r]; i < graph.OutStart[r + 1]; i++)
                {
                    var c = graph.OutCitations[i];
                    if (graph.CitationClaim[c] == claim && reports.Add(graph.CitationTo[c]))
                    {
                        sources.Add(graph.ReportSource[graph.CitationTo[c]]);
                        stack.Push(graph.CitationTo[c]);
                    }
                }
            }

            reach[(report, claim)] = (reports, sources);
            return (reports, sources);
        }

        private RelayPassage Side((int Speaker, int Claim, PassageKind Kind, int Item) passage, string text, ReuseSpan[] spans)
        {
            var host = roots[passage.Speaker];
            ImmutableArray<string> credits;
            if (passage.Kind == PassageKind.Evidence)
            {
                credits = [graph.Sources[graph.ReportSource[graph.CitationTo[passage.Item]]].Id];
            }
            else
            {
                var cited = new SortedSet<int>();
                var r = passage.Speaker;
                for (var i = graph.OutStart[r]; i < graph.OutStart[r + 1]; i++)
                {
                    var c = graph.OutCitations[i];
                    if (graph.CitationClaim[c] == passage.Claim)
                    {
                        cited.Add(graph.ReportSource[graph.CitationTo[c]]);
                    }
                }

                credits = [.. cited.Select(s => graph.Sources[s].Id)];
            }

            return new RelayPassage(
                graph.Reports[host].Id,
                graph.Sources[graph.ReportSource[host]].Id,
                graph.Reports[passage.Speaker].Id,
                graph.Sources[graph.ReportSource[passage.Speaker]].Id,
                graph.Claims[passage.Claim].Id,
                passage.Kind,
                text,
                credits,
                [.. spans.Select(s => s.Of(text))]);
        }

        private static string Suggest(RelayPassage relaying, RelayPassage relayed, bool directed)
        {
            var credited = relaying.IsRelayed && relaying.Kind == PassageKind.Wording
                ? $"{relaying.Source} attributes it to {relaying.SpeakerSource}"
                : relaying.Credits.IsEmpty ? $"{relaying.Source} credits no one" : $"{relaying.Source} credits {string.Join(", ", relaying.Credits)}";
            var matched = relayed.IsRelayed && relayed.Kind == PassageKind.Wording
                ? $"{relayed.SpeakerSource} as relayed by {relayed.Source}"
                : relayed.Source;
            var text = $"{credited}; the wording matches {matched}";
            return directed ? text + ", published earlier" : text;
        }

        /// <summary>For every report, the explicit report whose text holds it (itself when explicit).</summary>
        private int[] Roots()
        {
            var n = graph.Reports.Length;
            var result = new int[n];
            Array.Fill(result, -1);
            var path = new List<int>();
            for (var i = 0; i < n; i++)
            {
                var r = i;
                path.Clear();
                while (result[r] < 0 && graph.Reports[r].CitedIn is { } parent && graph.TryGetReportIndex(parent, out var p) && path.Count <= n)
                {
                    path.Add(r);
                    r = p;
                }

                var root = result[r] >= 0 ? result[r] : r;
                result[r] = root;
                foreach (var on in path)
                {
                    result[on] = root;
                }
            }

            return result;
        }
    }
}
