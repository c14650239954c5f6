namespace Provenance.Tests.Graphviz;

/// <summary>Graphs the diagram tests draw: a small hand-built one, one full of hostile text, and seeded random ones.</summary>
internal static class GraphvizSamples
{
    /// <summary>
    /// A small version of the Mi-24 story with every mark: primary sources (ru-mod, az-mfa via TASS), a dead end
    /// ("Russian sources"), an unattributed assertion (candanga), a cycle (SouthFront ↔ EurAsian Times) and hedged citations.
    /// </summary>
    public static CitationGraph Small() => new CitationGraphBuilder()
        .AddAffiliation(new Affiliation("ru-state", "Russian state"))
        .AddAffiliation(new Affiliation("az-state", "Azerbaijani state"))
        .AddSource(new Source("ru-mod", "Russian Ministry of Defence", SourceKind.Government) { Country = "RU", Affiliation = "ru-state", Url = "https://mil.ru" })
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency) { Country = "RU", Affiliation = "ru-state", Aliases = ["ТАСС"], Url = "https://tass.com" })
        .AddSource(new Source("az-mfa", "Azerbaijani Ministry of Foreign Affairs", SourceKind.Government) { Country = "AZ", Affiliation = "az-state" })
        .AddSource(new Source("interfax", "Interfax", SourceKind.NewsAgency) { Country = "RU" })
        .AddSource(new Source("zerohedge", "ZeroHedge", SourceKind.Outlet) { Country = "US", Url = "https://www.zerohedge.com" })
        .AddSource(new Source("southfront", "SouthFront", SourceKind.Outlet))
        .AddSource(new Source("eurasian", "The EurAsian Times", SourceKind.Outlet) { Country = "IN" })
        .AddSource(new Source("russian-sources", "Russian sources", SourceKind.Anonymous))
        .AddSource(new Source("candanga", "Anon Candanga", SourceKind.SocialMedia))
        .AddClaim(new Claim("downed", "A Russian Mi-24 was shot down near Yeraskh."))
        .AddClaim(new Claim("az-mistake", "Azerbaijan shot the helicopter down by mistake."))
        .AddClaim(new Claim("manpads", "It was hit by a MANPADS."))
        .AddReport(new Report("mod-statement", "ru-mod", ReportKind.Statement)
        {
            Title = "Statement on the Mi-24",
            Published = new DateTimeOffset(2020, 11, 9, 12, 0, 0, TimeSpan.FromHours(3)),
            Url = "https://mil.ru/statement?id=1&lang=en",
        })
        .AddAssertion(new Assertion("mod-statement", "downed", AssertionMode.FirstHand))
        .AddAssertion(new Assertion("mod-statement", "manpads", AssertionMode.FirstHand))
        .AddReport(new Report("zh", "zerohedge", ReportKind.Article)
        {
            Title = "Azerbaijan Says It Shot Down Russian Helicopter \"By Mistake\"",
            Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(-5)),
            Url = "https://www.zerohedge.com/geopolitical/azerbaijan-says-it-shot-down-russian-helicopter",
        })
        .AddReport(Report.Implicit("zh~tass", "tass", "zh"))
        .AddReport(Report.Implicit("zh~tass~az-mfa", "az-mfa", "zh"))
        .AddCitation(new Citation("zh", "zh~tass", "downed", CitationKind.AccordingTo, Hedge.None, "According to TASS"))
        .AddCitation(new Citation("zh~tass", "mod-statement", "downed", CitationKind.Citing, Hedge.None, "citing the Russian defence ministry"))
        .AddCitation(new Citation("zh", "zh~tass", "az-mistake", CitationKind.Citing, Hedge.None, "TASS citing official statements"))
        .AddAssertion(new Assertion("zh~tass~az-mfa", "az-mistake", AssertionMode.FirstHand))
        .AddCitation(new Citation("zh~tass", "zh~tass~az-mfa", "az-mistake", CitationKind.AccordingTo, Hedge.None, "the republic's Foreign Ministry announced"))
        .AddReport(new Report("ifx", "interfax", ReportKind.Article) { Title = "Mi-24 downed" })
        .AddCitation(new Citation("ifx", "mod-statement", "manpads", CitationKind.DirectQuote, Hedge.Reportedly, "reportedly hit by a MANPADS"))
        .AddReport(new Report("sf", "southfront", ReportKind.Article))
        .AddReport(Report.Implicit("sf~russian-sources", "russian-sources", "sf"))
        .AddCitation(new Citation("sf", "sf~russian-sources", "manpads", CitationKind.AccordingTo, Hedge.Unconfirmed, "Russian sources claim"))
        .AddReport(new Report("eurasian-report", "eurasian", ReportKind.Article))
        .AddCitation(new Citation("sf", "eurasian-report", "az-mistake", CitationKind.Citing, Hedge.None, "as The EurAsian Times wrote"))
        .AddCitation(new Citation("eurasian-report", "sf", "az-mistake", CitationKind.Paraphrase, Hedge.Alleged, "SouthFront alleged"))
        .AddReport(new Report("candanga-post", "candanga", ReportKind.Post))
        .AddAssertion(new Assertion("candanga-post", "downed", AssertionMode.Unattributed, "they shot it down"))
        .Build();

    /// <summary>Text that breaks naive DOT, HTML or Mermaid writers.</summary>
    public static readonly string[] HostileTexts =
    [
        "quote \" inside",
        "back\\slash",
        "trailing backslash\\",
        "\\",
        "\\\"",
        "new\nline",
        "cr\r\nlf",
        "braces { } [ ] ;",
        "<>&",
        "]; x -> y [",
        "\"]; evil -> x [label=\"",
        "<b>bold</b>",
        "Министерство обороны России",
        "node",
        "Graph",
        "STRICT",
        "\\N \\G \\E \\T \\H \\L \\l \\r \\n",
        "&amp; &lt; &#65; &",
        "#quot; #35; %% end",
        "emoji 🚁 here",
        "subgraph cluster_x { a }",
        "]",
        "]]>",
        "  spaced  out  ",
    ];

    /// <summary>Ids that are valid model ids but DOT keywords, numerals or punctuation.</summary>
    public static readonly string[] HostileIds = ["node", "Graph", "STRICT", "edge", "subgraph", "1x5", "prov:x", "a.b/c-d", "_", "end", "digraph", "0"];

    /// <summary>A graph whose names, titles, evidence and wordings are all hostile, with keyword-like ids.</summary>
    public static CitationGraph Hostile()
    {
        var builder = new CitationGraphBuilder()
            .AddAffiliation(new Affiliation("aff", HostileTexts[10]))
            .AddClaim(new Claim("c", "claim \" \\ text"));
        for (var i = 0; i < HostileIds.Length; i++)
        {
            var name = HostileTexts[i % HostileTexts.Length];
            builder.AddSource(new Source(HostileIds[i], name, SourceKind.Outlet)
            {
                Country = i % 3 == 0 ? "X\"Y" : null,
                Affiliation = i % 2 == 0 ? "aff" : null,
                Url = i % 4 == 0 ? "https://example.org/a?b=\"<c>&d='e' f" : "javascript:alert(1)",
            });
            builder.AddReport(new Report("r" + HostileIds[i], HostileIds[i], ReportKind.Article)
            {
                Title = i == 0 ? "" : HostileTexts[(i + 5) % HostileTexts.Length],
                Url = "https://example.org/" + i,
            });
        }

        builder.AddAssertion(new Assertion("r" + HostileIds[0], "c", AssertionMode.FirstHand));
        for (var i = 1; i < HostileIds.Length; i++)
        {
            builder.AddCitation(new Citation("r" + HostileIds[i], "r" + HostileIds[i - 1], "c", CitationKind.Citing, (Hedge)(i % 5), HostileTexts[(i + 11) % HostileTexts.Length]));
        }

        return builder.Build();
    }

    /// <summary>A random valid graph: sources, explicit reports asserting claims first-hand, unattributed, or citing earlier reports and implicit ones.</summary>
    public static CitationGraph Random(int seed, int sources = 8, int reports = 20, int claims = 3)
    {
        var random = new Random(seed);
        var builder = new CitationGraphBuilder();
        builder.AddAffiliation(new Affiliation("g0", "Group 0")).AddAffiliation(new Affiliation("g1", "Group 1"));
        for (var s = 0; s < sources; s++)
        {
            builder.AddSource(new Source("s" + s, RandomText(random), (SourceKind)random.Next(9))
            {
                Affiliation = random.Next(3) switch { 0 => "g0", 1 => "g1", _ => null },
                Country = random.Next(2) == 0 ? "C" + random.Next(3) : null,
            });
        }

        for (var c = 0; c < claims; c++)
        {
            builder.AddClaim(new Claim("c" + c, RandomText(random)));
        }

        var asserted = new List<(int Report, int Claim)>();
        var attributed = new List<(int Report, int Claim)>();
        for (var r = 0; r < reports; r++)
        {
            var id = "r" + r;
            builder.AddReport(new Report(id, "s" + random.Next(sources), ReportKind.Article) { Title = random.Next(2) == 0 ? RandomText(random) : null });
            var claim = random.Next(claims);
            switch (random.Next(4))
            {
                case 0:
                    builder.AddAssertion(new Assertion(id, "c" + claim, AssertionMode.FirstHand));
                    break;
                case 1:
                    builder.AddAssertion(new Assertion(id, "c" + claim, AssertionMode.Unattributed));
                    break;
                case 2 when asserted.Count > 0:
                    var (target, targetClaim) = asserted[random.Next(asserted.Count)];
                    builder.AddCitation(new Citation(id, "r" + target, "c" + targetClaim, (CitationKind)random.Next(5), (Hedge)random.Next(5), RandomText(random)));
                    claim = targetClaim;
                    attributed.Add((r, claim));
                    break;
                default:
                    var implicitId = id + "~s" + random.Next(sources);
                    builder.AddReport(Report.Implicit(implicitId, implicitId[(implicitId.IndexOf('~', StringComparison.Ordinal) + 1)..], id));
                    builder.AddCitation(new Citation(id, implicitId, "c" + claim, (CitationKind)random.Next(5), (Hedge)random.Next(5), RandomText(random)));
                    attributed.Add((r, claim));
                    break;
            }

            asserted.Add((r, claim));
        }

        // A few citations back to later reports, so that some graphs have cycles.
        foreach (var (r, claim) in attributed)
        {
            var later = asserted.Where(a => a.Report > r && a.Claim == claim).ToList();
            if (later.Count > 0 && random.Next(3) == 0)
            {
                builder.AddCitation(new Citation("r" + r, "r" + later[random.Next(later.Count)].Report, "c" + claim, CitationKind.Citing));
            }
        }

        return builder.Build();
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "abcXYZ 019\"\\\n{}[]<>&;:#%-→Ж🚁";
        var length = 1 + random.Next(12);
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var start = random.Next(alphabet.Length);
            chars.Append(char.IsSurrogate(alphabet[start]) ? "🚁" : alphabet[start].ToString());
        }

        var text = chars.ToString();
        return string.IsNullOrWhiteSpace(text) ? "x" + text : text;
    }
}
