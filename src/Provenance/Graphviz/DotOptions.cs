namespace Provenance.Graphviz;

/// <summary>
/// How to group nodes into boxes (Graphviz clusters, Mermaid subgraphs) in the source-level and report-level views. A claim
/// trace always boxes its independent origins instead (see <see cref="DotOptions.ClusterBy"/>).
/// </summary>
public enum DotClusterBy
{
    /// <summary>No grouping.</summary>
    None,

    /// <summary>One box per affiliation group; sources without an affiliation stay outside.</summary>
    Affiliation,

    /// <summary>One box per country; sources without a country stay outside.</summary>
    Country,
}

/// <summary>The direction citations run in the drawing (Graphviz <c>rankdir</c>, Mermaid flowchart direction).</summary>
public enum DotRankDirection
{
    /// <summary>Citing on the left, cited (and primary sources) on the right.</summary>
    LeftToRight,

    /// <summary>Citing at the top, cited at the bottom.</summary>
    TopToBottom,

    /// <summary>Citing on the right, cited on the left.</summary>
    RightToLeft,

    /// <summary>Citing at the bottom, cited at the top.</summary>
    BottomToTop,
}

/// <summary>Which texts the diagram shows besides node names. Combine with <c>|</c>.</summary>
[Flags]
public enum DotLabels
{
    /// <summary>Node names only, unlabelled edges.</summary>
    None = 0,

    /// <summary>A second line on nodes: source kind and country; report title, date and kind.</summary>
    NodeDetails = 1,

    /// <summary>The claim ids a citation is for.</summary>
    Claims = 2,

    /// <summary>The citation kind (according-to, citing, ...).</summary>
    CitationKinds = 4,

    /// <summary>The hedge of hedged citations (alleged, unconfirmed, ...).</summary>
    Hedges = 8,

    /// <summary>On source-level edges, how many citations the edge stands for.</summary>
    Counts = 16,

    /// <summary>Everything.</summary>
    All = NodeDetails | Claims | CitationKinds | Hedges | Counts,
}

/// <summary>
/// Options for <see cref="GraphvizExtensions.ToDot(CitationGraph, DotView, DotOptions?)"/> and
/// <see cref="MermaidExtensions.ToMermaid(CitationGraph, DotView, DotOptions?)"/>. Checked once per call by
/// <see cref="Validate"/>.
/// </summary>
public sealed class DotOptions
{
    /// <summary>The schemes a node's <c>url</c> may have to become its link; other URLs are left out.</summary>
    private static readonly string[] DefaultSchemes = ["http", "https"];

    /// <summary>
    /// How to group nodes into boxes in <see cref="DotView.Sources"/> and <see cref="DotView.Reports"/>: by the sources'
    /// affiliation or country (a report goes in its source's box), or not at all.
    /// </summary>
    /// <remarks>
    /// A claim trace (<see cref="DotView.ClaimTrace(string)"/>) ignores this setting: its boxes are always its independent
    /// origins, one per affiliation behind a primary source and one per primary source without an affiliation, holding
    /// those primary sources, because the count of those boxes is the answer the trace is drawn for. Relaying reports stay
    /// outside every box there, whatever their source's affiliation or country.
    /// </remarks>
    /// <value>Default: <see cref="DotClusterBy.None"/>.</value>
    public DotClusterBy ClusterBy { get; set; } = DotClusterBy.None;

    /// <summary>The direction citations run in.</summary>
    /// <value>Default: <see cref="DotRankDirection.LeftToRight"/>.</value>
    public DotRankDirection RankDirection { get; set; } = DotRankDirection.LeftToRight;

    /// <summary>Which texts to show besides node names.</summary>
    /// <value>Default: <see cref="DotLabels.All"/>.</value>
    public DotLabels Labels { get; set; } = DotLabels.All;

    /// <summary>Whether a citation's evidence excerpt becomes its edge's tooltip (shown on hover in SVG).</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool EvidenceTooltips { get; set; } = true;

    /// <summary>
    /// Whether a node whose source or report has a URL links to it (<c>URL</c> and <c>target</c> in DOT, clickable
    /// in SVG; <c>click</c> in Mermaid). Only absolute <c>http</c> and <c>https</c> URLs are used.
    /// </summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool Links { get; set; } = true;

    /// <summary>Whether to draw a legend explaining the node and edge styles.</summary>
    /// <value>Default: <see langword="true"/>.</value>
    public bool ShowLegend { get; set; } = true;

    /// <summary>The longest node or edge label, in characters; longer texts are cut and end in "…". Tooltips are never cut.</summary>
    /// <value>Default: 80. Between 1 and 100,000.</value>
    public int MaxLabelLength { get; set; } = 80;

    /// <summary>A title drawn above the diagram.</summary>
    /// <value>Default: <see langword="null"/>: none, except that a claim trace is titled with the claim's text.</value>
    public string? Title { get; set; }

    /// <summary>
    /// A styling hook for source nodes (source view): the style returned is layered over the theme's, so set only
    /// what should change; <see langword="null"/> keeps the theme's.
    /// </summary>
    /// <value>Default: <see langword="null"/> (no hook).</value>
    public Func<Source, DotNodeStyle?>? SourceStyle { get; set; }

    /// <summary>A styling hook for report nodes (report and trace views), layered over the theme's style.</summary>
    /// <value>Default: <see langword="null"/> (no hook).</value>
    public Func<Report, DotNodeStyle?>? ReportStyle { get; set; }

    /// <summary>A styling hook for citation edges (report and trace views), layered over the theme's style.</summary>
    /// <value>Default: <see langword="null"/> (no hook).</value>
    public Func<Citation, DotEdgeStyle?>? CitationStyle { get; set; }

    /// <summary>The colours, fonts and shapes.</summary>
    /// <value>Default: <see cref="DotTheme.Default"/>.</value>
    public DotTheme Theme { get; set; } = DotTheme.Default;

    internal static IReadOnlyCollection<string> LinkSchemes => DefaultSchemes;

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An enumeration value is undefined or <see cref="MaxLabelLength"/> is out of range.</exception>
    /// <exception cref="ArgumentNullException"><see cref="Theme"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The theme holds an invalid colour, font or width.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(ClusterBy))
        {
            throw new ArgumentOutOfRangeException(nameof(ClusterBy), ClusterBy, "DotOptions.ClusterBy must be None, Affiliation or Country.");
        }

        if (!Enum.IsDefined(RankDirection))
        {
            throw new ArgumentOutOfRangeException(nameof(RankDirection), RankDirection, "DotOptions.RankDirection must be a defined DotRankDirection.");
        }

        if ((Labels & ~DotLabels.All) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Labels), Labels, "DotOptions.Labels holds an undefined flag.");
        }

        if (MaxLabelLength is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLabelLength), MaxLabelLength, "DotOptions.MaxLabelLength must be between 1 and 100000.");
        }

        if (Theme is null)
        {
            throw new ArgumentNullException(nameof(Theme), "DotOptions.Theme must be set; use DotTheme.Default or DotTheme.Monochrome.");
        }

        Theme.Validate();
    }
}
