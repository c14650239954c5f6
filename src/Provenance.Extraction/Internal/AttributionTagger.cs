using System.IO.Compression;

namespace Provenance.Extraction.Internal;

/// <summary>
/// A first-order sequence tagger (structured averaged perceptron, Viterbi decoding) that labels every token
/// <c>O</c>, or begins/continues a source, cue or content span. Its weights are keyed by feature hashes only
/// (<see cref="TaggerFeatures"/>); the shipped model is trained by src/Provenance.Extraction.Training. Immutable,
/// thread-safe.
/// </summary>
internal sealed class AttributionTagger
{
    public const int TagCount = 7;
    public const int O = 0;
    private const uint Magic = 0x31545850; // "PXT1"

    private readonly Dictionary<uint, int> rows;
    private readonly float[] weights;      // rows x TagCount
    private readonly float[] transitions;  // (TagCount + 1) x TagCount; the last row is the start state

    public AttributionTagger(Dictionary<uint, int> rows, float[] weights, float[] transitions)
    {
        this.rows = rows;
        this.weights = weights;
        this.transitions = transitions;
    }

    internal Dictionary<uint, int> Rows => rows;

    internal float[] Weights => weights;

    internal float[] Transitions => transitions;

    /// <summary>Number of features with weights.</summary>
    public int FeatureCount => rows.Count;

    /// <summary>The role of a tag: 0 none, 1 source, 2 cue, 3 content.</summary>
    public static int Role(int tag) => (tag + 1) / 2;

    public static bool IsBegin(int tag) => tag is 1 or 3 or 5;

    public static int Begin(int role) => (role * 2) - 1;

    public static int Inside(int role) => role * 2;

    private static bool Allowed(int prev, int tag) =>
        tag is O or 1 or 3 or 5 || (prev != TagCount && prev != O && Role(prev) == Role(tag));

    /// <summary>Tags every token; <paramref name="margins"/> receives, per token, the score gap to the best other tag.</summary>
    public int[] Tag(TextTokens tokens, float[]? margins = null)
    {
        var features = new List<uint>(tokens.Count * 42);
        var offsets = new int[tokens.Count + 1];
        TaggerFeatures.Compute(tokens, features, offsets);
        var idx = new int[features.Count];
        for (var i = 0; i < idx.Length; i++)
        {
            idx[i] = rows.TryGetValue(features[i], out var r) ? r : -1;
        }

        return Decode(idx, offsets, tokens.Count, weights, transitions, margins);
    }

    /// <summary>Viterbi over emission scores from feature rows (<c>-1</c> = unknown) and the transition matrix.</summary>
    internal static int[] Decode(int[] idx, int[] offsets, int n, float[] weights, float[] transitions, float[]? margins)
    {
        var tags = new int[n];
        if (n == 0)
        {
            return tags;
        }

        var score = new float[n * TagCount];
        var back = new byte[n * TagCount];
        Span<float> emission = stackalloc float[TagCount];
        for (var t = 0; t < n; t++)
        {
            emission.Clear();
            for (var f = offsets[t]; f < offsets[t + 1]; f++)
            {
                var r = idx[f];
                if (r < 0)
                {
                    continue;
                }

                var row = weights.AsSpan(r * TagCount, TagCount);
                for (var k = 0; k < TagCount; k++)
                {
                    emission[k] += row[k];
                }
            }

            if (margins is not null)
            {
                var best = float.NegativeInfinity;
                var second = float.NegativeInfinity;
                for (var k = 0; k < TagCount; k++)
                {
                    if (emission[k] > best)
                    {
                        second = best;
                        best = emission[k];
                    }
                    else if (emission[k] > second)
                    {
                        second = emission[k];
                    }
                }

                margins[t] = best - second;
            }

            for (var k = 0; k < TagCount; k++)
            {
                var bestScore = float.NegativeInfinity;
                var bestPrev = 0;
                if (t == 0)
                {
                    bestScore = Allowed(TagCount, k) ? transitions[(TagCount * TagCount) + k] : float.NegativeInfinity;
                }
                else
                {
                    for (var p = 0; p < TagCount; p++)
                    {
                        if (!Allowed(p, k))
                        {
                            continue;
                        }

                        var s = score[((t - 1) * TagCount) + p] + transitions[(p * TagCount) + k];
                        if (s > bestScore)
                        {
                            bestScore = s;
                            bestPrev = p;
                        }
                    }
                }

                score[(t * TagCount) + k] = bestScore + emission[k];
                back[(t * TagCount) + k] = (byte)bestPrev;
            }
        }

        var last = 0;
        for (var k = 1; k < TagCount; k++)
        {
            if (score[((n - 1) * TagCount) + k] > score[((n - 1) * TagCount) + last])
            {
                last = k;
            }
        }

        for (var t = n - 1; t >= 0; t--)
        {
            tags[t] = last;
            last = back[(t * TagCount) + last];
        }

        return tags;
    }

    /// <summary>Writes the model: hashes delta-encoded, weights quantised to signed bytes, deflate-compressed.</summary>
    public static void Save(Stream stream, IReadOnlyList<(uint Key, float[] Weights)> features, float[] transitions)
    {
        var max = 1e-6f;
        foreach (var (_, w) in features)
        {
            foreach (var x in w)
            {
                max = Math.Max(max, Math.Abs(x));
            }
        }

        var scale = max / 127f;
        using var deflate = new DeflateStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(deflate);
        writer.Write(Magic);
        writer.Write(TagCount);
        writer.Write(scale);
        writer.Write(features.Count);
        foreach (var x in transitions)
        {
            writer.Write(x);
        }

        var previous = 0u;
        foreach (var (key, _) in features)
        {
            writer.Write7BitEncodedInt((int)(key - previous));
            previous = key;
        }

        foreach (var (_, w) in features)
        {
            foreach (var x in w)
            {
                writer.Write((sbyte)Math.Clamp(MathF.Round(x / scale), -127, 127));
            }
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; a damaged model is an <see cref="InvalidDataException"/>.</summary>
    public static AttributionTagger Load(Stream stream)
    {
        using var deflate = new DeflateStream(stream, CompressionMode.Decompress);
        using var reader = new BinaryReader(deflate);
        if (reader.ReadUInt32() != Magic || reader.ReadInt32() != TagCount)
        {
            throw new InvalidDataException("The attribution tagger model is not a model of this version.");
        }

        var scale = reader.ReadSingle();
        var count = reader.ReadInt32();
        if (count < 0 || count > 50_000_000)
        {
            throw new InvalidDataException("The attribution tagger model is damaged.");
        }

        var transitions = new float[(TagCount + 1) * TagCount];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        var rows = new Dictionary<uint, int>(count);
        var key = 0u;
        for (var i = 0; i < count; i++)
        {
            key += (uint)reader.Read7BitEncodedInt();
            rows[key] = i;
        }

        var weights = new float[count * TagCount];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = reader.ReadSByte() * scale;
        }

        return new AttributionTagger(rows, weights, transitions);
    }

    private static readonly Lazy<AttributionTagger?> Shipped = new(() =>
    {
        using var stream = typeof(AttributionTagger).Assembly.GetManifestResourceStream("Provenance.Extraction.attribution-tagger.bin");
        return stream is null ? null : Load(stream);
    });

    /// <summary>The model shipped in the assembly, or null when the assembly was built without one.</summary>
    public static AttributionTagger? Default => Shipped.Value;
}
