using System.Globalization;
using System.Text;

namespace Provenance.Tests.Yaml;

/// <summary>
/// A small seeded generator of graphs the builder accepts, including the shapes a hand-written file never has:
/// implicit reports cited from several places, implicit reports with ids or details no <c>via</c> can spell,
/// unattributed or worded implicit assertions, citations of explicit reports, and awkward strings everywhere.
/// </summary>
internal static class RandomGraphs
{
    private static readonly string[] Awkward =
    [
        "plain words", "a: b", "# hash", " leading", "trailing ", "yes", "no", "null", "~", "123", "1e3", "0x1F", ".inf",
        "2020-11-09", "line\nbreak", "Министерство обороны", "no\u00A0break", "tab\there", "quote \" and ' and \\",
        "- dash", "{x} [y], z", "colon:", "&a *b !c |d >e %f @g `h", "<b>html</b>", "emoji \U0001F600", "NEL\u0085here",
    ];

    private static readonly string[] IdPrefixes = ["s", "yes", "0x", "1e", "a:b/", "null", "", "x.y-", "_"];

    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(3), TimeSpan.FromHours(-5), new TimeSpan(5, 45, 0), new TimeSpan(-9, -30, 0)];

    public static CitationGraph Generate(int seed)
    {
        var r = new Random(seed);
        var b = new CitationGraphBuilder(new GraphBuildOptions { AllowTimelineErrors = true });
        var used = new HashSet<string>(StringComparer.Ordinal);
        string Id(string kind)
        {
            string id;
            do
            {
                id = IdPrefixes[r.Next(IdPrefixes.Length)] + kind + r.Next(100).ToString(CultureInfo.InvariantCulture);
            }
            while (!used.Add(id));

            return id;
        }

        string? Maybe(double p) => r.NextDouble() < p ? Text() : null;
        string Text() => r.Next(3) switch
        {
            0 => Awkward[r.Next(Awkward.Length)],
            1 => RandomText(r),
            _ => "Name " + r.Next(1000).ToString(CultureInfo.InvariantCulture),
        };
        string Name() => "N " + Text();
        T Pick<T>(IReadOnlyList<T> items) => items[r.Next(items.Count)];
        TEnum Enum<TEnum>()
            where TEnum : struct, Enum => Pick(System.Enum.GetValues<TEnum>());

        var affiliations = Enumerable.Range(0, r.Next(3)).Select(_ => Id("aff")).ToList();
        foreach (var a in affiliations)
        {
            b.AddAffiliation(new Affiliation(a, Name()) { Description = Maybe(0.5) });
        }

        var sources = Enumerable.Range(0, r.Next(1, 6)).Select(_ => Id("src")).ToList();
        foreach (var s in sources)
        {
            b.AddSource(new Source(s, Name(), Enum<SourceKind>())
            {
                Aliases = [.. Enumerable.Range(0, r.Next(3)).Select(_ => Text())],
                Country = r.Next(2) == 0 ? null : Pick(["RU", "AZ", "AM", "US"]),
                Affiliation = affiliations.Count > 0 && r.Next(2) == 0 ? Pick(affiliations) : null,
                Url = Maybe(0.3),
            });
        }

        var claims = Enumerable.Range(0, r.Next(1, 4)).Select(_ => Id("c")).ToList();
        foreach (var c in claims)
        {
            b.AddClaim(new Claim(c, Name()) { Contradicts = [.. claims.Where(o => o != c && r.Next(4) == 0)] });
        }

        var explicitReports = Enumerable.Range(0, r.Next(1, 6)).Select(_ => Id("r")).ToList();
        var reports = new Dictionary<string, Report>(StringComparer.Ordinal);
        foreach (var id in explicitReports)
        {
            reports[id] = new Report(id, Pick(sources), Enum<ReportKind>())
            {
                Title = Maybe(0.5),
                Url = Maybe(0.3),
                Language = r.Next(2) == 0 ? null : Pick(["en", "ru", "hy"]),
                Published = r.Next(3) == 0 ? null : new DateTimeOffset(
                    new DateTime(2020, 11, 9).AddMinutes(r.Next(-5000, 5000)).AddTicks(r.Next(3) == 0 ? r.Next(10_000_000) : 0),
                    Pick(Offsets)),
            };
        }

        var citations = new List<Citation>();
        var edges = new HashSet<(string, string, string)>();
        void Cite(string from, string to)
        {
            var claim = Pick(claims);
            if (from != to && edges.Add((from, to, claim)))
            {
                citations.Add(new Citation(from, to, claim, Enum<CitationKind>(), r.Next(3) == 0 ? Enum<Hedge>() : Hedge.None, Maybe(0.6)));
            }
        }

        for (var i = r.Next(9); i > 0; i--)
        {
            var parent = reports[Pick(reports.Keys.Order(StringComparer.Ordinal).ToList())];
            var root = parent.CitedIn ?? parent.Id;
            var source = Pick(sources);
            var shape = r.Next(10);
            var id = shape switch
            {
                0 => Id("imp"),
                _ => parent.Id + "~" + source,
            };
            if (reports.ContainsKey(id) || (shape != 0 && !used.Add(id)))
            {
                continue;
            }

            var report = Report.Implicit(id, source, shape == 1 ? Pick(explicitReports) : root);
            if (shape == 2)
            {
                report = report with { Title = Text() };
            }

            reports[id] = report;
            if (r.Next(8) != 0)
            {
                Cite(parent.Id, id);
            }
        }

        var ids = reports.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = r.Next(8); i > 0; i--)
        {
            Cite(Pick(ids), Pick(ids));
        }

        // Modes follow the builder's rules: attributed exactly when citing; a cited explicit report must assert.
        var assertions = new List<Assertion>();
        var asserted = new HashSet<(string, string)>();
        foreach (var c in citations)
        {
            if (asserted.Add((c.From, c.Claim)) && (!reports[c.From].IsImplicit || r.Next(2) == 0))
            {
                assertions.Add(new Assertion(c.From, c.Claim, AssertionMode.Attributed, Maybe(0.4)));
            }
        }

        foreach (var c in citations)
        {
            if (!asserted.Add((c.To, c.Claim)))
            {
                continue;
            }

            var target = reports[c.To];
            var mode = target.IsImplicit
                ? Pick([AssertionMode.Unknown, AssertionMode.Unknown, AssertionMode.FirstHand, AssertionMode.Unattributed, (AssertionMode)(-1)])
                : Pick([AssertionMode.FirstHand, AssertionMode.Unattributed]);
            if ((int)mode >= 0)
            {
                assertions.Add(new Assertion(c.To, c.Claim, mode, Maybe(0.5)));
            }
        }

        foreach (var report in explicitReports)
        {
            var claim = Pick(claims);
            if (r.Next(3) == 0 && asserted.Add((report, claim)))
            {
                assertions.Add(new Assertion(report, claim, Pick([AssertionMode.FirstHand, AssertionMode.Unattributed]), Maybe(0.5)));
            }
        }

        foreach (var report in reports.Values.OrderBy(_ => r.Next()))
        {
            b.AddReport(report);
        }

        foreach (var a in assertions.OrderBy(_ => r.Next()))
        {
            b.AddAssertion(a);
        }

        foreach (var c in citations.OrderBy(_ => r.Next()))
        {
            b.AddCitation(c);
        }

        return b.TryBuild(out var graph, out var problems)
            ? graph
            : throw new InvalidOperationException($"The generator made an invalid graph (seed {seed}):\n" + string.Join("\n", problems));
    }

    /// <summary>Every element as text, each collection sorted: equal for graphs with the same content in any order.</summary>
    public static string Canonical(CitationGraph graph)
    {
        static string S(string? s) => s is null ? "<null>" : "\"" + s + "\"";
        var parts = new List<string>();
        parts.AddRange(graph.Affiliations.Select(a => $"A {S(a.Id)} {S(a.Name)} {S(a.Description)}").Order(StringComparer.Ordinal));
        parts.AddRange(graph.Sources.Select(s => $"S {S(s.Id)} {S(s.Name)} {s.Kind} [{string.Join("|", s.Aliases.Select(S))}] {S(s.Country)} {S(s.Affiliation)} {S(s.Url)}").Order(StringComparer.Ordinal));
        parts.AddRange(graph.Claims.Select(c => $"C {S(c.Id)} {S(c.Text)} [{string.Join("|", c.Contradicts.Select(S))}]").Order(StringComparer.Ordinal));
        parts.AddRange(graph.Reports.Select(r => $"R {S(r.Id)} {S(r.Source)} {r.Kind} {S(r.Title)} {r.Published?.ToString("o", CultureInfo.InvariantCulture)} {S(r.Url)} {S(r.Language)} {S(r.CitedIn)}").Order(StringComparer.Ordinal));
        parts.AddRange(graph.Assertions.Select(a => $"As {S(a.Report)} {S(a.Claim)} {a.Mode} {S(a.Wording)}").Order(StringComparer.Ordinal));
        parts.AddRange(graph.Citations.Select(c => $"Ci {S(c.From)} {S(c.To)} {S(c.Claim)} {c.Kind} {c.Hedge} {S(c.Evidence)}").Order(StringComparer.Ordinal));
        return string.Join("\n", parts);
    }

    private static string RandomText(Random r)
    {
        const string alphabet = "abcXYZ019 :#-'\"\\{}[],&*!|>%@`~ТАСС\u00A0\n\t.";
        var builder = new StringBuilder("t");
        for (var i = r.Next(1, 12); i > 0; i--)
        {
            builder.Append(alphabet[r.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }
}
