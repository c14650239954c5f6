namespace Provenance.Tests.Properties;

/// <summary>
/// Primary sources and independent origins by brute force: every chain from every explicit report asserting the claim
/// is enumerated from <see cref="GraphSpec"/>'s raw citation list, by the trace rules written out directly. Shares no code
/// with the library.
/// </summary>
internal static class ChainOracle
{
    /// <summary>Each chain as (report path, end kind, source at the end).</summary>
    public static List<(List<int> Path, string End, int Source)> Chains(GraphSpec spec, int claim)
    {
        var chains = new List<(List<int>, string, int)>();
        for (var r = 0; r < spec.Reports.Count; r++)
        {
            if (!spec.Reports[r].Implicit && spec.Mode[r, claim] is not null)
            {
                Walk([r]);
            }
        }

        return chains;

        void Walk(List<int> path)
        {
            var at = path[^1];
            var source = spec.Reports[at].Source;
            switch (spec.Mode[at, claim])
            {
                case AssertionMode.FirstHand:
                    chains.Add((path, "primary", source));
                    break;
                case AssertionMode.Unattributed:
                    chains.Add((path, "dead-end", source));
                    break;
                case AssertionMode.Unknown:
                    // An unknown-mode report is its source's own statement only when that source says so first-hand somewhere.
                    var firstHand = Enumerable.Range(0, spec.Reports.Count).Any(q => spec.Reports[q].Source == source && spec.Mode[q, claim] == AssertionMode.FirstHand);
                    chains.Add((path, firstHand ? "primary" : "dead-end", source));
                    break;
                case AssertionMode.Attributed:
                    foreach (var (from, to, k) in spec.Citations)
                    {
                        if (from != at || k != claim)
                        {
                            continue;
                        }

                        if (path.Contains(to))
                        {
                            chains.Add(([.. path, to], "cycle", spec.Reports[to].Source));
                        }
                        else
                        {
                            Walk([.. path, to]);
                        }
                    }

                    break;
                default:
                    throw new InvalidOperationException($"chain reached {spec.Reports[at].Id}, which does not assert the claim");
            }
        }
    }

    /// <summary>The sources at the primary-source ends of all chains, each once, in source order.</summary>
    public static List<string> PrimarySources(GraphSpec spec, int claim) =>
        [.. Chains(spec, claim).Where(c => c.End == "primary").Select(c => c.Source).Distinct().Order().Select(s => "s" + s)];

    /// <summary>
    /// The primary sources grouped by affiliation (a source without one is its own group), groups in the order of their
    /// first source, as "affiliation:s1,s2" (affiliation "-" when none).
    /// </summary>
    public static List<string> Origins(GraphSpec spec, int claim)
    {
        var groups = new List<(string? Affiliation, List<string> Sources)>();
        foreach (var source in PrimarySources(spec, claim))
        {
            var affiliation = spec.SourceAffiliation[int.Parse(source[1..], System.Globalization.CultureInfo.InvariantCulture)];
            var group = affiliation is null ? -1 : groups.FindIndex(g => g.Affiliation == affiliation);
            if (group < 0)
            {
                groups.Add((affiliation, [source]));
            }
            else
            {
                groups[group].Sources.Add(source);
            }
        }

        return [.. groups.Select(g => $"{g.Affiliation ?? "-"}:{string.Join(",", g.Sources)}")];
    }
}
