using BenchmarkDotNet.Attributes;
using Provenance.Reuse;

namespace Provenance.Benchmarks;

/// <summary>
/// <see cref="TextReuse.FindMatches"/> over N wordings (10k, 100k, 1M) of 8 to 24 words drawn with Zipf's law (rank r has
/// weight 1/r, as words in English news do) from a vocabulary of 50,000 distinct made-up words, one wording in a hundred carrying
/// a whole other wording copied into it. The floor folds every wording and hashes its shingles: the
/// one pass over the text that any fingerprinting method must make.
/// </summary>
[MemoryDiagnoser]
public class TextReuseBenchmarks
{
    private string[] texts = [];

    /// <summary>The number of wordings.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Wordings { get; set; }

    /// <summary>Makes the wordings (seed 2020).</summary>
    [GlobalSetup]
    public void Setup() => texts = WordingCorpus.Make(Wordings, seed: 2020);

    /// <summary>The floor: fold every wording and hash all its shingles.</summary>
    [Benchmark(Baseline = true)]
    public long FoldAndHash() => WordingCorpus.FoldAndHash(texts);

    /// <summary>The job: index the fingerprints and find every pair that shares a passage.</summary>
    [Benchmark]
    public int FindMatches() => TextReuse.FindMatches(texts).Length;
}

/// <summary>A generated corpus of wordings for the text-reuse benchmarks.</summary>
internal static class WordingCorpus
{
    public static string[] Make(int count, int seed)
    {
        var random = new Random(seed);
        const string letters = "etaoinshrdlucmfwypvbgkjqxz";
        var words = new HashSet<string>(StringComparer.Ordinal);
        var vocabulary = new List<string>();
        while (vocabulary.Count < 50_000)
        {
            // Short words are the common ones; letters skewed towards the common ones, as in English.
            var length = Math.Min(12, 1 + (int)(vocabulary.Count < 100 ? random.Next(1, 4) : 3 + (random.NextDouble() * 8)));
            var word = new string(Enumerable.Range(0, length).Select(_ => letters[Math.Min(letters.Length - 1, (int)(random.NextDouble() * random.NextDouble() * letters.Length))]).ToArray());
            if (words.Add(word))
            {
                vocabulary.Add(word);
            }
        }

        var texts = new string[count];
        for (var i = 0; i < count; i++)
        {
            var length = 8 + random.Next(17);
            texts[i] = string.Join(' ', Enumerable.Range(0, length).Select(_ => vocabulary[Zipf(random, vocabulary.Count)]));
        }

        for (var i = 0; i < count / 100; i++)
        {
            var from = random.Next(count);
            var to = random.Next(count);
            texts[to] = texts[to] + ", as " + texts[from];
        }

        return texts;
    }

    public static long FoldAndHash(string[] texts)
    {
        long total = 0;
        const ulong Base = 0x100000001B3UL;
        Span<char> folded = stackalloc char[1024];
        foreach (var text in texts)
        {
            var n = 0;
            var space = true;
            foreach (var c in text)
            {
                if (n >= folded.Length)
                {
                    break;
                }

                if (char.IsLetterOrDigit(c))
                {
                    folded[n++] = char.ToLowerInvariant(c);
                    space = false;
                }
                else if (!space)
                {
                    folded[n++] = ' ';
                    space = true;
                }
            }

            ulong h = 0;
            for (var i = 0; i < n; i++)
            {
                h = (h * Base) + folded[i];
                total += (long)(h >> 60);
            }
        }

        return total;
    }

    /// <summary>A word rank with a Zipf-like skew: a few words are very common, most are rare.</summary>
    private static int Zipf(Random random, int size) => Math.Min(size - 1, (int)Math.Floor(Math.Pow(size + 1, random.NextDouble())) - 1);
}
