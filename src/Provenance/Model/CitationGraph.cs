using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Diagnostics.CodeAnalysis;
using Provenance.Storage;

namespace Provenance;

/// <summary>
/// A validated who-cited-whom graph: affiliations, sources, claims, reports (explicit and implicit),
/// assertions and citations. Built once by <see cref="CitationGraphBuilder"/> (or a loader) into compact
/// arrays; immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Reports are the nodes and citations the edges. Adjacency is stored CSR-style: for each report, the
/// positions of its outgoing and incoming citations in <see cref="Citations"/> are one contiguous slice, so
/// queries walk the graph without allocating per node.
/// </para>
/// <para>
/// The elements are stored as columns, not as objects: every id is an int, an implicit report's id
/// (<c>citing~source</c>) is computed from its parts, and text is kept once per distinct string as UTF-8.
/// The element records (<see cref="Citation"/>, <see cref="Report"/>, ...) that <see cref="Citations"/> and the
/// other lists hand out are made when they are read, like <c>JsonElement</c>s of a <c>JsonDocument</c>: equal
/// by value on every read, cheap, but not free, so keep an element you read more than once.
/// </para>
/// </remarks>
public sealed class CitationGraph
{
    private readonly Affiliation[] affiliations;
    private readonly Source[] sources;
    private readonly string[] claimIds;
    private readonly int[] claimText;
    private readonly int[] declaredContradictionStart;
    private readonly int[] declaredContradictions;
    private readonly int[] reportIdRef;
    private readonly IdTable reportIds;
    private readonly int[] reportIdOwner;
    private readonly int[] reportCitedIn;
    private readonly int[] reportDetail;
    private readonly byte[] detailKind;
    private readonly int[] detailTitle;
    private readonly int[] detailUrl;
    private readonly int[] detailLanguage;
    private readonly long[] detailUtcTicks;
    private readonly short[] detailOffset;
    private readonly byte[] assertionMode;
    private readonly int[] assertionWording;
    private readonly byte[] citationKind;
    private readonly byte[] citationHedge;
    private readonly int[] citationEvidence;
    private readonly TextPool text;
    private readonly int[] derivedStart;
    private readonly int[] derived;
    private readonly Dictionary<string, int> affiliationIndex;
    private readonly Dictionary<string, int> sourceIndex;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> sourceBySpan;
    private readonly Dictionary<string, int> claimIndex;

    internal CitationGraph(GraphColumns columns)
    {
        affiliations = columns.Affiliations;
        sources = columns.Sources;
        claimIds = columns.ClaimIds;
        claimText = columns.ClaimText;
        declaredContradictionStart = columns.DeclaredContradictionStart;
        declaredContradictions = columns.DeclaredContradictions;
        reportIdRef = columns.ReportIdRef;
        reportIds = columns.ReportIds;
        reportCitedIn = columns.ReportCitedIn;
        reportDetail = columns.ReportDetail;
        detailKind = columns.DetailKind;
        detailTitle = columns.DetailTitle;
        detailUrl = columns.DetailUrl;
        detailLanguage = columns.DetailLanguage;
        detailUtcTicks = columns.DetailUtcTicks;
        detailOffset = columns.DetailOffset;
        assertionMode = columns.AssertionMode;
        assertionWording = columns.AssertionWording;
        citationKind = columns.CitationKind;
        citationHedge = columns.CitationHedge;
        citationEvidence = columns.CitationEvidence;
        text = columns.Text;
        ReportSource = columns.ReportSource;
        SourceAffiliation = columns.SourceAffiliation;
        CitationFrom = columns.CitationFrom;
        CitationTo = columns.CitationTo;
        CitationClaim = columns.CitationClaim;
        AssertionReport = columns.AssertionReport;
        AssertionClaim = columns.AssertionClaim;

        affiliationIndex = Index(affiliations.Length, i => affiliations[i].Id);
        sourceIndex = Index(sources.Length, i => sources[i].Id);
        sourceBySpan = sourceIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        claimIndex = Index(claimIds.Length, i => claimIds[i]);

        var n = ReportSource.Length;
        reportIdOwner = new int[reportIds.Count];
        var derivedCount = 0;
        for (var i = 0; i < n; i++)
        {
            if (reportIdRef[i] >= 0)
            {
                reportIdOwner[reportIdRef[i]] = i;
            }
            else
            {
                derivedCount++;
            }
        }

        // The reports whose ids are derived, grouped by the report their id extends and ordered by source there.
        var parents = new int[derivedCount];
        var children = new int[derivedCount];
        for (int i = 0, k = 0; i < n; i++)
        {
            if (reportIdRef[i] < 0)
            {
                parents[k] = ~reportIdRef[i];
                children[k++] = i;
            }
        }

        (derivedStart, var order) = Csr(n, parents);
        derived = new int[derivedCount];
        var keys = new int[derivedCount];
        for (var i = 0; i < derivedCount; i++)
        {
            derived[i] = children[order[i]];
            keys[i] = ReportSource[derived[i]];
        }

        for (var p = 0; p < n; p++)
        {
            if (derivedStart[p + 1] - derivedStart[p] > 1)
            {
                Array.Sort(keys, derived, derivedStart[p], derivedStart[p + 1] - derivedStart[p]);
            }
        }

        (OutStart, OutCitations) = Csr(n, CitationFrom);
        (InStart, InCitations) = Csr(n, CitationTo);
        (AssertionStart, ReportAssertions) = Csr(n, AssertionReport);
        (ClaimAssertionStart, ClaimAssertions) = Csr(claimIds.Length, AssertionClaim);
        (SourceReportStart, SourceReports) = Csr(sources.Length, ReportSource);

        // Contradictions, made symmetric: every declared pair both ways, each claim's list sorted and without repeats.
        var pairs = declaredContradictions.Length * 2;
        var from = new int[pairs];
        var to = new int[pairs];
        for (int c = 0, k = 0; c < claimIds.Length; c++)
        {
            for (var i = declaredContradictionStart[c]; i < declaredContradictionStart[c + 1]; i++)
            {
                (from[k], to[k++]) = (c, declaredContradictions[i]);
                (from[k], to[k++]) = (declaredContradictions[i], c);
            }
        }

        var (start, both) = Csr(claimIds.Length, from, to);
        var unique = new List<int>(pairs);
        ContradictionStart = new int[claimIds.Length + 1];
        for (var c = 0; c < claimIds.Length; c++)
        {
            Array.Sort(both, start[c], start[c + 1] - start[c]);
            for (var i = start[c]; i < start[c + 1]; i++)
            {
                if (i == start[c] || both[i] != both[i - 1])
                {
                    unique.Add(both[i]);
                }
            }

            ContradictionStart[c + 1] = unique.Count;
        }

        ContradictionClaims = [.. unique];

        Affiliations = new ElementList<Affiliation>(affiliations.Length, i => affiliations[i]);
        Sources = new ElementList<Source>(sources.Length, i => sources[i]);
        Claims = new ElementList<Claim>(claimIds.Length, MakeClaim);
        Reports = new ElementList<Report>(n, MakeReport);
        Assertions = new ElementList<Assertion>(AssertionReport.Length, MakeAssertion);
        Citations = new ElementList<Citation>(CitationFrom.Length, MakeCitation);
    }

    /// <summary>The affiliation groups, in the order they were added.</summary>
    public ElementList<Affiliation> Affiliations { get; }

    /// <summary>The sources, in the order they were added.</summary>
    public ElementList<Source> Sources { get; }

    /// <summary>The claims, in the order they were added.</summary>
    public ElementList<Claim> Claims { get; }

    /// <summary>The reports, explicit and implicit, in the order they were added.</summary>
    public ElementList<Report> Reports { get; }

    /// <summary>The assertions, in the order they were added (assertions the builder infers come last).</summary>
    public ElementList<Assertion> Assertions { get; }

    /// <summary>The citations, in the order they were added.</summary>
    public ElementList<Citation> Citations { get; }

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

    /// <summary>How many report ids the graph keeps as bytes: the rest are derived from their parts.</summary>
    internal int StoredReportIds => reportIds.Count;

    /// <summary>Gets the source with the given id.</summary>
    /// <param name="id">The source's id.</param>
    /// <returns>The source.</returns>
    /// <exception cref="KeyNotFoundException">No source has that id.</exception>
    public Source GetSource(string id) => sources[Find(sourceIndex, id, "source")];

    /// <summary>Looks up a source by id.</summary>
    /// <param name="id">The source's id.</param>
    /// <param name="source">The source, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetSource(string id, [NotNullWhen(true)] out Source? source)
    {
        ArgumentNullException.ThrowIfNull(id);
        source = sourceIndex.TryGetValue(id, out var i) ? sources[i] : null;
        return source is not null;
    }

    /// <summary>Gets the report with the given id.</summary>
    /// <param name="id">The report's id.</param>
    /// <returns>The report.</returns>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    public Report GetReport(string id) => MakeReport(FindReport(id));

    /// <summary>Looks up a report by id.</summary>
    /// <param name="id">The report's id.</param>
    /// <param name="report">The report, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetReport(string id, [NotNullWhen(true)] out Report? report)
    {
        ArgumentNullException.ThrowIfNull(id);
        report = TryGetReportIndex(id, out var i) ? MakeReport(i) : null;
        return report is not null;
    }

    /// <summary>Gets the claim with the given id.</summary>
    /// <param name="id">The claim's id.</param>
    /// <returns>The claim.</returns>
    /// <exception cref="KeyNotFoundException">No claim has that id.</exception>
    public Claim GetClaim(string id) => MakeClaim(Find(claimIndex, id, "claim"));

    /// <summary>Looks up a claim by id.</summary>
    /// <param name="id">The claim's id.</param>
    /// <param name="claim">The claim, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetClaim(string id, [NotNullWhen(true)] out Claim? claim)
    {
        ArgumentNullException.ThrowIfNull(id);
        claim = claimIndex.TryGetValue(id, out var i) ? MakeClaim(i) : null;
        return claim is not null;
    }

    /// <summary>Gets the affiliation with the given id.</summary>
    /// <param name="id">The affiliation's id.</param>
    /// <returns>The affiliation.</returns>
    /// <exception cref="KeyNotFoundException">No affiliation has that id.</exception>
    public Affiliation GetAffiliation(string id) => affiliations[Find(affiliationIndex, id, "affiliation")];

    /// <summary>Looks up an affiliation by id.</summary>
    /// <param name="id">The affiliation's id.</param>
    /// <param name="affiliation">The affiliation, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetAffiliation(string id, [NotNullWhen(true)] out Affiliation? affiliation)
    {
        ArgumentNullException.ThrowIfNull(id);
        affiliation = affiliationIndex.TryGetValue(id, out var i) ? affiliations[i] : null;
        return affiliation is not null;
    }

    /// <summary>The citations a report makes, in the order they were added.</summary>
    /// <param name="reportId">The citing report's id.</param>
    /// <returns>Its citations.</returns>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    public ImmutableArray<Citation> CitationsFrom(string reportId) =>
        Slice(OutStart, OutCitations, FindReport(reportId), MakeCitation);

    /// <summary>The citations that point to a report, in the order they were added.</summary>
    /// <param name="reportId">The cited report's id.</param>
    /// <returns>The citations of it.</returns>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    public ImmutableArray<Citation> CitationsTo(string reportId) =>
        Slice(InStart, InCitations, FindReport(reportId), MakeCitation);

    /// <summary>The assertions a report makes, in the order they were added.</summary>
    /// <param name="reportId">The report's id.</param>
    /// <returns>Its assertions.</returns>
    /// <exception cref="KeyNotFoundException">No report has that id.</exception>
    public ImmutableArray<Assertion> AssertionsOf(string reportId) =>
        Slice(AssertionStart, ReportAssertions, FindReport(reportId), MakeAssertion);

    /// <summary>The assertions of a claim, in the order they were added.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>Every assertion of the claim.</returns>
    /// <exception cref="KeyNotFoundException">No claim has that id.</exception>
    public ImmutableArray<Assertion> AssertionsOfClaim(string claimId) =>
        Slice(ClaimAssertionStart, ClaimAssertions, Find(claimIndex, claimId, "claim"), MakeAssertion);

    /// <summary>Looks up the assertion of a claim by a report.</summary>
    /// <param name="reportId">The report's id.</param>
    /// <param name="claimId">The claim's id.</param>
    /// <param name="assertion">The assertion, when the report asserts the claim.</param>
    /// <returns><see langword="true"/> when the report asserts the claim.</returns>
    public bool TryGetAssertion(string reportId, string claimId, [NotNullWhen(true)] out Assertion? assertion)
    {
        assertion = null;
        if (!TryGetReportIndex(reportId, out var r) || claimId is null || !claimIndex.TryGetValue(claimId, out var c))
        {
            return false;
        }

        var i = FindAssertion(r, c);
        if (i >= 0)
        {
            assertion = MakeAssertion(i);
        }

        return assertion is not null;
    }

    /// <summary>The reports a source published, explicit and implicit, in the order they were added.</summary>
    /// <param name="sourceId">The source's id.</param>
    /// <returns>Its reports.</returns>
    /// <exception cref="KeyNotFoundException">No source has that id.</exception>
    public ImmutableArray<Report> ReportsOf(string sourceId) =>
        Slice(SourceReportStart, SourceReports, Find(sourceIndex, sourceId, "source"), MakeReport);

    /// <summary>The claims that contradict a claim, whichever of the two declared it, ordered as in <see cref="Claims"/>.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The contradicting claims.</returns>
    /// <exception cref="KeyNotFoundException">No claim has that id.</exception>
    public ImmutableArray<Claim> ContradictionsOf(string claimId) =>
        Slice(ContradictionStart, ContradictionClaims, Find(claimIndex, claimId, "claim"), MakeClaim);

    /// <summary>Whether two graphs hold the same elements in the same order.</summary>
    /// <param name="other">The other graph.</param>
    /// <returns><see langword="true"/> when every collection is equal, element by element (publication times with their UTC offsets).</returns>
    public bool ContentEquals(CitationGraph? other) =>
        other is not null
        && Affiliations.Length == other.Affiliations.Length && Sources.Length == other.Sources.Length
        && Claims.Length == other.Claims.Length && Reports.Length == other.Reports.Length
        && Assertions.Length == other.Assertions.Length && Citations.Length == other.Citations.Length
        && Affiliations.SequenceEqual(other.Affiliations)
        && Sources.SequenceEqual(other.Sources)
        && Claims.SequenceEqual(other.Claims)
        && Reports.SequenceEqual(other.Reports)
        && Assertions.SequenceEqual(other.Assertions)
        && Citations.SequenceEqual(other.Citations);

    internal bool TryGetReportIndex(string id, out int index)
    {
        index = id is null ? -1 : FindReport(id.AsSpan());
        return index >= 0;
    }

    internal bool TryGetSourceIndex(string id, out int index) => sourceIndex.TryGetValue(id, out index);

    internal bool TryGetClaimIndex(string id, out int index) => claimIndex.TryGetValue(id, out index);

    /// <summary>The id of report <paramref name="report"/>, made on each call.</summary>
    internal string ReportId(int report)
    {
        var r = report;
        var length = 0;
        int reference;
        while ((reference = reportIdRef[r]) < 0)
        {
            length += 1 + sources[ReportSource[r]].Id.Length;
            r = ~reference;
        }

        if (r == report)
        {
            return reportIds[reference];
        }

        length += reportIds.LengthOf(reference);
        return string.Create(length, (Graph: this, Report: report), static (span, state) =>
        {
            var (graph, r) = state;
            var end = span.Length;
            int reference;
            while ((reference = graph.reportIdRef[r]) < 0)
            {
                var source = graph.sources[graph.ReportSource[r]].Id;
                end -= source.Length;
                source.CopyTo(span[end..]);
                span[--end] = '~';
                r = ~reference;
            }

            graph.reportIds.CopyTo(reference, span[..end]);
        });
    }

    /// <summary>The length of report <paramref name="report"/>'s id.</summary>
    internal int ReportIdLength(int report)
    {
        var r = report;
        var length = 0;
        int reference;
        while ((reference = reportIdRef[r]) < 0)
        {
            length += 1 + sources[ReportSource[r]].Id.Length;
            r = ~reference;
        }

        return length + reportIds.LengthOf(reference);
    }

    /// <summary>Writes report <paramref name="report"/>'s id into <paramref name="destination"/>, which must hold <see cref="ReportIdLength"/> characters; returns that length.</summary>
    internal int CopyReportId(int report, Span<char> destination)
    {
        var length = ReportIdLength(report);
        var span = destination[..length];
        var end = length;
        var r = report;
        int reference;
        while ((reference = reportIdRef[r]) < 0)
        {
            var source = sources[ReportSource[r]].Id;
            end -= source.Length;
            source.CopyTo(span[end..]);
            span[--end] = '~';
            r = ~reference;
        }

        reportIds.CopyTo(reference, span[..end]);
        return length;
    }

    /// <summary>The graph's text store (titles, wordings, evidence, ...), for writers that copy its UTF-8 bytes.</summary>
    internal TextPool Text => text;

    /// <summary>The kind of report <paramref name="report"/> (<see cref="ReportKind.Other"/> when it has no details).</summary>
    internal ReportKind ReportKindOf(int report) => reportDetail[report] is var row and >= 0 ? (ReportKind)detailKind[row] : ReportKind.Other;

    /// <summary>The text references of report <paramref name="report"/>'s title, URL and language (<see cref="TextPool.None"/> when absent).</summary>
    internal (int Title, int Url, int Language) ReportTextRefs(int report) =>
        reportDetail[report] is var row and >= 0 ? (detailTitle[row], detailUrl[row], detailLanguage[row]) : (TextPool.None, TextPool.None, TextPool.None);

    /// <summary>The text reference of claim <paramref name="claim"/>'s text.</summary>
    internal int ClaimTextRef(int claim) => claimText[claim];

    /// <summary>The claims claim <paramref name="claim"/> was declared to contradict, in declared order (positions in <see cref="DeclaredContradictions"/>).</summary>
    internal (int Start, int End) DeclaredContradictionRange(int claim) => (declaredContradictionStart[claim], declaredContradictionStart[claim + 1]);

    /// <summary>The declared contradictions of every claim, grouped by <see cref="DeclaredContradictionRange"/>.</summary>
    internal int[] DeclaredContradictions => declaredContradictions;

    /// <summary>The text reference of assertion <paramref name="assertion"/>'s wording.</summary>
    internal int WordingRef(int assertion) => assertionWording[assertion];

    /// <summary>The text reference of citation <paramref name="citation"/>'s evidence.</summary>
    internal int EvidenceRef(int citation) => citationEvidence[citation];

    /// <summary>The id of source <paramref name="source"/>.</summary>
    internal string SourceId(int source) => sources[source].Id;

    /// <summary>The id of claim <paramref name="claim"/>.</summary>
    internal string ClaimId(int claim) => claimIds[claim];

    /// <summary>The id of affiliation <paramref name="affiliation"/>.</summary>
    internal string AffiliationId(int affiliation) => affiliations[affiliation].Id;

    /// <summary>Whether report <paramref name="report"/> is implicit.</summary>
    internal bool IsImplicit(int report) => reportCitedIn[report] >= 0;

    /// <summary>The explicit report implicit report <paramref name="report"/> is cited in, or -1.</summary>
    internal int CitedIn(int report) => reportCitedIn[report];

    /// <summary>When report <paramref name="report"/> was published, if known.</summary>
    internal DateTimeOffset? Published(int report)
    {
        var row = reportDetail[report];
        if (row < 0 || detailOffset[row] == short.MinValue)
        {
            return null;
        }

        var offset = TimeSpan.FromMinutes(detailOffset[row]);
        return new DateTimeOffset(detailUtcTicks[row] + offset.Ticks, offset);
    }

    /// <summary>How assertion <paramref name="assertion"/> came to be made.</summary>
    internal AssertionMode ModeOf(int assertion) => (AssertionMode)assertionMode[assertion];

    /// <summary>The wording of assertion <paramref name="assertion"/>, made on each call.</summary>
    internal string? WordingOf(int assertion) => text[assertionWording[assertion]];

    /// <summary>Whether any title, wording, evidence, URL, language or claim text holds a NUL character.</summary>
    internal bool TextContainsNul => text.ContainsNul;

    /// <summary>The evidence of citation <paramref name="citation"/>, made on each call.</summary>
    internal string? EvidenceOf(int citation) => text[citationEvidence[citation]];

    /// <summary>Whether citation <paramref name="citation"/> records evidence (not absent, not empty), without making the text.</summary>
    internal bool HasEvidence(int citation) => !text.IsNullOrEmpty(citationEvidence[citation]);

    /// <summary>The kind of citation <paramref name="citation"/>.</summary>
    internal CitationKind KindOf(int citation) => (CitationKind)citationKind[citation];

    /// <summary>Citation <paramref name="citation"/> as a record, made on each call.</summary>
    internal Citation CitationAt(int citation) => MakeCitation(citation);

    /// <summary>The hedge of citation <paramref name="citation"/>.</summary>
    internal Hedge HedgeOf(int citation) => (Hedge)citationHedge[citation];

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

    /// <summary>The position of the report with id <paramref name="id"/>, or -1.</summary>
    /// <remarks>
    /// A stored id is found in the id table; a derived one (<c>parent~source</c>) by resolving its prefixes left to
    /// right, each a stored id or the child of the previous one for the next segment's source: no recursion, and
    /// work bounded by the id's length times the longest stored id.
    /// </remarks>
    internal int FindReport(ReadOnlySpan<char> id)
    {
        var current = -1;
        var segment = 0;
        while (true)
        {
            var next = id[segment..].IndexOf(Internal.Ids.ImplicitSeparator);
            var end = next < 0 ? id.Length : segment + next;
            var stored = reportIds.Find(id[..end]);
            if (stored >= 0)
            {
                current = reportIdOwner[stored];
            }
            else if (current >= 0 && segment > 0)
            {
                current = DerivedChild(current, id[segment..end]);
            }
            else
            {
                current = -1;
            }

            if (next < 0)
            {
                return current;
            }

            if (current < 0 && end >= reportIds.MaxLength)
            {
                return -1;
            }

            segment = end + 1;
        }
    }

    private int FindReport(string id, [CallerArgumentExpression(nameof(id))] string? parameter = null)
    {
        ArgumentNullException.ThrowIfNull(id, parameter);
        var i = FindReport(id.AsSpan());
        return i >= 0 ? i : throw new KeyNotFoundException($"No report has the id '{id}'.");
    }

    private int DerivedChild(int parent, ReadOnlySpan<char> sourceId)
    {
        if (!sourceBySpan.TryGetValue(sourceId, out var source))
        {
            return -1;
        }

        int lo = derivedStart[parent], hi = derivedStart[parent + 1] - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var s = ReportSource[derived[mid]];
            if (s == source)
            {
                return derived[mid];
            }

            if (s < source)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    private Claim MakeClaim(int i)
    {
        var claim = new Claim(claimIds[i], text[claimText[i]]!);
        var (from, to) = (declaredContradictionStart[i], declaredContradictionStart[i + 1]);
        if (to > from)
        {
            var ids = new string[to - from];
            for (var k = from; k < to; k++)
            {
                ids[k - from] = claimIds[declaredContradictions[k]];
            }

            claim = claim with { Contradicts = ImmutableCollectionsMarshal.AsImmutableArray(ids) };
        }

        return claim;
    }

    private Report MakeReport(int i)
    {
        var row = reportDetail[i];
        var citedIn = reportCitedIn[i];
        var source = sources[ReportSource[i]].Id;
        return row < 0
            ? new Report(ReportId(i), source, ReportKind.Other) { CitedIn = citedIn < 0 ? null : ReportId(citedIn) }
            : new Report(ReportId(i), source, (ReportKind)detailKind[row])
            {
                Title = text[detailTitle[row]],
                Published = Published(i),
                Url = text[detailUrl[row]],
                Language = text[detailLanguage[row]],
                CitedIn = citedIn < 0 ? null : ReportId(citedIn),
            };
    }

    private Assertion MakeAssertion(int i) =>
        new(ReportId(AssertionReport[i]), claimIds[AssertionClaim[i]], (AssertionMode)assertionMode[i], text[assertionWording[i]]);

    private Citation MakeCitation(int i) =>
        new(ReportId(CitationFrom[i]), ReportId(CitationTo[i]), claimIds[CitationClaim[i]], (CitationKind)citationKind[i], (Hedge)citationHedge[i], text[citationEvidence[i]]);

    private static Dictionary<string, int> Index(int count, Func<int, string> id)
    {
        var index = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            index.Add(id(i), i);
        }

        return index;
    }

    private static int Find(Dictionary<string, int> index, string id, string what, [CallerArgumentExpression(nameof(id))] string? parameter = null)
    {
        // Named as the public method names it (claimId, sourceId, id).
        ArgumentNullException.ThrowIfNull(id, parameter);
        return index.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"No {what} has the id '{id}'.");
    }

    private static ImmutableArray<T> Slice<T>(int[] start, int[] positions, int key, Func<int, T> make)
    {
        var builder = ImmutableArray.CreateBuilder<T>(start[key + 1] - start[key]);
        for (var i = start[key]; i < start[key + 1]; i++)
        {
            builder.Add(make(positions[i]));
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

        var next = new int[buckets];
        Array.Copy(start, next, buckets);
        var positions = new int[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            positions[next[keys[i]]++] = values is null ? i : values[i];
        }

        return (start, positions);
    }
}
