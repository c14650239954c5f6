using System.Collections.Immutable;

namespace Provenance;

/// <summary>
/// A group of sources that are not independent of each other (e.g. "Russian state": the Russian MoD, TASS, RT
/// and Sputnik). Immutable, thread-safe.
/// </summary>
/// <param name="Id">The affiliation's id.</param>
/// <param name="Name">The display name.</param>
public sealed record Affiliation(string Id, string Name)
{
    /// <summary>A free-text note on why these sources belong together.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public string? Description { get; init; }
}

/// <summary>
/// An agent that publishes or speaks: a news agency, outlet, broadcaster, government body, military unit,
/// person, social-media account or anonymous source. Immutable, thread-safe.
/// </summary>
/// <param name="Id">The source's id.</param>
/// <param name="Name">The display name.</param>
/// <param name="Kind">What kind of agent it is.</param>
public sealed record Source(string Id, string Name, SourceKind Kind)
{
    /// <summary>Other spellings and scripts of the name (e.g. ТАСС for TASS).</summary>
    /// <value>Default: empty. A default (uninitialised) array is taken as empty.</value>
    public ImmutableArray<string> Aliases { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <summary>The country the source belongs to, as an ISO 3166-1 alpha-2 code where known.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public string? Country { get; init; }

    /// <summary>The id of the <see cref="Provenance.Affiliation"/> the source belongs to.</summary>
    /// <value>Default: <see langword="null"/>: the source is its own group when independent origins are counted.</value>
    public string? Affiliation { get; init; }

    /// <summary>The source's home page.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public string? Url { get; init; }

    /// <inheritdoc />
    public bool Equals(Source? other) =>
        other is not null
        && Id == other.Id && Name == other.Name && Kind == other.Kind
        && Country == other.Country && Affiliation == other.Affiliation && Url == other.Url
        && Aliases.AsSpan().SequenceEqual(other.Aliases.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Name, Kind, Country, Affiliation, Url, Aliases.Length);
}

/// <summary>
/// One publication or statement by a source. An <em>implicit</em> report is one the graph only knows through
/// another report's citation ("according to TASS"); it carries no details beyond its source and the report
/// that cites it. Immutable, thread-safe.
/// </summary>
/// <param name="Id">The report's id.</param>
/// <param name="Source">The id of the <see cref="Provenance.Source"/> that published it.</param>
/// <param name="Kind">What kind of publication it is.</param>
public sealed record Report(string Id, string Source, ReportKind Kind)
{
    /// <summary>The headline or title.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public string? Title { get; init; }

    /// <summary>When it was published, with the publisher's offset.</summary>
    /// <value>Default: <see langword="null"/> (unknown; always for implicit reports).</value>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Where it can be read.</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public string? Url { get; init; }

    /// <summary>Its language, as a BCP 47 tag (e.g. <c>en</c>, <c>ru</c>).</summary>
    /// <value>Default: <see langword="null"/>.</value>
    public string? Language { get; init; }

    /// <summary>Whether the graph knows this report only through another report's citation.</summary>
    public bool IsImplicit => CitedIn is not null;

    /// <summary>For an implicit report, the id of the explicit report whose text cites it (and holds the evidence for its chain).</summary>
    /// <value>Default: <see langword="null"/> (an explicit report).</value>
    public string? CitedIn { get; init; }

    /// <summary>Creates an implicit report: one known only because <paramref name="citedIn"/> cites <paramref name="source"/>.</summary>
    /// <param name="id">The report's id.</param>
    /// <param name="source">The id of the cited source.</param>
    /// <param name="citedIn">The id of the explicit report whose text cites it.</param>
    /// <returns>The implicit report, of kind <see cref="ReportKind.Other"/> and with no details.</returns>
    public static Report Implicit(string id, string source, string citedIn) =>
        new(id, source, ReportKind.Other) { CitedIn = citedIn };

    /// <inheritdoc />
    /// <remarks>Publication times are equal only when they are the same instant written with the same UTC offset.</remarks>
    public bool Equals(Report? other) =>
        other is not null
        && Id == other.Id && Source == other.Source && Kind == other.Kind && Title == other.Title
        && Url == other.Url && Language == other.Language && CitedIn == other.CitedIn
        && Published.HasValue == other.Published.HasValue
        && (Published is not { } p || p.EqualsExact(other.Published!.Value));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Source, Kind, Title, Published, Url, Language, CitedIn);
}

/// <summary>A proposition that travels between reports. Immutable, thread-safe.</summary>
/// <param name="Id">The claim's id.</param>
/// <param name="Text">The canonical text of the claim.</param>
public sealed record Claim(string Id, string Text)
{
    /// <summary>The ids of claims this one contradicts. The relation is symmetric in the built graph.</summary>
    /// <value>Default: empty. A default (uninitialised) array is taken as empty.</value>
    public ImmutableArray<string> Contradicts { get; init => field = value.IsDefault ? [] : value; } = [];

    /// <inheritdoc />
    public bool Equals(Claim? other) =>
        other is not null && Id == other.Id && Text == other.Text
        && Contradicts.AsSpan().SequenceEqual(other.Contradicts.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Text, Contradicts.Length);
}

/// <summary>A report states a claim. Immutable, thread-safe.</summary>
/// <param name="Report">The id of the stating report.</param>
/// <param name="Claim">The id of the stated claim.</param>
/// <param name="Mode">How the report came to state it. <see cref="AssertionMode.Attributed"/> if and only if the report cites something for the claim.</param>
/// <param name="Wording">The report's verbatim wording of the claim, if recorded.</param>
public sealed record Assertion(string Report, string Claim, AssertionMode Mode, string? Wording = null);

/// <summary>
/// A directed edge: report <see cref="From"/> relies on report <see cref="To"/> (often an implicit report of
/// the cited source) for claim <see cref="Claim"/>. Endpoints are fixed at construction. Immutable, thread-safe.
/// </summary>
/// <param name="From">The id of the citing report.</param>
/// <param name="To">The id of the cited report.</param>
/// <param name="Claim">The id of the claim the citation is for.</param>
/// <param name="Kind">How the citing report relies on the cited one.</param>
/// <param name="Hedge">How the citing report qualifies what it relays.</param>
/// <param name="Evidence">A verbatim excerpt of the text that makes the citation (for an implicit citing report, from the report it is cited in).</param>
public sealed record Citation(string From, string To, string Claim, CitationKind Kind, Hedge Hedge = Hedge.None, string? Evidence = null);
