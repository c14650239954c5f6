namespace Provenance.Storage;

/// <summary>
/// The columns a <see cref="CitationGraphBuilder"/> hands to a <see cref="CitationGraph"/>: every element as ints
/// (positions of other elements), small enums and references into one <see cref="TextPool"/>. Every array has
/// exactly one entry per element. Filled once, then owned by the graph.
/// </summary>
internal sealed class GraphColumns
{
    public required Affiliation[] Affiliations { get; init; }

    public required Source[] Sources { get; init; }

    /// <summary>Per source: the position of its affiliation, or -1.</summary>
    public required int[] SourceAffiliation { get; init; }

    public required string[] ClaimIds { get; init; }

    public required int[] ClaimText { get; init; }

    /// <summary>Per claim: the slice of <see cref="DeclaredContradictions"/> its <see cref="Claim.Contradicts"/> fills, in written order.</summary>
    public required int[] DeclaredContradictionStart { get; init; }

    public required int[] DeclaredContradictions { get; init; }

    public required int[] ReportSource { get; init; }

    /// <summary>Per report: its id's position in <see cref="ReportIds"/>, or <c>~parent</c> when its id is the parent's id, '~' and its source's id.</summary>
    public required int[] ReportIdRef { get; init; }

    public required IdTable ReportIds { get; init; }

    /// <summary>Per report: the explicit report it is cited in, or -1 for an explicit report.</summary>
    public required int[] ReportCitedIn { get; init; }

    /// <summary>Per report: its row in the detail columns, or -1 when it has no details (kind Other, nothing else set).</summary>
    public required int[] ReportDetail { get; init; }

    public required byte[] DetailKind { get; init; }

    public required int[] DetailTitle { get; init; }

    public required int[] DetailUrl { get; init; }

    public required int[] DetailLanguage { get; init; }

    /// <summary>UTC ticks of the publication time, with <see cref="DetailOffset"/>.</summary>
    public required long[] DetailUtcTicks { get; init; }

    /// <summary>The publication time's UTC offset in minutes, or <see cref="short.MinValue"/> when it is unknown.</summary>
    public required short[] DetailOffset { get; init; }

    public required int[] AssertionReport { get; init; }

    public required int[] AssertionClaim { get; init; }

    public required byte[] AssertionMode { get; init; }

    public required int[] AssertionWording { get; init; }

    public required int[] CitationFrom { get; init; }

    public required int[] CitationTo { get; init; }

    public required int[] CitationClaim { get; init; }

    public required byte[] CitationKind { get; init; }

    public required byte[] CitationHedge { get; init; }

    public required int[] CitationEvidence { get; init; }

    public required TextPool Text { get; init; }
}
