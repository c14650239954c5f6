namespace Provenance.Internal;

/// <summary>The id grammar and "did you mean" suggestions.</summary>
internal static class Ids
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Separates the segments of a generated implicit-report id; never valid in a declared id.</summary>
    public const char ImplicitSeparator = '~';

    /// <summary>
    /// A declared id starts with an ASCII letter, digit or underscore and goes on with those, '.', '-', ':' or '/'.
    /// Ids are case-sensitive.
    /// </summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || !IsStart(id[0]))
        {
            return false;
        }

        foreach (var c in id.AsSpan(1))
        {
            if (!IsStart(c) && c is not ('.' or '-' or ':' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An implicit report id: declared-id segments joined by <see cref="ImplicitSeparator"/>.</summary>
    public static bool IsValidImplicit(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        foreach (var segment in id.Split(ImplicitSeparator))
        {
            if (!IsValid(segment))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The id of the implicit report that <paramref name="citing"/> cites from <paramref name="source"/>.</summary>
    public static string Implicit(string citing, string source) => citing + ImplicitSeparator + source;

    /// <summary>How many edit-distance table cells one graph's suggestions may fill together (about a second of work at most).</summary>
    public const long SuggestionCells = 50_000_000;

    /// <summary>How many table cells one suggestion made on its own (<see cref="Suggest(string, IEnumerable{string})"/>) may fill.</summary>
    public const long SingleSuggestionCells = 10_000_000;

    /// <summary>The closest known id, when it is close enough to be a likely typo, within <see cref="SingleSuggestionCells"/> of work.</summary>
    public static string? Suggest(string wrong, IEnumerable<string> known)
    {
        var cells = SingleSuggestionCells;
        return Suggest(wrong, known, ref cells);
    }

    /// <summary>The closest known id, when it is close enough to be a likely typo.</summary>
    /// <param name="wrong">The unknown id.</param>
    /// <param name="known">The ids it may be a typo of.</param>
    /// <param name="cells">
    /// The work left for suggestions, in table cells, shared by every suggestion for one graph and spent here, so that many
    /// long unknown ids against many long known ones cannot take hours (issue 9); when it runs out, no suggestion is made.
    /// </param>
    public static string? Suggest(string wrong, IEnumerable<string> known, ref long cells)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var budget = Math.Max(1, wrong.Length / 3);
        var seen = 0;
        foreach (var candidate in known)
        {
            // Bounded so a typo in a million-node graph does not cost a million edit distances.
            if (++seen > 100_000)
            {
                break;
            }

            if (Math.Abs(candidate.Length - wrong.Length) > budget)
            {
                continue;
            }

            cells -= (long)(wrong.Length + 1) * (candidate.Length + 1);
            if (cells < 0)
            {
                cells = 0;
                return null;
            }

            var d = Distance(wrong, candidate, budget);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                bestDistance = d;
                best = candidate;
            }
        }

        return bestDistance <= budget ? best : null;
    }

    private static bool IsStart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static int Distance(string a, string b, int cap)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return a == b ? 0 : 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > cap)
            {
                return int.MaxValue;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
