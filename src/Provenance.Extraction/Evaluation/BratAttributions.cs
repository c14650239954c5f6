using System.Collections.Immutable;
using System.Globalization;

namespace Provenance.Extraction.Evaluation;

/// <summary>One role span of a gold attribution in a brat standoff file: its fragments and their outer span. Immutable, thread-safe.</summary>
/// <param name="Role">The role: <see cref="AttributionRole.Source"/>, <see cref="AttributionRole.Cue"/> or <see cref="AttributionRole.Content"/>.</param>
/// <param name="Start">Start of the outer span (first fragment's start), in characters of the text.</param>
/// <param name="End">End of the outer span (last fragment's end), exclusive.</param>
/// <param name="Fragments">The fragments (<c>start end</c> pairs separated by <c>;</c> in the file), in order.</param>
public sealed record BratSpan(AttributionRole Role, int Start, int End, ImmutableArray<(int Start, int End)> Fragments);

/// <summary>Reads the text-bound <c>Source</c>, <c>Cue</c> and <c>Content</c> annotations of a brat standoff (.ann) file.</summary>
public static class BratAttributions
{
    /// <summary>
    /// The role spans in <paramref name="annText"/>. Lines that are not text-bound annotations of the three roles
    /// (events, notes, other types, malformed lines) are skipped; spans outside <paramref name="textLength"/> are dropped.
    /// </summary>
    public static ImmutableArray<BratSpan> Parse(string annText, int textLength)
    {
        ArgumentNullException.ThrowIfNull(annText);
        var result = ImmutableArray.CreateBuilder<BratSpan>();
        foreach (var rawLine in annText.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (!line.StartsWith('T'))
            {
                continue;
            }

            var parts = line.Split('\t');
            if (parts.Length < 2)
            {
                continue;
            }

            var space = parts[1].IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                continue;
            }

            AttributionRole? role = parts[1][..space] switch
            {
                "Source" => AttributionRole.Source,
                "Cue" => AttributionRole.Cue,
                "Content" => AttributionRole.Content,
                _ => null,
            };
            if (role is null)
            {
                continue;
            }

            var fragments = ImmutableArray.CreateBuilder<(int, int)>();
            var ok = true;
            foreach (var fragment in parts[1][(space + 1)..].Split(';'))
            {
                var numbers = fragment.Trim().Split(' ');
                if (numbers.Length != 2
                    || !int.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
                    || !int.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b)
                    || a > b || b > textLength)
                {
                    ok = false;
                    break;
                }

                fragments.Add((a, b));
            }

            if (!ok || fragments.Count == 0)
            {
                continue;
            }

            var f = fragments.ToImmutable();
            result.Add(new BratSpan(role.Value, f.Min(x => x.Item1), f.Max(x => x.Item2), f));
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The annotation file for the text <paramref name="stem"/> in <paramref name="annotationDirectory"/>: the first, in ordinal
    /// order, named <c>stem_*.ann</c> (the PolNeAR layout, one file per annotator) or else <c>stem.ann</c>; null when there is none.
    /// </summary>
    public static string? FindAnnotationFile(string annotationDirectory, string stem)
    {
        var candidates = Directory.EnumerateFiles(annotationDirectory, "*.ann")
            .Select(Path.GetFileName)
            .Where(f => f!.StartsWith(stem + "_", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (candidates.Count > 0)
        {
            return Path.Combine(annotationDirectory, candidates[0]!);
        }

        var plain = Path.Combine(annotationDirectory, stem + ".ann");
        return File.Exists(plain) ? plain : null;
    }
}
