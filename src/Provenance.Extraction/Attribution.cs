namespace Provenance.Extraction;

/// <summary>The role a span plays in an attribution.</summary>
public enum AttributionRole
{
    /// <summary>Who is cited: "the ministry", "Interfax", "he".</summary>
    Source,

    /// <summary>The reporting verb or phrase: "said", "according to", "citing", "quoted ... as saying".</summary>
    Cue,

    /// <summary>What is attributed: a direct quotation or indirect speech.</summary>
    Content,
}

/// <summary>A span of the decoded text: UTF-16 code units, 0-based, end exclusive, with its text. Immutable, thread-safe.</summary>
/// <param name="Start">Index of the first code unit.</param>
/// <param name="End">Index after the last code unit.</param>
/// <param name="Text">The text of the span, exactly as in the document.</param>
public readonly record struct TextSpan(int Start, int End, string Text)
{
    /// <summary>The number of code units in the span.</summary>
    public int Length => End - Start;

    /// <summary>The span of <paramref name="text"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public static TextSpan Of(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TextSpan(start, end, text[start..end]);
    }
}

/// <summary>How an attribution's source was matched to a known source.</summary>
public enum SourceMatch
{
    /// <summary>No source span, or no resolution was asked for.</summary>
    None,

    /// <summary>The span names a known source by its id, name or an alias.</summary>
    Known,

    /// <summary>The span refers back to a known source ("the ministry", "the MoD") that the text named before.</summary>
    Reference,

    /// <summary>No known source matches: a new source is proposed with a generated id.</summary>
    Proposed,

    /// <summary>An unnamed source ("Russian sources", "early reports", "locals"): proposed with kind <c>anonymous</c>.</summary>
    Anonymous,

    /// <summary>A pronoun or other mention that could not be resolved.</summary>
    Unresolved,
}

/// <summary>
/// One attribution found in a text: who (source), the cue, what (content), the hedge the text puts on it, and the
/// attribution it relays in a chain. Immutable, thread-safe.
/// </summary>
public sealed record Attribution
{
    /// <summary>The source span, or null when the text names none (an agentless "it was reported").</summary>
    public TextSpan? Source { get; init; }

    /// <summary>The cue span: the reporting verb or phrase.</summary>
    public required TextSpan Cue { get; init; }

    /// <summary>The content span (outer span when the content is interrupted by the cue), or null when the attribution is a hop of a chain with no content of its own.</summary>
    public TextSpan? Content { get; init; }

    /// <summary>The id of the known or proposed source the source span resolves to, or null.</summary>
    public string? SourceId { get; init; }

    /// <summary>How <see cref="SourceId"/> was found.</summary>
    public SourceMatch Match { get; init; }

    /// <summary>
    /// Index, in the document's attribution list, of the attribution this one relays: for "Interfax, citing the
    /// ministry, said ...", Interfax's attribution cites the ministry's. Null when it relays none.
    /// </summary>
    public int? Cites { get; init; }

    /// <summary>The hedge the text marks ("reportedly", "unconfirmed", "alleged", "purported", "appears to"), or null.</summary>
    public string? Hedge { get; init; }

    /// <summary>Confidence in the attribution, 0 to 1.</summary>
    public double Confidence { get; init; }
}
