using System.Collections.Immutable;

namespace Provenance.Extraction.Evaluation;

/// <summary>Precision, recall and F1 of one role (or of content tokens). Immutable, thread-safe.</summary>
/// <param name="Matched">Predicted items that match a gold item.</param>
/// <param name="Predicted">Predicted items.</param>
/// <param name="Gold">Gold items.</param>
public sealed record RoleScore(int Matched, int Predicted, int Gold)
{
    /// <summary>Matched / predicted, 0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;

    /// <summary>Matched / gold, 0 when there is no gold item.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>The scores of an extractor against brat standoff attributions. Immutable, thread-safe.</summary>
/// <param name="Documents">Texts that have an annotation file.</param>
/// <param name="Cue">Cue spans, exact match, one-to-one.</param>
/// <param name="Source">Source spans, exact match, one-to-one.</param>
/// <param name="Content">Content spans (outer span of interrupted content), exact match, one-to-one.</param>
/// <param name="ContentTokenOverlap">Word tokens (runs of letters, digits and underscores) inside predicted versus gold content spans.</param>
public sealed record EvaluationResult(int Documents, RoleScore Cue, RoleScore Source, RoleScore Content, RoleScore ContentTokenOverlap);

/// <summary>
/// Scores attributions against brat standoff annotations (the PolNeAR layout: <c>texts/stem.txt</c> and
/// <c>annotations/stem_annotator.ann</c>): per role, exact spans matched one-to-one (sets of spans), and content word
/// tokens overlapping.
/// </summary>
public static class AttributionEvaluation
{
    /// <summary>Extracts every <c>*.txt</c> of <paramref name="textDirectory"/> that has annotations in <paramref name="annotationDirectory"/> and scores it.</summary>
    public static EvaluationResult Evaluate(AttributionExtractor extractor, string textDirectory, string annotationDirectory) =>
        Score(Documents(extractor, textDirectory, annotationDirectory));

    /// <summary>The extracted documents of <see cref="Evaluate"/>, each with its gold spans.</summary>
    public static IEnumerable<(ExtractedDocument Document, ImmutableArray<BratSpan> Gold)> Documents(AttributionExtractor extractor, string textDirectory, string annotationDirectory)
    {
        ArgumentNullException.ThrowIfNull(extractor);
        foreach (var path in Directory.EnumerateFiles(textDirectory, "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            var ann = BratAttributions.FindAnnotationFile(annotationDirectory, stem);
            if (ann is null)
            {
                continue;
            }

            var document = extractor.ExtractFile(path);
            yield return (document, BratAttributions.Parse(File.ReadAllText(ann), document.Text.Length));
        }
    }

    /// <summary>Scores documents against their gold spans.</summary>
    public static EvaluationResult Score(IEnumerable<(ExtractedDocument Document, ImmutableArray<BratSpan> Gold)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var matched = new int[3];
        var predicted = new int[3];
        var gold = new int[3];
        int overlapHit = 0, overlapPredicted = 0, overlapGold = 0, count = 0;
        foreach (var (document, spans) in documents)
        {
            count++;
            var g = new HashSet<(int, int)>[3];
            var p = new HashSet<(int, int)>[3];
            for (var r = 0; r < 3; r++)
            {
                g[r] = [];
                p[r] = [];
            }

            foreach (var span in spans)
            {
                g[(int)span.Role].Add((span.Start, span.End));
            }

            foreach (var a in document.Attributions)
            {
                Add(p[(int)AttributionRole.Source], a.Source);
                Add(p[(int)AttributionRole.Cue], a.Cue);
                Add(p[(int)AttributionRole.Content], a.Content);
            }

            for (var r = 0; r < 3; r++)
            {
                matched[r] += p[r].Count(g[r].Contains);
                predicted[r] += p[r].Count;
                gold[r] += g[r].Count;
            }

            var pt = WordStarts(document.Text, p[(int)AttributionRole.Content]);
            var gt = WordStarts(document.Text, g[(int)AttributionRole.Content]);
            overlapPredicted += pt.Count;
            overlapGold += gt.Count;
            overlapHit += pt.Count(gt.Contains);
        }

        RoleScore Role(AttributionRole role) => new(matched[(int)role], predicted[(int)role], gold[(int)role]);
        return new EvaluationResult(count, Role(AttributionRole.Cue), Role(AttributionRole.Source), Role(AttributionRole.Content), new RoleScore(overlapHit, overlapPredicted, overlapGold));
    }

    private static void Add(HashSet<(int, int)> set, TextSpan? span)
    {
        if (span is { } s && s.End > s.Start)
        {
            set.Add((s.Start, s.End));
        }
    }

    // The start of every word token (a run of letters, digits, marks or underscores, restarting at each span's start).
    private static HashSet<int> WordStarts(string text, HashSet<(int, int)> spans)
    {
        var starts = new HashSet<int>();
        foreach (var (a, b) in spans)
        {
            var inWord = false;
            for (var k = a; k < b && k < text.Length; k++)
            {
                var word = IsWord(text[k]);
                if (word && !inWord)
                {
                    starts.Add(k);
                }

                inWord = word;
            }
        }

        return starts;
    }

    private static bool IsWord(char c) => c == '_' || Internal.TextTokens.IsWordChar(c);
}
