using Provenance.Extraction.Evaluation;

namespace Provenance.Extraction.Internal;

/// <summary>Trains <see cref="AttributionTagger"/> as a structured averaged perceptron on texts with gold role spans.</summary>
internal static class TaggerTraining
{
    public sealed record Example(TextTokens Tokens, int[] Gold);

    /// <summary>Gold tags of a text's tokens from its brat spans (fragments, so interrupted content is two pieces).</summary>
    public static Example ToExample(string text, IEnumerable<BratSpan> spans)
    {
        var tokens = new TextTokens(text);
        var gold = new int[tokens.Count];
        foreach (var span in spans)
        {
            var role = span.Role switch
            {
                AttributionRole.Source => 1,
                AttributionRole.Cue => 2,
                _ => 3,
            };
            foreach (var (start, end) in span.Fragments)
            {
                var first = true;
                for (var t = LowerBound(tokens.Starts, start); t < tokens.Count && tokens.Starts[t] < end; t++)
                {
                    if (gold[t] != AttributionTagger.O)
                    {
                        first = false;
                        continue;
                    }

                    gold[t] = first ? AttributionTagger.Begin(role) : AttributionTagger.Inside(role);
                    first = false;
                }
            }
        }

        // a fragment that continues a piece of another role's span must begin anew
        for (var t = 0; t < gold.Length; t++)
        {
            var tag = gold[t];
            if (tag != AttributionTagger.O && !AttributionTagger.IsBegin(tag) && (t == 0 || AttributionTagger.Role(gold[t - 1]) != AttributionTagger.Role(tag)))
            {
                gold[t] = tag - 1;
            }
        }

        return new Example(tokens, gold);
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Trains for <paramref name="epochs"/> passes in a fixed pseudo-random order (seed 2020): deterministic.</summary>
    public static AttributionTagger Train(IReadOnlyList<Example> examples, int epochs, int minCount, Action<string>? log = null)
    {
        const int T = AttributionTagger.TagCount;
        var featureLists = new (int[] Idx, int[] Offsets)[examples.Count];
        var counts = new Dictionary<uint, int>();
        var raw = new List<(List<uint> F, int[] O)>();
        foreach (var e in examples)
        {
            var f = new List<uint>(e.Tokens.Count * 42);
            var o = new int[e.Tokens.Count + 1];
            TaggerFeatures.Compute(e.Tokens, f, o);
            foreach (var h in f)
            {
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }

            raw.Add((f, o));
        }

        var rows = new Dictionary<uint, int>();
        foreach (var (h, n) in counts.OrderBy(kv => kv.Key))
        {
            if (n >= minCount)
            {
                rows[h] = rows.Count;
            }
        }

        for (var i = 0; i < raw.Count; i++)
        {
            var (f, o) = raw[i];
            featureLists[i] = ([.. f.Select(h => rows.TryGetValue(h, out var r) ? r : -1)], o);
        }

        raw.Clear();
        log?.Invoke($"{examples.Count} texts, {counts.Count} features seen, {rows.Count} kept (seen at least {minCount} times)");
        var w = new float[rows.Count * T];
        var u = new float[rows.Count * T];     // sum of c * update, for averaging
        var tw = new float[(T + 1) * T];
        var tu = new float[(T + 1) * T];
        var c = 1f;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(2020);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            var errors = 0;
            var total = 0;
            foreach (var i in order)
            {
                var gold = examples[i].Gold;
                var (idx, offsets) = featureLists[i];
                var predicted = AttributionTagger.Decode(idx, offsets, gold.Length, w, tw, null);
                for (var t = 0; t < gold.Length; t++)
                {
                    total++;
                    var g = gold[t];
                    var p = predicted[t];
                    var gp = t == 0 ? T : gold[t - 1];
                    var pp = t == 0 ? T : predicted[t - 1];
                    if (g == p && gp == pp)
                    {
                        continue;
                    }

                    if (g != p)
                    {
                        errors++;
                        for (var f = offsets[t]; f < offsets[t + 1]; f++)
                        {
                            var r = idx[f];
                            if (r < 0)
                            {
                                continue;
                            }

                            w[(r * T) + g] += 1;
                            u[(r * T) + g] += c;
                            w[(r * T) + p] -= 1;
                            u[(r * T) + p] -= c;
                        }
                    }

                    tw[(gp * T) + g] += 1;
                    tu[(gp * T) + g] += c;
                    tw[(pp * T) + p] -= 1;
                    tu[(pp * T) + p] -= c;
                }

                c++;
            }

            log?.Invoke($"epoch {epoch + 1}: {errors} token errors of {total} ({100.0 * errors / total:F2}%)");
        }

        for (var k = 0; k < w.Length; k++)
        {
            w[k] -= u[k] / c;
        }

        for (var k = 0; k < tw.Length; k++)
        {
            tw[k] -= tu[k] / c;
        }

        return new AttributionTagger(rows, w, tw);
    }

    /// <summary>The model's features with weights, dropping those whose largest weight is below <paramref name="threshold"/>.</summary>
    public static List<(uint Key, float[] Weights)> Prune(AttributionTagger tagger, float threshold)
    {
        var rows = tagger.Rows;
        var weights = tagger.Weights;
        const int T = AttributionTagger.TagCount;
        var list = new List<(uint, float[])>();
        foreach (var (key, row) in rows.OrderBy(kv => kv.Key))
        {
            var ws = weights.AsSpan(row * T, T).ToArray();
            if (ws.Max(Math.Abs) >= threshold)
            {
                list.Add((key, ws));
            }
        }

        return list;
    }
}
