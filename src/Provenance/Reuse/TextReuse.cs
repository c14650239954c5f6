using System.Collections.Immutable;

namespace Provenance.Reuse;

/// <summary>
/// Finds passages that texts share nearly word for word (reused copy), without comparing every pair of texts: each text is
/// folded (case, punctuation and spacing ignored), cut into overlapping character shingles, and a winnowed sample of their
/// fingerprints goes into one inverted index; only texts that share a fingerprint are compared, and each such pair is then
/// compared shingle by shingle to find the shared passages exactly.
/// </summary>
/// <remarks>
/// <para>
/// Folding keeps letters and digits (lower-cased, invariant culture), drops apostrophes (so <c>Russia’s</c> and <c>Russia's</c>
/// are the same word) and turns every other run of characters into one space. A shingle is <see cref="TextReuseOptions.ShingleLength"/>
/// folded characters; winnowing keeps the smallest fingerprint of every <see cref="TextReuseOptions.Window"/> consecutive
/// shingles, so any shared folded passage of at least <c>ShingleLength + Window - 1</c> characters is guaranteed to be found.
/// </para>
/// <para>
/// The work is linear in the total length of the texts plus the candidate pairs: a fingerprint shared by more than
/// <see cref="TextReuseOptions.MaxPostings"/> texts is boilerplate (a dateline, a stock phrase) and proposes no pairs, though
/// it still counts when a pair proposed by a rarer fingerprint is compared. Results are deterministic: the same texts give the
/// same matches, in the same order, in any process.
/// </para>
/// </remarks>
public static class TextReuse
{
    /// <summary>The most runs of matching shingles followed at once when two texts are compared.</summary>
    private const int MaxOpenRuns = 16;

    /// <summary>
    /// The pairs of texts that share at least one passage of <see cref="TextReuseOptions.MinPassageLength"/> folded characters
    /// and whose <see cref="TextReuseMatch.Similarity"/> is at least <see cref="TextReuseOptions.MinSimilarity"/>.
    /// </summary>
    /// <param name="texts">The texts; a <see langword="null"/> or empty entry takes part in no match.</param>
    /// <param name="options">The settings, or <see langword="null"/> for <see cref="TextReuseOptions.Default"/>.</param>
    /// <param name="groups">
    /// Optional: a group number per text (same length as <paramref name="texts"/>); texts of the same group are never compared,
    /// e.g. passages of one article. <see langword="null"/>: every pair may match.
    /// </param>
    /// <returns>The matches, ordered by <see cref="TextReuseMatch.First"/>, then <see cref="TextReuseMatch.Second"/>; First &lt; Second.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="texts"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="groups"/> is not as long as <paramref name="texts"/>, or the options are out of range.</exception>
    public static ImmutableArray<TextReuseMatch> FindMatches(IReadOnlyList<string?> texts, TextReuseOptions? options = null, IReadOnlyList<int>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(texts);
        options ??= TextReuseOptions.Default;
        options.Validate();
        if (groups is not null && groups.Count != texts.Count)
        {
            throw new ArgumentException($"{nameof(groups)} has {groups.Count} entries but {nameof(texts)} has {texts.Count}: give one group per text.", nameof(groups));
        }

        var pairs = CandidatePairs(texts, options, groups);
        var matches = ImmutableArray.CreateBuilder<TextReuseMatch>();
        var scratch = new PairScratch();
        foreach (var pair in pairs)
        {
            var first = (int)(pair >> 32);
            var second = (int)(uint)pair;

            // Pairs come sorted by their first text, so the first text is folded, hashed and indexed once for all its pairs:
            // it takes the indexed role, and the second text is the one walked.
            if (Compare(texts[second]!, texts[first]!, second, first, options, scratch, indexedKey: first) is { } match)
            {
                matches.Add(new TextReuseMatch(first, second, match.Similarity, match.SharedLength, [.. match.Passages.Select(p => new SharedPassage(p.Second, p.First))]));
            }
        }

        return matches.DrainToImmutable();
    }

    /// <summary>
    /// Compares two texts directly (no index): their shared passages and similarity, or <see langword="null"/> when they share
    /// no passage of <see cref="TextReuseOptions.MinPassageLength"/> folded characters or fall below
    /// <see cref="TextReuseOptions.MinSimilarity"/>. The match's <see cref="TextReuseMatch.First"/> is 0 and
    /// <see cref="TextReuseMatch.Second"/> is 1.
    /// </summary>
    /// <param name="first">The first text.</param>
    /// <param name="second">The second text.</param>
    /// <param name="options">The settings, or <see langword="null"/> for <see cref="TextReuseOptions.Default"/>.</param>
    /// <returns>The match, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> or <paramref name="second"/> is <see langword="null"/>.</exception>
    public static TextReuseMatch? Compare(string first, string second, TextReuseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        options ??= TextReuseOptions.Default;
        options.Validate();
        return Compare(first, second, 0, 1, options, new PairScratch());
    }

    /// <summary>The candidate pairs (first &lt;&lt; 32 | second, first &lt; second), sorted and distinct.</summary>
    private static ulong[] CandidatePairs(IReadOnlyList<string?> texts, TextReuseOptions options, IReadOnlyList<int>? groups)
    {
        // One entry per winnowed fingerprint: the fingerprint's high 32 bits, then the text number.
        var entries = new List<ulong>();
        var folded = new FoldedText();
        var hashes = new List<ulong>();
        var picked = new List<int>();
        var deque = new int[256];
        var distinctFingerprints = new int[texts.Count];
        var own = new List<ulong>();
        for (var t = 0; t < texts.Count; t++)
        {
            var text = texts[t];
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            folded.Fold(text);
            Shingles.Hash(folded.Chars, options.ShingleLength, hashes);
            Shingles.Winnow(hashes, options.Window, picked, ref deque);
            own.Clear();
            foreach (var position in picked)
            {
                own.Add((hashes[position] & 0xFFFF_FFFF_0000_0000UL) | (uint)t);
            }

            own.Sort();
            for (var i = 0; i < own.Count; i++)
            {
                if (i == 0 || own[i] != own[i - 1])
                {
                    entries.Add(own[i]);
                    distinctFingerprints[t]++;
                }
            }
        }

        var sorted = entries.ToArray();
        entries.Clear();
        Array.Sort(sorted);

        // The postings of every fingerprint shared by 2 to MaxPostings texts (CSR), and each text's list of them.
        var postingStart = new List<int> { 0 };
        var postings = new List<int>();
        var perText = new int[texts.Count + 1];
        for (var i = 0; i < sorted.Length;)
        {
            var fingerprint = sorted[i] >> 32;
            var j = i;
            while (j < sorted.Length && sorted[j] >> 32 == fingerprint)
            {
                j++;
            }

            // Each text's fingerprints were made distinct above, so the run holds distinct texts, in increasing order.
            if (j - i > 1 && j - i <= options.MaxPostings)
            {
                for (var k = i; k < j; k++)
                {
                    var text = (int)(uint)sorted[k];
                    postings.Add(text);
                    perText[text + 1]++;
                }

                postingStart.Add(postings.Count);
            }

            i = j;
        }

        sorted = [];
        for (var t = 0; t < texts.Count; t++)
        {
            perText[t + 1] += perText[t];
        }

        var fill = perText[..^1];
        var fingerprintsOf = new int[postings.Count];
        for (var f = 0; f + 1 < postingStart.Count; f++)
        {
            for (var k = postingStart[f]; k < postingStart[f + 1]; k++)
            {
                fingerprintsOf[fill[postings[k]]++] = f;
            }
        }

        // A shared passage of MinPassageLength folded characters spans two whole winnowing windows when it is at least
        // ShingleLength + 2 * Window - 1 long, so it holds two distinct fingerprints unless a text has fewer than two at all:
        // a pair must then share two to be worth comparing. Shared fingerprints are counted per first text in one pass over
        // its postings (no list of every co-occurrence to sort), so the pairs come out sorted and distinct.
        var twoNeeded = options.MinPassageLength >= options.ShingleLength + (2 * options.Window) - 1;
        var shared = new int[texts.Count];
        var touched = new List<int>();
        var pairs = new List<ulong>();
        for (var t = 0; t < texts.Count; t++)
        {
            touched.Clear();
            for (var x = perText[t]; x < perText[t + 1]; x++)
            {
                var f = fingerprintsOf[x];
                for (var k = postingStart[f + 1] - 1; k >= postingStart[f]; k--)
                {
                    var other = postings[k];
                    if (other <= t)
                    {
                        break;
                    }

                    if (groups is not null && groups[t] == groups[other])
                    {
                        continue;
                    }

                    if (shared[other]++ == 0)
                    {
                        touched.Add(other);
                    }
                }
            }

            touched.Sort();
            foreach (var other in touched)
            {
                var needed = twoNeeded ? Math.Min(2, Math.Min(distinctFingerprints[t], distinctFingerprints[other])) : 1;
                if (shared[other] >= needed)
                {
                    pairs.Add(((ulong)(uint)t << 32) | (uint)other);
                }

                shared[other] = 0;
            }
        }

        return [.. pairs];
    }

    private static TextReuseMatch? Compare(string firstText, string secondText, int first, int second, TextReuseOptions options, PairScratch s, int indexedKey = -1)
    {
        var k = options.ShingleLength;
        if (indexedKey < 0 || s.IndexedKey != indexedKey)
        {
            // Every shingle of the second text, by hash, with its position: sorted for binary search.
            s.Second.Fold(secondText);
            Shingles.Hash(s.Second.Chars, k, s.SecondHashes);
            s.IndexSecond();
            s.IndexedKey = indexedKey;
        }

        s.First.Fold(firstText);
        if (s.First.Length < k || s.Second.Length < k)
        {
            return null;
        }

        Shingles.Hash(s.First.Chars, k, s.FirstHashes);

        var tiles = Tiles(s, k, options.MinPassageLength);
        if (tiles.Count == 0)
        {
            return null;
        }

        var firstShared = 0;
        var secondShared = 0;
        var passages = ImmutableArray.CreateBuilder<SharedPassage>(tiles.Count);
        foreach (var (a, b, aLength, bLength) in tiles)
        {
            firstShared += aLength;
            secondShared += bLength;
            passages.Add(new SharedPassage(s.First.Span(a, aLength), s.Second.Span(b, bLength)));
        }

        var similarity = Math.Min(1.0, Math.Max((double)firstShared / s.First.Length, (double)secondShared / s.Second.Length));
        if (similarity < options.MinSimilarity)
        {
            return null;
        }

        return new TextReuseMatch(first, second, similarity, Math.Min(firstShared, secondShared), passages.MoveToImmutable());
    }

    /// <summary>
    /// The shared passages of the two folded texts, aligned: maximal runs of matching shingles on one diagonal (common
    /// substrings), the longest first without overlaps (greedy string tiling), then neighbours in both texts joined across a
    /// gap of at most half a shingle (a changed letter or short word), trimmed to whole words, of at least
    /// <paramref name="minLength"/> folded characters on both sides. In order of the first text.
    /// </summary>
    private static List<(int A, int B, int ALength, int BLength)> Tiles(PairScratch s, int k, int minLength)
    {
        // Common substrings: runs of shingles matching on one diagonal (i - j constant). Open runs are extended first; new
        // runs start only from the first few occurrences of a shingle, so repetitive text stays linear.
        var runs = new List<(int A, int B, int Length)>();
        var active = new List<(int Diagonal, int Start)>();
        var next = new List<(int Diagonal, int Start)>();
        for (var i = 0; i < s.FirstHashes.Count; i++)
        {
            var hash = s.FirstHashes[i];
            next.Clear();
            foreach (var (diagonal, start) in active)
            {
                var j = i - diagonal;
                if (j < s.SecondHashes.Count && s.SecondHashes[j] == hash)
                {
                    next.Add((diagonal, start));
                }
                else
                {
                    runs.Add((start, start - diagonal, i - start - 1 + k));
                }
            }

            if (next.Count < MaxOpenRuns)
            {
                var at = s.FirstIndexOf(hash);
                for (var m = at; m >= 0 && m < s.SecondHashes.Count && m < at + MaxOpenRuns && next.Count < MaxOpenRuns && s.SecondKeys[m] == hash; m++)
                {
                    var diagonal = i - s.SecondPositions[m];
                    if (!next.Exists(r => r.Diagonal == diagonal))
                    {
                        next.Add((diagonal, i));
                    }
                }
            }

            (active, next) = (next, active);
        }

        foreach (var (diagonal, start) in active)
        {
            runs.Add((start, start - diagonal, s.FirstHashes.Count - start - 1 + k));
        }

        // Greedy tiling: the longest runs first, none overlapping another in either text.
        runs.Sort((x, y) => y.Length != x.Length ? y.Length.CompareTo(x.Length) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var usedA = s.Used(0, s.First.Length);
        var usedB = s.Used(1, s.Second.Length);
        var tiles = new List<(int A, int B, int ALength, int BLength)>();
        foreach (var (a, b, length) in runs)
        {
            if (usedA.AsSpan(a, length).Contains(true) || usedB.AsSpan(b, length).Contains(true))
            {
                continue;
            }

            usedA.AsSpan(a, length).Fill(true);
            usedB.AsSpan(b, length).Fill(true);
            tiles.Add((a, b, length, length));
        }

        tiles.Sort((x, y) => x.A.CompareTo(y.A));
        var joined = new List<(int A, int B, int ALength, int BLength)>();
        foreach (var tile in tiles)
        {
            if (joined.Count > 0)
            {
                var last = joined[^1];
                var gapA = tile.A - (last.A + last.ALength);
                var gapB = tile.B - (last.B + last.BLength);
                if (gapA >= 0 && gapB >= 0 && gapA <= k / 2 && gapB <= k / 2)
                {
                    joined[^1] = (last.A, last.B, tile.A + tile.ALength - last.A, tile.B + tile.BLength - last.B);
                    continue;
                }
            }

            joined.Add(tile);
        }

        var result = new List<(int A, int B, int ALength, int BLength)>();
        foreach (var (a, b, aLength, bLength) in joined)
        {
            var (ta, tal) = Words(s.First, a, aLength);
            var (tb, tbl) = Words(s.Second, b, bLength);
            if (tal >= minLength && tbl >= minLength)
            {
                result.Add((ta, tb, tal, tbl));
            }
        }

        return result;
    }

    /// <summary>The folded span trimmed to whole words: a leading or trailing partial word is a coincidence of letters.</summary>
    private static (int Start, int Length) Words(FoldedText text, int start, int length)
    {
        var chars = text.Chars;
        int s = start, e = start + length;
        if (s > 0 && chars[s - 1] != ' ')
        {
            while (s < e && chars[s] != ' ')
            {
                s++;
            }
        }

        if (e < chars.Length && chars[e] != ' ')
        {
            while (e > s && chars[e - 1] != ' ')
            {
                e--;
            }
        }

        while (s < e && chars[s] == ' ')
        {
            s++;
        }

        while (e > s && chars[e - 1] == ' ')
        {
            e--;
        }

        return (s, e - s);
    }

    private sealed class PairScratch
    {
        public FoldedText First { get; } = new();

        public FoldedText Second { get; } = new();

        public List<ulong> FirstHashes { get; } = [];

        public List<ulong> SecondHashes { get; } = [];

        /// <summary>The text whose shingles are indexed (the second), when it is kept across comparisons; -1 when not.</summary>
        public int IndexedKey { get; set; } = -1;

        public ulong[] SecondKeys { get; private set; } = new ulong[256];

        public int[] SecondPositions { get; private set; } = new int[256];

        private bool[][] used = [new bool[256], new bool[256]];

        /// <summary>Sorts the second text's shingle hashes, with their positions, for look-up.</summary>
        public void IndexSecond()
        {
            var n = SecondHashes.Count;
            if (SecondKeys.Length < n)
            {
                SecondKeys = new ulong[Math.Max(n, SecondKeys.Length * 2)];
                SecondPositions = new int[SecondKeys.Length];
            }

            for (var i = 0; i < n; i++)
            {
                SecondKeys[i] = SecondHashes[i];
                SecondPositions[i] = i;
            }

            Array.Sort(SecondKeys, SecondPositions, 0, n);

            // Equal hashes (repeated shingles) by position, so the first occurrences are looked at first, in every process.
            for (var i = 0; i < n;)
            {
                var j = i + 1;
                while (j < n && SecondKeys[j] == SecondKeys[i])
                {
                    j++;
                }

                if (j - i > 1)
                {
                    Array.Sort(SecondPositions, i, j - i);
                }

                i = j;
            }
        }

        /// <summary>The index of the first sorted entry with <paramref name="hash"/>, or -1.</summary>
        public int FirstIndexOf(ulong hash)
        {
            var at = Array.BinarySearch(SecondKeys, 0, SecondHashes.Count, hash);
            if (at < 0)
            {
                return -1;
            }

            while (at > 0 && SecondKeys[at - 1] == hash)
            {
                at--;
            }

            return at;
        }

        /// <summary>A cleared array of <paramref name="length"/> flags (two kept, one per text).</summary>
        public bool[] Used(int which, int length)
        {
            if (used[which].Length < length)
            {
                used[which] = new bool[Math.Max(length, used[which].Length * 2)];
            }
            else
            {
                Array.Clear(used[which], 0, length);
            }

            return used[which];
        }
    }
}

/// <summary>The settings of <see cref="TextReuse"/>. Immutable.</summary>
public sealed record TextReuseOptions
{
    /// <summary>The defaults: 12-character shingles, windows of 8, passages of at least 30 folded characters, no similarity floor, 64 postings.</summary>
    public static TextReuseOptions Default { get; } = new();

    /// <summary>The length of a shingle, in folded characters (4 to 64). Default 12: about two words.</summary>
    public int ShingleLength { get; init; } = 12;

    /// <summary>The winnowing window, in shingles (1 to 64). Default 8: any shared passage of 19 or more folded characters is found.</summary>
    public int Window { get; init; } = 8;

    /// <summary>
    /// The shortest shared passage that counts, in folded characters (at least <see cref="ShingleLength"/>). Default 30: about
    /// five words, longer than a source's name ("the Russian Defence Ministry" is 28).
    /// </summary>
    public int MinPassageLength { get; init; } = 30;

    /// <summary>The least <see cref="TextReuseMatch.Similarity"/> a match must have (0 to 1). Default 0: any shared passage.</summary>
    public double MinSimilarity { get; init; }

    /// <summary>A fingerprint shared by more texts than this proposes no pairs (boilerplate). At least 2; default 64.</summary>
    public int MaxPostings { get; init; } = 64;

    internal void Validate()
    {
        Check(ShingleLength is >= 4 and <= 64, nameof(ShingleLength), "between 4 and 64");
        Check(Window is >= 1 and <= 64, nameof(Window), "between 1 and 64");
        Check(MinPassageLength >= ShingleLength, nameof(MinPassageLength), $"at least {nameof(ShingleLength)} ({ShingleLength})");
        Check(MinSimilarity is >= 0 and <= 1, nameof(MinSimilarity), "between 0 and 1");
        Check(MaxPostings >= 2, nameof(MaxPostings), "at least 2");

        static void Check(bool ok, string name, string range)
        {
            if (!ok)
            {
                throw new ArgumentException($"{nameof(TextReuseOptions)}.{name} must be {range}.", name);
            }
        }
    }
}

/// <summary>A span of a text: UTF-16 offset and length in the original (unfolded) text.</summary>
/// <param name="Start">The offset of the first character, 0-based.</param>
/// <param name="Length">The number of UTF-16 code units.</param>
public readonly record struct ReuseSpan(int Start, int Length)
{
    /// <summary>The offset just past the span.</summary>
    public int End => Start + Length;

    /// <summary>The spanned part of <paramref name="text"/>.</summary>
    /// <param name="text">The text the span was found in.</param>
    /// <returns>The substring.</returns>
    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }
}

/// <summary>One passage two texts share: where it is in each.</summary>
/// <param name="First">The passage in the first text.</param>
/// <param name="Second">The passage in the second text.</param>
public readonly record struct SharedPassage(ReuseSpan First, ReuseSpan Second);

/// <summary>Two texts that share passages. Immutable.</summary>
/// <param name="First">The position of the first text in the input.</param>
/// <param name="Second">The position of the second text in the input (greater than <paramref name="First"/>).</param>
/// <param name="Similarity">
/// How much of the texts is shared: the larger of the two shares of folded characters covered by shared passages, so 1 when
/// one text is entirely contained in the other (containment, not resemblance: a sentence quoted inside an article scores 1).
/// </param>
/// <param name="SharedLength">The folded characters the passages cover, in the text where they cover fewer.</param>
/// <param name="Passages">The shared passages, in the order they appear in the first text.</param>
public sealed record TextReuseMatch(int First, int Second, double Similarity, int SharedLength, ImmutableArray<SharedPassage> Passages)
{
    /// <inheritdoc />
    public bool Equals(TextReuseMatch? other) =>
        other is not null && First == other.First && Second == other.Second && Similarity.Equals(other.Similarity)
        && SharedLength == other.SharedLength && Passages.AsSpan().SequenceEqual(other.Passages.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(First, Second, Similarity, SharedLength, Passages.Length);
}
