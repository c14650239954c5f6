namespace Provenance.Tests.Tracing;

/// <summary>Small seeded random graphs for the property tests: any shape the builder accepts, cycles included.</summary>
internal static class RandomGraphs
{
    public static readonly string[] Claims = ["c", "d"];

    public static CitationGraph Create(int seed, int maxReports = 8, double edgeProbability = 0.2)
    {
        var random = new Random(seed);
        var builder = new CitationGraphBuilder()
            .AddAffiliation(new Affiliation("g1", "G1"))
            .AddAffiliation(new Affiliation("g2", "G2"));
        var sourceCount = random.Next(2, 6);
        for (var s = 0; s < sourceCount; s++)
        {
            var affiliation = random.Next(4) switch { 0 => "g1", 1 => "g2", _ => null };
            builder.AddSource(new Source("s" + s, "S" + s, SourceKind.Outlet) { Affiliation = affiliation });
        }

        foreach (var claim in Claims)
        {
            builder.AddClaim(new Claim(claim, "Claim " + claim + "."));
        }

        var explicitCount = random.Next(1, Math.Max(2, maxReports * 2 / 3));
        var reports = new List<(string Id, bool Implicit)>();
        for (var r = 0; r < explicitCount; r++)
        {
            reports.Add(("e" + r, false));
            builder.AddReport(new Report("e" + r, "s" + random.Next(sourceCount), ReportKind.Article));
        }

        var implicitCount = random.Next(0, maxReports - explicitCount + 1);
        for (var r = 0; r < implicitCount; r++)
        {
            var citedIn = "e" + random.Next(explicitCount);
            var id = citedIn + "~i" + r;
            reports.Add((id, true));
            builder.AddReport(Report.Implicit(id, "s" + random.Next(sourceCount), citedIn));
        }

        string[] words = ["fire", "open", "to", "kill", "decided", "mistake", "by"];
        foreach (var claim in Claims)
        {
            var cites = new HashSet<string>();
            var cited = new HashSet<string>();
            foreach (var (from, _) in reports)
            {
                foreach (var (to, _) in reports)
                {
                    if (from != to && random.NextDouble() < edgeProbability)
                    {
                        var hedge = random.Next(3) == 0 ? (Hedge)random.Next(1, 5) : Hedge.None;
                        builder.AddCitation(new Citation(from, to, claim, (CitationKind)random.Next(5), hedge, random.Next(4) == 0 ? null : "ev"));
                        cites.Add(from);
                        cited.Add(to);
                    }
                }
            }

            foreach (var (id, isImplicit) in reports)
            {
                string? wording = random.Next(2) == 0 ? null : string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ => words[random.Next(words.Length)]));
                if (cites.Contains(id))
                {
                    if (random.Next(2) == 0)
                    {
                        builder.AddAssertion(new Assertion(id, claim, AssertionMode.Attributed, wording));
                    }
                }
                else if (!isImplicit && (cited.Contains(id) || random.Next(2) == 0))
                {
                    builder.AddAssertion(new Assertion(id, claim, random.Next(5) < 2 ? AssertionMode.FirstHand : AssertionMode.Unattributed, wording));
                }
                else if (isImplicit)
                {
                    switch (random.Next(5))
                    {
                        case 0:
                            builder.AddAssertion(new Assertion(id, claim, AssertionMode.FirstHand, wording));
                            break;
                        case 1 when cited.Contains(id):
                            builder.AddAssertion(new Assertion(id, claim, AssertionMode.Unattributed, wording));
                            break;
                        case 2 when cited.Contains(id):
                            builder.AddAssertion(new Assertion(id, claim, AssertionMode.Unknown, wording));
                            break;
                    }
                }
            }
        }

        return builder.Build();
    }
}
