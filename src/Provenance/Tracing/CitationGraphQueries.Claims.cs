using System.Collections.Immutable;

namespace Provenance;

public static partial class CitationGraphQueries
{
    /// <summary>
    /// The dead ends of claims' traces: the reports at which some chain ends because the report's assertion is unattributed, or
    /// because it is an implicit report of a source cited without more that has no first-hand statement of the claim.
    /// </summary>
    /// <remarks>Each report is listed once per claim, however many chains end at it. Chains cut by a trace's depth limit are not dead ends of the graph and are not listed.</remarks>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">When set, only this claim's dead ends; otherwise every claim's.</param>
    /// <param name="sourceId">When set, only dead ends at reports of this source.</param>
    /// <returns>The dead ends, by claim in graph order, then by report in graph order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>, or no source has the id <paramref name="sourceId"/>.</exception>
    public static ImmutableArray<DeadEnd> DeadEnds(this CitationGraph graph, string? claimId = null, string? sourceId = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var only = claimId is null ? -1 : ClaimIndex(graph, claimId);
        var source = sourceId is null ? -1 : SourceIndex(graph, sourceId);
        var result = ImmutableArray.CreateBuilder<DeadEnd>();
        for (var claim = only < 0 ? 0 : only; claim < (only < 0 ? graph.Claims.Length : only + 1); claim++)
        {
            var sub = ClaimSubgraph.Build(graph, claim);
            var found = new List<(int Report, DeadEndReason Reason)>();
            for (var u = 0; u < sub.Count; u++)
            {
                var report = sub.Report[u];
                if ((sub.Kind[u] == ClaimSubgraph.Unattributed || sub.Kind[u] == ClaimSubgraph.NoFirstHand)
                    && (source < 0 || graph.ReportSource[report] == source))
                {
                    found.Add((report, sub.Kind[u] == ClaimSubgraph.Unattributed ? DeadEndReason.UnattributedAssertion : DeadEndReason.NoFirstHandStatement));
                }
            }

            found.Sort((a, b) => a.Report.CompareTo(b.Report));
            foreach (var (report, reason) in found)
            {
                result.Add(new DeadEnd(graph.ClaimId(claim), graph.ReportId(report), graph.SourceId(graph.ReportSource[report]), reason));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The assertions whose mode is <see cref="AssertionMode.Unattributed"/>: claims stated without saying where they came from.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">When set, only assertions of this claim.</param>
    /// <param name="sourceId">When set, only assertions by reports of this source.</param>
    /// <returns>The assertions, in graph order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>, or no source has the id <paramref name="sourceId"/>.</exception>
    public static ImmutableArray<Assertion> UnattributedAssertions(this CitationGraph graph, string? claimId = null, string? sourceId = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var claim = claimId is null ? -1 : ClaimIndex(graph, claimId);
        var source = sourceId is null ? -1 : SourceIndex(graph, sourceId);
        var result = ImmutableArray.CreateBuilder<Assertion>();
        for (var i = 0; i < graph.Assertions.Length; i++)
        {
            if (graph.ModeOf(i) == AssertionMode.Unattributed
                && (claim < 0 || graph.AssertionClaim[i] == claim)
                && (source < 0 || graph.ReportSource[graph.AssertionReport[i]] == source))
            {
                result.Add(graph.Assertions[i]);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The drift of a claim's wording: for each citation of the claim where both the citing and the cited report's assertions
    /// carry a <see cref="Assertion.Wording"/>, the words the citing report added and the words it dropped.
    /// </summary>
    /// <remarks>
    /// Words are maximal runs of letters, digits and combining marks, compared in lower case (invariant culture), so case and
    /// punctuation do not count. The comparison is a multiset difference, not a sequence alignment: a word counts as added for
    /// each occurrence in the citing wording beyond its occurrences in the cited one (and conversely for removed), so reordered
    /// words are no change. It runs in time linear in the wordings' length.
    /// </remarks>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The pairs of wordings, unchanged ones included, by <see cref="WordingDrift.Changed"/> descending, then citation in graph order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public static ImmutableArray<WordingDrift> Drift(this CitationGraph graph, string claimId)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var claim = ClaimIndex(graph, claimId);
        var drifts = new List<(int Citation, WordingDrift Drift)>();
        for (var i = 0; i < graph.Citations.Length; i++)
        {
            if (graph.CitationClaim[i] != claim)
            {
                continue;
            }

            // Plain tests rather than patterns: a mutated condition must still compile, so that mutation testing covers this method.
            var from = graph.FindAssertion(graph.CitationFrom[i], claim);
            var to = graph.FindAssertion(graph.CitationTo[i], claim);
            if (from < 0 || to < 0)
            {
                continue;
            }

            var fromWording = graph.WordingOf(from);
            var toWording = graph.WordingOf(to);
            if (fromWording is null || toWording is null)
            {
                continue;
            }

            var fromWords = Words(fromWording);
            var toWords = Words(toWording);
            drifts.Add((i, new WordingDrift(graph.Citations[i], fromWording, toWording, Minus(fromWords, toWords), Minus(toWords, fromWords))));
        }

        return [.. drifts.OrderByDescending(d => d.Drift.Changed).ThenBy(d => d.Citation).Select(d => d.Drift)];
    }

    /// <summary>
    /// The citations of a report published later than the citing report. For an implicit citing report the time is that of the
    /// explicit report it is cited in; a citation is checked only when both times are known. A graph holds such citations only
    /// when built with <see cref="GraphBuildOptions.AllowTimelineErrors"/>.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The citations with their times, in graph order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<TimelineError> TimelineErrors(this CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = ImmutableArray.CreateBuilder<TimelineError>();
        for (var i = 0; i < graph.Citations.Length; i++)
        {
            var from = graph.CitationFrom[i];
            var fromTime = graph.Published(from) ?? (graph.CitedIn(from) is var root and >= 0 ? graph.Published(root) : null);
            if (fromTime is { } ft && graph.Published(graph.CitationTo[i]) is { } tt && tt > ft)
            {
                result.Add(new TimelineError(graph.Citations[i], ft, tt));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Summarises the graph by source: for each (citing source, cited source) pair, how many citations and how many of them are
    /// hedged or unattributed (as <see cref="SourcePairSummary"/> defines them); and every source ranked by how often other sources
    /// relay it.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <returns>The pairs and the ranking.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> is <see langword="null"/>.</exception>
    public static SourceSummaryResult SourceSummary(this CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);

        // (source, claim) pairs with a first-hand assertion: an Unknown assertion of such a pair is not a dead end.
        var firstHand = new HashSet<(int, int)>();
        for (var i = 0; i < graph.Assertions.Length; i++)
        {
            if (graph.ModeOf(i) == AssertionMode.FirstHand)
            {
                firstHand.Add((graph.ReportSource[graph.AssertionReport[i]], graph.AssertionClaim[i]));
            }
        }

        var pairs = new Dictionary<(int From, int To), (int Citations, int Hedged, int Unattributed)>();
        var relayed = new int[graph.Sources.Length];
        var relayers = new HashSet<(int, int)>();
        for (var i = 0; i < graph.Citations.Length; i++)
        {
            int from = graph.ReportSource[graph.CitationFrom[i]], to = graph.ReportSource[graph.CitationTo[i]], claim = graph.CitationClaim[i];
            var assertion = graph.FindAssertion(graph.CitationTo[i], claim);
            var mode = assertion < 0 ? AssertionMode.Unattributed : graph.ModeOf(assertion);
            var unattributed = mode == AssertionMode.Unattributed || (mode == AssertionMode.Unknown && !firstHand.Contains((to, claim)));
            var (c, h, u) = pairs.GetValueOrDefault((from, to));
            pairs[(from, to)] = (c + 1, h + (graph.HedgeOf(i) == Hedge.None ? 0 : 1), u + (unattributed ? 1 : 0));
            if (from != to)
            {
                relayed[to]++;
                relayers.Add((to, from));
            }
        }

        var relayerCount = new int[graph.Sources.Length];
        foreach (var (to, _) in relayers)
        {
            relayerCount[to]++;
        }

        var unattributedBySource = new int[graph.Sources.Length];
        for (var i = 0; i < graph.Assertions.Length; i++)
        {
            if (graph.ModeOf(i) == AssertionMode.Unattributed)
            {
                unattributedBySource[graph.ReportSource[graph.AssertionReport[i]]]++;
            }
        }

        return new SourceSummaryResult(
            [.. pairs
                .OrderByDescending(p => p.Value.Citations)
                .ThenBy(p => p.Key.From)
                .ThenBy(p => p.Key.To)
                .Select(p => new SourcePairSummary(graph.SourceId(p.Key.From), graph.SourceId(p.Key.To), p.Value.Citations, p.Value.Hedged, p.Value.Unattributed))],
            [.. Enumerable.Range(0, graph.Sources.Length)
                .OrderByDescending(s => relayed[s])
                .ThenByDescending(s => relayerCount[s])
                .ThenBy(s => s)
                .Select(s => new SourceRelaySummary(graph.SourceId(s), relayed[s], relayerCount[s], unattributedBySource[s]))]);
    }

    internal static int SourceIndex(CitationGraph graph, string sourceId)
    {
        ArgumentNullException.ThrowIfNull(sourceId);
        return graph.TryGetSourceIndex(sourceId, out var source) ? source : throw new KeyNotFoundException($"No source has the id '{sourceId}'.");
    }

    /// <summary>The folded words of a wording: runs of letters, digits and combining marks, lower-cased.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    /// <summary>The words of <paramref name="a"/> left over once each word of <paramref name="b"/> has cancelled one equal word, in the order of <paramref name="a"/>.</summary>
    private static ImmutableArray<string> Minus(List<string> a, List<string> b)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var w in b)
        {
            counts[w] = counts.GetValueOrDefault(w) + 1;
        }

        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var w in a)
        {
            if (counts.GetValueOrDefault(w) is var n && n > 0)
            {
                counts[w] = n - 1;
            }
            else
            {
                result.Add(w);
            }
        }

        return result.ToImmutable();
    }
}
