using CsCheck;
using Provenance.Reuse;

namespace Provenance.Tests.Properties;

/// <summary>
/// The text-reuse index against brute force: winnowing against the window-by-window minimum, and
/// <see cref="TextReuse.FindMatches"/> against comparing every pair of texts with <see cref="TextReuse.Compare"/>, with an
/// exact common run measured by dynamic programming on texts folded here, not by the code under test.
/// </summary>
public class TextReusePropertyTests
{
    /// <summary>Few distinct hashes, so ties are common: the rule "rightmost smallest" is what is checked.</summary>
    private static readonly Gen<(ulong[] Hashes, int Window)> HashRows =
        Gen.Select(Gen.ULong[0, 5].Array[0, 60], Gen.Int[1, 12]);

    /// <summary>
    /// Corpora of 2 to 40 texts of 3 to 30 words from a vocabulary of 12, so that common phrases, boilerplate and
    /// coincidental runs of every length occur, some texts carrying a copied span of another.
    /// </summary>
    private static readonly Gen<string[]> Corpora =
        Gen.Int[0, 11].Array[3, 30].Array[2, 40]
            .SelectMany(texts => Gen.Select(Gen.Int[0, texts.Length - 1], Gen.Int[0, texts.Length - 1], Gen.Int[0, 20], Gen.Int[5, 25]).Array[0, 4]
                .Select(copies => Make(texts, copies)));

    private static readonly string[] Vocabulary = ["the", "ministry", "said", "a", "missile", "hit", "helicopter", "of", "border", "Russia's", "crew", "near"];

    [Fact]
    public void Winnow_AnyHashes_PicksTheRightmostSmallestOfEveryWindowOnce()
    {
        HashRows.Sample(
            row =>
            {
                var picked = new List<int>();
                Shingles.Winnow([.. row.Hashes], row.Window, picked);

                Assert.Equal(BruteWinnow(row.Hashes, row.Window), picked);
            },
            iter: 5_000,
            print: row => $"window {row.Window}, hashes [{string.Join(", ", row.Hashes)}]");
    }

    [Fact]
    public void FindMatches_AnyCorpus_IsTheBruteForceMatchesAndMissesNoLongExactRun()
    {
        var options = TextReuseOptions.Default;
        Corpora.Sample(
            texts =>
            {
                var found = TextReuse.FindMatches(texts).ToDictionary(m => (m.First, m.Second));
                var folded = texts.Select(Fold).ToArray();
                for (var i = 0; i < texts.Length; i++)
                {
                    for (var j = i + 1; j < texts.Length; j++)
                    {
                        var direct = TextReuse.Compare(texts[i], texts[j]);
                        if (found.TryGetValue((i, j), out var match))
                        {
                            // Whatever the index finds is what comparing the two directly finds.
                            Assert.True(direct is not null, $"{i}-{j} found by the index but not by comparing the pair");
                            Assert.Equal(direct.Similarity, match.Similarity, 12);
                            Assert.Equal(direct.SharedLength, match.SharedLength);
                            Assert.Equal(direct.Passages.AsEnumerable(), match.Passages.AsEnumerable());
                        }
                        else if (direct is not null && LongestCommonRun(folded[i], folded[j]) >= options.MinPassageLength)
                        {
                            // The documented guarantee: an exact common run of MinPassageLength folded characters is never missed
                            // (no fingerprint here is shared by more than MaxPostings texts).
                            Assert.Fail($"{i}-{j} share an exact run of {LongestCommonRun(folded[i], folded[j])} folded characters but the index missed them");
                        }
                    }
                }
            },
            iter: 300,
            print: texts => string.Join(" | ", texts));
    }

    private static string[] Make(int[][] words, (int From, int To, int At, int Length)[] copies)
    {
        var texts = words.Select(w => string.Join(' ', w.Select(x => Vocabulary[x]))).ToArray();
        foreach (var (from, to, at, length) in copies)
        {
            var source = texts[from];
            var start = Math.Min(at * 3, Math.Max(0, source.Length - 1));
            var span = source.Substring(start, Math.Min(length * 4, source.Length - start));
            texts[to] = texts[to] + ". " + span.ToUpperInvariant() + ", reported";
        }

        return texts;
    }

    private static List<int> BruteWinnow(ulong[] hashes, int window)
    {
        var picked = new List<int>();
        if (hashes.Length == 0)
        {
            return picked;
        }

        var windows = Math.Max(1, hashes.Length - window + 1);
        for (var start = 0; start < windows; start++)
        {
            var end = Math.Min(hashes.Length, start + window);
            var best = start;
            for (var i = start; i < end; i++)
            {
                if (hashes[i] <= hashes[best])
                {
                    best = i;
                }
            }

            if (picked.Count == 0 || picked[^1] != best)
            {
                picked.Add(best);
            }
        }

        return picked;
    }

    /// <summary>Letters and digits lower-cased, apostrophes dropped, every other run one space, no space at either end.</summary>
    private static string Fold(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in text.Where(c => c is not ('\'' or '\u2019' or '\u2018' or '\u02BC' or '`')))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return string.Join(' ', words);
    }

    /// <summary>The length of the longest common substring, by dynamic programming over every pair of positions.</summary>
    private static int LongestCommonRun(string a, string b)
    {
        var best = 0;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : 0;
                best = Math.Max(best, current[j]);
            }

            (previous, current) = (current, previous);
        }

        return best;
    }
}
