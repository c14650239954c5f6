namespace Provenance;

/// <summary>What kind of agent a <see cref="Source"/> is.</summary>
public enum SourceKind
{
    /// <summary>A news agency that sells or syndicates copy (TASS, Interfax, Reuters). Wire name <c>news-agency</c>.</summary>
    NewsAgency,

    /// <summary>A newspaper, magazine, web site or blog. Wire name <c>outlet</c>.</summary>
    Outlet,

    /// <summary>A radio or television broadcaster. Wire name <c>broadcaster</c>.</summary>
    Broadcaster,

    /// <summary>A government body: a ministry, agency or office. Wire name <c>government</c>.</summary>
    Government,

    /// <summary>A military command or unit. Wire name <c>military-unit</c>.</summary>
    MilitaryUnit,

    /// <summary>A named person. Wire name <c>person</c>.</summary>
    Person,

    /// <summary>A social-media account or the crowd posting on a platform. Wire name <c>social-media</c>.</summary>
    SocialMedia,

    /// <summary>An unnamed source ("sources said", "Russian sources"). Wire name <c>anonymous</c>.</summary>
    Anonymous,

    /// <summary>Anything else. Wire name <c>other</c>.</summary>
    Other,
}

/// <summary>What kind of publication or statement a <see cref="Report"/> is.</summary>
public enum ReportKind
{
    /// <summary>A written news article. Wire name <c>article</c>.</summary>
    Article,

    /// <summary>An official statement or press release. Wire name <c>statement</c>.</summary>
    Statement,

    /// <summary>A radio or television broadcast. Wire name <c>broadcast</c>.</summary>
    Broadcast,

    /// <summary>A video or footage. Wire name <c>video</c>.</summary>
    Video,

    /// <summary>A social-media post. Wire name <c>post</c>.</summary>
    Post,

    /// <summary>Anything else, and the kind of every implicit report. Wire name <c>other</c>.</summary>
    Other,
}

/// <summary>How a report came to state a claim.</summary>
public enum AssertionMode
{
    /// <summary>The report's source originated the claim (its own statement, its own reporters on the scene). Wire name <c>first-hand</c>.</summary>
    FirstHand,

    /// <summary>The report names where the claim came from: one or more citations. Wire name <c>attributed</c>.</summary>
    Attributed,

    /// <summary>The report states the claim without saying where it came from. Wire name <c>unattributed</c>.</summary>
    Unattributed,

    /// <summary>
    /// Only on implicit reports: the graph knows the source was cited for the claim but not how the source
    /// itself knew it. A trace ending here ends at a primary source when that source has a first-hand
    /// assertion of the claim elsewhere in the graph, otherwise at a dead end. Wire name <c>unknown</c>.
    /// </summary>
    Unknown,
}

/// <summary>How a report relies on what it cites.</summary>
public enum CitationKind
{
    /// <summary>A verbatim quotation. Wire name <c>direct-quote</c>.</summary>
    DirectQuote,

    /// <summary>A restatement in the citing report's own words. Wire name <c>paraphrase</c>.</summary>
    Paraphrase,

    /// <summary>"According to X". Wire name <c>according-to</c>.</summary>
    AccordingTo,

    /// <summary>"X, citing Y, said". Wire name <c>citing</c>.</summary>
    Citing,

    /// <summary>X confirmed what the citing report states. Wire name <c>confirms</c>.</summary>
    Confirms,

    /// <summary>
    /// Not stated by the citing report: a reviewer or a tool inferred the hop, for example from wording the report shares
    /// near word for word with the cited source's copy (a hidden relay), and the evidence is that shared passage. Traces
    /// follow it like any hop, so the origins it reveals are counted; it is the weakest kind
    /// (<see cref="TraceChain.WeakestHop"/>) and drawn apart from stated citations. Wire name <c>inferred</c>.
    /// </summary>
    Inferred,
}

/// <summary>How the citing report qualifies what it relays.</summary>
public enum Hedge
{
    /// <summary>Relayed as fact. Wire name <c>none</c>.</summary>
    None,

    /// <summary>"Unconfirmed", "unverified". Wire name <c>unconfirmed</c>.</summary>
    Unconfirmed,

    /// <summary>"Allegedly", "claimed". Wire name <c>alleged</c>.</summary>
    Alleged,

    /// <summary>"Purports to show", "appears to". Wire name <c>purported</c>.</summary>
    Purported,

    /// <summary>"Reportedly", "is said to". Wire name <c>reportedly</c>.</summary>
    Reportedly,
}
