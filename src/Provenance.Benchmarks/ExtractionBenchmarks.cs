using System.Text;
using BenchmarkDotNet.Attributes;
using Provenance.Extraction;

namespace Provenance.Benchmarks;

/// <summary>
/// <c>AttributionExtractor.Default.Extract</c> on 250K, 1M and 4M characters of generated text: news-like prose
/// (reporting verbs, quotations, "according to", "citing" chains, plain sentences) and a hostile text (unbalanced
/// quotation marks, a 100,000-character word, punctuation runs). The floor is one pass that counts the words of the same
/// text. Throughput is the text size divided by the mean; the target is at least 1 MB per second on one core.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private string text = "";

    /// <summary>Which text: <c>news</c> or <c>hostile</c>.</summary>
    [Params("news", "hostile")]
    public string Text { get; set; } = "news";

    /// <summary>Size in characters: three sizes four times apart, so that the results show whether the time grows linearly.</summary>
    [Params(250_000, 1_000_000, 4_000_000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup() => text = Text == "news" ? News(Size) : Hostile(Size);

    [Benchmark(Baseline = true, Description = "floor: count words")]
    public int CountWords()
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var w = char.IsLetterOrDigit(c);
            if (w && !inWord)
            {
                words++;
            }

            inWord = w;
        }

        return words;
    }

    [Benchmark(Description = "Extract")]
    public int Extract() => AttributionExtractor.Default.Extract(text).Attributions.Length;

    /// <summary>Generated news prose, seed 2020: no corpus text.</summary>
    internal static string News(int size)
    {
        string[] sources = ["The ministry", "Officials", "Interfax", "The spokesman", "Local residents", "The governor", "Russian sources", "The agency"];
        string[] verbs = ["said", "told reporters", "confirmed", "claimed", "announced", "added"];
        string[] contents = ["the bridge would reopen next week", "two people were injured in the fire", "the talks had stalled", "the convoy was attacked near the border", "no decision had been made"];
        var random = new Random(2020);
        var sb = new StringBuilder(size + 200);
        while (sb.Length < size)
        {
            var s = sources[random.Next(sources.Length)];
            var v = verbs[random.Next(verbs.Length)];
            var c = contents[random.Next(contents.Length)];
            switch (random.Next(6))
            {
                case 0: sb.Append(s).Append(' ').Append(v).Append(" that ").Append(c).Append(". "); break;
                case 1: sb.Append('“').Append(char.ToUpperInvariant(c[0])).Append(c, 1, c.Length - 1).Append(",” ").Append(s.ToLowerInvariant()).Append(' ').Append(v).Append(". "); break;
                case 2: sb.Append("According to ").Append(s.ToLowerInvariant()).Append(" citing the regional ministry, ").Append(c).Append(". "); break;
                case 3: sb.Append(s).Append(", citing unnamed officials, ").Append(v).Append(' ').Append(c).Append(". "); break;
                case 4: sb.Append("The weather was cold and the roads were empty for most of the day. "); break;
                default: sb.Append("\n\n"); break;
            }
        }

        return sb.ToString(0, size);
    }

    /// <summary>Hostile text: unbalanced quotation marks, a very long word, runs of punctuation, reporting verbs everywhere.</summary>
    internal static string Hostile(int size)
    {
        var sb = new StringBuilder(size + 200);
        sb.Append(new string('x', 100_000)).Append(' ');
        while (sb.Length < size)
        {
            sb.Append("“said said according to citing “ \" ' ” ,,,, ::: said “quoted as saying ");
            sb.Append(new string('“', 50)).Append(' ');
        }

        return sb.ToString(0, size);
    }
}
