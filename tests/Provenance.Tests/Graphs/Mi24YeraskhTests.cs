using Provenance.Yaml;

namespace Provenance.Tests.Graphs;

/// <summary>
/// Findings of the bundled graph <c>graphs/mi24-yeraskh.yaml</c> (issue 5): the reporting of the Russian Mi-24 shot down
/// near Yeraskh, Armenia, on 9 November 2020, in five articles. Each test states what the graph shows; if the graph is
/// remodelled, a failing test here says which finding changed.
/// </summary>
/// <remarks>
/// The graphs are read from the repository, not copied into the test output: the tests walk up from the test assembly's
/// folder to the folder holding <c>Provenance.sln</c> and read <c>graphs/</c> there, so an edit to a graph is tested
/// without a rebuild.
/// </remarks>
public sealed class Mi24YeraskhTests
{
    private const string ZeroHedge = "zerohedge-az-by-mistake";
    private const string SouthFront = "southfront-az-accidentally";
    private const string EurAsianTimes = "eurasiantimes-az-shoots-down";
    private const string Newsweek = "newsweek-az-admits";
    private const string AnonCandanga = "anoncandanga-az-mod-confirms";

    private static readonly Lazy<CitationGraph> Loaded = new(() => ProvenanceYaml.Load(Path.Combine(GraphsFolder(), "mi24-yeraskh.yaml")));

    private static CitationGraph Graph => Loaded.Value;

    public static TheoryData<string> BundledGraphs() => [.. GraphNames()];

    [Theory]
    [MemberData(nameof(BundledGraphs))]
    public void Load_BundledGraph_IsValid(string name)
    {
        var graph = ProvenanceYaml.Load(Path.Combine(GraphsFolder(), name));

        Assert.NotEmpty(graph.Reports);
        Assert.All(graph.Reports.Where(r => !r.IsImplicit), r => Assert.False(string.IsNullOrWhiteSpace(r.Title), $"{name}: report '{r.Id}' has no title to match its article by."));
    }

    [Fact]
    public void BundledGraphs_IncludeMi24Yeraskh()
    {
        Assert.Contains("mi24-yeraskh.yaml", GraphNames());
    }

    [Fact]
    public void Reports_FivePublishers_OneArticleEach()
    {
        var explicitReports = Graph.Reports.Where(r => !r.IsImplicit).Select(r => (r.Id, r.Source, r.Kind, r.Language));

        Assert.Equal(
            [
                (ZeroHedge, "zerohedge", ReportKind.Article, "en"),
                (SouthFront, "southfront", ReportKind.Article, "en"),
                (EurAsianTimes, "eurasian-times", ReportKind.Article, "en"),
                (Newsweek, "newsweek", ReportKind.Article, "en"),
                (AnonCandanga, "anon-candanga", ReportKind.Article, "en"),
            ],
            explicitReports);
    }

    [Fact]
    public void Reports_OnlyZeroHedgeGivesAPublicationTime()
    {
        var published = Graph.Reports.Where(r => r.Published is not null).Select(r => (r.Id, r.Published));

        Assert.Equal([(ZeroHedge, (DateTimeOffset?)new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(-5)))], published);
    }

    [Fact]
    public void Trace_AzMistake_ZeroHedgeReachesForeignMinistryThroughTass()
    {
        var chain = Assert.Single(Graph.Trace("az-mistake").Chains, c => c.Report == ZeroHedge);

        Assert.Equal([$"{ZeroHedge}~tass", $"{ZeroHedge}~tass~az-mfa"], chain.Hops.Select(h => h.To));
        Assert.Equal([CitationKind.AccordingTo, CitationKind.AccordingTo], chain.Hops.Select(h => h.Kind));
        Assert.Equal(new TraceEnd(ChainEndKind.PrimarySource, $"{ZeroHedge}~tass~az-mfa", "az-mfa", FirstHandReport: $"{ZeroHedge}~tass~az-mfa"), chain.End);
        Assert.Equal("According to TASS citing official statements from Azerbaijan's foreign ministry", chain.Hops[0].Evidence);
    }

    [Fact]
    public void Trace_AzMistake_AllFivePublishersEndAtTheForeignMinistry()
    {
        var trace = Graph.Trace("az-mistake");

        Assert.Equal([ZeroHedge, SouthFront, EurAsianTimes, Newsweek, AnonCandanga], trace.Chains.Select(c => c.Report));
        Assert.All(trace.Chains, c => Assert.Equal((ChainEndKind.PrimarySource, "az-mfa"), (c.End.Kind, c.End.Source)));
        Assert.Equal<string>(["az-mfa"], trace.PrimarySources);
    }

    [Fact]
    public void IndependentOrigins_AzMistake_OneAzerbaijaniStateOrigin()
    {
        var origins = Graph.IndependentOrigins("az-mistake");

        Assert.Equal(1, origins.Count);
        Assert.Equal(new OriginGroup("azerbaijani-state", ["az-mfa"]), Assert.Single(origins.Groups));
    }

    [Fact]
    public void Trace_AzMistake_NewsweekHedgesTheAccidentAsAlleged()
    {
        var chain = Assert.Single(Graph.Trace("az-mistake").Chains, c => c.Report == Newsweek);

        var hop = Assert.Single(chain.Hops);
        Assert.Equal((CitationKind.DirectQuote, Hedge.Alleged), (hop.Kind, hop.Hedge));
        Assert.True(Graph.TryGetAssertion(Newsweek, "az-mistake", out var assertion));
        Assert.Equal("Azerbaijan assumed responsibility for what it claimed was an accident", assertion.Wording);
    }

    [Fact]
    public void IndependentOrigins_Manpads_SevenChainsButOneRussianStateOrigin()
    {
        var trace = Graph.Trace("manpads");

        Assert.Equal(7, trace.Chains.Length);
        Assert.Equal<string>(["ru-mod"], trace.PrimarySources);
        Assert.Equal(new OriginGroup("russian-state", ["ru-mod"]), Assert.Single(Graph.IndependentOrigins("manpads").Groups));
    }

    [Fact]
    public void Trace_Manpads_EarlyReportsAreAHedgedDeadEnd()
    {
        var chain = Assert.Single(Graph.Trace("manpads").Chains, c => c.End.Kind == ChainEndKind.DeadEnd);

        Assert.Equal(new TraceEnd(ChainEndKind.DeadEnd, $"{ZeroHedge}~early-reports", "early-reports", DeadEndReason.NoFirstHandStatement), chain.End);
        Assert.Equal(Hedge.Reportedly, chain.WeakestHop!.Hedge);
    }

    [Fact]
    public void IndependentOrigins_Casualties_RussianMinistryAndArmenianEmergencyMinistry()
    {
        OriginGroup[] expected = [new("russian-state", ["ru-mod"]), new("armenian-state", ["am-mes"])];

        Assert.Equal(expected, Graph.IndependentOrigins("two-killed").Groups);
        Assert.Equal(expected, Graph.IndependentOrigins("one-injured").Groups);
    }

    [Fact]
    public void Trace_TwoKilled_ArmenianOriginComesOnlyThroughNewsweek()
    {
        var toEmergencyMinistry = Graph.Trace("two-killed").Chains.Where(c => c.End.Source == "am-mes").Select(c => c.Report);

        Assert.Equal([Newsweek], toEmergencyMinistry);
    }

    [Fact]
    public void Trace_TwoKilled_InterfaxAndSouthFrontAreDeadEnds()
    {
        var deadEnds = Graph.Trace("two-killed").Chains.Where(c => c.End.Kind == ChainEndKind.DeadEnd).Select(c => (c.Report, c.End.Source, c.End.Reason));

        Assert.Equal(
            [(ZeroHedge, "interfax", (DeadEndReason?)DeadEndReason.NoFirstHandStatement), (SouthFront, "southfront", DeadEndReason.UnattributedAssertion)],
            deadEnds);
    }

    [Fact]
    public void IndependentOrigins_ShotDown_SecondOriginRestsOnAnonCandangaAlone()
    {
        var origins = Graph.IndependentOrigins("shot-down");

        Assert.Equal<OriginGroup>([new("russian-state", ["ru-mod"]), new("azerbaijani-state", ["az-mod"])], origins.Groups);
        Assert.Equal(new DependencyResult("az-mod", [AnonCandanga], ["anon-candanga"]), Graph.Downstream("az-mod"));
    }

    [Fact]
    public void SingleOriginClaims_Bundled_AllButFourTwoOriginAndThreeUnsourcedClaims()
    {
        string[] single =
        [
            "crash", "near-yeraskh", "gorge-site", "manpads", "time-1730", "alarm-1839", "convoy-escort", "lost-control",
            "perpetrator-unknown", "investigation", "az-shot-down", "az-mistake", "az-apology", "az-condolences",
            "az-compensation", "near-border", "near-conflict-zone", "dark-low-altitude", "not-seen-before", "az-open-fire",
            "am-mod-condolences", "pilots-state-awards",
        ];
        string[] twoOrigins = ["shot-down", "two-killed", "one-injured", "crash-imagery"];
        string[] unsourced = ["outside-combat-zone", "fire-from-nakhchivan", "turkish-provocation"];

        Assert.Equal(single, Graph.SingleOriginClaims().Select(o => o.Claim));
        // The three lists are every claim of the graph, each once: no claim is left unclassified.
        Assert.Equal(Graph.Claims.Select(c => c.Id).Order(StringComparer.Ordinal), single.Concat(twoOrigins).Concat(unsourced).Order(StringComparer.Ordinal));
        Assert.All(twoOrigins, c => Assert.Equal(2, Graph.IndependentOrigins(c).Count));
        Assert.All(unsourced, c => Assert.Equal(0, Graph.IndependentOrigins(c).Count));
    }

    [Fact]
    public void PrimarySources_SpeculationAndArmenianClaims_HaveNone()
    {
        Assert.Empty(Graph.PrimarySources("turkish-provocation"));
        Assert.Empty(Graph.PrimarySources("fire-from-nakhchivan"));
        Assert.Empty(Graph.PrimarySources("outside-combat-zone"));
    }

    [Fact]
    public void ContradictionsOf_AzMistake_IsTheUnsourcedTurkishProvocation()
    {
        Assert.Equal(["turkish-provocation"], Graph.ContradictionsOf("az-mistake").Select(c => c.Id));
        var chain = Assert.Single(Graph.Trace("turkish-provocation").Chains);
        Assert.Equal(new TraceEnd(ChainEndKind.DeadEnd, SouthFront, "southfront", DeadEndReason.UnattributedAssertion), chain.End);
    }

    [Fact]
    public void ContradictionsOf_NearConflictZone_OnlyAnonCandangaRendersTheStatementSo()
    {
        Assert.Equal(["outside-combat-zone"], Graph.ContradictionsOf("near-conflict-zone").Select(c => c.Id));
        Assert.Equal([AnonCandanga], Graph.Trace("near-conflict-zone").Chains.Select(c => c.Report));
        Assert.Equal([SouthFront], Graph.Trace("outside-combat-zone").Chains.Select(c => c.Report));
    }

    [Fact]
    public void DeadEnds_Bundled_NineteenIncludingSputniksConvoyAndPublicRadiosGorge()
    {
        var deadEnds = Graph.DeadEnds().Select(d => $"{d.Claim} {d.Source} {d.Reason}");

        Assert.Equal(
            [
                "crash armenian-media NoFirstHandStatement",
                "shot-down interfax NoFirstHandStatement",
                "shot-down sputnik-armenia NoFirstHandStatement",
                "gorge-site am-public-radio NoFirstHandStatement",
                "manpads early-reports NoFirstHandStatement",
                "two-killed interfax NoFirstHandStatement",
                "two-killed southfront UnattributedAssertion",
                "one-injured interfax NoFirstHandStatement",
                "one-injured southfront UnattributedAssertion",
                "convoy-escort sputnik NoFirstHandStatement",
                "perpetrator-unknown newsweek UnattributedAssertion",
                "investigation zerohedge UnattributedAssertion",
                "investigation eurasian-times UnattributedAssertion",
                "outside-combat-zone southfront UnattributedAssertion",
                "crash-imagery russian-sources NoFirstHandStatement",
                "crash-imagery armenian-military-news-sites NoFirstHandStatement",
                "crash-imagery southfront UnattributedAssertion",
                "fire-from-nakhchivan armenian-media NoFirstHandStatement",
                "turkish-provocation southfront UnattributedAssertion",
            ],
            deadEnds);
    }

    [Fact]
    public void UnattributedAssertions_Bundled_SouthFrontHasMost()
    {
        var unattributed = Graph.UnattributedAssertions().Select(a => (a.Report, a.Claim));

        Assert.Equal(
            [
                (ZeroHedge, "investigation"),
                (SouthFront, "outside-combat-zone"),
                (SouthFront, "two-killed"),
                (SouthFront, "one-injured"),
                (SouthFront, "turkish-provocation"),
                (SouthFront, "crash-imagery"),
                (EurAsianTimes, "investigation"),
                (Newsweek, "perpetrator-unknown"),
            ],
            unattributed);
    }

    [Fact]
    public void Drift_AzMistake_ZeroHedgeTurnsTassDownedIntoSaysItShotDown()
    {
        var drift = Assert.Single(Graph.Drift("az-mistake"), d => d.Citation.From == ZeroHedge);

        Assert.Equal($"{ZeroHedge}~tass", drift.Citation.To);
        Assert.Equal("Azerbaijan Says It Shot Down Russian Helicopter \"By Mistake\"", drift.FromWording);
        Assert.Equal("Azerbaijan downed Russian helicopter by mistake", drift.ToWording);
        Assert.Equal<string>(["says", "it", "shot", "down"], drift.Added);
        Assert.Equal<string>(["downed"], drift.Removed);
    }

    [Fact]
    public void RelayDrift_AzOpenFire_AnonCandangaAddsToKill()
    {
        // The two relays of the Foreign Ministry's sentence sit on different chains, so the per-citation drift query has no
        // pair to compare for this claim; the relay drift query compares the two implicit reports of az-mfa.
        var drift = Graph.RelayDrift("az-open-fire");

        Assert.DoesNotContain(Graph.Drift("az-open-fire"), d => d.Changed > 0);
        Assert.Equal(
            new RelayDriftResult(
                "az-open-fire",
                [
                    new RelayWordingDrift(
                        "az-open-fire",
                        "az-mfa",
                        $"{SouthFront}~az-mfa",
                        "the duty combat crew decided to open fire.",
                        $"{AnonCandanga}~az-mfa",
                        "the guard combat team decided to open fire to kill.",
                        ["guard", "team", "to", "kill"],
                        ["duty", "crew"]),
                ],
                0),
            drift);
    }

    [Fact]
    public void Wording_AttackTime_ThreeRenderingsOfTheMinistryStatement()
    {
        var wordings = Graph.AssertionsOfClaim("time-1730").Where(a => Graph.GetReport(a.Report).Source == "ru-mod").Select(a => a.Wording);

        Assert.Equal(
            ["On November 9, at about 17.30 Moscow time", "On November 9, at about 17:30 (Moscow time)", "On November 9, at approximately 5.30 p.m. Moscow time"],
            wordings);
    }

    [Fact]
    public void Drift_Investigation_NewsweekSaysShotAtWhereAnonCandangaSaysFiredAt()
    {
        var drift = Assert.Single(Graph.Drift("investigation"));

        Assert.Equal((Newsweek, $"{Newsweek}~ru-mod"), (drift.Citation.From, drift.Citation.To));
        Assert.Contains("shot", drift.ToWording, StringComparison.Ordinal);
        Assert.True(Graph.TryGetAssertion($"{AnonCandanga}~ru-mod", "investigation", out var anon));
        Assert.EndsWith("those who fired at the Russian helicopter.", anon.Wording, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_ShotDown_NewsweekChainThroughUnnamedStateMedia()
    {
        var chain = Assert.Single(Graph.Trace("shot-down").Chains, c => c.Report == Newsweek);

        Assert.Equal(
            [("russian-state-media", CitationKind.AccordingTo), ("ru-mod", CitationKind.Confirms)],
            chain.Hops.Select(h => (Graph.GetReport(h.To).Source, h.Kind)));
        Assert.Equal($"{Newsweek}~russian-state-media", chain.WeakestHop!.To);
    }

    [Fact]
    public void Trace_ShotDown_ZeroHedgeChainsInsideOneArticle()
    {
        var chains = Graph.Trace("shot-down").Chains.Where(c => c.Report == ZeroHedge).Select(c => (string.Join(" > ", c.Hops.Select(h => Graph.GetReport(h.To).Source)), c.End.Kind));

        Assert.Equal(
            [
                ("interfax", ChainEndKind.DeadEnd),
                ("sputnik-armenia", ChainEndKind.DeadEnd),
                ("rt > ru-mod", ChainEndKind.PrimarySource),
                ("sputnik > ru-mod", ChainEndKind.PrimarySource),
            ],
            chains);
    }

    [Fact]
    public void Trace_ShotDown_ZeroHedgeHedgesRtAsPurported()
    {
        var chain = Assert.Single(Graph.Trace("shot-down").Chains, c => c.Report == ZeroHedge && c.Hops[0].To == $"{ZeroHedge}~rt");

        Assert.Equal((Hedge.Purported, $"{ZeroHedge}~rt"), (chain.WeakestHop!.Hedge, chain.WeakestHop.To));
    }

    [Fact]
    public void Trace_GorgeSite_PublicRadioRelayStopsWhereNewsweekReachesTheMinistry()
    {
        var ends = Graph.Trace("gorge-site").Chains.Select(c => (c.Report, c.End.Source, c.End.Kind));

        Assert.Equal([(ZeroHedge, "am-public-radio", ChainEndKind.DeadEnd), (Newsweek, "am-mes", ChainEndKind.PrimarySource)], ends);
    }

    [Fact]
    public void Trace_Crash_ArmenianPublicRadioRelaysTheEmergencyMinistry()
    {
        var chain = Assert.Single(Graph.Trace("crash").Chains, c => c.Report == ZeroHedge);

        Assert.Equal([$"{ZeroHedge}~am-public-radio", $"{ZeroHedge}~am-public-radio~am-mes"], chain.Hops.Select(h => h.To));
        Assert.Equal<string>(["am-mes"], Graph.PrimarySources("crash"));
    }

    [Fact]
    public void Trace_ConvoyEscort_ZeroHedgeStopsAtSputnikOthersReachTheMinistry()
    {
        var ends = Graph.Trace("convoy-escort").Chains.Select(c => (c.Report, c.End.Source));

        Assert.Equal(
            [(ZeroHedge, "sputnik"), (SouthFront, "ru-mod"), (EurAsianTimes, "ru-mod"), (Newsweek, "ru-mod"), (AnonCandanga, "ru-mod")],
            ends);
    }

    [Fact]
    public void IndependentOrigins_CrashImagery_ArmenianMinistryAndLocals()
    {
        var origins = Graph.IndependentOrigins("crash-imagery");

        Assert.Equal<OriginGroup>([new("armenian-state", ["am-mes"]), new(null, ["locals-twitter"])], origins.Groups);
        var hedges = Graph.Trace("crash-imagery").Chains.Where(c => c.Hops.Length > 0).Select(c => c.Hops[0].Hedge);
        Assert.Equal([Hedge.Unconfirmed, Hedge.Unconfirmed, Hedge.None, Hedge.Purported], hedges);
    }

    [Fact]
    public void Downstream_ForeignMinistry_ReachesEveryPublisherAndTass()
    {
        var downstream = Graph.Downstream("az-mfa");

        Assert.Equal<string>(["zerohedge", "southfront", "eurasian-times", "newsweek", "anon-candanga", "tass"], downstream.Sources);
    }

    [Fact]
    public void Downstream_Tass_OnlyZeroHedge()
    {
        Assert.Equal(new DependencyResult("tass", [ZeroHedge], ["zerohedge"]), Graph.Downstream("tass"));
    }

    [Fact]
    public void CircularReporting_Bundled_None()
    {
        var result = Graph.CircularReporting();

        Assert.Empty(result.Overall);
        Assert.Empty(result.ByClaim);
    }

    [Fact]
    public void TimelineErrors_Bundled_None()
    {
        Assert.Empty(Graph.TimelineErrors());
    }

    [Fact]
    public void SourceSummary_RussianMinistryIsRelayedByEightSources()
    {
        var summary = Graph.SourceSummary();

        var ruMod = Assert.Single(summary.Sources, s => s.Source == "ru-mod");
        var azMfa = Assert.Single(summary.Sources, s => s.Source == "az-mfa");
        Assert.Equal(8, ruMod.Relayers);
        Assert.Equal(5, azMfa.Relayers);
        Assert.Equal(5, Assert.Single(summary.Sources, s => s.Source == "southfront").UnattributedAssertions);
    }

    [Fact]
    public void Sources_StateGroups_CountAsOneOriginEach()
    {
        string[] Members(string affiliation) => [.. Graph.Sources.Where(s => s.Affiliation == affiliation).Select(s => s.Id)];

        Assert.Equal(["ru-mod", "ru-102nd-base", "tass", "rt", "sputnik", "sputnik-armenia", "russian-state-media"], Members("russian-state"));
        Assert.Equal(["az-mfa", "az-mod"], Members("azerbaijani-state"));
        Assert.Equal(["am-mes", "am-ararat-crisis-centre", "am-mod", "am-public-radio"], Members("armenian-state"));
        Assert.Null(Graph.GetSource("interfax").Affiliation);
    }

    /// <summary>
    /// Each top-level <c>*.yaml</c>/<c>*.yml</c> file under graphs/ is one graph; each top-level folder is one graph split over files,
    /// except <c>graphs/diagrams</c>, which holds the rendered diagrams.
    /// </summary>
    private static IEnumerable<string> GraphNames() =>
        Directory.EnumerateFileSystemEntries(GraphsFolder())
            .Where(p => (Directory.Exists(p) && Path.GetFileName(p) != "diagrams") || p.EndsWith(".yaml", StringComparison.Ordinal) || p.EndsWith(".yml", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    private static string GraphsFolder() => TestRepository.File("graphs");
}
