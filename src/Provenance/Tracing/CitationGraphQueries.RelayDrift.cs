using System.Collections.Immutable;

namespace Provenance;

public static partial class CitationGraphQueries
{
    /// <summary>The default cap of <see cref="RelayDrift"/>: the most pairs of relays it compares for one claim.</summary>
    public const int DefaultMaxRelayPairs = 1_000;

    /// <summary>
    /// The drift between relays of one source: for each pair of reports of the same source that assert the claim with different
    /// wordings, the words one has that the other lacks. The reports are usually implicit reports of a source cited on different
    /// chains ("the ministry said ..." in two articles), which <see cref="Drift"/> cannot compare because no citation joins them;
    /// explicit reports of the source (its own statement, when the graph holds it) are compared too.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Only assertions that carry a <see cref="Assertion.Wording"/> take part. Two wordings differ when they are not equal
    /// ordinal strings; pairs with equal wordings are not listed. Words are compared as in <see cref="Drift"/> (folded words,
    /// multiset difference), so a pair that differs only in case, punctuation or word order is listed with no word changed.
    /// </para>
    /// <para>
    /// Each pair is oriented by graph order: <see cref="RelayWordingDrift.First"/> is the report added first, and
    /// <see cref="RelayWordingDrift.Added"/> holds the words of the second wording not matched in the first.
    /// </para>
    /// <para>
    /// The work is bounded: the relays are grouped by wording once (linear in the assertions of the claim), and at most
    /// <paramref name="maxPairs"/> pairs are compared, in this order: by source in graph order, then by pair of distinct wordings
    /// in the order each wording first appears, then by the reports' graph order. The pairs left out are counted exactly
    /// (without comparing them) in <see cref="RelayDriftResult.OmittedPairs"/>.
    /// </para>
    /// </remarks>
    /// <param name="graph">The graph.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="maxPairs">The most pairs compared and returned; the rest are counted. Default: <see cref="DefaultMaxRelayPairs"/>.</param>
    /// <returns>
    /// The pairs, by <see cref="RelayWordingDrift.Changed"/> descending, then source in graph order, then first and second report in
    /// graph order; and how many pairs the cap left out.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="claimId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPairs"/> is negative.</exception>
    /// <exception cref="KeyNotFoundException">No claim has the id <paramref name="claimId"/>.</exception>
    public static RelayDriftResult RelayDrift(this CitationGraph graph, string claimId, int maxPairs = DefaultMaxRelayPairs)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPairs);
        var claim = ClaimIndex(graph, claimId);

        // The worded assertions of the claim, as (source, report, assertion), in source then report order.
        var relays = new List<(int Source, int Report, int Assertion)>();
        for (var i = graph.ClaimAssertionStart[claim]; i < graph.ClaimAssertionStart[claim + 1]; i++)
        {
            var assertion = graph.ClaimAssertions[i];
            if (graph.WordingOf(assertion) is not null)
            {
                var report = graph.AssertionReport[assertion];
                relays.Add((graph.ReportSource[report], report, assertion));
            }
        }

        relays.Sort((a, b) => a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Report.CompareTo(b.Report));

        var found = new List<(int Source, int First, int Second, RelayWordingDrift Drift)>();
        long omitted = 0;
        for (var start = 0; start < relays.Count;)
        {
            var end = start;
            while (end < relays.Count && relays[end].Source == relays[start].Source)
            {
                end++;
            }

            // Group this source's relays by wording, groups in order of first appearance, members in report order.
            var groups = new List<(string Wording, List<int> Reports)>();
            var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = start; i < end; i++)
            {
                var wording = graph.WordingOf(relays[i].Assertion)!;
                if (!groupOf.TryGetValue(wording, out var g))
                {
                    groupOf[wording] = g = groups.Count;
                    groups.Add((wording, []));
                }

                groups[g].Reports.Add(relays[i].Report);
            }

            // Pairs with different wordings: all pairs minus the pairs inside a group.
            long n = end - start, same = 0;
            foreach (var (_, reports) in groups)
            {
                same += (long)reports.Count * reports.Count;
            }

            var total = ((n * n) - same) / 2;
            var compared = 0L;
            var words = new List<string>?[groups.Count];
            for (var a = 0; a < groups.Count && found.Count < maxPairs; a++)
            {
                for (var b = a + 1; b < groups.Count && found.Count < maxPairs; b++)
                {
                    var wordsA = words[a] ??= Words(groups[a].Wording);
                    var wordsB = words[b] ??= Words(groups[b].Wording);
                    ImmutableArray<string>? aMinusB = null, bMinusA = null;
                    foreach (var x in groups[a].Reports)
                    {
                        if (found.Count >= maxPairs)
                        {
                            break;
                        }

                        foreach (var y in groups[b].Reports)
                        {
                            if (found.Count >= maxPairs)
                            {
                                break;
                            }

                            aMinusB ??= Minus(wordsA, wordsB);
                            bMinusA ??= Minus(wordsB, wordsA);
                            var (first, second, firstGroup, secondGroup) = x < y ? (x, y, a, b) : (y, x, b, a);
                            var (added, removed) = x < y ? (bMinusA.Value, aMinusB.Value) : (aMinusB.Value, bMinusA.Value);
                            found.Add((relays[start].Source, first, second, new RelayWordingDrift(
                                graph.ClaimId(claim),
                                graph.SourceId(relays[start].Source),
                                graph.ReportId(first),
                                groups[firstGroup].Wording,
                                graph.ReportId(second),
                                groups[secondGroup].Wording,
                                added,
                                removed)));
                            compared++;
                        }
                    }
                }
            }

            omitted += total - compared;
            start = end;
        }

        return new RelayDriftResult(
            graph.ClaimId(claim),
            [.. found
                .OrderByDescending(p => p.Drift.Changed)
                .ThenBy(p => p.Source)
                .ThenBy(p => p.First)
                .ThenBy(p => p.Second)
                .Select(p => p.Drift)],
            omitted);
    }
}
