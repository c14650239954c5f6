using System.Text;
using Provenance.Internal;

namespace Provenance.Tests.Model;

public class CitationGraphBuilderMutationTests
{
    private static readonly DateTimeOffset Noon = new(2020, 11, 9, 12, 0, 0, TimeSpan.FromHours(3));

    // Every field of an element written at line `line` gets its own column, so a problem's position names the field.
    private static readonly string[] Fields = ["id", "name", "kind", "affiliation", "text", "contradicts", "source", "citedIn", "report", "claim", "mode", "from", "to"];

    private static FieldLocations At(int line)
    {
        var at = new FieldLocations(new SourceLocation("g.yaml", line, 1));
        for (var i = 0; i < Fields.Length; i++)
        {
            at.Set(Fields[i], new SourceLocation("g.yaml", line, i + 2));
        }

        return at;
    }

    private static string L(int line, string field) => $"g.yaml:{line}:{Array.IndexOf(Fields, field) + 2}";

    private static CitationGraphBuilder Base(GraphBuildOptions? options = null) => new CitationGraphBuilder(options)
        .AddSource(new Source("tass", "TASS", SourceKind.NewsAgency))
        .AddSource(new Source("zerohedge", "ZeroHedge", SourceKind.Outlet))
        .AddClaim(new Claim("downed", "Shot down."))
        .AddReport(new Report("zh", "zerohedge", ReportKind.Article) { Published = Noon })
        .AddReport(Report.Implicit("zh~tass", "tass", "zh"))
        .AddAssertion(new Assertion("zh", "downed", AssertionMode.Attributed))
        .AddCitation(new Citation("zh", "zh~tass", "downed", CitationKind.AccordingTo));

    private static string[] Problems(CitationGraphBuilder builder)
    {
        Assert.False(builder.TryBuild(out var graph, out var diagnostics));
        Assert.Null(graph);
        return [.. diagnostics.Select(d => $"{d.Code} {d}")];
    }

    private const string IdRule = "use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters).";

    [Fact]
    public void Constructor_RejectsMissingOrNonPositiveLimits()
    {
        var missing = Assert.Throws<ArgumentNullException>(() => new CitationGraphBuilder(new GraphBuildOptions { Limits = null! }));
        Assert.Equal("options.Limits", missing.ParamName);

        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => new CitationGraphBuilder(new GraphBuildOptions { Limits = new GraphLimits { MaxNodes = 0 } }));
        Assert.Equal("MaxNodes", zero.ParamName);
    }

    [Fact]
    public void Limits_AreInclusive_AndAGraphPastThemIsRefusedWithOneProblem()
    {
        // Base holds two sources, one claim and two reports (five nodes) and one citation.
        Assert.Equal(2, Base(new GraphBuildOptions { Limits = new GraphLimits { MaxNodes = 5 } }).Build().Reports.Length);
        Assert.Equal(
            ["limit the graph has more than 4 nodes, the limit; raise GraphLimits.MaxNodes to load it."],
            Problems(Base(new GraphBuildOptions { Limits = new GraphLimits { MaxNodes = 4 } })));

        static CitationGraphBuilder TwoCitations(int max) => Base(new GraphBuildOptions { Limits = new GraphLimits { MaxCitations = max } })
            .AddReport(new Report("r6", "tass", ReportKind.Statement))
            .AddAssertion(new Assertion("r6", "downed", AssertionMode.FirstHand))
            .AddCitation(new Citation("zh", "r6", "downed", CitationKind.Citing));

        Assert.Equal(2, TwoCitations(2).Build().Citations.Length);
        Assert.Equal(
            ["limit the graph has more than 1 citations, the limit; raise GraphLimits.MaxCitations to load it."],
            Problems(TwoCitations(1)));
    }

    [Fact]
    public void AfterBuilding_EveryAddAndASecondBuildThrow()
    {
        var builder = Base();
        Assert.True(builder.TryBuild(out _, out var diagnostics));
        Assert.Empty(diagnostics);

        Assert.Throws<InvalidOperationException>(() => builder.TryBuild(out _, out _));
        Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Throws<InvalidOperationException>(() => builder.AddAffiliation(new Affiliation("a", "A")));
        Assert.Throws<InvalidOperationException>(() => builder.AddSource(new Source("s", "S", SourceKind.Person)));
        Assert.Throws<InvalidOperationException>(() => builder.AddClaim(new Claim("c", "C")));
        Assert.Throws<InvalidOperationException>(() => builder.AddReport(new Report("r", "s", ReportKind.Post)));
        Assert.Throws<InvalidOperationException>(() => builder.AddAssertion(new Assertion("r", "c", AssertionMode.FirstHand)));
        Assert.Throws<InvalidOperationException>(() => builder.AddCitation(new Citation("r", "zh", "c", CitationKind.Citing)));
        Assert.Throws<InvalidOperationException>(() => builder.AddReport(0, 1, -1, ReportKind.Post, -1, -1, -1, null, null));
        Assert.Throws<InvalidOperationException>(() => builder.AddAssertion(0, 2, AssertionMode.FirstHand, -1, null));
        Assert.Throws<InvalidOperationException>(() => builder.AddCitation(0, 1, 2, CitationKind.Citing, Hedge.None, -1, null));
    }

    [Fact]
    public void Adds_RejectNull()
    {
        var builder = new CitationGraphBuilder();

        Assert.Throws<ArgumentNullException>(() => builder.AddAffiliation(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddSource(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddClaim(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddReport(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddAssertion(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddCitation(null!));
        Assert.True(builder.TryBuild(out var graph, out _));
        Assert.Equal(0, graph.Reports.Length + graph.Sources.Length + graph.Affiliations.Length + graph.Claims.Length);
    }

    [Fact]
    public void InternId_OfALongUtf8Id_IsTheSymbolOfTheSameString()
    {
        // Longer than twice the builder's first character buffer (64).
        var builder = new CitationGraphBuilder();
        var id = new string('a', 149) + "z";

        var fromBytes = builder.InternId(Encoding.UTF8.GetBytes(id));

        Assert.Equal(fromBytes, builder.InternId(id));
        Assert.Equal(fromBytes, builder.InternId(id.AsSpan()));
        Assert.NotEqual(fromBytes, builder.InternId(Encoding.UTF8.GetBytes(id[..149])));
    }

    [Fact]
    public void Diagnostics_AreSortedByFileLineColumnThenAsAdded_UnlocatedLast_WithoutRepeats()
    {
        var builder = new CitationGraphBuilder();
        builder.AddProblem(new GraphDiagnostic(null, "x", "no place"));
        builder.AddProblem(new GraphDiagnostic(new SourceLocation("b.yaml", 1, 1), "x", "b 1 1"));
        builder.AddProblem(new GraphDiagnostic(new SourceLocation("a.yaml", 2, 1), "x", "a 2 1"));
        builder.AddProblem(new GraphDiagnostic(new SourceLocation("a.yaml", 1, 5), "x", "a 1 5"));
        builder.AddProblem(new GraphDiagnostic(new SourceLocation("a.yaml", 1, 2), "x", "a 1 2, first"));
        builder.AddProblem(new GraphDiagnostic(new SourceLocation("a.yaml", 1, 2), "x", "a 1 2, second"));
        builder.AddProblem(new GraphDiagnostic(new SourceLocation("a.yaml", 1, 2), "x", "a 1 2, first"));

        Assert.Equal(
            ["a.yaml:1:2: a 1 2, first", "a.yaml:1:2: a 1 2, second", "a.yaml:1:5: a 1 5", "a.yaml:2:1: a 2 1", "b.yaml:1:1: b 1 1", "no place"],
            Problems(builder).Select(p => p[2..]));
    }

    [Fact]
    public void Affiliations_AndSources_AreCheckedWithEveryProblemAtItsField()
    {
        var builder = Base()
            .AddAffiliation(new Affiliation("bad!", "Bad"), At(10))
            .AddAffiliation(new Affiliation("ru", "Russia"), At(11))
            .AddAffiliation(new Affiliation("ru", "Russia"), At(12))
            .AddAffiliation(new Affiliation("ru", "Russia"), At(13))
            .AddAffiliation(new Affiliation("ua", " "), At(14))
            .AddSource(new Source("s1", "S1", SourceKind.Person) { Affiliation = "bad!" }, At(15))
            .AddSource(new Source("s2", "S2", SourceKind.Person) { Affiliation = "bad" }, At(16))
            .AddSource(new Source("s3", "S3", SourceKind.Person) { Affiliation = "nowhere" }, At(17))
            .AddSource(new Source("s4", " ", (SourceKind)42), At(18));

        Assert.Equal(
            [
                $"malformed-id {L(10, "id")}: affiliation id 'bad!' is malformed; {IdRule}",
                $"duplicate-id {L(12, "id")}: duplicate affiliation id 'ru'; it is already defined at {L(11, "id")}.",
                $"duplicate-id {L(13, "id")}: duplicate affiliation id 'ru'; it is already defined at {L(11, "id")}.",
                $"missing-field {L(14, "name")}: affiliation 'ua' has an empty 'name'; give it a value.",
                $"unknown-reference {L(15, "affiliation")}: unknown affiliation 'bad!'; define it or fix the reference.",
                $"unknown-reference {L(16, "affiliation")}: unknown affiliation 'bad'; define it or fix the reference.",
                $"unknown-reference {L(17, "affiliation")}: unknown affiliation 'nowhere'; define it or fix the reference.",
                $"missing-field {L(18, "name")}: source 's4' has an empty 'name'; give it a value.",
                $"unknown-enum {L(18, "kind")}: source 's4' has an undefined kind 42; use a defined value.",
            ],
            Problems(builder));
    }

    [Fact]
    public void Claims_AndReports_AreCheckedWithEveryProblemAtItsField()
    {
        var builder = Base()
            .AddClaim(new Claim("c1", " "), At(20))
            .AddClaim(new Claim("c2", "C2") { Contradicts = ["c2", "zz", "downed"] }, At(21))
            .AddReport(new Report("a~b", "tass", ReportKind.Article), At(22))
            .AddReport(new Report("r9", "tass", (ReportKind)42), At(23))
            .AddReport(new Report("r8", null!, ReportKind.Article), At(24))
            .AddReport(Report.Implicit("zh~tass~x", "tass", "zh~tass"), At(25))
            .AddReport(Report.Implicit("q~tass", "tass", "nope"), At(26))
            .AddReport(new Report("zh", "tass", ReportKind.Article), At(27));

        Assert.Equal(
            [
                $"missing-field {L(20, "text")}: claim 'c1' has an empty 'text'; give it a value.",
                $"self-contradiction {L(21, "contradicts")}: claim 'c2' contradicts itself; remove it from its own 'contradicts' list.",
                $"unknown-reference {L(21, "contradicts")}: unknown claim 'zz'; define it or fix the reference.",
                $"malformed-id {L(22, "id")}: report id 'a~b' is malformed; {IdRule}",
                $"unknown-enum {L(23, "kind")}: report 'r9' has an undefined kind 42.",
                $"unknown-reference {L(24, "source")}: unknown source ''; define it or fix the reference.",
                $"implicit-cited-in {L(25, "citedIn")}: implicit report 'zh~tass~x' is cited in 'zh~tass', which is itself implicit; name the explicit report whose text cites it.",
                $"unknown-reference {L(26, "citedIn")}: unknown report 'nope'; define it or fix the reference.",
                $"duplicate-id {L(27, "id")}: duplicate report id 'zh'; each report needs its own id.",
            ],
            Problems(builder));
    }

    [Fact]
    public void Claims_KeepTheirValidContradictions()
    {
        var graph = Base()
            .AddClaim(new Claim("c2", "C2") { Contradicts = ["downed"] })
            .AddClaim(new Claim("c3", "C3") { Contradicts = ["c2", "downed"] })
            .Build();

        Assert.Equal(["downed"], graph.GetClaim("c2").Contradicts.ToArray());
        Assert.Equal(["c2", "downed"], graph.GetClaim("c3").Contradicts.ToArray());
        Assert.Equal(["c2", "c3"], graph.ContradictionsOf("downed").Select(c => c.Id));
    }

    [Fact]
    public void Assertions_AreCheckedWithEveryProblemAtItsField()
    {
        var builder = Base()
            .AddClaim(new Claim("c2", "C2"))
            .AddReport(new Report("r3", "tass", ReportKind.Statement))
            .AddReport(new Report("r4", "tass", ReportKind.Statement))
            .AddReport(new Report("r5", "tass", ReportKind.Statement))
            .AddAssertion(new Assertion("ghost", "downed", AssertionMode.Attributed), At(30))
            .AddAssertion(new Assertion("r3", "nope", AssertionMode.FirstHand), At(31))
            .AddAssertion(new Assertion("zh", "downed", AssertionMode.FirstHand), At(32))
            .AddAssertion(new Assertion("zh", "c2", (AssertionMode)42), At(33))
            .AddCitation(new Citation("zh", "zh~tass", "c2", CitationKind.Citing))
            .AddAssertion(new Assertion("r3", "downed", AssertionMode.Unknown), At(34))
            .AddAssertion(new Assertion("r4", "downed", AssertionMode.Attributed), At(35))
            .AddAssertion(new Assertion("r5", "downed", AssertionMode.FirstHand), At(36))
            .AddCitation(new Citation("r5", "zh~tass", "downed", CitationKind.Citing));

        Assert.Equal(
            [
                $"unknown-reference {L(30, "report")}: unknown report 'ghost'; define it or fix the reference.",
                $"unknown-reference {L(31, "claim")}: unknown claim 'nope'; define it or fix the reference.",
                $"duplicate-assertion {L(32, "claim")}: report 'zh' asserts claim 'downed' more than once; merge the two assertions.",
                $"unknown-enum {L(33, "mode")}: the assertion of claim 'c2' by report 'zh' has an undefined mode 42.",
                $"invalid-mode {L(34, "mode")}: report 'r3' asserts claim 'downed' with mode 'unknown', which only implicit reports may have; use 'first-hand', 'attributed' or 'unattributed'.",
                $"attributed-without-citation {L(35, "mode")}: report 'r4' asserts claim 'downed' as attributed but cites nothing for it; add a citation or use mode 'unattributed'.",
                $"citation-contradicts-mode {L(36, "mode")}: report 'r5' asserts claim 'downed' as first-hand but also cites a source for it; use mode 'attributed'.",
            ],
            Problems(builder));
    }

    [Fact]
    public void Citations_AreCheckedWithEveryProblemAtItsField()
    {
        var builder = Base()
            .AddReport(new Report("r4", "tass", ReportKind.Statement))
            .AddCitation(new Citation(null!, "zh~tass", "downed", CitationKind.Citing), At(40))
            .AddCitation(new Citation("ghost", "zh~tass", "downed", CitationKind.Citing), At(41))
            .AddCitation(new Citation("zh", "ghost2", "downed", CitationKind.Citing), At(42))
            .AddCitation(new Citation("zh", "zh~tass", "nope", CitationKind.Citing), At(43))
            .AddCitation(new Citation("zh", "zh", "downed", (CitationKind)42), At(44))
            .AddCitation(new Citation("zh", "zh~tass", "downed", CitationKind.Citing, (Hedge)42), At(45))
            .AddCitation(new Citation("zh", "zh", "downed", CitationKind.Citing), At(46))
            .AddCitation(new Citation("zh", "zh", "downed", CitationKind.Citing), At(47))
            .AddCitation(new Citation("zh", "r4", "downed", CitationKind.Citing), At(48))
            .AddCitation(new Citation("zh", "r4", "downed", CitationKind.Citing), At(49));

        Assert.Equal(
            [
                $"unknown-reference {L(40, "from")}: unknown report ''; define it or fix the reference.",
                $"unknown-reference {L(41, "from")}: unknown report 'ghost'; define it or fix the reference.",
                $"unknown-reference {L(42, "to")}: unknown report 'ghost2'; define it or fix the reference.",
                $"unknown-reference {L(43, "claim")}: unknown claim 'nope'; define it or fix the reference.",
                $"unknown-enum {L(44, "kind")}: the citation from 'zh' to 'zh' has an undefined kind 42; use a defined value.",
                $"unknown-enum {L(45, "kind")}: the citation from 'zh' to 'zh~tass' has an undefined hedge 42; use a defined value.",
                $"self-citation {L(46, "to")}: report 'zh' cites itself for claim 'downed'; a citation must point to another report or source.",
                $"self-citation {L(47, "to")}: report 'zh' cites itself for claim 'downed'; a citation must point to another report or source.",
                $"not-asserted {L(48, "to")}: report 'zh' cites report 'r4' for claim 'downed', but 'r4' does not assert that claim; add the assertion to 'r4'.",
                $"duplicate-citation {L(49, "to")}: report 'zh' cites 'r4' for claim 'downed' more than once; keep one citation.",
            ],
            Problems(builder));
    }

    [Fact]
    public void UnknownReference_SuggestsOnlyValidFirstDeclarations()
    {
        // "tass!" is malformed, so it is not offered, not even for itself.
        var builder = Base()
            .AddSource(new Source("tass!", "T", SourceKind.Person))
            .AddReport(new Report("r1", "tass!", ReportKind.Post), At(60))
            .AddReport(new Report("r2", "tass?", ReportKind.Post), At(61))
            .AddReport(new Report("r3", "zerohedg", ReportKind.Post), At(62));

        Assert.Equal(
            [
                $"unknown-reference {L(60, "source")}: unknown source 'tass!'; did you mean 'tass'?",
                $"unknown-reference {L(61, "source")}: unknown source 'tass?'; did you mean 'tass'?",
                $"unknown-reference {L(62, "source")}: unknown source 'zerohedg'; did you mean 'zerohedge'?",
                "malformed-id source id 'tass!' is malformed; " + IdRule,
            ],
            Problems(builder));
    }

    [Fact]
    public void Timeline_OfAnImplicitCitingReport_IsTheTimeOfTheReportItIsCitedIn()
    {
        var builder = Base()
            .AddReport(new Report("later", "tass", ReportKind.Statement) { Published = Noon.AddDays(1) })
            .AddAssertion(new Assertion("later", "downed", AssertionMode.FirstHand))
            .AddCitation(new Citation("zh~tass", "later", "downed", CitationKind.Citing), At(50));

        Assert.Equal(
            [$"timeline {L(50, "to")}: report 'zh~tass' (published 2020-11-09T12:00:00+03:00) cites report 'later', published later (2020-11-10T12:00:00+03:00); fix one of the dates or the citation."],
            Problems(builder));
    }

    [Fact]
    public void Timeline_OfAnImplicitCitingReportWithATimeOfItsOwn_IsThatTime()
    {
        // Its own time (a day after the report it is cited in) is after the cited report's, so no timeline error.
        var graph = Base()
            .AddReport(Report.Implicit("zh~zerohedge", "zerohedge", "zh") with { Published = Noon.AddDays(2) })
            .AddReport(new Report("later", "tass", ReportKind.Statement) { Published = Noon.AddDays(1) })
            .AddAssertion(new Assertion("later", "downed", AssertionMode.FirstHand))
            .AddCitation(new Citation("zh~zerohedge", "later", "downed", CitationKind.Citing))
            .Build();

        Assert.Equal(["later"], graph.CitationsFrom("zh~zerohedge").Select(c => c.To));
    }

    [Fact]
    public void ImplicitReport_WithAMalformedId_IsRefused()
    {
        Assert.Equal(
            [$"malformed-id {L(70, "id")}: report id 'zh~bad!' is malformed; {IdRule}"],
            Problems(Base().AddReport(Report.Implicit("zh~bad!", "tass", "zh"), At(70))));
    }

    [Fact]
    public void Timeline_ACitationOfAReportPublishedAtTheSameInstant_IsAccepted()
    {
        var graph = Base()
            .AddReport(new Report("same", "tass", ReportKind.Statement) { Published = Noon.ToOffset(TimeSpan.Zero) })
            .AddAssertion(new Assertion("same", "downed", AssertionMode.FirstHand))
            .AddCitation(new Citation("zh", "same", "downed", CitationKind.Citing))
            .Build();

        Assert.Equal(["zh~tass", "same"], graph.CitationsFrom("zh").Select(c => c.To));
    }

    [Fact]
    public void DuplicateAssertion_IsReportedAlone_NotCheckedFurtherAsASecondAssertion()
    {
        // The second assertion of (zh, downed) has mode 'unknown', wrong for an explicit report; being a duplicate, it is
        // not kept, so only the duplicate is reported (its mode is not checked as though it were kept).
        var builder = Base().AddAssertion(new Assertion("zh", "downed", AssertionMode.Unknown), At(40));

        Assert.Equal(
            [$"duplicate-assertion {L(40, "claim")}: report 'zh' asserts claim 'downed' more than once; merge the two assertions."],
            Problems(builder));
    }
}
