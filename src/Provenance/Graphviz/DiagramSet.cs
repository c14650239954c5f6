using System.Collections.Immutable;
using System.Globalization;

namespace Provenance.Graphviz;

/// <summary>Options for <see cref="DiagramSetExtensions.ToDiagramSet"/>: which claims to trace and how each view is drawn. Checked once per call by <see cref="Validate"/>.</summary>
public sealed class DiagramSetOptions
{
    /// <summary>The claims to draw a trace of, one diagram each, in the order given (a repeated id counts once).</summary>
    /// <value>Default: <see langword="null"/>: every claim, in graph order, up to <see cref="MaxClaimTraces"/>.</value>
    public IReadOnlyList<string>? Claims { get; set; }

    /// <summary>The most claim traces drawn when <see cref="Claims"/> is <see langword="null"/>; the rest are counted in <see cref="DiagramSet.OmittedClaimTraces"/>.</summary>
    /// <value>Default: 100. Between 0 and 1,000,000.</value>
    public int MaxClaimTraces { get; set; } = 100;

    /// <summary>How the source-level view is drawn.</summary>
    /// <value>Default: <see cref="DefaultSourcesOptions"/>.</value>
    public DotOptions Sources { get; set; } = DefaultSourcesOptions();

    /// <summary>How the report-level view is drawn.</summary>
    /// <value>Default: <see cref="DefaultReportsOptions"/>.</value>
    public DotOptions Reports { get; set; } = DefaultReportsOptions();

    /// <summary>How each claim trace is drawn. When its <see cref="DotOptions.Title"/> is <see langword="null"/>, each trace is titled "claim id: claim text".</summary>
    /// <value>Default: <see cref="DefaultTraceOptions"/>.</value>
    public DotOptions Traces { get; set; } = DefaultTraceOptions();

    /// <summary>The default look of the source-level view: sources boxed by affiliation, citing on the left, every label.</summary>
    /// <returns>New options.</returns>
    public static DotOptions DefaultSourcesOptions() => new()
    {
        ClusterBy = DotClusterBy.Affiliation,
        RankDirection = DotRankDirection.LeftToRight,
        Labels = DotLabels.All,
        MaxLabelLength = 60,
    };

    /// <summary>
    /// The default look of the report-level view: reports boxed by their source's affiliation, citing on the left, and unlabelled
    /// edges (one per citation, the evidence as tooltip): a report cites the same source for many claims, and a label per edge
    /// would bury the drawing.
    /// </summary>
    /// <returns>New options.</returns>
    public static DotOptions DefaultReportsOptions() => new()
    {
        ClusterBy = DotClusterBy.Affiliation,
        RankDirection = DotRankDirection.LeftToRight,
        Labels = DotLabels.NodeDetails,
        MaxLabelLength = 48,
    };

    /// <summary>
    /// The default look of a claim trace: citing on the left, primary sources on the right in one box per independent origin, every
    /// label, report titles cut at 60 characters, and the compact legend beside the title (only the marks the trace uses).
    /// </summary>
    /// <returns>New options.</returns>
    public static DotOptions DefaultTraceOptions() => new()
    {
        ClusterBy = DotClusterBy.None,
        RankDirection = DotRankDirection.LeftToRight,
        Labels = DotLabels.All,
        MaxLabelLength = 60,
        ShowLegend = true,
    };

    /// <summary>Checks every option.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MaxClaimTraces"/> is out of range, or a view's option is.</exception>
    /// <exception cref="ArgumentNullException">A view's options, or an id in <see cref="Claims"/>, is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A view's option is invalid (see <see cref="DotOptions.Validate"/>).</exception>
    public void Validate()
    {
        if (MaxClaimTraces is < 0 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxClaimTraces), MaxClaimTraces, "DiagramSetOptions.MaxClaimTraces must be between 0 and 1000000.");
        }

        (Sources ?? throw new ArgumentNullException(nameof(Sources), "DiagramSetOptions.Sources must be set.")).Validate();
        (Reports ?? throw new ArgumentNullException(nameof(Reports), "DiagramSetOptions.Reports must be set.")).Validate();
        (Traces ?? throw new ArgumentNullException(nameof(Traces), "DiagramSetOptions.Traces must be set.")).Validate();
        if (Claims is not null && Claims.Any(c => c is null))
        {
            throw new ArgumentNullException(nameof(Claims), "DiagramSetOptions.Claims must not hold null.");
        }
    }
}

/// <summary>One diagram of a <see cref="DiagramSet"/>: its file name, view and DOT text. Immutable, thread-safe.</summary>
/// <param name="FileName">The DOT file's name (no folder), ending in <c>.dot</c>.</param>
/// <param name="View">The view drawn.</param>
/// <param name="Dot">The DOT text, with <c>\n</c> line endings.</param>
public sealed record DiagramFile(string FileName, DotView View, string Dot)
{
    /// <summary>The name of the rendered SVG file: <see cref="FileName"/> with <c>.svg</c> for <c>.dot</c>.</summary>
    public string SvgFileName => string.Concat(FileName.AsSpan(0, FileName.Length - ".dot".Length), ".svg");
}

/// <summary>The diagrams of a graph as a set of DOT files with deterministic names and bytes. Immutable, thread-safe.</summary>
/// <param name="Name">The name the file names start with (usually the graph file's name without extension).</param>
/// <param name="Files">
/// The diagrams: <c>{Name}.sources.dot</c>, <c>{Name}.reports.dot</c>, then <c>{Name}.claim.{claim id}.dot</c> per claim traced, in
/// claim order. In a claim id, <c>:</c> and <c>/</c> (valid in ids, not in file names) are written <c>%3A</c> and <c>%2F</c>; a name
/// equal to an earlier one but for letter case gets <c>~2</c>, <c>~3</c>, ... before <c>.dot</c>, so the set fits a case-insensitive file system.
/// </param>
/// <param name="OmittedClaimTraces">How many claims were not traced because of <see cref="DiagramSetOptions.MaxClaimTraces"/>.</param>
public sealed record DiagramSet(string Name, ImmutableArray<DiagramFile> Files, int OmittedClaimTraces)
{
    /// <inheritdoc />
    public bool Equals(DiagramSet? other) =>
        other is not null && Name == other.Name && OmittedClaimTraces == other.OmittedClaimTraces && Files.AsSpan().SequenceEqual(other.Files.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Files.Length, OmittedClaimTraces);
}

/// <summary>Draws every diagram of a graph at once, as a set of named DOT files (the <c>provenance diagrams</c> command writes them).</summary>
public static class DiagramSetExtensions
{
    /// <summary>
    /// Draws the source-level view, the report-level view and one trace per claim (every claim, or those of
    /// <see cref="DiagramSetOptions.Claims"/>) as DOT, with file names derived from <paramref name="name"/>. The same graph, name
    /// and options give the same names and bytes.
    /// </summary>
    /// <param name="graph">The graph.</param>
    /// <param name="name">What the file names start with, e.g. <c>mi24-yeraskh</c>: no folder separators, no characters invalid in file names.</param>
    /// <param name="options">Which claims, and how each view is drawn; <see langword="null"/> for the defaults.</param>
    /// <returns>The diagrams.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a usable file name, or an option is invalid.</exception>
    /// <exception cref="KeyNotFoundException">A claim of <see cref="DiagramSetOptions.Claims"/> is not in the graph.</exception>
    public static DiagramSet ToDiagramSet(this CitationGraph graph, string name, DiagramSetOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(name);
        CheckName(name);
        options ??= new DiagramSetOptions();
        options.Validate();

        List<string> claims;
        var omitted = 0;
        if (options.Claims is { } chosen)
        {
            claims = [];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in chosen)
            {
                if (seen.Add(id))
                {
                    claims.Add(graph.GetClaim(id).Id);
                }
            }
        }
        else
        {
            claims = [.. graph.Claims.Take(options.MaxClaimTraces).Select(c => c.Id)];
            omitted = graph.Claims.Length - claims.Count;
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = ImmutableArray.CreateBuilder<DiagramFile>(claims.Count + 2);
        files.Add(new DiagramFile(Unique(taken, name + ".sources"), DotView.Sources, graph.ToDot(DotView.Sources, options.Sources)));
        files.Add(new DiagramFile(Unique(taken, name + ".reports"), DotView.Reports, graph.ToDot(DotView.Reports, options.Reports)));
        foreach (var claim in claims)
        {
            var view = DotView.ClaimTrace(claim);
            var traceOptions = options.Traces.Title is null ? TitledCopy(options.Traces, claim + ": " + graph.GetClaim(claim).Text) : options.Traces;
            files.Add(new DiagramFile(Unique(taken, name + ".claim." + Escape(claim)), view, graph.ToDot(view, traceOptions)));
        }

        return new DiagramSet(name, files.MoveToImmutable(), omitted);
    }

    /// <summary>
    /// The options with a title: a claim trace names its claim's id as well as its text, so a file read alone says which claim it
    /// draws. Copies every property (DiagramSetExtensionsTests checks the list against DotOptions).
    /// </summary>
    private static DotOptions TitledCopy(DotOptions options, string title) => new()
    {
        ClusterBy = options.ClusterBy,
        RankDirection = options.RankDirection,
        Labels = options.Labels,
        EvidenceTooltips = options.EvidenceTooltips,
        Links = options.Links,
        ShowLegend = options.ShowLegend,
        MaxLabelLength = options.MaxLabelLength,
        Title = title,
        SourceStyle = options.SourceStyle,
        ReportStyle = options.ReportStyle,
        CitationStyle = options.CitationStyle,
        Theme = options.Theme,
    };

    private static void CheckName(string name)
    {
        if (name.Length == 0 || name.Trim() != name || name is "." or ".."
            || name.IndexOfAny(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) >= 0 || name.Any(char.IsControl))
        {
            throw new ArgumentException($"The diagram set name '{name}' is not a usable file name; use the graph file's name without folder or extension, e.g. 'mi24-yeraskh'.", nameof(name));
        }
    }

    /// <summary>A claim id as part of a file name: ids may hold ':' and '/', which file systems reject; '%' never occurs in an id, so the escape is unambiguous.</summary>
    private static string Escape(string id) => id.Replace(":", "%3A", StringComparison.Ordinal).Replace("/", "%2F", StringComparison.Ordinal);

    private static string Unique(HashSet<string> taken, string stem)
    {
        var candidate = stem + ".dot";
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = stem + "~" + i.ToString(CultureInfo.InvariantCulture) + ".dot";
        }

        return candidate;
    }
}
