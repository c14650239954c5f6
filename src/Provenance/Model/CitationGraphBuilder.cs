using System.Collections.Immutable;
using Provenance.Internal;

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
    private readonly List<(Report Value, FieldLocations? At)> reports = [];
    private readonly List<(Assertion Value, FieldLocations? At)> assertions = [];
    private readonly List<(Citation Value, FieldLocations? At)> citations = [];
    private readonly List<GraphDiagnostic> early = [];
    private bool used;

    /// <summary>Creates a builder.</summary>
    /// <param name="options">Limits and relaxed rules; <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    public CitationGraphBuilder(GraphBuildOptions? options = null)
    {
        this.options = options ?? new GraphBuildOptions();
        ArgumentNullException.ThrowIfNull(this.options.Limits, "options.Limits");
        this.options.Limits.Validate();
    }

    /// <summary>Adds an affiliation group.</summary>
    /// <param name="affiliation">The affiliation.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="affiliation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddAffiliation(Affiliation affiliation, SourceLocation? location = null) =>
        Add(affiliations, affiliation, FieldLocations.From(location));

    /// <summary>Adds a source.</summary>
    /// <param name="source">The source.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddSource(Source source, SourceLocation? location = null) =>
        Add(sources, source, FieldLocations.From(location));

    /// <summary>Adds a claim.</summary>
    /// <param name="claim">The claim.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claim"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddClaim(Claim claim, SourceLocation? location = null) =>
        Add(claims, claim, FieldLocations.From(location));

    /// <summary>Adds a report, explicit or implicit (see <see cref="Report.Implicit"/>).</summary>
    /// <param name="report">The report.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddReport(Report report, SourceLocation? location = null) =>
        Add(reports, report, FieldLocations.From(location));

    /// <summary>Adds an assertion: a report states a claim.</summary>
    /// <param name="assertion">The assertion.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assertion"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddAssertion(Assertion assertion, SourceLocation? location = null) =>
        Add(assertions, assertion, FieldLocations.From(location));

    /// <summary>Adds a citation.</summary>
    /// <param name="citation">The citation.</param>
    /// <param name="location">Where it was written, for error messages.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="citation"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The builder has already built.</exception>
    public CitationGraphBuilder AddCitation(Citation citation, SourceLocation? location = null) =>
        Add(citations, citation, FieldLocations.From(location));

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

    internal CitationGraphBuilder AddAffiliation(Affiliation value, FieldLocations? at) => Add(affiliations, value, at);

    internal CitationGraphBuilder AddSource(Source value, FieldLocations? at) => Add(sources, value, at);

    internal CitationGraphBuilder AddClaim(Claim value, FieldLocations? at) => Add(claims, value, at);

    internal CitationGraphBuilder AddReport(Report value, FieldLocations? at) => Add(reports, value, at);

    internal CitationGraphBuilder AddAssertion(Assertion value, FieldLocations? at) => Add(assertions, value, at);

    internal CitationGraphBuilder AddCitation(Citation value, FieldLocations? at) => Add(citations, value, at);

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

    private CitationGraphBuilder Add<T>(List<(T, FieldLocations?)> list, T value, FieldLocations? at)
    {
        ArgumentNullException.ThrowIfNull(value);
        EnsureNotUsed();
        list.Add((value, at));
        return this;
    }

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

        var affiliationIndex = Index(affiliations, a => a.Id, "affiliation", Ids.IsValid, problems);
        var sourceIndex = Index(sources, s => s.Id, "source", Ids.IsValid, problems);
        var claimIndex = Index(claims, c => c.Id, "claim", Ids.IsValid, problems);
        var reportIndex = Index(reports, r => r.Id, "report", r => Ids.IsValid(r) || Ids.IsValidImplicit(r), problems);

        var suggestionCells = Ids.SuggestionCells;
        string? Suggest(string id, Dictionary<string, int> known) => Ids.Suggest(id, known.Keys, ref suggestionCells);

        bool Check(string? id, Dictionary<string, int> known, string what, SourceLocation? at)
        {
            if (id is null || !known.ContainsKey(id))
            {
                Problem(at, "unknown-reference", ErrorMessages.UnknownReference(what, id ?? "", id is null ? null : Suggest(id, known)));
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

        foreach (var (s, at) in sources)
        {
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
                Check(s.Affiliation, affiliationIndex, "affiliation", at?.Of("affiliation"));
            }
        }

        foreach (var (c, at) in claims)
        {
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
                    Check(other, claimIndex, "claim", at?.Of("contradicts"));
                }
            }
        }

        foreach (var (r, at) in reports)
        {
            Check(r.Source, sourceIndex, "source", at?.Of("source"));
            if (r.CitedIn is { } citedIn && Check(citedIn, reportIndex, "report", at?.Of("citedIn"))
                && reports[reportIndex[citedIn]].Value.IsImplicit)
            {
                Problem(at?.Of("citedIn"), "implicit-cited-in", ErrorMessages.ImplicitCitedInImplicit(r.Id, citedIn));
            }

            if (!r.IsImplicit && r.Id is not null && !Ids.IsValid(r.Id) && Ids.IsValidImplicit(r.Id))
            {
                Problem(at?.Of("id"), "malformed-id", ErrorMessages.MalformedId("report", r.Id));
            }
        }

        // (report index, claim index) -> assertion position in `all`.
        var all = new List<(Assertion Value, FieldLocations? At)>(assertions.Count + citations.Count);
        var assertionAt = new Dictionary<(int, int), int>();
        foreach (var (a, at) in assertions)
        {
            var okReport = Check(a.Report, reportIndex, "report", at?.Of("report"));
            var okClaim = Check(a.Claim, claimIndex, "claim", at?.Of("claim"));
            if (!okReport || !okClaim)
            {
                continue;
            }

            var key = (reportIndex[a.Report], claimIndex[a.Claim]);
            if (!assertionAt.TryAdd(key, all.Count))
            {
                Problem(at?.Of("claim"), "duplicate-assertion", ErrorMessages.DuplicateAssertion(a.Report, a.Claim));
                continue;
            }

            if (a.Mode == AssertionMode.Unknown && !reports[key.Item1].Value.IsImplicit)
            {
                Problem(at?.Of("mode"), "invalid-mode", ErrorMessages.UnknownModeOnExplicit(a.Report, a.Claim));
            }

            all.Add((a, at));
        }

        var citedFor = new HashSet<(int, int)>();
        var edges = new HashSet<(int, int, int)>();
        var valid = new List<(Citation Value, FieldLocations? At)>(citations.Count);
        foreach (var (c, at) in citations)
        {
            var okFrom = Check(c.From, reportIndex, "report", at?.Of("from"));
            var okTo = Check(c.To, reportIndex, "report", at?.Of("to"));
            var okClaim = Check(c.Claim, claimIndex, "claim", at?.Of("claim"));
            if (!Enum.IsDefined(c.Kind) || !Enum.IsDefined(c.Hedge))
            {
                Problem(at?.Of("kind"), "unknown-enum", ErrorMessages.UndefinedEnum($"the citation from '{c.From}' to '{c.To}'", Enum.IsDefined(c.Kind) ? "hedge" : "kind", Enum.IsDefined(c.Kind) ? (int)c.Hedge : (int)c.Kind));
                continue;
            }

            // A citation rejected below still shows that its report meant to cite something, so "cites nothing" is not reported on top.
            if (okFrom && okClaim)
            {
                citedFor.Add((reportIndex[c.From], claimIndex[c.Claim]));
            }

            if (!okFrom || !okTo || !okClaim)
            {
                continue;
            }

            if (c.From == c.To)
            {
                Problem(at?.Of("to"), "self-citation", ErrorMessages.SelfCitation(c.From, c.Claim));
                continue;
            }

            int from = reportIndex[c.From], to = reportIndex[c.To], claim = claimIndex[c.Claim];
            if (!edges.Add((from, to, claim)))
            {
                Problem(at?.Of("to"), "duplicate-citation", ErrorMessages.DuplicateCitation(c.From, c.To, c.Claim));
                continue;
            }

            if (!assertionAt.ContainsKey((from, claim)))
            {
                assertionAt[(from, claim)] = all.Count;
                all.Add((new Assertion(c.From, c.Claim, AssertionMode.Attributed), at));
            }

            valid.Add((c, at));
        }

        foreach (var (c, at) in valid)
        {
            int to = reportIndex[c.To], claim = claimIndex[c.Claim];
            if (assertionAt.ContainsKey((to, claim)))
            {
                continue;
            }

            if (reports[to].Value.IsImplicit)
            {
                assertionAt[(to, claim)] = all.Count;
                all.Add((new Assertion(c.To, c.Claim, AssertionMode.Unknown), at));
            }
            else
            {
                Problem(at?.Of("to"), "not-asserted", ErrorMessages.CitedReportDoesNotAssert(c.To, c.Claim, c.From));
            }
        }

        foreach (var ((report, claim), position) in assertionAt)
        {
            var (a, at) = all[position];
            var cites = citedFor.Contains((report, claim));
            if (a.Mode == AssertionMode.Attributed && !cites)
            {
                Problem(at?.Of("mode"), "attributed-without-citation", ErrorMessages.AttributedWithoutCitation(a.Report, a.Claim));
            }
            else if (a.Mode != AssertionMode.Attributed && cites)
            {
                Problem(at?.Of("mode"), "citation-contradicts-mode", ErrorMessages.CitationContradictsMode(a.Report, a.Claim, ProvenanceNames.Of(a.Mode)));
            }
        }

        if (!options.AllowTimelineErrors)
        {
            foreach (var (c, at) in valid)
            {
                var from = reports[reportIndex[c.From]].Value;
                var fromTime = from.Published ?? (from.CitedIn is { } root && reportIndex.TryGetValue(root, out var r) ? reports[r].Value.Published : null);
                var toTime = reports[reportIndex[c.To]].Value.Published;
                if (fromTime is { } ft && toTime is { } tt && tt > ft)
                {
                    Problem(at?.Of("to"), "timeline", ErrorMessages.Timeline(c.From, ft, c.To, tt));
                }
            }
        }

        if (problems.Count > 0)
        {
            return null;
        }

        return new CitationGraph(
            [.. affiliations.Select(p => p.Value)],
            [.. sources.Select(p => p.Value)],
            [.. claims.Select(p => p.Value)],
            [.. reports.Select(p => p.Value)],
            [.. all.Select(p => p.Value)],
            [.. valid.Select(p => p.Value)],
            affiliationIndex,
            sourceIndex,
            claimIndex,
            reportIndex);
    }

    private static Dictionary<string, int> Index<T>(
        List<(T Value, FieldLocations? At)> items,
        Func<T, string> id,
        string what,
        Func<string?, bool> valid,
        List<GraphDiagnostic> problems)
    {
        var index = new Dictionary<string, int>(items.Count, StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var (value, at) = items[i];
            var key = id(value);
            if (!valid(key))
            {
                problems.Add(new GraphDiagnostic(at?.Of("id"), "malformed-id", ErrorMessages.MalformedId(what, key)));
                continue;
            }

            if (!index.TryAdd(key, i))
            {
                problems.Add(new GraphDiagnostic(at?.Of("id"), "duplicate-id", ErrorMessages.DuplicateId(what, key, items[index[key]].At?.Of("id"))));
            }
        }

        return index;
    }
}
