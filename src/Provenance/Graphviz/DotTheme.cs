using System.Text.RegularExpressions;

namespace Provenance.Graphviz;

/// <summary>Node shapes a theme may use (a subset of Graphviz's polygon shapes, each with a Mermaid counterpart).</summary>
public enum DotShape
{
    /// <summary>A rectangle. Mermaid <c>["…"]</c>.</summary>
    Box,

    /// <summary>A rectangle with rounded corners. Mermaid <c>("…")</c>.</summary>
    RoundedBox,

    /// <summary>An ellipse. Mermaid stadium <c>(["…"])</c>.</summary>
    Ellipse,

    /// <summary>An octagon. Mermaid hexagon <c>{{"…"}}</c>.</summary>
    Octagon,

    /// <summary>A hexagon. Mermaid <c>{{"…"}}</c>.</summary>
    Hexagon,

    /// <summary>A note (folded corner). Mermaid parallelogram <c>[/"…"/]</c>.</summary>
    Note,

    /// <summary>A cylinder. Mermaid <c>[("…")]</c>.</summary>
    Cylinder,
}

/// <summary>How a border or edge line is drawn.</summary>
public enum DotLineStyle
{
    /// <summary>A continuous line.</summary>
    Solid,

    /// <summary>A dashed line.</summary>
    Dashed,

    /// <summary>A dotted line.</summary>
    Dotted,
}

/// <summary>
/// A node style. Unset (<see langword="null"/>) properties inherit: a node starts from <see cref="DotTheme.Node"/> and
/// each mark it carries (implicit, asserting, unattributed, dead end, primary, cycle, in that order) overrides the
/// properties its style sets.
/// </summary>
public sealed class DotNodeStyle
{
    /// <summary>The shape.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public DotShape? Shape { get; set; }

    /// <summary>The fill colour: <c>#RRGGBB</c>, <c>#RRGGBBAA</c> or a Graphviz/SVG colour name.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public string? FillColor { get; set; }

    /// <summary>The border colour, in the same forms as <see cref="FillColor"/>.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public string? BorderColor { get; set; }

    /// <summary>The border line.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public DotLineStyle? BorderStyle { get; set; }

    /// <summary>The border width, in points.</summary>
    /// <value>Default: <see langword="null"/> (inherit). Between 0.1 and 20.</value>
    public double? BorderWidth { get; set; }

    /// <summary>Whether the border is doubled.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public bool? DoubleBorder { get; set; }

    /// <summary>The text colour, in the same forms as <see cref="FillColor"/>.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public string? FontColor { get; set; }

    internal DotNodeStyle Over(DotNodeStyle? top) => top is null ? this : new DotNodeStyle
    {
        Shape = top.Shape ?? Shape,
        FillColor = top.FillColor ?? FillColor,
        BorderColor = top.BorderColor ?? BorderColor,
        BorderStyle = top.BorderStyle ?? BorderStyle,
        BorderWidth = top.BorderWidth ?? BorderWidth,
        DoubleBorder = top.DoubleBorder ?? DoubleBorder,
        FontColor = top.FontColor ?? FontColor,
    };

    internal void Validate(string name)
    {
        if (Shape is { } shape && !Enum.IsDefined(shape))
        {
            throw new ArgumentException($"{name}.Shape is not a defined DotShape.", DotTheme.Param(name));
        }

        if (BorderStyle is { } line && !Enum.IsDefined(line))
        {
            throw new ArgumentException($"{name}.BorderStyle is not a defined DotLineStyle.", DotTheme.Param(name));
        }

        DotTheme.CheckColor(FillColor, name, nameof(FillColor));
        DotTheme.CheckColor(BorderColor, name, nameof(BorderColor));
        DotTheme.CheckColor(FontColor, name, nameof(FontColor));
        DotTheme.CheckWidth(BorderWidth, name, nameof(BorderWidth));
    }
}

/// <summary>An edge style. Unset properties inherit from <see cref="DotTheme.Edge"/>, then from each mark's style (hedged, cycle).</summary>
public sealed class DotEdgeStyle
{
    /// <summary>The line colour: <c>#RRGGBB</c>, <c>#RRGGBBAA</c> or a Graphviz/SVG colour name.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public string? Color { get; set; }

    /// <summary>The line.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public DotLineStyle? LineStyle { get; set; }

    /// <summary>The line width, in points.</summary>
    /// <value>Default: <see langword="null"/> (inherit). Between 0.1 and 20.</value>
    public double? Width { get; set; }

    /// <summary>The label colour.</summary>
    /// <value>Default: <see langword="null"/> (inherit).</value>
    public string? FontColor { get; set; }

    internal DotEdgeStyle Over(DotEdgeStyle? top) => top is null ? this : new DotEdgeStyle
    {
        Color = top.Color ?? Color,
        LineStyle = top.LineStyle ?? LineStyle,
        Width = top.Width ?? Width,
        FontColor = top.FontColor ?? FontColor,
    };

    internal void Validate(string name)
    {
        if (LineStyle is { } line && !Enum.IsDefined(line))
        {
            throw new ArgumentException($"{name}.LineStyle is not a defined DotLineStyle.", DotTheme.Param(name));
        }

        DotTheme.CheckColor(Color, name, nameof(Color));
        DotTheme.CheckColor(FontColor, name, nameof(FontColor));
        DotTheme.CheckWidth(Width, name, nameof(Width));
    }
}

/// <summary>
/// The look of a diagram: fonts, and one style per mark, so that primary sources, dead ends, cycles, hedged
/// citations and unattributed assertions are told apart by shape, border, colour and dash. Change a theme's
/// properties (or start from <see cref="Monochrome"/>) instead of the code. The colours reach SVG unchanged.
/// </summary>
public sealed partial class DotTheme
{
    /// <summary>The font of every text.</summary>
    /// <value>Default: <c>Helvetica</c>.</value>
    public string FontName { get; set; } = "Helvetica";

    /// <summary>The font size of node names, in points; other texts are a little smaller.</summary>
    /// <value>Default: 11. Between 4 and 72.</value>
    public double FontSize { get; set; } = 11;

    /// <summary>The border colour of cluster boxes.</summary>
    /// <value>Default: <c>#9E9E9E</c>.</value>
    public string ClusterColor { get; set; } = "#9E9E9E";

    /// <summary>Every node's base style.</summary>
    /// <value>Default: a white box with a dark grey border.</value>
    public DotNodeStyle Node { get; set; } = new() { Shape = DotShape.Box, FillColor = "#FFFFFF", BorderColor = "#424242", BorderStyle = DotLineStyle.Solid, BorderWidth = 1, DoubleBorder = false, FontColor = "#212121" };

    /// <summary>Implicit reports (known only through a citation).</summary>
    /// <value>Default: an ellipse with a dashed border.</value>
    public DotNodeStyle Implicit { get; set; } = new() { Shape = DotShape.Ellipse, BorderStyle = DotLineStyle.Dashed };

    /// <summary>In a claim trace, the reports asserting the claim (where chains start).</summary>
    /// <value>Default: a light blue fill with a thick blue border.</value>
    public DotNodeStyle Asserting { get; set; } = new() { FillColor = "#E3F2FD", BorderColor = "#1565C0", BorderWidth = 2 };

    /// <summary>Sources or reports that assert a claim without attribution.</summary>
    /// <value>Default: an orange note with a dotted border.</value>
    public DotNodeStyle Unattributed { get; set; } = new() { Shape = DotShape.Note, FillColor = "#FFE0B2", BorderColor = "#E65100", BorderStyle = DotLineStyle.Dotted };

    /// <summary>Dead ends: a cited source with no known first-hand statement of the claim.</summary>
    /// <value>Default: a red octagon.</value>
    public DotNodeStyle DeadEnd { get; set; } = new() { Shape = DotShape.Octagon, FillColor = "#FFCDD2", BorderColor = "#C62828" };

    /// <summary>Primary sources: a first-hand assertion. They also share a rank.</summary>
    /// <value>Default: green with a double border.</value>
    public DotNodeStyle Primary { get; set; } = new() { FillColor = "#C8E6C9", BorderColor = "#2E7D32", DoubleBorder = true };

    /// <summary>Nodes on a citation cycle (circular reporting).</summary>
    /// <value>Default: a thick purple border.</value>
    public DotNodeStyle Cycle { get; set; } = new() { BorderColor = "#6A1B9A", BorderWidth = 3 };

    /// <summary>Every edge's base style.</summary>
    /// <value>Default: a solid dark grey line.</value>
    public DotEdgeStyle Edge { get; set; } = new() { Color = "#616161", LineStyle = DotLineStyle.Solid, Width = 1, FontColor = "#424242" };

    /// <summary>Hedged citations (alleged, unconfirmed, purported, reportedly).</summary>
    /// <value>Default: a dashed brown line.</value>
    public DotEdgeStyle Hedged { get; set; } = new() { Color = "#8D6E63", LineStyle = DotLineStyle.Dashed };

    /// <summary>Inferred citations (<see cref="CitationKind.Inferred"/>): hops no text states, such as a hidden relay.</summary>
    /// <value>Default: a dotted teal line.</value>
    public DotEdgeStyle Inferred { get; set; } = new() { Color = "#00897B", LineStyle = DotLineStyle.Dotted };

    /// <summary>Citations on a cycle.</summary>
    /// <value>Default: a thick purple line.</value>
    public DotEdgeStyle CycleEdge { get; set; } = new() { Color = "#6A1B9A", Width = 2.5, FontColor = "#6A1B9A" };

    /// <summary>The colour theme, as a new instance.</summary>
    public static DotTheme Default => new();

    /// <summary>A black-and-white theme for print: marks are told apart by shape, border and dash alone.</summary>
    public static DotTheme Monochrome => new()
    {
        ClusterColor = "#000000",
        Node = new() { Shape = DotShape.Box, FillColor = "#FFFFFF", BorderColor = "#000000", BorderStyle = DotLineStyle.Solid, BorderWidth = 1, DoubleBorder = false, FontColor = "#000000" },
        Implicit = new() { Shape = DotShape.Ellipse, BorderStyle = DotLineStyle.Dashed },
        Asserting = new() { BorderWidth = 2 },
        Unattributed = new() { Shape = DotShape.Note, BorderStyle = DotLineStyle.Dotted },
        DeadEnd = new() { Shape = DotShape.Octagon, FillColor = "#E0E0E0" },
        Primary = new() { DoubleBorder = true, FillColor = "#FFFFFF" },
        Cycle = new() { BorderWidth = 3.5 },
        Edge = new() { Color = "#000000", LineStyle = DotLineStyle.Solid, Width = 1, FontColor = "#000000" },
        Hedged = new() { LineStyle = DotLineStyle.Dashed },
        Inferred = new() { LineStyle = DotLineStyle.Dotted },
        CycleEdge = new() { Width = 3 },
    };

    /// <summary>Checks every property.</summary>
    /// <exception cref="ArgumentException">A colour, font, size, width or style is invalid or missing.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(FontName) || FontName.Any(c => char.IsControl(c) || c is '"' or '\\'))
        {
            throw new ArgumentException("DotTheme.FontName must be a font name without quotes, backslashes or control characters.", nameof(FontName));
        }

        if (!(FontSize is >= 4 and <= 72))
        {
            throw new ArgumentException("DotTheme.FontSize must be between 4 and 72 points.", nameof(FontSize));
        }

        CheckColor(ClusterColor ?? throw new ArgumentException("DotTheme.ClusterColor must be set.", nameof(ClusterColor)), "DotTheme", nameof(ClusterColor));
        foreach (var (name, style) in NodeStyles())
        {
            (style ?? throw new ArgumentException($"DotTheme.{name} must be set; use an empty DotNodeStyle to inherit everything.", name)).Validate("DotTheme." + name);
        }

        foreach (var (name, style) in EdgeStyles())
        {
            (style ?? throw new ArgumentException($"DotTheme.{name} must be set; use an empty DotEdgeStyle to inherit everything.", name)).Validate("DotTheme." + name);
        }

        if (Node.Shape is null || Node.FillColor is null || Node.BorderColor is null || Node.BorderStyle is null
            || Node.BorderWidth is null || Node.DoubleBorder is null || Node.FontColor is null)
        {
            throw new ArgumentException("DotTheme.Node is the base style and must set every property.", nameof(Node));
        }

        if (Edge.Color is null || Edge.LineStyle is null || Edge.Width is null || Edge.FontColor is null)
        {
            throw new ArgumentException("DotTheme.Edge is the base style and must set every property.", nameof(Edge));
        }
    }

    internal static void CheckColor(string? color, string owner, string property)
    {
        if (color is not null && !ColorPattern().IsMatch(color))
        {
            throw new ArgumentException($"{owner}.{property} '{color}' is not a colour; use #RRGGBB, #RRGGBBAA or a colour name.", Param(owner));
        }
    }

    internal static void CheckWidth(double? width, string owner, string property)
    {
        if (width is { } w && !(w is >= 0.1 and <= 20))
        {
            throw new ArgumentException($"{owner}.{property} must be between 0.1 and 20 points.", Param(owner));
        }
    }

    /// <summary>The parameter name for a message about <paramref name="owner"/>: its last segment.</summary>
    internal static string Param(string owner) => owner[(owner.LastIndexOf('.') + 1)..];

    private (string, DotNodeStyle?)[] NodeStyles() =>
        [(nameof(Node), Node), (nameof(Implicit), Implicit), (nameof(Asserting), Asserting), (nameof(Unattributed), Unattributed),
         (nameof(DeadEnd), DeadEnd), (nameof(Primary), Primary), (nameof(Cycle), Cycle)];

    private (string, DotEdgeStyle?)[] EdgeStyles() => [(nameof(Edge), Edge), (nameof(Hedged), Hedged), (nameof(Inferred), Inferred), (nameof(CycleEdge), CycleEdge)];

    [GeneratedRegex("^(#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?|[A-Za-z][A-Za-z0-9]{0,30})$", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();
}
