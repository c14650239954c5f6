using System.Globalization;

namespace Provenance.Generation;

/// <summary>
/// Generates realistic news citation graphs of any size, for tests, benchmarks and demonstrations. The same
/// <see cref="GeneratorOptions"/> (seed included) always give the same graph. Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The shape follows how news travels: government bodies make first-hand statements; a few news agencies are
/// cited far more than the rest (a power law); many outlets and broadcasters relay them through chains of one
/// to <see cref="GeneratorOptions.MaxChainLength"/> hops written inside one article ("Interfax, citing the
/// ministry, said"), which become implicit reports <c>article~agency~ministry</c> as the YAML format makes
/// them. Articles also cite earlier articles, about <see cref="GeneratorOptions.UnattributedRate"/> of
/// assertions name no source, some stories are rumours with no first-hand statement (their traces end at dead
/// ends), and a few undated articles cite each other in circles.
/// </para>
/// <para>
/// Explicit reports are dated one minute apart in the order they are made and only cite earlier ones, so the
/// graph has no timeline errors; the articles in a circle are undated.
/// </para>
/// </remarks>
public static class NewsGraphGenerator
{
    private static readonly TimeSpan[] Offsets = [TimeSpan.Zero, TimeSpan.FromHours(3), TimeSpan.FromHours(4), TimeSpan.FromHours(-5), TimeSpan.FromHours(1), TimeSpan.FromHours(2)];
    private static readonly string[] Countries = ["RU", "AZ", "AM", "US", "GB", "FR", "DE", "TR", "IR", "UA", "GE", "IL"];
    private static readonly string[] Subjects = ["The ministry", "The army", "The government", "Officials", "The foreign office", "Border guards", "The navy", "Investigators"];
    private static readonly string[] Predicates = ["confirmed the strike on", "denied any role in the attack on", "reported casualties in", "closed the airspace over", "shot down a drone near", "evacuated civilians from", "announced talks about", "accused the other side of shelling"];
    private static readonly string[] Verbs = ["according to", "citing", "as reported by", "quoting", "said", "told reporters, per"];
    private static readonly string[] Drift = ["", " reportedly", " (unconfirmed)", " by mistake", " deliberately"];

    /// <summary>Generates a graph.</summary>
    /// <param name="options">The size, seed and shape; <see langword="null"/> for the defaults.</param>
    /// <returns>A valid graph with exactly <see cref="GeneratorOptions.Citations"/> citations.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static CitationGraph Generate(GeneratorOptions? options = null)
    {
        options ??= new GeneratorOptions();
        options.Validate();
        var builder = new CitationGraphBuilder(new GraphBuildOptions
        {
            // A generated graph has about 1.4 nodes (mostly implicit reports) per citation; past 7M citations that passes the
            // default node limit, so the limit grows with the size asked for.
            Limits = new GraphLimits
            {
                MaxCitations = Math.Max(options.Citations, GraphLimits.Default.MaxCitations),
                MaxNodes = (int)Math.Max(GraphLimits.Default.MaxNodes, Math.Min(int.MaxValue, 2L * options.Citations)),
            },
        });
        new Run(options, builder).Fill();
        return builder.Build();
    }

    /// <summary>One generation: the random stream and everything made so far.</summary>
    private sealed class Run(GeneratorOptions options, CitationGraphBuilder builder)
    {
        private readonly Random random = new(options.Seed);
        private readonly List<StoryClaim> claims = [];
        private readonly HashSet<string> implicitInArticle = new(StringComparer.Ordinal);
        private readonly DateTimeOffset epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private SourcePool agencies = null!;
        private SourcePool outlets = null!;
        private SourcePool broadcasters = null!;
        private SourcePool governments = null!;
        private SourcePool people = null!;
        private SourcePool anonymous = null!;
        private int citations;
        private int explicitReports;

        private int Remaining => options.Citations - citations;

        public void Fill()
        {
            var n = options.Citations;
            var affiliationCount = Math.Clamp(n / 2_000, 3, 1_000);
            for (var i = 0; i < affiliationCount; i++)
            {
                builder.AddAffiliation(new Affiliation(Id("aff-", i), Name("State group ", i))
                {
                    Description = i % 2 == 0 ? "Government bodies and state-owned media of one state." : null,
                });
            }

            agencies = Sources("agency-", "Agency ", SourceKind.NewsAgency, Math.Clamp(6 + (n / 100_000), 6, 30), affiliationCount, 0.5);
            outlets = Sources("outlet-", "Outlet ", SourceKind.Outlet, Math.Clamp(n / 100, 20, 20_000), affiliationCount, 0.3);
            broadcasters = Sources("bc-", "Broadcaster ", SourceKind.Broadcaster, Math.Clamp(n / 1_000, 5, 2_000), affiliationCount, 0.5);
            governments = Sources("gov-", "Ministry ", SourceKind.Government, Math.Clamp(n / 500, 8, 5_000), affiliationCount, 1.0);
            people = Sources("person-", "Spokesperson ", SourceKind.Person, Math.Clamp(n / 2_000, 4, 1_000), affiliationCount, 0.5);
            anonymous = Sources("anon-", "Unnamed sources ", SourceKind.Anonymous, 3, affiliationCount, 0);

            while (Remaining > 0)
            {
                if (claims.Count == 0 || random.NextDouble() < 0.15)
                {
                    NewClaim();
                }
                else if (random.NextDouble() < options.CycleRate && Remaining >= 3)
                {
                    Circle();
                }
                else
                {
                    Article();
                }
            }
        }

        private static string Id(string prefix, int i) => prefix + i.ToString(CultureInfo.InvariantCulture);

        private static string Name(string prefix, int i) => prefix + (i + 1).ToString(CultureInfo.InvariantCulture);

        private SourcePool Sources(string prefix, string name, SourceKind kind, int count, int affiliationCount, double affiliated)
        {
            var pool = new SourcePool(count);
            for (var i = 0; i < count; i++)
            {
                var id = Id(prefix, i);
                var source = new Source(id, Name(name, i), kind)
                {
                    Country = Countries[random.Next(Countries.Length)],
                    Affiliation = random.NextDouble() < affiliated ? Id("aff-", random.Next(affiliationCount)) : null,
                    Aliases = kind == SourceKind.NewsAgency ? [name.Trim().ToUpperInvariant() + " " + (i + 1).ToString(CultureInfo.InvariantCulture)] : [],
                    Url = kind is SourceKind.NewsAgency or SourceKind.Outlet or SourceKind.Broadcaster ? "https://example.org/" + id : null,
                };
                builder.AddSource(source);
                pool.Ids[i] = id;
                pool.Names[i] = source.Name;
            }

            return pool;
        }

        private (string Id, DateTimeOffset Published) NextExplicit(string prefix)
        {
            var i = explicitReports++;
            return (Id(prefix, i), epoch.AddMinutes(i).ToOffset(Offsets[i % Offsets.Length]));
        }

        private void NewClaim()
        {
            var index = claims.Count;
            var text = Subjects[random.Next(Subjects.Length)] + " " + Predicates[random.Next(Predicates.Length)] + " "
                + Name("town ", random.Next(500)) + " (story " + (index + 1).ToString(CultureInfo.InvariantCulture) + ").";
            var claim = new Claim(Id("claim-", index), text);
            if (index > 0 && random.NextDouble() < 0.05)
            {
                claim = claim with { Contradicts = [claims[random.Next(index)].Id] };
            }

            builder.AddClaim(claim);
            var story = new StoryClaim(claim.Id, [.. Drift.Select(d => text.TrimEnd('.') + d)]);
            claims.Add(story);
            if (random.NextDouble() < 0.1)
            {
                // A rumour: nobody states it first-hand, so every chain for it ends at a dead end.
                story.Origins.Add(anonymous.Ids[random.Next(anonymous.Ids.Length)]);
                return;
            }

            var statements = random.NextDouble() < 0.3 ? 2 : 1;
            for (var s = 0; s < statements; s++)
            {
                var origin = s == 0 ? governments.Pick(random) : people.Pick(random);
                var (id, published) = NextExplicit("s-");
                builder.AddReport(new Report(id, origin, ReportKind.Statement)
                {
                    Published = published,
                    Title = "Statement on " + claim.Id,
                    Url = "https://example.org/statements/" + id,
                    Language = "en",
                });
                builder.AddAssertion(new Assertion(id, claim.Id, AssertionMode.FirstHand, Text(story.Wordings[0])));
                story.Origins.Add(origin);
                story.Reports.Add(id);
            }
        }

        private StoryClaim PickClaim()
        {
            // Recent stories are relayed most: a power law over age.
            var u = random.NextDouble();
            var back = (int)(claims.Count * u * u * u);
            return claims[claims.Count - 1 - Math.Min(back, claims.Count - 1)];
        }

        private void Article()
        {
            var broadcast = random.NextDouble() < 0.2;
            var publisher = broadcast ? broadcasters.Pick(random) : outlets.Pick(random);
            var (id, published) = NextExplicit("a-");
            var kind = broadcast ? (random.NextDouble() < 0.5 ? ReportKind.Broadcast : ReportKind.Video) : (random.NextDouble() < 0.9 ? ReportKind.Article : ReportKind.Post);
            builder.AddReport(new Report(id, publisher, kind)
            {
                Published = published,
                Title = random.NextDouble() < 0.5 ? "Report " + id : null,
                Url = "https://example.org/" + publisher + "/" + id,
                Language = random.NextDouble() < 0.7 ? "en" : "ru",
            });

            implicitInArticle.Clear();
            var count = 1 + (random.NextDouble() < 0.3 ? 1 : 0) + (random.NextDouble() < 0.1 ? 1 : 0);
            var used = new HashSet<string>(StringComparer.Ordinal);
            for (var k = 0; k < count && Remaining > 0; k++)
            {
                var story = PickClaim();
                if (!used.Add(story.Id))
                {
                    continue;
                }

                Assert(id, story, canCiteReport: true);
                story.Reports.Add(id);
            }
        }

        /// <summary>Makes report <paramref name="id"/> assert the story's claim, with the citations that takes.</summary>
        private void Assert(string id, StoryClaim story, bool canCiteReport)
        {
            var wording = Text(story.Wordings[random.Next(story.Wordings.Length)]);
            var roll = random.NextDouble();
            if (roll < options.UnattributedRate)
            {
                builder.AddAssertion(new Assertion(id, story.Id, AssertionMode.Unattributed, wording));
                return;
            }

            if (roll < options.UnattributedRate + 0.02)
            {
                // The outlet's own reporters saw it: a first-hand report.
                builder.AddAssertion(new Assertion(id, story.Id, AssertionMode.FirstHand, wording));
                return;
            }

            builder.AddAssertion(new Assertion(id, story.Id, AssertionMode.Attributed, wording));
            if (canCiteReport && story.Reports.Count > 0 && random.NextDouble() < 0.2)
            {
                var cited = story.Reports[story.Reports.Count - 1 - (int)(story.Reports.Count * Math.Pow(random.NextDouble(), 3))];
                Cite(id, cited, story.Id, CitationKind.Citing, "as first reported in " + cited);
                if (random.NextDouble() < 0.7 || Remaining == 0)
                {
                    return;
                }
            }

            var vias = random.NextDouble() < 0.2 ? 2 : 1;
            string? firstHop = null;
            for (var v = 0; v < vias && Remaining > 0; v++)
            {
                var hop = Chain(id, story, firstHop);
                firstHop ??= hop;
            }
        }

        /// <summary>Writes one chain of hops inside article <paramref name="article"/>; returns its first hop's source.</summary>
        private string? Chain(string article, StoryClaim story, string? avoidFirst)
        {
            var length = Math.Min(Math.Min(ChainLength(), options.MaxChainLength), Remaining);
            var roll = random.NextDouble();
            var firstHand = roll < 0.6;
            var end = roll < 0.85 || story.Origins.Count == 0
                ? story.Origins[random.Next(story.Origins.Count)]
                : random.NextDouble() < 0.5 ? anonymous.Pick(random) : people.Pick(random);
            firstHand &= story.Origins.Contains(end) && !end.StartsWith("anon-", StringComparison.Ordinal);

            var hops = new List<string>(length);
            for (var h = 0; h < length - 1; h++)
            {
                var next = random.NextDouble() < 0.85 ? agencies.Pick(random) : broadcasters.Pick(random);
                if (hops.Contains(next) || next == end || (h == 0 && next == avoidFirst))
                {
                    continue;
                }

                hops.Add(next);
            }

            hops.Add(end);
            if (hops[0] == avoidFirst)
            {
                return null;
            }

            var from = article;
            for (var h = 0; h < hops.Count; h++)
            {
                var source = hops[h];
                var to = from + "~" + source;
                if (implicitInArticle.Add(to))
                {
                    builder.AddReport(Report.Implicit(to, source, article));
                }

                var kind = h == 0 ? (CitationKind)random.Next(4) : (random.NextDouble() < 0.95 ? CitationKind.Citing : CitationKind.Confirms);
                var evidence = options.IncludeText ? Verbs[random.Next(Verbs.Length)] + " " + SourceName(source) : null;
                Cite(from, to, story.Id, kind, evidence);
                from = to;
            }

            if (firstHand)
            {
                builder.AddAssertion(new Assertion(from, story.Id, AssertionMode.FirstHand, Text(story.Wordings[random.Next(story.Wordings.Length)])));
            }

            return hops[0];
        }

        private int ChainLength()
        {
            var u = random.NextDouble();
            return u switch
            {
                < 0.35 => 1,
                < 0.65 => 2,
                < 0.80 => 3,
                < 0.90 => 4,
                < 0.96 => 5,
                _ => 6,
            };
        }

        /// <summary>Two or three undated articles that cite each other in a circle for one claim.</summary>
        private void Circle()
        {
            var story = PickClaim();
            var size = Math.Min(random.NextDouble() < 0.6 ? 2 : 3, Remaining);
            var ids = new string[size];
            for (var i = 0; i < size; i++)
            {
                var publisher = outlets.Pick(random);
                ids[i] = Id("c-", explicitReports++);
                builder.AddReport(new Report(ids[i], publisher, ReportKind.Post) { Language = "en" });
                builder.AddAssertion(new Assertion(ids[i], story.Id, AssertionMode.Attributed, Text(story.Wordings[random.Next(story.Wordings.Length)])));
            }

            for (var i = 0; i < size; i++)
            {
                var to = ids[(i + 1) % size];
                Cite(ids[i], to, story.Id, CitationKind.Citing, "as reported by " + to);
            }

            story.Reports.AddRange(ids);
        }

        private void Cite(string from, string to, string claim, CitationKind kind, string? evidence)
        {
            var hedge = random.NextDouble() < 0.15 ? (Hedge)(1 + random.Next(4)) : Hedge.None;
            builder.AddCitation(new Citation(from, to, claim, kind, hedge, options.IncludeText ? evidence : null));
            citations++;
        }

        private string? Text(string value) => options.IncludeText ? value : null;

        private string SourceName(string id)
        {
            var dash = id.LastIndexOf('-');
            var i = int.Parse(id.AsSpan(dash + 1), CultureInfo.InvariantCulture);
            return id[..dash] switch
            {
                "agency" => agencies.Names[i],
                "outlet" => outlets.Names[i],
                "bc" => broadcasters.Names[i],
                "gov" => governments.Names[i],
                "person" => people.Names[i],
                _ => anonymous.Names[i],
            };
        }
    }

    /// <summary>A claim being generated: who originated it, its wordings and the explicit reports asserting it.</summary>
    private sealed class StoryClaim(string id, string[] wordings)
    {
        public string Id { get; } = id;

        public string[] Wordings { get; } = wordings;

        public List<string> Origins { get; } = [];

        public List<string> Reports { get; } = [];
    }

    /// <summary>Sources of one kind, picked by a power law: the first few are cited far more than the rest.</summary>
    private sealed class SourcePool
    {
        private readonly double[] cumulative;

        public SourcePool(int count)
        {
            Ids = new string[count];
            Names = new string[count];
            cumulative = new double[count];
            var total = 0.0;
            for (var i = 0; i < count; i++)
            {
                total += 1.0 / Math.Pow(i + 1, 1.1);
                cumulative[i] = total;
            }

            for (var i = 0; i < count; i++)
            {
                cumulative[i] /= total;
            }
        }

        public string[] Ids { get; }

        public string[] Names { get; }

        public string Pick(Random random)
        {
            var i = Array.BinarySearch(cumulative, random.NextDouble());
            return Ids[Math.Min(i < 0 ? ~i : i, Ids.Length - 1)];
        }
    }
}
