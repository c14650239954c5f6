namespace Provenance.Internal;

/// <summary>The id grammar and the one "did you mean" routine of every format and the builder.</summary>
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
    public static bool IsValid(string? id) => id is not null && IsValid(id.AsSpan());

    /// <summary>Whether <paramref name="id"/>, as UTF-16 or as UTF-8 (where every valid id is ASCII), is a declared id (see <see cref="IsValid(string?)"/>).</summary>
    public static bool IsValid<T>(ReadOnlySpan<T> id)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (id.IsEmpty || id.Length > MaxLength || !IsStart(int.CreateTruncating(id[0])))
        {
            return false;
        }

        foreach (var unit in id[1..])
        {
            var c = int.CreateTruncating(unit);
            if (!IsStart(c) && c is not ('.' or '-' or ':' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An implicit report id: declared-id segments joined by <see cref="ImplicitSeparator"/>.</summary>
    public static bool IsValidImplicit(string? id) => id is not null && IsValidImplicit(id.AsSpan());

    /// <summary>Whether <paramref name="id"/>, as UTF-16 or UTF-8, is an implicit report id (see <see cref="IsValidImplicit(string?)"/>).</summary>
    public static bool IsValidImplicit<T>(ReadOnlySpan<T> id)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        if (id.IsEmpty)
        {
            return false;
        }

        var separator = T.CreateTruncating((int)ImplicitSeparator);
        foreach (var segment in id.Split(separator))
        {
            if (!IsValid(id[segment]))
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

    /// <summary>The most candidates one suggestion looks at, so a typo in a million-node graph does not cost a million distances.</summary>
    public const int SuggestionCandidates = 100_000;

    /// <summary>The closest known name, when it is close enough to be a likely typo, within <see cref="SingleSuggestionCells"/> of work.</summary>
    public static string? Suggest(string wrong, IEnumerable<string> known)
    {
        var cells = SingleSuggestionCells;
        return Suggest(wrong, known, ref cells);
    }

    /// <summary>
    /// The one "did you mean" of the library, for ids, keys and enumeration values alike: the known name with the
    /// fewest edits from <paramref name="wrong"/> (insertions, deletions, substitutions and swaps of two neighbouring
    /// characters, each one edit; a change of letter case is a substitution, so it costs an edit too), when that is at
    /// most a third of its length (at least one) and less than its whole length; ties go to the ordinally first name.
    /// </summary>
    /// <param name="wrong">The unknown name.</param>
    /// <param name="known">The names it may be a typo of; only the first <see cref="SuggestionCandidates"/> are looked at.</param>
    /// <param name="cells">
    /// The work left for suggestions, in table cells, shared by every suggestion for one graph and spent here, so that many
    /// long unknown ids against many long known ones cannot take hours (issue 9); when it runs out, no suggestion is made.
    /// </param>
    public static string? Suggest(string wrong, IEnumerable<string> known, ref long cells)
    {
        string? best = null;
        var budget = Math.Max(1, wrong.Length / 3);
        var bestDistance = budget + 1;
        var seen = 0;
        int[]? rented = null;
        try
        {
            foreach (var candidate in known)
            {
                if (++seen > SuggestionCandidates)
                {
                    break;
                }

                // The distance is at least the difference in length, so a far longer name (a hostile 1,000,000-character
                // key) is skipped without filling its table.
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

                var need = 3 * (candidate.Length + 1);
                if (rented is null || rented.Length < need)
                {
                    if (rented is not null)
                    {
                        System.Buffers.ArrayPool<int>.Shared.Return(rented);
                    }

                    rented = System.Buffers.ArrayPool<int>.Shared.Rent(need);
                }

                var d = Distance(wrong, candidate, Math.Min(budget, bestDistance), rented);
                if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0))
                {
                    bestDistance = d;
                    best = candidate;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<int>.Shared.Return(rented);
            }
        }

        return best is not null && bestDistance <= budget && bestDistance < wrong.Length ? best : null;
    }

    /// <summary>
    /// Optimal string alignment distance, ordinal (case-sensitive), in three rows of <paramref name="rows"/>;
    /// <see cref="int.MaxValue"/> once every entry of a row exceeds <paramref name="cap"/> (row minima never decrease).
    /// </summary>
    private static int Distance(string a, string b, int cap, int[] rows)
    {
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 0;
        }

        var width = b.Length + 1;
        var before = rows.AsSpan(0, width);
        var previous = rows.AsSpan(width, width);
        var current = rows.AsSpan(2 * width, width);
        for (var j = 0; j < width; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, before[j - 2] + 1);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin > cap)
            {
                return int.MaxValue;
            }

            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }

        return previous[b.Length];
    }

    private static bool IsStart(int c) => c < 128 && (char.IsAsciiLetterOrDigit((char)c) || c == '_');
}
