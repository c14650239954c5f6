using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Provenance.Cli;

/// <summary>
/// The options every command takes (limits, <c>--allow-timeline-errors</c>, <c>--verbose</c>), made once per command tree, and
/// the tool's default limits: larger than the library's, so that anything <c>provenance generate</c> and <c>export</c> write
/// up to 1,000,000 citations loads without a flag.
/// </summary>
internal sealed class CliSettings
{
    /// <summary>
    /// The tool's default <c>--max-file-size</c>: 4 GiB. A 1,000,000-citation graph is about 0.5 GB as JSON Lines, 0.3 GB as YAML
    /// and 1.5 GB as PROV-JSON; the library's default (64 MiB) suits services that take untrusted uploads.
    /// </summary>
    public const long DefaultMaxFileBytes = 4L * 1024 * 1024 * 1024;

    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
        ("B", 1),
    ];

    public CliSettings()
    {
        var limits = new GraphLimits();
        MaxFileSize = new Option<long>("--max-file-size")
        {
            Description = "The largest graph file read: bytes, or a number with a unit (KB, MB, GB, TB; KiB, MiB, GiB, TiB), e.g. 512MiB or 2GB. Default: 4GiB.",
            HelpName = "size",
            Recursive = true,
            DefaultValueFactory = _ => DefaultMaxFileBytes,
            CustomParser = ParseSize,
        };
        MaxNodes = Positive("--max-nodes", "The most affiliations, sources, reports and claims a graph may hold, together.", limits.MaxNodes);
        MaxCitations = Positive("--max-citations", "The most citations a graph may hold.", limits.MaxCitations);
        MaxNestingDepth = Positive("--max-nesting-depth", "The deepest nesting of YAML mappings and sequences, and of citation chains written inside one report.", limits.MaxNestingDepth);
        MaxScalarLength = Positive("--max-scalar-length", "The longest string value read, in characters.", limits.MaxScalarLength);
        MaxAliasExpansion = Positive("--max-alias-expansion", "How many YAML nodes a file may produce once its aliases are expanded, as a multiple of the nodes it spells out (plus 10,000).", limits.MaxAliasExpansion);
        AllowTimelineErrors = new Option<bool>("--allow-timeline-errors")
        {
            Description = "Load a graph in which a report cites a report published after it (list those with 'provenance timeline') instead of rejecting it.",
            Recursive = true,
        };
        Verbose = new Option<bool>("--verbose")
        {
            Description = "On an internal error, print the stack trace too.",
            Recursive = true,
        };
    }

    public Option<long> MaxFileSize { get; }

    public Option<int> MaxNodes { get; }

    public Option<int> MaxCitations { get; }

    public Option<int> MaxNestingDepth { get; }

    public Option<int> MaxScalarLength { get; }

    public Option<int> MaxAliasExpansion { get; }

    public Option<bool> AllowTimelineErrors { get; }

    public Option<bool> Verbose { get; }

    public IEnumerable<Option> All => [MaxFileSize, MaxNodes, MaxCitations, MaxNestingDepth, MaxScalarLength, MaxAliasExpansion, AllowTimelineErrors, Verbose];

    /// <summary>The load options the parsed command line asks for.</summary>
    public GraphLoadOptions LoadOptions(ParseResult parse) => new()
    {
        Limits = new GraphLimits
        {
            MaxFileBytes = parse.GetValue(MaxFileSize),
            MaxNodes = parse.GetValue(MaxNodes),
            MaxCitations = parse.GetValue(MaxCitations),
            MaxNestingDepth = parse.GetValue(MaxNestingDepth),
            MaxScalarLength = parse.GetValue(MaxScalarLength),
            MaxAliasExpansion = parse.GetValue(MaxAliasExpansion),
        },
        AllowTimelineErrors = parse.GetValue(AllowTimelineErrors),
    };

    /// <summary>The tool's default load options, for code that runs without a command line.</summary>
    public static GraphLoadOptions DefaultLoadOptions() => new() { Limits = new GraphLimits { MaxFileBytes = DefaultMaxFileBytes } };

    /// <summary>A size: a whole number of bytes, or a number (a decimal point allowed) followed by a unit; the result at least one byte.</summary>
    internal static bool TryParseSize(string text, out long bytes)
    {
        bytes = 0;
        var factor = 1L;
        var number = text;
        foreach (var (unit, f) in Units)
        {
            if (text.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                number = text[..^unit.Length];
                factor = f;
                break;
            }
        }

        if (number.Length == 0 || !char.IsAsciiDigit(number[0])
            || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var total = value * factor;
        if (total < 1 || total > long.MaxValue || total != decimal.Truncate(total))
        {
            return false;
        }

        bytes = (long)total;
        return true;
    }

    private static long ParseSize(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (TryParseSize(text, out var bytes))
        {
            return bytes;
        }

        result.AddError($"--max-file-size '{text}' is not a size; give a whole number of bytes from 1, or a number with a unit such as 512MiB or 2GB.");
        return 0;
    }

    private static Option<int> Positive(string name, string description, int libraryDefault)
    {
        var option = new Option<int>(name)
        {
            Description = $"{description} Default: {libraryDefault.ToString("N0", CultureInfo.InvariantCulture)}.",
            HelpName = "n",
            Recursive = true,
            DefaultValueFactory = _ => libraryDefault,
        };
        CliValidation.Range(option, 1, int.MaxValue);
        return option;
    }
}

/// <summary>Range checks of numeric options and arguments, made before the library sees the value (a usage error, exit code 2).</summary>
internal static class CliValidation
{
    /// <summary>Adds a check that a parsed value lies in <paramref name="min"/>..<paramref name="max"/>; tokens that are not numbers keep the parser's own error.</summary>
    public static void Range(Option<int> option, int min, int max, string? why = null)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && (n < min || n > max))
            {
                r.AddError(RangeMessage(option.Name, r.Tokens[0].Value, min, max, why));
            }
        });
    }

    /// <summary>The same check for an integer argument.</summary>
    public static void Range(Argument<int> argument, string name, int min, int max)
    {
        argument.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && (n < min || n > max))
            {
                r.AddError(RangeMessage(name, r.Tokens[0].Value, min, max, null));
            }
        });
    }

    private static string RangeMessage(string name, string value, int min, int max, string? why)
    {
        var range = max == int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"at least {min:N0}")
            : string.Create(CultureInfo.InvariantCulture, $"from {min:N0} to {max:N0}");
        return $"{name} {value} is out of range; give a whole number {range}{(why is null ? "" : " (" + why + ")")}.";
    }
}
