using Provenance.Graphviz;

namespace Provenance.Tests.Graphviz;

public class DotOptionsTests
{
    [SkippableFact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new DotOptions();

        Assert.Equal(DotClusterBy.None, options.ClusterBy);
        Assert.Equal(DotRankDirection.LeftToRight, options.RankDirection);
        Assert.Equal(DotLabels.All, options.Labels);
        Assert.True(options.EvidenceTooltips);
        Assert.True(options.Links);
        Assert.True(options.ShowLegend);
        Assert.Equal(80, options.MaxLabelLength);
        Assert.Null(options.Title);
        Assert.Equal("Helvetica", options.Theme.FontName);
        options.Validate();
        DotTheme.Monochrome.Validate();
    }

    [SkippableFact]
    public void Validate_UndefinedClusterBy_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DotOptions { ClusterBy = (DotClusterBy)9 }.Validate());

        Assert.Equal("DotOptions.ClusterBy must be None, Affiliation or Country. (Parameter 'ClusterBy')\nActual value was 9.", error.Message);
    }

    [SkippableFact]
    public void Validate_UndefinedRankDirection_Throws() =>
        Assert.Equal("RankDirection", Assert.Throws<ArgumentOutOfRangeException>(() => new DotOptions { RankDirection = (DotRankDirection)(-1) }.Validate()).ParamName);

    [SkippableFact]
    public void Validate_UndefinedLabelFlag_Throws() =>
        Assert.Equal("Labels", Assert.Throws<ArgumentOutOfRangeException>(() => new DotOptions { Labels = (DotLabels)64 }.Validate()).ParamName);

    [SkippableTheory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void Validate_MaxLabelLengthOutOfRange_Throws(int length) =>
        Assert.Equal("MaxLabelLength", Assert.Throws<ArgumentOutOfRangeException>(() => new DotOptions { MaxLabelLength = length }.Validate()).ParamName);

    [SkippableFact]
    public void Validate_NoTheme_Throws()
    {
        var error = Assert.Throws<ArgumentNullException>(() => new DotOptions { Theme = null! }.Validate());

        Assert.Equal("DotOptions.Theme must be set; use DotTheme.Default or DotTheme.Monochrome. (Parameter 'Theme')", error.Message);
    }

    [SkippableTheory]
    [InlineData("red\"];evil")]
    [InlineData("#12345")]
    [InlineData("")]
    public void Validate_BadColour_Throws(string color)
    {
        var theme = DotTheme.Default;
        theme.Primary.FillColor = color;

        var error = Assert.Throws<ArgumentException>(() => new DotOptions { Theme = theme }.Validate());

        Assert.Equal($"DotTheme.Primary.FillColor '{color}' is not a colour; use #RRGGBB, #RRGGBBAA or a colour name. (Parameter 'Primary')", error.Message);
    }

    [SkippableFact]
    public void Validate_BadFont_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new DotTheme { FontName = "Arial\"" }.Validate());

        Assert.Equal("DotTheme.FontName must be a font name without quotes, backslashes or control characters. (Parameter 'FontName')", error.Message);
    }

    [SkippableFact]
    public void Validate_BaseStyleMissingAProperty_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new DotTheme { Node = new DotNodeStyle { Shape = DotShape.Box } }.Validate());

        Assert.Equal("DotTheme.Node is the base style and must set every property. (Parameter 'Node')", error.Message);
    }

    [SkippableFact]
    public void Validate_WidthOutOfRange_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new DotTheme { CycleEdge = new DotEdgeStyle { Width = 0 } }.Validate());

        Assert.Equal("DotTheme.CycleEdge.Width must be between 0.1 and 20 points. (Parameter 'CycleEdge')", error.Message);
    }

    [SkippableFact]
    public void Theme_CustomColours_ReachTheDot()
    {
        var theme = DotTheme.Default;
        theme.Primary = new DotNodeStyle { FillColor = "gold", Shape = DotShape.Hexagon };
        theme.Hedged = new DotEdgeStyle { LineStyle = DotLineStyle.Dotted };

        var dot = GraphvizSamples.Small().ToDot(DotView.Reports, new DotOptions { Theme = theme, ShowLegend = false });

        Assert.Contains("\"mod-statement\" [shape=\"hexagon\", style=\"filled\", fillcolor=\"gold\"", dot, StringComparison.Ordinal);
        Assert.Contains("\"ifx\" -> \"mod-statement\" [color=\"#616161\", style=\"dotted\"", dot, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Theme_Default_IsAFreshInstance()
    {
        DotTheme.Default.FontName = "Courier";

        Assert.Equal("Helvetica", DotTheme.Default.FontName);
    }

    [SkippableFact]
    public void Hooks_Styles_LayerOverTheTheme()
    {
        var options = new DotOptions
        {
            ShowLegend = false,
            ReportStyle = r => r.Id == "zh" ? new DotNodeStyle { FillColor = "yellow" } : null,
            CitationStyle = c => c.Kind == CitationKind.DirectQuote ? new DotEdgeStyle { Color = "#FF0000" } : null,
            SourceStyle = s => s.Kind == SourceKind.Anonymous ? new DotNodeStyle { Shape = DotShape.Cylinder } : null,
        };
        var graph = GraphvizSamples.Small();

        var reports = graph.ToDot(DotView.Reports, options);
        var sources = graph.ToDot(DotView.Sources, options);
        var mermaid = graph.ToMermaid(DotView.Reports, options);

        Assert.Contains("\"zh\" [shape=\"box\", style=\"filled\", fillcolor=\"yellow\"", reports, StringComparison.Ordinal);
        Assert.Contains("\"ifx\" -> \"mod-statement\" [color=\"#FF0000\", style=\"dashed\"", reports, StringComparison.Ordinal);
        Assert.Contains("\"russian-sources\" [shape=\"cylinder\"", sources, StringComparison.Ordinal);
        Assert.Contains("\n  style n1 fill:yellow,stroke:#424242", mermaid, StringComparison.Ordinal);
        GraphvizTestKit.RenderSvg(reports);
        GraphvizTestKit.RenderSvg(sources);
        Provenance.Testing.MermaidCheck.AssertRenders(mermaid, "the small graph's reports with style hooks");
    }

    [SkippableFact]
    public void Hooks_BadStyle_Throws()
    {
        var options = new DotOptions { ReportStyle = _ => new DotNodeStyle { BorderColor = "x;y" } };

        var error = Assert.Throws<ArgumentException>(() => GraphvizSamples.Small().ToDot(DotView.Reports, options));

        Assert.Equal("DotOptions.ReportStyle.BorderColor 'x;y' is not a colour; use #RRGGBB, #RRGGBBAA or a colour name. (Parameter 'ReportStyle')", error.Message);
    }
}
