using System.Collections.Immutable;

namespace Provenance;

/// <summary>Where a reused wording sits in a graph: which text of which report.</summary>
public enum PassageKind
{
    /// <summary>The wording of an assertion (<see cref="Assertion.Wording"/>): the report's words for the claim, or, on an implicit report, the cited source's words as relayed.</summary>
    Wording,

    /// <summary>The evidence of a citation (<see cref="Citation.Evidence"/>): the citing report's words naming what it cites.</summary>
    Evidence,
}

/// <summary>One side of a <see cref="HiddenRelay"/>: a wording in one report, whose words it is and whom the text credits. Immutable.</summary>
/// <param name="Report">
/// The id of the explicit report whose text holds the wording (for a wording of an implicit report <c>R~X</c>, the report
/// <c>R</c> it is cited in).
/// </param>
/// <param name="Source">The id of <paramref name="Report"/>'s source.</param>
/// <param name="Speaker">The id of the report the words belong to: <paramref name="Report"/> itself, or an implicit report of the source relayed in it.</param>
/// <param name="SpeakerSource">The id of <paramref name="Speaker"/>'s source.</param>
/// <param name="Claim">The id of the claim the wording is about.</param>
/// <param name="Kind">Whether the text is an assertion's wording or a citation's evidence.</param>
/// <param name="Text">The wording, verbatim.</param>
/// <param name="Credits">
/// The ids of the sources the text credits for these words, in graph order: the sources the speaker's assertion cites for the
/// claim (for an evidence, the cited report's source). Empty when the text credits no one.
/// </param>
/// <param name="Passages">The shared passages, as they read in <paramref name="Text"/>.</param>
public sealed record RelayPassage(
    string Report,
    string Source,
    string Speaker,
    string SpeakerSource,
    string Claim,
    PassageKind Kind,
    string Text,
    ImmutableArray<string> Credits,
    ImmutableArray<string> Passages)
{
    /// <summary>True when the words belong to a source relayed in <see cref="Report"/>, not to the report's own source.</summary>
    public bool IsRelayed => Speaker != Report;

    /// <inheritdoc />
    public bool Equals(RelayPassage? other) =>
        other is not null && Report == other.Report && Source == other.Source && Speaker == other.Speaker
        && SpeakerSource == other.SpeakerSource && Claim == other.Claim && Kind == other.Kind && Text == other.Text
        && Credits.AsSpan().SequenceEqual(other.Credits.AsSpan()) && Passages.AsSpan().SequenceEqual(other.Passages.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Report, Speaker, Claim, Kind, Text);
}

/// <summary>
/// Near-identical wording in two reports that the citations do not explain: the relaying report does not cite the other (or the
/// source whose words they are) along any chain for the claim, so its text hides where the words came from. Immutable.
/// </summary>
/// <param name="Relaying">
/// The side that reuses the words: the later report when both are dated and <paramref name="Directed"/> is true; otherwise the
/// side whose wording is its own (when the other side relays a named source), else the later in graph order.
/// </param>
/// <param name="Relayed">The side the words match.</param>
/// <param name="Directed">
/// True when the reports' dates order them (<paramref name="Relayed"/> published before <paramref name="Relaying"/>); false when
/// either is undated or both have the same instant, so the pair is reported without a direction.
/// </param>
/// <param name="Similarity">The share of the shorter wording that the shared passages cover (0 to 1), as <see cref="Reuse.TextReuseMatch.Similarity"/>.</param>
/// <param name="SharedLength">The folded characters the shared passages cover.</param>
/// <param name="Score">
/// How strong the finding is, 0 to 1: <paramref name="Similarity"/> × SharedLength / (SharedLength + 30), so a long shared passage
/// outranks a short one of the same similarity.
/// </param>
/// <param name="Suggestion">What the reuse suggests, in words, e.g. "eurasian-times credits ru-mod; the wording matches sputnik as relayed by zerohedge".</param>
public sealed record HiddenRelay(
    RelayPassage Relaying,
    RelayPassage Relayed,
    bool Directed,
    double Similarity,
    int SharedLength,
    double Score,
    string Suggestion);

/// <summary>The hidden relays of a graph, and how many candidate pairs the cap left unexamined. Immutable.</summary>
/// <param name="Relays">The findings, by <see cref="HiddenRelay.Score"/> descending, then relaying and relayed report in graph order, then claim in graph order.</param>
/// <param name="OmittedRelays">The findings left out by the cap, counted exactly (0 when every finding is listed).</param>
public sealed record HiddenRelaysResult(ImmutableArray<HiddenRelay> Relays, int OmittedRelays)
{
    /// <summary>The findings whose relaying wording is about <paramref name="claimId"/>.</summary>
    /// <param name="claimId">The claim's id.</param>
    /// <returns>The findings, in the result's order.</returns>
    public IEnumerable<HiddenRelay> OfClaim(string claimId) => Relays.Where(r => r.Relaying.Claim == claimId);

    /// <inheritdoc />
    public bool Equals(HiddenRelaysResult? other) =>
        other is not null && OmittedRelays == other.OmittedRelays && Relays.AsSpan().SequenceEqual(other.Relays.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Relays.Length, OmittedRelays);
}
