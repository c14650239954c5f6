namespace Provenance.Tests.Tracing;

/// <summary>Seeded random graphs checked against brute-force oracles written independently of the library's walks.</summary>
public partial class CitationGraphQueriesTests
{
    private const int Seeds = 300;

    [Fact]
    public void Trace_RandomGraphs_MatchesBruteForceChains()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var graph = RandomGraphs.Create(seed);
            foreach (var claim in RandomGraphs.Claims)
            {
                var expected = OracleChains(graph, claim);
                var result = graph.Trace(claim);

                Same(seed, string.Join("\n", expected), string.Join("\n", result.Chains.Select(Describe)));
                Same(seed, "0 True", $"{result.OmittedChains} {result.OmittedChainsIsExact}");
            }
        }
    }

    [Fact]
    public void Trace_RandomGraphsWithSmallCap_KeepsPrefixAndCountsTheRest()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var graph = RandomGraphs.Create(seed, maxReports: 10, edgeProbability: 0.3);
            var cap = 1 + (seed % 4);
            foreach (var claim in RandomGraphs.Claims)
            {
                var expected = OracleChains(graph, claim);
                var result = graph.Trace(claim, new TraceOptions { MaxChains = cap });

                Same(seed, string.Join("\n", expected.Take(cap)), string.Join("\n", result.Chains.Select(Describe)));
                Same(seed, $"{expected.Count} True", $"{result.Chains.Length + result.OmittedChains} {result.OmittedChainsIsExact}");
            }
        }
    }

    [Fact]
    public void Trace_RandomGraphs_EveryChainEndsByTheRules()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var graph = RandomGraphs.Create(seed);
            foreach (var claim in RandomGraphs.Claims)
            {
                var result = graph.Trace(claim);
                foreach (var chain in result.Chains)
                {
                    var end = chain.End;
                    var last = chain.Hops.IsEmpty ? chain.Report : chain.Hops[^1].To;
                    Assert.True(last == end.Report, $"seed {seed}: chain {chain} ends at {end.Report}");
                    Assert.True(graph.TryGetAssertion(end.Report, claim, out var assertion), $"seed {seed}: {end.Report} does not assert {claim}");
                    Assert.True(end.Source == graph.GetReport(end.Report).Source, $"seed {seed}: wrong end source in {chain}");
                    var ok = end.Kind switch
                    {
                        ChainEndKind.PrimarySource => end.Reason is null && end.FirstHandReport is { } fh
                            && graph.TryGetAssertion(fh, claim, out var first) && first.Mode == AssertionMode.FirstHand
                            && graph.GetReport(fh).Source == end.Source
                            && (assertion.Mode == AssertionMode.FirstHand ? fh == end.Report : assertion.Mode == AssertionMode.Unknown),
                        ChainEndKind.DeadEnd => end.FirstHandReport is null && (end.Reason, assertion.Mode) is
                            (DeadEndReason.UnattributedAssertion, AssertionMode.Unattributed) or (DeadEndReason.NoFirstHandStatement, AssertionMode.Unknown),
                        _ => end.Reason is null && chain.Hops.Count(h => h.From == end.Report) == 1 && chain.Hops.Length >= 1,
                    };
                    Assert.True(ok, $"seed {seed}: chain {chain} breaks the end rule ({end}, assertion {assertion.Mode})");
                    Assert.True(chain.Hops.All(h => h.Citation.Claim == claim), $"seed {seed}: chain {chain} follows another claim");
                }

                Assert.True(result.IndependentOrigins.Count <= result.PrimarySources.Length, $"seed {seed}: more origins than primary sources");
                var primaries = result.Chains.Where(c => c.End.Kind == ChainEndKind.PrimarySource).Select(c => c.End.Source).Distinct().Order(StringComparer.Ordinal);
                Same(seed, string.Join(",", primaries), string.Join(",", result.PrimarySources.Order(StringComparer.Ordinal)));
                Same(seed, string.Join(",", result.PrimarySources.Order(StringComparer.Ordinal)), string.Join(",", result.IndependentOrigins.Groups.SelectMany(g => g.Sources).Order(StringComparer.Ordinal)));
            }
        }
    }

    [Fact]
    public void DownstreamAndUpstream_RandomGraphs_MatchReachability()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var graph = RandomGraphs.Create(seed);
            foreach (var claim in new string?[] { null, "c" })
            {
                var reach = Closure(graph, claim);
                var ids = graph.Reports.Select(r => r.Id).ToArray();
                foreach (var node in ids.Concat(graph.Sources.Select(s => s.Id)))
                {
                    var targets = graph.TryGetReport(node, out _) ? [Array.IndexOf(ids, node)] : graph.ReportsOf(node).Select(r => Array.IndexOf(ids, r.Id)).ToArray();
                    var down = Enumerable.Range(0, ids.Length).Where(u => targets.Any(t => reach[u, t])).ToArray();
                    var up = Enumerable.Range(0, ids.Length).Where(v => targets.Any(t => reach[t, v])).ToArray();

                    Same(seed, Describe(graph, node, down), Describe(graph.Downstream(node, claim)));
                    Same(seed, Describe(graph, node, up), Describe(graph.Upstream(node, claim)));
                }
            }
        }
    }

    [Fact]
    public void CircularReporting_RandomGraphs_MatchesMutualReachability()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var graph = RandomGraphs.Create(seed, maxReports: 10, edgeProbability: 0.15);
            var result = graph.CircularReporting();

            Same(seed, OracleCycles(graph, null), string.Join("\n", result.Overall.Select(c => string.Join(",", c.Reports))));
            var byClaim = RandomGraphs.Claims.SelectMany(claim => OracleCycles(graph, claim).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(c => claim + ":" + c));
            Same(seed, string.Join("\n", byClaim), string.Join("\n", result.ByClaim.Select(c => c.Claim + ":" + string.Join(",", c.Reports))));
            foreach (var cycle in result.Overall.Concat(result.ByClaim))
            {
                Assert.True(
                    cycle.Citations.All(c => cycle.Reports.Contains(c.From) && cycle.Reports.Contains(c.To) && (cycle.Claim is null || c.Claim == cycle.Claim)),
                    $"seed {seed}: citation outside cycle {string.Join(",", cycle.Reports)}");
            }
        }
    }

    [Fact]
    public void PathsBetween_RandomGraphs_MatchesBruteForcePaths()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var graph = RandomGraphs.Create(seed, maxReports: 8, edgeProbability: 0.25);
            var random = new Random(seed);
            var nodes = graph.Reports.Select(r => r.Id).Concat(graph.Sources.Select(s => s.Id)).ToArray();
            for (var k = 0; k < 4; k++)
            {
                string from = nodes[random.Next(nodes.Length)], to = nodes[random.Next(nodes.Length)];
                var expected = OraclePaths(graph, from, to);
                var cap = 1 + random.Next(4);

                var all = graph.PathsBetween(from, to);
                var capped = graph.PathsBetween(from, to, cap);

                Same(seed, string.Join("\n", expected), string.Join("\n", all.Paths.Select(p => p.ToString())));
                Same(seed, string.Join("\n", expected.Take(cap)), string.Join("\n", capped.Paths.Select(p => p.ToString())));
                Same(seed, $"{expected.Count} True", $"{capped.Paths.Length + capped.OmittedPaths} {capped.OmittedPathsIsExact}");
            }
        }
    }

    private static void Same(int seed, string expected, string actual) =>
        Assert.True(expected == actual, $"seed {seed}:\nexpected:\n{expected}\nactual:\n{actual}");

    private static string Describe(TraceChain chain) =>
        $"{chain} {chain.End.Report} {chain.End.Reason} {chain.End.FirstHandReport}";

    private static string Describe(CitationGraph graph, string node, int[] reports) =>
        $"{node}: {string.Join(",", reports.Select(r => graph.Reports[r].Id))} / {string.Join(",", graph.Sources.Where(s => reports.Any(r => graph.Reports[r].Source == s.Id)).Select(s => s.Id))}";

    private static string Describe(DependencyResult result) => $"{result.Id}: {string.Join(",", result.Reports)} / {string.Join(",", result.Sources)}";

    /// <summary>The trace rules, written directly and recursively (the graphs are small).</summary>
    private static List<string> OracleChains(CitationGraph graph, string claim)
    {
        var chains = new List<string>();
        foreach (var report in graph.Reports.Where(r => !r.IsImplicit && graph.TryGetAssertion(r.Id, claim, out _)))
        {
            Walk(report.Id, [report.Id]);
        }

        return chains;

        void Walk(string at, List<string> path)
        {
            var assertion = graph.AssertionsOf(at).Single(a => a.Claim == claim);
            var source = graph.GetReport(at).Source;
            switch (assertion.Mode)
            {
                case AssertionMode.FirstHand:
                    Emit(path, "primary-source", at, "", at);
                    break;
                case AssertionMode.Unattributed:
                    Emit(path, "dead-end", at, "UnattributedAssertion", "");
                    break;
                case AssertionMode.Unknown:
                    var first = graph.Reports.FirstOrDefault(r => r.Source == source && graph.TryGetAssertion(r.Id, claim, out var a) && a.Mode == AssertionMode.FirstHand);
                    if (first is null)
                    {
                        Emit(path, "dead-end", at, "NoFirstHandStatement", "");
                    }
                    else
                    {
                        Emit(path, "primary-source", at, "", first.Id);
                    }

                    break;
                default:
                    foreach (var citation in graph.CitationsFrom(at).Where(c => c.Claim == claim))
                    {
                        if (path.Contains(citation.To))
                        {
                            Emit([.. path, citation.To], "cycle", citation.To, "", "");
                        }
                        else
                        {
                            Walk(citation.To, [.. path, citation.To]);
                        }
                    }

                    break;
            }
        }

        void Emit(List<string> path, string kind, string end, string reason, string firstHand) =>
            chains.Add($"{string.Join(" -> ", path)} [{kind}] {end} {reason} {firstHand}");
    }

    /// <summary>reach[u, v]: a path of one or more citations (of the claim, when set) from report u to report v, by repeated squaring-free closure.</summary>
    private static bool[,] Closure(CitationGraph graph, string? claim)
    {
        var ids = graph.Reports.Select(r => r.Id).ToList();
        var n = ids.Count;
        var reach = new bool[n, n];
        foreach (var c in graph.Citations.Where(c => claim is null || c.Claim == claim))
        {
            reach[ids.IndexOf(c.From), ids.IndexOf(c.To)] = true;
        }

        for (var k = 0; k < n; k++)
        {
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    reach[i, j] |= reach[i, k] && reach[k, j];
                }
            }
        }

        return reach;
    }

    /// <summary>Groups of reports that reach each other (on a cycle), by first report, one group a line.</summary>
    private static string OracleCycles(CitationGraph graph, string? claim)
    {
        var reach = Closure(graph, claim);
        var n = graph.Reports.Length;
        var done = new bool[n];
        var lines = new List<string>();
        for (var u = 0; u < n; u++)
        {
            if (done[u] || !reach[u, u])
            {
                continue;
            }

            var group = Enumerable.Range(0, n).Where(v => v == u || (reach[u, v] && reach[v, u])).ToList();
            group.ForEach(v => done[v] = true);
            lines.Add(string.Join(",", group.Select(v => graph.Reports[v].Id)));
        }

        return string.Join("\n", lines);
    }

    /// <summary>Simple paths by plain recursion: starts in graph order, distinct cited reports in the order of their first citation.</summary>
    private static List<string> OraclePaths(CitationGraph graph, string from, string to)
    {
        IEnumerable<string> Reports(string id) => graph.TryGetReport(id, out _) ? [id] : graph.ReportsOf(id).Select(r => r.Id);
        var targets = Reports(to).ToHashSet();
        var paths = new List<string>();
        foreach (var start in Reports(from).OrderBy(r => graph.Reports.IndexOf(graph.GetReport(r))))
        {
            Walk([start]);
        }

        return paths;

        void Walk(List<string> path)
        {
            foreach (var next in graph.CitationsFrom(path[^1]).Select(c => c.To).Distinct())
            {
                if (path.Contains(next))
                {
                    continue;
                }

                if (targets.Contains(next))
                {
                    paths.Add(string.Join(" -> ", path.Append(next)));
                }
                else
                {
                    Walk([.. path, next]);
                }
            }
        }
    }
}
