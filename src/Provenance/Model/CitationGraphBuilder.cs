using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Provenance.Internal;
using Provenance.Storage;

namespace Provenance;

/// <summary>
/// Collects affiliations, sources, claims, reports, assertions and citations, then validates them all at once
/// and builds an immutable <see cref="CitationGraph"/>. Not thread-safe; use one builder per graph.
/// </summary>
/// <remarks>
/// Validation gathers every problem before it fails, so one run lists them all. A citation for which its
/// citing report has no assertion gives that report an <see cref="AssertionMode.Attributed"/> assertion
/// without wording; an implicit report cited for a claim it has no assertion of gets an
/// <see cref="AssertionMode.Unknown"/> one. After <see cref="Build"/> or <see cref="TryBuild"/> the builder
/// refuses further changes.
/// </remarks>
public sealed class CitationGraphBuilder
{
    private readonly GraphBuildOptions options;
    private readonly List<(Affiliation Value, FieldLocations? At)> affiliations = [];
    private readonly List<(Source Value, FieldLocations? At)> sources = [];
    private readonly List<(Claim Value, FieldLocations? At)> claims = [];
    private readonly RowList<ReportRow> reports = new();
    private readonly RowList<AssertionRow> assertions = new();
    private readonly RowList<CitationRow> citations = new();
    private readonly List<GraphDiagnostic> early = [];

    // Every id is interned once, when its element is added, as UTF-8 (a loader's bytes are not decoded): symbol = its
    // reference in this pool; -1 stands for null. Strings are made only for messages.
    private readonly TextPool.Builder symbols = new();
    private readonly TextPool.Builder text = new();
    private bool used;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults. The builder keeps a copy, so later changes to them do not affect it.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    public CitationGraphBuilder(GraphBuildOptions? options = null)
    {
        // A snapshot: changing the caller's options afterwards must not change what this builder checks.
        options ??= new GraphBuildOptions();
        ArgumentNullException.ThrowIfNull(options.Limits, "options.Limits");
        this.options = new GraphBuildOptions { Limits = options.Limits.Copy(), AllowTimelineErrors = options.AllowTimelineErrors };
        this.options.Limits.Validate();
    }

    /// <summary>Adds an affiliation group.</summary>
    /// <param name="affiliation">The affiliation.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="affiliation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddAffiliation(Affiliation affiliation, SourceLocation? location = null) =>
        AddAffiliation(affiliation, FieldLocations.From(location));

    /// <summary>Adds a source.</summary>
    /// <param name="source">The source.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddSource(Source source, SourceLocation? location = null) =>
        AddSource(source, FieldLocations.From(location));

    /// <summary>Adds a claim.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddClaim(Claim claim, SourceLocation? location = null) =>
        AddClaim(claim, FieldLocations.From(location));

    /// <summary>Adds a report, explicit or implicit (see <see cref="Report.Implicit"/>).</summary>
    /// <param name="report">The report.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddReport(Report report, SourceLocation? location = null) =>
        AddReport(report, FieldLocations.From(location));

    /// <summary>Adds an assertion: a report states a claim.</summary>
    /// <param name="assertion">The assertion.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assertion"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddAssertion(Assertion assertion, SourceLocation? location = null) =>
        AddAssertion(assertion, FieldLocations.From(location));

    /// <summary>Adds a citation.</summary>
    /// <param name="citation">The citation.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddCitation(Citation citation, SourceLocation? location = null) =>
        AddCitation(citation, FieldLocations.From(location));

    /// <summary>Validates everything added and builds the graph.</summary>
    /// <returns>The immutable graph.</returns>
    /// <exception cref="GraphValidationException">The graph is inconsistent; every problem is listed.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraph Build() =>
        TryBuild(out var graph, out var diagnostics) ? graph : throw new GraphValidationException(diagnostics);

    /// <summary>Validates everything added and builds the graph, returning the problems instead of throwing.</summary>
    /// <param name="graph">The graph, when it is valid.</param>
    /// <param name="diagnostics">Every problem found, in file order; empty when the graph is valid.</param>
    /// <returns><see langword="true"/> when the graph is valid and was built.</returns>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public bool TryBuild(
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CitationGraph? graph,
        out ImmutableArray<GraphDiagnostic> diagnostics)
    {
        EnsureNotUsed();
        used = true;
        var problems = new List<GraphDiagnostic>(early);
        graph = Validate(problems);
        diagnostics = Sort(problems);
        if (!diagnostics.IsEmpty)
        {
            graph = null;
        }

        return graph is not null;
    }

    internal CitationGraphBuilder AddAffiliation(Affiliation value, FieldLocations? at, [CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        // Every internal Add names its null argument as the caller wrote it: the public method's parameter (affiliation, source, ...).
        ArgumentNullException.ThrowIfNull(value, parameter);
        EnsureNotUsed();
        affiliations.Add((value, at));
        return this;
    }

    internal CitationGraphBuilder AddSource(Source value, FieldLocations? at, [CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        EnsureNotUsed();
        sources.Add((value, at));
        return this;
    }

    internal CitationGraphBuilder AddClaim(Claim value, FieldLocations? at, [CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        EnsureNotUsed();
        claims.Add((value, at));
        return this;
    }

    internal CitationGraphBuilder AddReport(Report value, FieldLocations? at, [CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        EnsureNotUsed();
        reports.Add(ReportRow.Of(
            Intern(value.Id), Intern(value.Source), Intern(value.CitedIn), value.Kind,
            text.Add(value.Title), text.Add(value.Url), text.Add(value.Language), value.Published, at));
        return this;
    }

    internal CitationGraphBuilder AddAssertion(Assertion value, FieldLocations? at, [CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        EnsureNotUsed();
        assertions.Add(new AssertionRow(Intern(value.Report), Intern(value.Claim), value.Mode, text.Add(value.Wording), at));
        return this;
    }

    internal CitationGraphBuilder AddCitation(Citation value, FieldLocations? at, [CallerArgumentExpression(nameof(value))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(value, parameter);
        EnsureNotUsed();
        citations.Add(new CitationRow(Intern(value.From), Intern(value.To), Intern(value.Claim), value.Kind, value.Hedge, text.Add(value.Evidence), at));
        return this;
    }

    /// <summary>A report whose ids a loader has interned (<see cref="InternId(ReadOnlySpan{byte})"/>) and whose text it has pooled (<see cref="AddText(ReadOnlySpan{byte})"/>); -1 for an absent one.</summary>
    internal void AddReport(int id, int source, int citedIn, ReportKind kind, int title, int url, int language, DateTimeOffset? published, FieldLocations? at)
    {
        EnsureNotUsed();
        reports.Add(ReportRow.Of(id, source, citedIn, kind, title, url, language, published, at));
    }

    /// <summary>An assertion on interned ids and pooled text, as <see cref="AddReport(int, int, int, ReportKind, int, int, int, DateTimeOffset?, FieldLocations?)"/>.</summary>
    internal void AddAssertion(int report, int claim, AssertionMode mode, int wording, FieldLocations? at)
    {
        EnsureNotUsed();
        assertions.Add(new AssertionRow(report, claim, mode, wording, at));
    }

    /// <summary>A citation on interned ids and pooled text, as <see cref="AddReport(int, int, int, ReportKind, int, int, int, DateTimeOffset?, FieldLocations?)"/>.</summary>
    internal void AddCitation(int from, int to, int claim, CitationKind kind, Hedge hedge, int evidence, FieldLocations? at)
    {
        EnsureNotUsed();
        citations.Add(new CitationRow(from, to, claim, kind, hedge, evidence, at));
    }

    /// <summary>The symbol of an id given as (valid) UTF-8; no string is made.</summary>
    internal int InternId(ReadOnlySpan<byte> utf8) => symbols.Add(utf8);

    /// <summary>The symbol of an id given as (valid) UTF-8, looked for first at and just after <paramref name="hint"/>, the symbol the same field of the loader's previous record had; the symbol found becomes the hint.</summary>
    internal int InternId(ReadOnlySpan<byte> utf8, ref int hint) => symbols.Add(utf8, ref hint);

    /// <summary>The symbol of an id given as (valid) UTF-8, looked for first in <paramref name="recent"/>, the ids the same field of the loader met last.</summary>
    internal int InternId(ReadOnlySpan<byte> utf8, TextPool.Builder.Recent recent) => symbols.Add(utf8, recent);

    /// <summary>The symbol of an id given as characters; a string is made only for one that UTF-8 cannot hold.</summary>
    internal int InternId(ReadOnlySpan<char> id) => symbols.Add(id);

    /// <summary>The symbol of an id; -1 for <see langword="null"/>.</summary>
    internal int InternId(string? id) => Intern(id);

    /// <summary>The pool reference of a text given as (valid) UTF-8.</summary>
    internal int AddText(ReadOnlySpan<byte> utf8) => text.Add(utf8);

    /// <summary>The pool reference of a text given as (valid) UTF-8, looked for first in <paramref name="recent"/>, the texts the same field of the loader met last.</summary>
    internal int AddText(ReadOnlySpan<byte> utf8, TextPool.Builder.Recent recent) => text.Add(utf8, recent);

    /// <summary>The pool reference of a text; -1 for <see langword="null"/>.</summary>
    internal int AddText(string? value) => text.Add(value);

    /// <summary>Records a problem found before building (e.g. by a loader), so that it is reported with the rest.</summary>
    internal void AddProblem(GraphDiagnostic diagnostic) => early.Add(diagnostic);

    private static ImmutableArray<GraphDiagnostic> Sort(List<GraphDiagnostic> problems) =>
        [.. problems
            .Select((d, i) => (d, i))
            .OrderBy(p => p.d.Location is null ? 1 : 0)
            .ThenBy(p => p.d.Location?.File, StringComparer.Ordinal)
            .ThenBy(p => p.d.Location?.Line)
            .ThenBy(p => p.d.Location?.Column)
            .ThenBy(p => p.i)
            .Select(p => p.d)
            .Distinct()];

    private int Intern(string? id) => symbols.Add(id);

    private string? Text(int symbol) => symbols[symbol];

    /// <summary>Whether the id of <paramref name="symbol"/> is a declared id (<paramref name="implicitForm"/>: an implicit report id).</summary>
    private bool IsValidId(int symbol, bool implicitForm) =>
        symbols.TryGetUtf8(symbol, out var utf8)
            ? implicitForm ? Ids.IsValidImplicit(utf8) : Ids.IsValid(utf8)
            : implicitForm ? Ids.IsValidImplicit(Text(symbol)) : Ids.IsValid(Text(symbol));

    private void EnsureNotUsed()
    {
        if (used)
        {
            throw new InvalidOperationException("This builder has already built a graph; create a new CitationGraphBuilder.");
        }
    }
    private CitationGraph? Validate(List<GraphDiagnostic> problems)
    {
        void Problem(SourceLocation? at, string code, string message) => problems.Add(new GraphDiagnostic(at, code, message));

        var limits = options.Limits;
        if ((long)affiliations.Count + sources.Count + claims.Count + reports.Count > limits.MaxNodes)
        {
            Problem(null, "limit", ErrorMessages.TooManyNodes(limits.MaxNodes));
            return null;
        }

        if (citations.Count > limits.MaxCitations)
        {
            Problem(null, "limit", ErrorMessages.TooManyCitations(limits.MaxCitations));
            return null;
        }

        // Symbols of the ids of affiliations, sources and claims (reports were interned when added).
        var affiliationSymbol = new int[affiliations.Count];
        for (var i = 0; i < affiliations.Count; i++)
        {
            affiliationSymbol[i] = Intern(affiliations[i].Value.Id);
        }

        var sourceSymbol = new int[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            sourceSymbol[i] = Intern(sources[i].Value.Id);
        }

        var claimSymbol = new int[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            claimSymbol[i] = Intern(claims[i].Value.Id);
        }

        var reportRows = reports;
        var reportSymbol = new int[reports.Count];
        for (var i = 0; i < reportRows.Count; i++)
        {
            reportSymbol[i] = reportRows[i].Id;
        }

        // Per symbol, the element of each kind declared with that id (-1: none). Only valid, first declarations count.
        var affiliationOf = Index(affiliationSymbol, i => affiliations[i].At, "affiliation", null, problems);
        var sourceOf = Index(sourceSymbol, i => sources[i].At, "source", null, problems);
        var claimOf = Index(claimSymbol, i => claims[i].At, "claim", null, problems);
        var reportIdForm = new byte[reports.Count];
        var reportOf = Index(reportSymbol, i => reports[i].At, "report", reportIdForm, problems);

        var suggestionCells = Ids.SuggestionCells;
        var known = new Dictionary<int[], List<string>>(ReferenceEqualityComparer.Instance);
        string? Suggest(string id, int[] of, int[] declared)
        {
            if (!known.TryGetValue(of, out var ids))
            {
                ids = [];
                for (var i = 0; i < declared.Length; i++)
                {
                    if (declared[i] >= 0 && of[declared[i]] == i)
                    {
                        ids.Add(Text(declared[i])!);
                    }
                }

                known[of] = ids;
            }

            return Ids.Suggest(id, ids, ref suggestionCells);
        }

        bool Check(int symbol, int[] of, int[] declared, string what, SourceLocation? at)
        {
            if (symbol < 0 || symbol >= of.Length || of[symbol] < 0)
            {
                var id = Text(symbol);
                Problem(at, "unknown-reference", ErrorMessages.UnknownReference(what, id ?? "", id is null ? null : Suggest(id, of, declared)));
                return false;
            }

            return true;
        }

        foreach (var (a, at) in affiliations)
        {
            if (string.IsNullOrWhiteSpace(a.Name))
            {
                Problem(at?.Of("name"), "missing-field", ErrorMessages.Empty($"affiliation '{a.Id}'", "name"));
            }
        }

        var sourceAffiliation = new int[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var (s, at) = sources[i];
            sourceAffiliation[i] = -1;
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                Problem(at?.Of("name"), "missing-field", ErrorMessages.Empty($"source '{s.Id}'", "name"));
            }

            if (!Enum.IsDefined(s.Kind))
            {
                Problem(at?.Of("kind"), "unknown-enum", ErrorMessages.UndefinedEnum($"source '{s.Id}'", "kind", (int)s.Kind));
            }

            if (s.Affiliation is not null)
            {
                var symbol = Intern(s.Affiliation);
                if (Check(symbol, affiliationOf, affiliationSymbol, "affiliation", at?.Of("affiliation")))
                {
                    sourceAffiliation[i] = affiliationOf[symbol];
                }
            }
        }

        var declaredStart = new int[claims.Count + 1];
        var declared = new List<int>();
        for (var i = 0; i < claims.Count; i++)
        {
            var (c, at) = claims[i];
            if (string.IsNullOrWhiteSpace(c.Text))
            {
                Problem(at?.Of("text"), "missing-field", ErrorMessages.Empty($"claim '{c.Id}'", "text"));
            }

            foreach (var other in c.Contradicts.IsDefault ? [] : c.Contradicts)
            {
                if (other == c.Id)
                {
                    Problem(at?.Of("contradicts"), "self-contradiction", ErrorMessages.SelfContradiction(c.Id));
                }
                else
                {
                    var symbol = Intern(other);
                    if (Check(symbol, claimOf, claimSymbol, "claim", at?.Of("contradicts")))
                    {
                        declared.Add(claimOf[symbol]);
                    }
                }
            }

            declaredStart[i + 1] = declared.Count;
        }

        var reportSource = new int[reports.Count];
        var reportCitedIn = new int[reports.Count];
        for (var i = 0; i < reportRows.Count; i++)
        {
            ref readonly var r = ref reportRows[i];
            reportSource[i] = Check(r.Source, sourceOf, sourceSymbol, "source", r.At?.Of("source")) ? sourceOf[r.Source] : -1;
            reportCitedIn[i] = -1;
            if (r.CitedIn >= 0 && Check(r.CitedIn, reportOf, reportSymbol, "report", r.At?.Of("citedIn")))
            {
                reportCitedIn[i] = reportOf[r.CitedIn];
                if (reportRows[reportOf[r.CitedIn]].CitedIn >= 0)
                {
                    Problem(r.At?.Of("citedIn"), "implicit-cited-in", ErrorMessages.ImplicitCitedInImplicit(Text(r.Id)!, Text(r.CitedIn)!));
                }
            }

            if (r.CitedIn < 0 && reportIdForm[i] == ImplicitIdForm)
            {
                // Well formed only as an implicit id: an explicit report may not use one.
                Problem(r.At?.Of("id"), "malformed-id", ErrorMessages.MalformedId("report", Text(r.Id)));
            }

            if (!Enum.IsDefined(r.Kind))
            {
                Problem(r.At?.Of("kind"), "unknown-enum", $"report '{Text(r.Id)}' has an undefined kind {(int)r.Kind}.");
            }
        }

        // The assertions, given and inferred, in graph order; (report, claim) -> position among them (-1: one seen but
        // not kept). Per position, whether a citation of the report for the claim was kept.
        var all = new List<AssertionRow>(assertions.Count + citations.Count);
        var assertionAt = new TripleMap(assertions.Count + citations.Count);
        var cited = new bool[assertions.Count + citations.Count];
        for (var i = 0; i < assertions.Count; i++)
        {
            ref readonly var a = ref assertions[i];
            var okReport = Check(a.Report, reportOf, reportSymbol, "report", a.At?.Of("report"));
            var okClaim = Check(a.Claim, claimOf, claimSymbol, "claim", a.At?.Of("claim"));
            if (!okReport || !okClaim)
            {
                continue;
            }

            int report = reportOf[a.Report], claim = claimOf[a.Claim];
            // An assertion of undefined mode is held at no position. (Not a conditional expression: Stryker's mutants of
            // `all.Count` inside one do not compile, and its safe mode then drops every mutant of this method.)
            var defined = Enum.IsDefined(a.Mode);
            var position = -1;
            if (defined)
            {
                position = all.Count;
            }

            if (!assertionAt.TryAdd(report, claim, 0, position))
            {
                Problem(a.At?.Of("claim"), "duplicate-assertion", ErrorMessages.DuplicateAssertion(Text(a.Report)!, Text(a.Claim)!));
                continue;
            }

            if (!defined)
            {
                // Held as seen (so no assertion is inferred in its place) but not kept: nothing else is said about it.
                Problem(a.At?.Of("mode"), "unknown-enum", $"the assertion of claim '{Text(a.Claim)}' by report '{Text(a.Report)}' has an undefined mode {(int)a.Mode}.");
                continue;
            }

            if (a.Mode == AssertionMode.Unknown && reportRows[report].CitedIn < 0)
            {
                Problem(a.At?.Of("mode"), "invalid-mode", ErrorMessages.UnknownModeOnExplicit(Text(a.Report)!, Text(a.Claim)!));
            }

            all.Add(a with { Report = report, Claim = claim });
        }

        // The (report, claim) pairs of citations that were not kept: the report still meant to cite for the claim.
        var citedByRejected = new TripleMap();
        var edges = new TripleMap(citations.Count);
        var valid = new List<int>(citations.Count);
        var citationRows = citations;
        for (var i = 0; i < citationRows.Count; i++)
        {
            ref readonly var c = ref citationRows[i];
            var at = c.At;
            var okFrom = Check(c.From, reportOf, reportSymbol, "report", at?.Of("from"));
            var okTo = Check(c.To, reportOf, reportSymbol, "report", at?.Of("to"));
            var okClaim = Check(c.Claim, claimOf, claimSymbol, "claim", at?.Of("claim"));

            if (Keep(in c, okFrom && okTo && okClaim))
            {
                int from = reportOf[c.From], claim = claimOf[c.Claim];
                var position = assertionAt.GetOrAdd(from, claim, 0, all.Count, out var added);
                if (added)
                {
                    all.Add(new AssertionRow(from, claim, AssertionMode.Attributed, TextPool.None, at));
                }

                if (position >= 0)
                {
                    cited[position] = true;
                }

                valid.Add(i);
            }
            else if (okFrom && okClaim)
            {
                // A citation not kept still shows that its report meant to cite something, so "cites nothing" is not reported on top.
                citedByRejected.TryAdd(reportOf[c.From], claimOf[c.Claim], 0, 0);
            }
        }

        // Whether a citation whose ids are all known (resolved) is kept, reporting why not.
        bool Keep(in CitationRow c, bool resolved)
        {
            if (!Enum.IsDefined(c.Kind) || !Enum.IsDefined(c.Hedge))
            {
                Problem(c.At?.Of("kind"), "unknown-enum", ErrorMessages.UndefinedEnum($"the citation from '{Text(c.From)}' to '{Text(c.To)}'", Enum.IsDefined(c.Kind) ? "hedge" : "kind", Enum.IsDefined(c.Kind) ? (int)c.Hedge : (int)c.Kind));
                return false;
            }

            if (!resolved)
            {
                return false;
            }

            if (c.From == c.To)
            {
                Problem(c.At?.Of("to"), "self-citation", ErrorMessages.SelfCitation(Text(c.From)!, Text(c.Claim)!));
                return false;
            }

            if (!edges.TryAdd(reportOf[c.From], reportOf[c.To], claimOf[c.Claim], 0))
            {
                Problem(c.At?.Of("to"), "duplicate-citation", ErrorMessages.DuplicateCitation(Text(c.From)!, Text(c.To)!, Text(c.Claim)!));
                return false;
            }

            return true;
        }

        foreach (var i in valid)
        {
            ref readonly var c = ref citationRows[i];
            int to = reportOf[c.To], claim = claimOf[c.Claim];
            if (assertionAt.Contains(to, claim))
            {
                continue;
            }

            if (reportRows[to].CitedIn >= 0)
            {
                assertionAt.TryAdd(to, claim, 0, all.Count);
                all.Add(new AssertionRow(to, claim, AssertionMode.Unknown, TextPool.None, c.At));
            }
            else
            {
                Problem(c.At?.Of("to"), "not-asserted", ErrorMessages.CitedReportDoesNotAssert(Text(c.To)!, Text(c.Claim)!, Text(c.From)!));
            }
        }

        for (var p = 0; p < all.Count; p++)
        {
            var a = all[p];
            var cites = (p < cited.Length && cited[p]) || (citedByRejected.Count > 0 && citedByRejected.Contains(a.Report, a.Claim));
            if (a.Mode == AssertionMode.Attributed && !cites)
            {
                Problem(a.At?.Of("mode"), "attributed-without-citation", ErrorMessages.AttributedWithoutCitation(Text(reportSymbol[a.Report])!, Text(claimSymbol[a.Claim])!));
            }
            else if (a.Mode != AssertionMode.Attributed && cites)
            {
                Problem(a.At?.Of("mode"), "citation-contradicts-mode", ErrorMessages.CitationContradictsMode(Text(reportSymbol[a.Report])!, Text(claimSymbol[a.Claim])!, ProvenanceNames.Of(a.Mode)));
            }
        }

        if (!options.AllowTimelineErrors)
        {
            foreach (var i in valid)
            {
                ref readonly var c = ref citationRows[i];
                ref readonly var from = ref reportRows[reportOf[c.From]];
                var fromTime = from.Published ?? (from.CitedIn >= 0 && reportOf[from.CitedIn] >= 0 ? reportRows[reportOf[from.CitedIn]].Published : null);
                var toTime = reportRows[reportOf[c.To]].Published;
                if (fromTime is { } ft && toTime is { } tt && tt > ft)
                {
                    Problem(c.At?.Of("to"), "timeline", ErrorMessages.Timeline(Text(c.From)!, ft, Text(c.To)!, tt));
                }
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        return new CitationGraph(Columns(reportRows, reportOf, claimOf, reportSource, reportCitedIn, sourceAffiliation, declaredStart, declared, all, valid));
    }

    private const byte PlainIdForm = 1;
    private const byte ImplicitIdForm = 2;

    /// <summary>
    /// Checks the ids of one kind of element and indexes them: per symbol, the first element declared with that id, or
    /// -1. <paramref name="form"/>, for reports, receives whether each id is a plain or an implicit-form id.
    /// </summary>
    private int[] Index(int[] symbolOf, Func<int, FieldLocations?> at, string what, byte[]? form, List<GraphDiagnostic> problems)
    {
        var of = new int[symbols.Count];
        Array.Fill(of, -1);
        for (var i = 0; i < symbolOf.Length; i++)
        {
            var symbol = symbolOf[i];
            var plain = IsValidId(symbol, implicitForm: false);
            var ok = plain;
            if (form is not null)
            {
                var implicitForm = !plain && IsValidId(symbol, implicitForm: true);
                form[i] = plain ? PlainIdForm : implicitForm ? ImplicitIdForm : (byte)0;
                ok |= implicitForm;
            }

            if (!ok)
            {
                problems.Add(new GraphDiagnostic(at(i)?.Of("id"), "malformed-id", ErrorMessages.MalformedId(what, Text(symbol))));
                continue;
            }

            if (of[symbol] >= 0)
            {
                problems.Add(new GraphDiagnostic(at(i)?.Of("id"), "duplicate-id", ErrorMessages.DuplicateId(what, Text(symbol)!, at(of[symbol])?.Of("id"))));
                continue;
            }

            of[symbol] = i;
        }

        return of;
    }

    /// <summary>Turns what was validated into the graph's columns: no id is looked up again.</summary>
    private GraphColumns Columns(
        RowList<ReportRow> reportRows,
        int[] reportOf,
        int[] claimOf,
        int[] reportSource,
        int[] reportCitedIn,
        int[] sourceAffiliation,
        int[] declaredStart,
        List<int> declared,
        List<AssertionRow> all,
        List<int> valid)
    {
        var n = reportRows.Count;
        var ids = new IdTable.Builder();
        var idRef = new int[n];
        var detail = new int[n];
        var kinds = new List<byte>();
        var titles = new List<int>();
        var urls = new List<int>();
        var languages = new List<int>();
        var ticks = new List<long>();
        var offsets = new List<short>();
        for (var i = 0; i < n; i++)
        {
            ref readonly var r = ref reportRows[i];

            // Valid report ids are ASCII, so every one has its UTF-8 bytes in the pool.
            symbols.TryGetUtf8(r.Id, out var id);

            // An implicit report whose id is another report's id, '~' and its own source's id keeps no id of its own.
            var parent = -1;
            var separator = r.CitedIn >= 0 ? id.LastIndexOf((byte)Ids.ImplicitSeparator) : -1;
            if (separator > 0
                && symbols.Find(id[..separator]) is var parentSymbol and >= 0
                && parentSymbol < reportOf.Length && reportOf[parentSymbol] >= 0
                && symbols.TryGetUtf8(r.Source, out var source) && id[(separator + 1)..].SequenceEqual(source))
            {
                parent = reportOf[parentSymbol];
            }

            idRef[i] = parent >= 0 ? ~parent : ids.Add(id);
            if (r.Kind == ReportKind.Other && r.Title < 0 && r.Url < 0 && r.Language < 0 && r.Offset == ReportRow.Undated)
            {
                detail[i] = -1;
                continue;
            }

            detail[i] = kinds.Count;
            kinds.Add((byte)r.Kind);
            titles.Add(r.Title);
            urls.Add(r.Url);
            languages.Add(r.Language);
            ticks.Add(r.UtcTicks);
            offsets.Add(r.Offset);
        }

        var assertionReport = new int[all.Count];
        var assertionClaim = new int[all.Count];
        var assertionMode = new byte[all.Count];
        var assertionWording = new int[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var a = all[i];
            (assertionReport[i], assertionClaim[i], assertionMode[i], assertionWording[i]) = (a.Report, a.Claim, (byte)a.Mode, a.Wording);
        }

        var rows = citations;
        var e = valid.Count;
        var (from, to, claim) = (new int[e], new int[e], new int[e]);
        var (kind, hedge, evidence) = (new byte[e], new byte[e], new int[e]);
        for (var i = 0; i < e; i++)
        {
            ref readonly var c = ref rows[valid[i]];
            (from[i], to[i], claim[i]) = (reportOf[c.From], reportOf[c.To], claimOf[c.Claim]);
            (kind[i], hedge[i], evidence[i]) = ((byte)c.Kind, (byte)c.Hedge, c.Evidence);
        }

        var claimIds = new string[claims.Count];
        var claimText = new int[claims.Count];
        for (var i = 0; i < claims.Count; i++)
        {
            claimIds[i] = claims[i].Value.Id;
            claimText[i] = text.Add(claims[i].Value.Text);
        }

        return new GraphColumns
        {
            Affiliations = [.. affiliations.Select(p => p.Value)],
            Sources = [.. sources.Select(p => p.Value)],
            SourceAffiliation = sourceAffiliation,
            ClaimIds = claimIds,
            ClaimText = claimText,
            DeclaredContradictionStart = declaredStart,
            DeclaredContradictions = [.. declared],
            ReportSource = reportSource,
            ReportIdRef = idRef,
            ReportIds = ids.Build(),
            ReportCitedIn = reportCitedIn,
            ReportDetail = detail,
            DetailKind = [.. kinds],
            DetailTitle = [.. titles],
            DetailUrl = [.. urls],
            DetailLanguage = [.. languages],
            DetailUtcTicks = [.. ticks],
            DetailOffset = [.. offsets],
            AssertionReport = assertionReport,
            AssertionClaim = assertionClaim,
            AssertionMode = assertionMode,
            AssertionWording = assertionWording,
            CitationFrom = from,
            CitationTo = to,
            CitationClaim = claim,
            CitationKind = kind,
            CitationHedge = hedge,
            CitationEvidence = evidence,
            Text = text.Build(),
        };
    }

    /// <summary>
    /// A report as added: its ids as symbols, its text as references into the pool, its date as UTC ticks and the
    /// written offset in minutes (<see cref="Undated"/>: none), as the graph's columns hold it (48 bytes a row where a
    /// nullable <see cref="DateTimeOffset"/> made 64).
    /// </summary>
    private readonly record struct ReportRow(
        int Id, int Source, int CitedIn, ReportKind Kind, int Title, int Url, int Language, long UtcTicks, short Offset, FieldLocations? At)
    {
        /// <summary>The offset of a report without a date.</summary>
        public const short Undated = short.MinValue;

        /// <summary>The date as written; <see langword="null"/> when it has none.</summary>
        public DateTimeOffset? Published =>
            Offset == Undated ? null : new DateTimeOffset(UtcTicks + (Offset * TimeSpan.TicksPerMinute), TimeSpan.FromMinutes(Offset));

        public static ReportRow Of(int id, int source, int citedIn, ReportKind kind, int title, int url, int language, DateTimeOffset? published, FieldLocations? at) =>
            new(id, source, citedIn, kind, title, url, language, published?.UtcTicks ?? 0, published is { } p ? (short)p.TotalOffsetMinutes : Undated, at);
    }

    /// <summary>An assertion: report and claim as symbols when added, as element positions once validated.</summary>
    private readonly record struct AssertionRow(int Report, int Claim, AssertionMode Mode, int Wording, FieldLocations? At);

    /// <summary>A citation as added: its ids as symbols, its evidence as a reference into the pool.</summary>
    private readonly record struct CitationRow(int From, int To, int Claim, CitationKind Kind, Hedge Hedge, int Evidence, FieldLocations? At);
}
