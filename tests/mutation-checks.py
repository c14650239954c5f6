#!/usr/bin/env python3
"""Hand-picked mutations of src/Provenance/Tracing, each expected to be killed by the named test class.

Stryker (tests/mutation.sh) measures a whole folder but needs hours for src/Provenance/Tracing on a two-core machine;
this script checks, in about ten minutes, that the tests written against the surviving mutants of its last run
(tests/MUTATION.md) still fail when the code is broken that way. Each mutation is applied to the source, the test class
is run (Release), and the source is restored whatever happens. Exit status 1 when a mutation survives.

    python3 tests/mutation-checks.py
"""
import subprocess, sys, os
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
T='src/Provenance/Tracing/'
checks = [
 ("DeadEnds claim filter at index 0", T+'CitationGraphQueries.Claims.cs', 'claim < (only < 0 ? graph.Claims.Length : only + 1)', 'claim < (only <= 0 ? graph.Claims.Length : only + 1)', 'QueryArgumentAndFilterTests'),
 ("DeadEnds source filter at index 0", T+'CitationGraphQueries.Claims.cs', '&& (source < 0 || graph.ReportSource[report] == source))', '&& (source <= 0 || graph.ReportSource[report] == source))', 'QueryArgumentAndFilterTests'),
 ("DeadEnds sort removed", T+'CitationGraphQueries.Claims.cs', 'found.Sort((a, b) => a.Report.CompareTo(b.Report));', ';', 'QueryArgumentAndFilterTests'),
 ("Unattributed claim filter at index 0", T+'CitationGraphQueries.Claims.cs', '&& (claim < 0 || graph.AssertionClaim[i] == claim)', '&& (claim <= 0 || graph.AssertionClaim[i] == claim)', 'QueryArgumentAndFilterTests'),
 ("Trace longest chain <= depth -> <", T+'CitationGraphQueries.Trace.cs', 'LongestChain(order) <= options.MaxDepth', 'LongestChain(order) < options.MaxDepth', 'TraceCountingMutationTests'),
 ("Trace LongestChain Max -> Min", T+'CitationGraphQueries.Trace.cs', 'longest[v] = Math.Max(longest[v], longest[u] + 1);', 'longest[v] = Math.Min(longest[v], longest[u] + 1);', 'TraceCountingMutationTests'),
 ("TryTrace ignores options", T+'CitationGraphQueries.Trace.cs', '        options ??= new TraceOptions();\n        options.Validate();\n        result =', '        options = new TraceOptions();\n        options.Validate();\n        result =', 'QueryArgumentAndFilterTests'),
 ("PathsBetween ignores the claim", T+'CitationGraphQueries.Graph.cs', '        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPaths);\n        var claim = claimId is null ? -1 : ClaimIndex(graph, claimId);', '        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPaths);\n        var claim = -1;', 'PathsAndWalkMutationTests'),
 ("Paths budget: walk never stops", T+'CitationGraphQueries.Graph.cs', 'if (capped && (exactByCount || --stepsLeft < 0))', 'if (capped && (exactByCount || --stepsLeft < long.MinValue))', 'PathsAndWalkMutationTests'),
 ("SaturatingAdd without saturation", T+'GraphWalk.cs', 'a > long.MaxValue - b ? long.MaxValue : a + b', 'a + b', 'PathsAndWalkMutationTests'),
 ("First-hand report of source: last instead of first", T+'ClaimSubgraph.cs', 'report < firstHandOfSource[source]', 'report > firstHandOfSource[source]', 'PathsAndWalkMutationTests'),
 ("HiddenRelays undated rule || -> &&", T+'CitationGraphQueries.HiddenRelays.cs', 'qRelays = pRelayed || !qRelayed;', 'qRelays = pRelayed && !qRelayed;', 'HiddenRelaysMutationTests'),
 ("HiddenRelays undated: p relayed flag inverted", T+'CitationGraphQueries.HiddenRelays.cs', 'var pRelayed = p.Speaker != roots[p.Speaker];', 'var pRelayed = p.Speaker == roots[p.Speaker];', 'HiddenRelaysMutationTests'),
 ("HiddenRelays: claims of a shared wording not merged", T+'CitationGraphQueries.HiddenRelays.cs', '                        claimsOf[known].Add(claim);', '                        ;', 'HiddenRelaysMutationTests'),
 ("HiddenRelays: evidence passages skipped", T+'CitationGraphQueries.HiddenRelays.cs', 'for (var c = 0; c < graph.Citations.Length; c++)', 'for (var c = 0; c > graph.Citations.Length; c++)', 'HiddenRelaysMutationTests'),
 ("HiddenRelays: similarity bound 1 excluded", T+'CitationGraphQueries.HiddenRelays.cs', 'minSimilarity < 0 || minSimilarity > 1)', 'minSimilarity < 0 || minSimilarity >= 1)', 'QueryArgumentAndFilterTests'),
 ("RelayDrift cap checked after the limit", T+"CitationGraphQueries.RelayDrift.cs", "                            if (found.Count >= maxPairs)", "                            if (found.Count > maxPairs)", "RelayDriftMutationTests"),
 ("RelayDrift order ThenBy(First) descending", T+'CitationGraphQueries.RelayDrift.cs', '.ThenBy(p => p.First)', '.ThenByDescending(p => p.First)', 'RelayDriftMutationTests'),
 ("Trace null graph check removed", T+'CitationGraphQueries.Trace.cs', '    public static TraceResult Trace(this CitationGraph graph, string claimId, TraceOptions? options = null)\n    {\n        ArgumentNullException.ThrowIfNull(graph);', '    public static TraceResult Trace(this CitationGraph graph, string claimId, TraceOptions? options = null)\n    {\n        ;', 'QueryArgumentAndFilterTests'),
]
survivors = []
for name, path, old, new, test in checks:
    src = open(path).read()
    if src.count(old) != 1:
        # The code moved on: the check must be updated, so it counts as not killed.
        survivors.append(name)
        print(f"STALE {name}: the code to mutate is found {src.count(old)} times, not once", flush=True)
        continue
    open(path, 'w').write(src.replace(old, new))
    try:
        r = subprocess.run(['dotnet', 'test', 'tests/Provenance.Tests', '-c', 'Release', '--filter', f'FullyQualifiedName~{test}'], capture_output=True, text=True, timeout=900)
        out = r.stdout + r.stderr
        failed = [l.strip() for l in out.splitlines() if l.strip().startswith('Failed Provenance')]
        status = 'KILLED' if r.returncode != 0 and failed else ('NO RESULT (the build or the run failed)' if r.returncode != 0 else 'SURVIVED')
        if status != 'KILLED':
            survivors.append(name)
        print(f"{status} {name} ({test}): {len(failed)} failing: {'; '.join(f.split(' [')[0].replace('Failed Provenance.Tests.Tracing.', '') for f in failed[:3])}", flush=True)
    finally:
        open(path, 'w').write(src)
print(f"{len(checks) - len(survivors)} of {len(checks)} mutations killed")
sys.exit(1 if survivors else 0)
