using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Provenance;

/// <summary>
/// A validated who-cited-whom graph: affiliations, sources, claims, reports (explicit and implicit),
/// assertions and citations. Built once by <see cref="CitationGraphBuilder"/> (or a loader) into compact
/// arrays; immutable and thread-safe.
/// </summary>
/// <remarks>
/// Reports are the nodes and citations the edges. Adjacency is stored CSR-style: for each report, the
/// positions of its outgoing and incoming citations in <see cref="Citations"/> are one contiguous slice, so
/// queries walk the graph without allocating per node.
/// </remarks>
public sealed class CitationGraph
{
    private readonly Dictionary<string, int> affiliationIndex;
    private readonly Dictionary<string, int> sourceIndex;
    private readonly Dictionary<string, int> claimIndex;
    private readonly Dictionary<string, int> reportIndex;

    internal CitationGraph(
        ImmutableArray<Affiliation> affiliations,
        ImmutableArray<Source> sources,
        ImmutableArray<Claim> claims,
        ImmutableArray<Report> reports,
        ImmutableArray<Assertion> assertions,
        ImmutableArray<Citation> citations,
        Dictionary<string, int> affiliationIndex,
        Dictionary<string, int> sourceIndex,
        Dictionary<string, int> claimIndex,
        Dictionary<string, int> reportIndex)
    {
        Affiliations = affiliations;
        Sources = sources;
        Claims = claims;
        Reports = reports;
        Assertions = assertions;
        Citations = citations;
        this.affiliationIndex = affiliationIndex;
        this.sourceIndex = sourceIndex;
        this.claimIndex = claimIndex;
        this.reportIndex = reportIndex;

        var n = reports.Length;
        var e = citations.Length;
        ReportSource = new int[n];
        for (var i = 0; i < n; i++)
        {
            ReportSource[i] = sourceIndex[reports[i].Source];
        }

        SourceAffiliation = new int[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            SourceAffiliation[i] = sources[i].Affiliation is { } a ? affiliationIndex[a] : -1;
        }

        CitationFrom = new int[e];
        CitationTo = new int[e];
        CitationClaim = new int[e];
        for (var i = 0; i < e; i++)
        {
            var c = citations[i];
            CitationFrom[i] = reportIndex[c.From];
            CitationTo[i] = reportIndex[c.To];
            CitationClaim[i] = claimIndex[c.Claim];
        }

        (OutStart, OutCitations) = Csr(n, CitationFrom);
        (InStart, InCitations) = Csr(n, CitationTo);

        AssertionReport = new int[assertions.Length];
        AssertionClaim = new int[assertions.Length];
        for (var i = 0; i < assertions.Length; i++)
        {
            AssertionReport[i] = reportIndex[assertions[i].Report];
            AssertionClaim[i] = claimIndex[assertions[i].Claim];
        }

        (AssertionStart, ReportAssertions) = Csr(n, AssertionReport);
        (ClaimAssertionStart, ClaimAssertions) = Csr(claims.Length, AssertionClaim);
        (SourceReportStart, SourceReports) = Csr(sources.Length, ReportSource);

        var contradictions = new SortedSet<(int, int)>();
        for (var i = 0; i < claims.Length; i++)
        {
            foreach (var other in claims[i].Contradicts)
            {
                var j = claimIndex[other];
                contradictions.Add((i, j));
                contradictions.Add((j, i));
            }
        }

        (ContradictionStart, ContradictionClaims) = Csr(claims.Length, [.. contradictions.Select(p => p.Item1)], [.. contradictions.Select(p => p.Item2)]);
    }

    /// <summary>The affiliation groups, in the order they were added.</summary>
    public ImmutableArray<Affiliation> Affiliations { get; }

    /// <summary>The sources, in the order they were added.</summary>
    public ImmutableArray<Source> Sources { get; }

    /// <summary>The claims, in the order they were added.</summary>
    public ImmutableArray<Claim> Claims { get; }

    /// <summary>The reports, explicit and implicit, in the order they were added.</summary>
    public ImmutableArray<Report> Reports { get; }

    /// <summary>The assertions, in the order they were added (assertions the builder infers come last).</summary>
    public ImmutableArray<Assertion> Assertions { get; }

    /// <summary>The citations, in the order they were added.</summary>
    public ImmutableArray<Citation> Citations { get; }

    // Compact index form for the query engine. Node = report position; every array is read-only after construction.
    internal int[] ReportSource { get; }

    internal int[] SourceAffiliation { get; }

    internal int[] CitationFrom { get; }

    internal int[] CitationTo { get; }

    internal int[] CitationClaim { get; }

    internal int[] OutStart { get; }

    internal int[] OutCitations { get; }

    internal int[] InStart { get; }

    internal int[] InCitations { get; }

    internal int[] AssertionReport { get; }

    internal int[] AssertionClaim { get; }

    internal int[] AssertionStart { get; }

    internal int[] ReportAssertions { get; }

    internal int[] ClaimAssertionStart { get; }

    internal int[] ClaimAssertions { get; }

    internal int[] SourceReportStart { get; }

    internal int[] SourceReports { get; }

    internal int[] ContradictionStart { get; }

    internal int[] ContradictionClaims { get; }

    /// <summary>Gets the source with the given id.</summary>
    /// <param name="id">The source's id.</param>
    /// <returns>The source.</returns>
    /// <exception cref="KeyNotFoundException">No source has that id.</exception>
    public Source GetSource(string id) => Sources[Find(sourceIndex, id, "source")];

    /// <summary>Looks up a source by id.</summary>
    /// <param name="id">The source's id.</param>
    /// <param name="source">The source, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetSource(string id, [NotNullWhen(true)] out Source? source) => TryGet(sourceIndex, Sources, id, out source);

    /// <summary>Gets the report with the given id.</summary>
    /// <param name="id">The report's id.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    public Report GetReport(string id) => Reports[Find(reportIndex, id, "report")];

    /// <summary>Looks up a report by id.</summary>
    /// <param name="id">The report's id.</param>
    /// <param name="report">The report, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetReport(string id, [NotNullWhen(true)] out Report? report) => TryGet(reportIndex, Reports, id, out report);

    /// <summary>Gets the claim with the given id.</summary>
    /// <param name="id">The claim's id.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="KeyNotFoundException">No claim has that id.</exception>
    public Claim GetClaim(string id) => Claims[Find(claimIndex, id, "claim")];

    /// <summary>Looks up a claim by id.</summary>
    /// <param name="id">The claim's id.</param>
    /// <param name="claim">The claim, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetClaim(string id, [NotNullWhen(true)] out Claim? claim) => TryGet(claimIndex, Claims, id, out claim);

    /// <summary>Gets the affiliation with the given id.</summary>
    /// <param name="id">The affiliation's id.</param>
    /// <returns>The affiliation.</returns>
    /// <exception cref="KeyNotFoundException">No affiliation has that id.</exception>
    public Affiliation GetAffiliation(string id) => Affiliations[Find(affiliationIndex, id, "affiliation")];

    /// <summary>Looks up an affiliation by id.</summary>
    /// <param name="id">The affiliation's id.</param>
    /// <param name="affiliation">The affiliation, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetAffiliation(string id, [NotNullWhen(true)] out Affiliation? affiliation) =>
        TryGet(affiliationIndex, Affiliations, id, out affiliation);

    /// <summary>The citations a report makes, in the order they were added.</summary>
    /// <param name="reportId">The citing report's id.</param>
    /// <returns>Its citations.</returns>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    public ImmutableArray<Citation> CitationsFrom(string reportId) =>
        Slice(Citations, OutStart, OutCitations, Find(reportIndex, reportId, "report"));

    /// <summary>The citations that point to a report, in the order they were added.</summary>
    /// <param name="reportId">The cited report's id.</param>
    /// <returns>The citations of it.</returns>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    public ImmutableArray<Citation> CitationsTo(string reportId) =>
        Slice(Citations, InStart, InCitations, Find(reportIndex, reportId, "report"));

    /// <summary>The assertions a report makes, in the order they were added.</summary>
    /// <param name="reportId">The report's id.</param>
    /// <returns>Its assertions.</returns>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    public ImmutableArray<Assertion> AssertionsOf(string reportId) =>
        Slice(Assertions, AssertionStart, ReportAssertions, Find(reportIndex, reportId, "report"));

    /// <summary>The assertions of a claim, in the order they were added.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>Every assertion of the claim.</returns>
    /// <exception cref="KeyNotFoundException">No claim has that id.</exception>
    public ImmutableArray<Assertion> AssertionsOfClaim(string claimId) =>
        Slice(Assertions, ClaimAssertionStart, ClaimAssertions, Find(claimIndex, claimId, "claim"));

    /// <summary>Looks up the assertion of a claim by a report.</summary>
    /// <param name="reportId">The report's id.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="assertion">The assertion, when the report asserts the claim.</param>
    /// <returns><see langword="true"/> when the report asserts the claim.</returns>
    public bool TryGetAssertion(string reportId, string claimId, [NotNullWhen(true)] out Assertion? assertion)
    {
        assertion = null;
        if (!reportIndex.TryGetValue(reportId, out var r) || !claimIndex.TryGetValue(claimId, out var c))
        {
            return false;
        }

        var i = FindAssertion(r, c);
        if (i >= 0)
        {
            assertion = Assertions[i];
        }

        return assertion is not null;
    }

    /// <summary>The reports a source published, explicit and implicit, in the order they were added.</summary>
    /// <param name="sourceId">The source's id.</param>
    /// <returns>Its reports.</returns>
    /// <exception cref="KeyNotFoundException">No source has that id.</exception>
    public ImmutableArray<Report> ReportsOf(string sourceId) =>
        Slice(Reports, SourceReportStart, SourceReports, Find(sourceIndex, sourceId, "source"));

    /// <summary>The claims that contradict a claim, whichever of the two declared it, ordered as in <see cref="Claims"/>.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The contradicting claims.</returns>
    /// <exception cref="KeyNotFoundException">No claim has that id.</exception>
    public ImmutableArray<Claim> ContradictionsOf(string claimId) =>
        Slice(Claims, ContradictionStart, ContradictionClaims, Find(claimIndex, claimId, "claim"));

    /// <summary>Whether two graphs hold the same elements in the same order.</summary>
    /// <param name="other">The other graph.</param>
    /// <returns><see langword="true"/> when every collection is equal, element by element.</returns>
    public bool ContentEquals(CitationGraph? other) =>
        other is not null
        && Affiliations.SequenceEqual(other.Affiliations)
        && Sources.SequenceEqual(other.Sources)
        && Claims.SequenceEqual(other.Claims)
        && Reports.SequenceEqual(other.Reports)
        && Assertions.SequenceEqual(other.Assertions)
        && Citations.SequenceEqual(other.Citations);

    internal bool TryGetReportIndex(string id, out int index) => reportIndex.TryGetValue(id, out index);

    internal bool TryGetSourceIndex(string id, out int index) => sourceIndex.TryGetValue(id, out index);

    internal bool TryGetClaimIndex(string id, out int index) => claimIndex.TryGetValue(id, out index);

    /// <summary>The position in <see cref="Assertions"/> of report <paramref name="report"/>'s assertion of <paramref name="claim"/>, or -1.</summary>
    internal int FindAssertion(int report, int claim)
    {
        // A report asserts few claims, so a scan of its slice beats any index.
        for (var i = AssertionStart[report]; i < AssertionStart[report + 1]; i++)
        {
            var position = ReportAssertions[i];
            if (AssertionClaim[position] == claim)
            {
                return position;
            }
        }

        return -1;
    }

    private static int Find(Dictionary<string, int> index, string id, string what)
    {
        ArgumentNullException.ThrowIfNull(id);
        return index.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"No {what} has the id '{id}'.");
    }

    private static bool TryGet<T>(Dictionary<string, int> index, ImmutableArray<T> items, string id, [NotNullWhen(true)] out T? value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(id);
        value = index.TryGetValue(id, out var i) ? items[i] : null;
        return value is not null;
    }

    private static ImmutableArray<T> Slice<T>(ImmutableArray<T> items, int[] start, int[] positions, int key)
    {
        var builder = ImmutableArray.CreateBuilder<T>(start[key + 1] - start[key]);
        for (var i = start[key]; i < start[key + 1]; i++)
        {
            builder.Add(items[positions[i]]);
        }

        return builder.MoveToImmutable();
    }

    /// <summary>Counting sort of positions 0..keys.Length-1 by key: a stable CSR index.</summary>
    private static (int[] Start, int[] Positions) Csr(int buckets, int[] keys) => Csr(buckets, keys, null);

    private static (int[] Start, int[] Positions) Csr(int buckets, int[] keys, int[]? values)
    {
        var start = new int[buckets + 1];
        foreach (var k in keys)
        {
            start[k + 1]++;
        }

        for (var i = 0; i < buckets; i++)
        {
            start[i + 1] += start[i];
        }

        var next = (int[])start.Clone();
        var positions = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            positions[next[keys[i]]++] = values is null ? i : values[i];
        }

        return (start, positions);
    }
}
