using System.Text;

namespace Provenance.Tests.Prov;

/// <summary>A hand-built graph and a seeded random graph generator for the PROV tests.</summary>
internal static class ProvTestGraphs
{
    /// <summary>A small graph with every feature of the mapping: affiliation, aliases, implicit chain, contradiction, quote, hedge.</summary>
    public static CitationGraph HandBuilt() => new CitationGraphBuilder()
        .AddAffiliation(new Affiliation("ru-state", "Russian state") { Description = "Russian government bodies and state-owned media." })
        .AddSource(new Source("ru-mod", "Russian Ministry of Defence", SourceKind.Government) { Affiliation = "ru-state", Country = "RU" })
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency) { Affiliation = "ru-state", Aliases = ["ТАСС", "Tass \"agency\""], Url = "https://tass.com" })
        .AddSource(new Source("zerohedge", "ZeroHedge", SourceKind.Outlet))
        .AddSource(new Source("locals", "Locals' videos", SourceKind.SocialMedia))
        .AddClaim(new Claim("downed", "A Russian Mi-24 was shot down."))
        .AddClaim(new Claim("az-mistake", "Azerbaijan shot the helicopter down by mistake."))
        .AddClaim(new Claim("accident", "The helicopter crashed by accident.") { Contradicts = ["az-mistake"] })
        .AddReport(new Report("mod-statement", "ru-mod", ReportKind.Statement) { Published = new DateTimeOffset(2020, 11, 9, 19, 0, 0, TimeSpan.FromHours(3)), Language = "ru" })
        .AddReport(new Report("zh", "zerohedge", ReportKind.Article)
        {
            Title = "Azerbaijan Says It Shot Down Russian Helicopter \"By Mistake\"",
            Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(-5)),
            Url = "https://example.org/zh",
            Language = "en",
        })
        .AddReport(Report.Implicit("zh~tass", "tass", "zh"))
        .AddReport(Report.Implicit("zh~tass~ru-mod", "ru-mod", "zh"))
        .AddReport(Report.Implicit("zh~locals", "locals", "zh"))
        .AddAssertion(new Assertion("mod-statement", "downed", AssertionMode.FirstHand, "Mi-24 helicopter was shot down"))
        .AddAssertion(new Assertion("zh", "downed", AssertionMode.Attributed, "shot down"))
        .AddAssertion(new Assertion("zh", "az-mistake", AssertionMode.Attributed))
        .AddAssertion(new Assertion("zh~tass~ru-mod", "az-mistake", AssertionMode.FirstHand))
        .AddCitation(new Citation("zh", "mod-statement", "downed", CitationKind.DirectQuote, Hedge.None, "\"shot down\", the ministry said"))
        .AddCitation(new Citation("zh", "zh~tass", "az-mistake", CitationKind.AccordingTo, Hedge.None, "According to TASS"))
        .AddCitation(new Citation("zh~tass", "zh~tass~ru-mod", "az-mistake", CitationKind.Citing, Hedge.Reportedly, "citing the ministry"))
        .AddCitation(new Citation("zh", "zh~locals", "downed", CitationKind.Confirms, Hedge.Purported, "videos purport to show\nthe crash"))
        .Build();

    /// <summary>Text for names, wordings and evidence; <paramref name="plain"/> leaves out backslashes and carriage returns.</summary>
    public static string Text(Random random, bool plain)
    {
        string[] pieces = ["shot", "down", "ТАСС", "\"quoted\"", "it's", "a, b", "[x]", "{y}", "<b>&amp;</b>", "tab\there", "line\nbreak", "%41", "café", "🚁", "=", "(z)", ";"];
        string[] hostile = ["back\\slash", "cr\rhere", "\\\"", "\\n"];
        var builder = new StringBuilder("w");
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            builder.Append(' ').Append(!plain && random.Next(4) == 0 ? hostile[random.Next(hostile.Length)] : pieces[random.Next(pieces.Length)]);
        }

        return builder.ToString();
    }

    /// <summary>A valid random graph: affiliations, sources, claims, explicit reports that cite earlier ones, and chains of implicit reports.</summary>
    public static CitationGraph Random(int seed, bool plain = false)
    {
        var random = new Random(seed);
        var builder = new CitationGraphBuilder();
        string? Maybe(string? value) => random.Next(2) == 0 ? null : value;
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        var affiliations = Enumerable.Range(0, random.Next(0, 3)).Select(i => $"aff-{i}").ToList();
        foreach (var a in affiliations)
        {
            builder.AddAffiliation(new Affiliation(a, Text(random, plain)) { Description = Maybe(Text(random, plain)) });
        }

        // Ids use every character an id may have: '.', '-', ':', '/', '_' and a leading digit.
        string[] idShapes = ["s{0}", "src.{0}", "ns:{0}", "a/b-{0}", "_{0}", "{0}x"];
        var sources = Enumerable.Range(0, random.Next(1, 7)).Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(idShapes), i)).ToList();
        foreach (var s in sources)
        {
            builder.AddSource(new Source(s, Text(random, plain), (SourceKind)random.Next(9))
            {
                Aliases = [.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => Text(random, plain))],
                Country = Maybe("RU"),
                Url = Maybe($"https://example.org/{s}"),
                Affiliation = affiliations.Count > 0 && random.Next(2) == 0 ? Pick(affiliations) : null,
            });
        }

        var claims = Enumerable.Range(0, random.Next(1, 5)).Select(i => $"c{i}").ToList();
        for (var i = 0; i < claims.Count; i++)
        {
            var others = claims.Take(i).Where(_ => random.Next(3) == 0).ToList();
            builder.AddClaim(new Claim(claims[i], Text(random, plain)) { Contradicts = [.. others] });
        }

        var time = new DateTimeOffset(2020, 11, 9, 8, 0, 0, TimeSpan.Zero);
        var asserted = new List<(string Report, string Claim)>();
        var implicitReports = new HashSet<string>(StringComparer.Ordinal);
        var reportCount = random.Next(1, 9);
        for (var r = 0; r < reportCount; r++)
        {
            var id = $"r{r}";
            time = time.AddMinutes(random.Next(1, 600));
            var offset = TimeSpan.FromMinutes(30 * random.Next(-20, 25));
            builder.AddReport(new Report(id, Pick(sources), (ReportKind)random.Next(6))
            {
                Title = Maybe(Text(random, plain)),
                Published = random.Next(4) == 0 ? null : time.ToOffset(offset),
                Url = Maybe($"https://example.org/{id}"),
                Language = Maybe("en"),
            });

            foreach (var claim in claims.Where(_ => random.Next(2) == 0))
            {
                var earlier = asserted.Where(a => a.Claim == claim).Select(a => a.Report).Distinct().ToList();
                var mode = (AssertionMode)random.Next(3);
                builder.AddAssertion(new Assertion(id, claim, mode, Maybe(Text(random, plain))));
                asserted.Add((id, claim));
                if (mode != AssertionMode.Attributed)
                {
                    continue;
                }

                var cited = 0;
                foreach (var e in earlier.Where(_ => random.Next(2) == 0))
                {
                    builder.AddCitation(Cite(random, id, e, claim, plain));
                    cited++;
                }

                if (cited == 0 || random.Next(2) == 0)
                {
                    // A chain of implicit reports inside this report: r~s1, r~s1~s2, ...
                    var from = id;
                    var hops = random.Next(1, 4);
                    for (var h = 0; h < hops; h++)
                    {
                        var to = from + "~" + Pick(sources);
                        if (to.Split('~').Skip(1).Distinct().Count() != h + 1)
                        {
                            break;
                        }

                        if (implicitReports.Add(to))
                        {
                            builder.AddReport(Report.Implicit(to, to[(to.LastIndexOf('~') + 1)..], id));
                        }

                        builder.AddCitation(Cite(random, from, to, claim, plain));
                        from = to;
                    }

                    if (random.Next(2) == 0 && from != id)
                    {
                        builder.AddAssertion(new Assertion(from, claim, random.Next(2) == 0 ? AssertionMode.FirstHand : AssertionMode.Unknown, Maybe(Text(random, plain))));
                    }
                }
            }
        }

        return builder.Build();
    }

    private static Citation Cite(Random random, string from, string to, string claim, bool plain) =>
        new(from, to, claim, (CitationKind)random.Next(5), (Hedge)random.Next(5), random.Next(3) == 0 ? null : Text(random, plain));
}
