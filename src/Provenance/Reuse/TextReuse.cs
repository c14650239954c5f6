using System.Collections.Immutable;

namespace Provenance.Reuse;

/// <summary>
/// Finds passages that texts share nearly word for word (reused copy), without comparing every pair of texts: each text is
/// folded (case, punctuation and spacing ignored), cut into overlapping character shingles, and a winnowed sample of their
/// fingerprints goes into one inverted index; only texts that share fingerprints are looked at, and a pair is compared shingle
/// by shingle to find the shared passages exactly only when its shared fingerprints lie in runs long enough to matter.
/// </summary>
/// <remarks>
/// <para>
/// Folding keeps letters and digits (lower-cased, invariant culture), drops apostrophes (so <c>Russia’s</c> and <c>Russia's</c>
/// are the same word) and turns every other run of characters into one space. A shingle is <see cref="TextReuseOptions.ShingleLength"/>
/// folded characters; winnowing keeps the smallest fingerprint of every <see cref="TextReuseOptions.Window"/> consecutive
/// shingles (the rightmost of equal ones), so two texts sharing a folded passage of at least <c>ShingleLength + Window - 1</c>
/// characters share a fingerprint inside it.
/// </para>
/// <para>
/// What is guaranteed: two texts that share an exact folded run of at least <see cref="TextReuseOptions.MinPassageLength"/>
/// characters (and, with the defaults, of at least <c>ShingleLength + 2 * Window - 1</c> = 27, which holds two fingerprints)
/// are compared, unless the fingerprints inside the run are boilerplate (below); the comparison then decides. A pair is
/// looked at when it shares two fingerprints (one when MinPassageLength is shorter than 27; one that both texts have at
/// several places, as a passage that repeats itself does, counts as two), and compared when two of them
/// lie on nearly the same alignment and the exact runs they sit in, extended letter by letter and joined across a gap of at
/// most half a shingle as the comparison joins them, reach MinPassageLength: common phrases of two or three words share
/// fingerprints between very many texts, and this check is what keeps them from being compared. A match made only of short
/// runs without such fingerprints (a coincidence of common words, each run shorter than the window) can be missed by
/// <see cref="FindMatches"/> though <see cref="Compare(string, string, TextReuseOptions?)"/> finds it.
/// </para>
/// <para>
/// The work is linear in the total length of the texts plus the pairs sharing fingerprints: a fingerprint shared by more than
/// <see cref="TextReuseOptions.MaxPostings"/> texts is boilerplate (a dateline, a stock phrase) and proposes no pairs, though
/// it still counts when a pair proposed by a rarer fingerprint is compared. Memory is linear in the input. Results are
/// deterministic: the same texts give the same matches, in the same order, in any process.
/// </para>
/// </remarks>
public static class TextReuse
{
    /// <summary>The most runs of matching shingles followed at once when two texts are compared.</summary>
    private const int MaxOpenRuns = 16;

    /// <summary>The context that matches any other: no contexts are kept, or the text has the fingerprint more than once.</summary>
    private const uint AnyContext = uint.MaxValue;

    /// <summary>The most shared fingerprints looked at when a candidate pair is checked; a pair with more is compared.</summary>
    private const int MaxSeedRuns = 64;

    /// <summary>
    /// The pairs of texts that share at least one passage of <see cref="TextReuseOptions.MinPassageLength"/> folded characters
    /// and whose <see cref="TextReuseMatch.Similarity"/> is at least <see cref="TextReuseOptions.MinSimilarity"/>, found through
    /// the fingerprint index (see the remarks of <see cref="TextReuse"/> for what it guarantees to find). Each match is the
    /// one <see cref="Compare(string, string, TextReuseOptions?)"/> gives for the pair.
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

            if (Compare(texts[first]!, texts[second]!, first, second, options, scratch) is { } match)
            {
                matches.Add(match);
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
        // One entry per distinct winnowed fingerprint of a text: the fingerprint's high 32 bits, then the entry's number, in
        // text order. Beside it (EntryInfo), the entry's text, the folded position of its shingle (-1 when the text has it
        // twice) and its context (see Context). Winnowing picks about 2 / (Window + 1) of the shingles, so the arrays are
        // sized for that once (and grow if a text picks more) instead of being copied as they fill.
        long characters = 0;
        for (var t = 0; t < texts.Count; t++)
        {
            characters += texts[t]?.Length ?? 0;
        }

        var expected = (int)Math.Min(Array.MaxLength, 1024 + texts.Count + (characters * 2 / (options.Window + 1)));
        var entries = new ulong[expected];
        var about = new EntryInfo[expected];
        var reach = ContextLength(options);
        var count = 0;
        var folded = new FoldedText();
        var hashes = new List<ulong>();
        var picked = new List<int>();
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
            Shingles.Winnow(hashes, options.Window, picked);
            own.Clear();
            foreach (var position in picked)
            {
                own.Add((hashes[position] & 0xFFFF_FFFF_0000_0000UL) | (uint)position);
            }

            own.Sort();
            if (entries.Length < count + own.Count)
            {
                var size = (int)Math.Min(Array.MaxLength, Math.Max(count + own.Count, entries.Length + (entries.Length / 4)));
                Array.Resize(ref entries, size);
                Array.Resize(ref about, size);
            }

            for (var i = 0; i < own.Count; i++)
            {
                if (i > 0 && own[i] >> 32 == own[i - 1] >> 32)
                {
                    about[count - 1] = about[count - 1] with { Position = -1, Context = AnyContext };
                    continue;
                }

                entries[count] = (own[i] & 0xFFFF_FFFF_0000_0000UL) | (uint)count;
                about[count] = new EntryInfo(t, (int)(uint)own[i], Context(folded.Chars, (int)(uint)own[i], options.ShingleLength, reach));
                count++;
                distinctFingerprints[t]++;
            }
        }

        // A stable sort by fingerprint alone leaves each fingerprint's entries, so its texts, in increasing order.
        var sorted = SortByKey(entries, count);
        entries = [];

        // The postings (entries) of every fingerprint shared by 2 to MaxPostings texts (CSR), and each text's list of them.
        var postingStart = new List<int> { 0 };
        var postings = new List<int>();
        var perText = new int[texts.Count + 1];
        for (var i = 0; i < count;)
        {
            var fingerprint = sorted[i] >> 32;
            var j = i;
            while (j < count && sorted[j] >> 32 == fingerprint)
            {
                j++;
            }

            // Each text's fingerprints were made distinct above, so the run holds distinct texts, in increasing order.
            if (j - i > 1 && j - i <= options.MaxPostings)
            {
                for (var k = i; k < j; k++)
                {
                    var entry = (int)(uint)sorted[k];
                    postings.Add(entry);
                    perText[about[entry].Text + 1]++;
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

        // Per text, its shared fingerprints in increasing order with their positions; the postings, as texts.
        var fill = perText[..^1];
        var fingerprintsOf = new int[postings.Count];
        var positionsOf = new int[postings.Count];
        var contextsOf = new uint[postings.Count];
        var postingTexts = new int[postings.Count];
        var postingContexts = new uint[postings.Count];
        var postingRepeated = new bool[postings.Count];
        for (var f = 0; f + 1 < postingStart.Count; f++)
        {
            for (var k = postingStart[f]; k < postingStart[f + 1]; k++)
            {
                var entry = postings[k];
                var info = about[entry];
                var at = fill[info.Text]++;
                fingerprintsOf[at] = f;
                positionsOf[at] = info.Position;
                contextsOf[at] = info.Context;
                postingTexts[k] = info.Text;
                postingContexts[k] = info.Context;
                postingRepeated[k] = info.Position < 0;
            }
        }

        about = [];
        var index = new SharedIndex(perText, fingerprintsOf, positionsOf);

        // A shared passage of MinPassageLength folded characters spans two whole winnowing windows when it is at least
        // ShingleLength + 2 * Window - 1 long, so it holds two fingerprints at two places (the same one twice when the passage
        // repeats itself) unless a text has fewer than two at all: a pair must then share two to be worth comparing. Shared fingerprints are counted per first text in one pass over
        // its postings (no list of every co-occurrence to sort), so the pairs come out sorted and distinct. Only fingerprints
        // with the same context on one side count (see Context): every fingerprint inside a passage long enough has one. A
        // pair that passes is compared only when the runs its shared fingerprints seed make a passage long enough (Seeded).
        var twoNeeded = options.MinPassageLength >= options.ShingleLength + (2 * options.Window) - 1;
        var shared = new int[texts.Count];
        var touched = new List<int>();
        var pairs = new List<ulong>();
        var seeds = new SeedScratch();
        for (var t = 0; t < texts.Count; t++)
        {
            touched.Clear();
            for (var x = perText[t]; x < perText[t + 1]; x++)
            {
                var f = fingerprintsOf[x];
                var context = contextsOf[x];
                for (var k = postingStart[f + 1] - 1; k >= postingStart[f]; k--)
                {
                    var other = postingTexts[k];
                    if (other <= t)
                    {
                        break;
                    }

                    if (!SameContext(context, postingContexts[k]) || (groups is not null && groups[t] == groups[other]))
                    {
                        continue;
                    }

                    if (shared[other] == 0)
                    {
                        touched.Add(other);
                    }

                    // A fingerprint both texts have at more than one place counts twice: inside a periodic passage ("missile
                    // missile missile ...") the two windows can pick the same fingerprint, once at each of two places.
                    shared[other] += positionsOf[x] < 0 && postingRepeated[k] ? 2 : 1;
                }
            }

            touched.Sort();
            foreach (var other in touched)
            {
                var needed = twoNeeded ? Math.Min(2, Math.Min(distinctFingerprints[t], distinctFingerprints[other])) : 1;
                if (shared[other] >= needed && Seeded(texts, t, other, index, options, twoNeeded, seeds))
                {
                    pairs.Add(((ulong)(uint)t << 32) | (uint)other);
                }

                shared[other] = 0;
            }
        }

        return [.. pairs];
    }

    /// <summary>
    /// Whether the exact runs that the shared fingerprints of texts <paramref name="t"/> and <paramref name="other"/> seed
    /// (each extended letter by letter to a longest common run on its diagonal), joined as the comparison joins them, reach
    /// <see cref="TextReuseOptions.MinPassageLength"/> in both texts. Common phrases of a few words share fingerprints between
    /// very many texts; this check is what keeps them from being compared shingle by shingle. Any pair sharing an exact run
    /// that holds a shared fingerprint and is at least MinPassageLength long passes.
    /// </summary>
    private static bool Seeded(IReadOnlyList<string?> texts, int t, int other, SharedIndex index, TextReuseOptions options, bool twoNeeded, SeedScratch s)
    {
        var k = options.ShingleLength;
        var min = options.MinPassageLength;

        // The shared fingerprints, by position in each text (a diagonal is the difference of the two).
        s.Seeds.Clear();
        int i = index.PerText[t], iEnd = index.PerText[t + 1], j = index.PerText[other], jEnd = index.PerText[other + 1];
        while (i < iEnd && j < jEnd)
        {
            var fi = index.Fingerprints[i];
            var fj = index.Fingerprints[j];
            if (fi != fj)
            {
                i += fi < fj ? 1 : 0;
                j += fj < fi ? 1 : 0;
                continue;
            }

            int pa = index.Positions[i++], pb = index.Positions[j++];
            if (pa < 0 || pb < 0 || s.Seeds.Count == MaxSeedRuns)
            {
                // A text has this fingerprint at more than one place (no single seed to extend), or there are very many: compare.
                return true;
            }

            s.Seeds.Add((pa - pb, pa));
        }

        // A passage long enough for two winnowing windows holds two shared fingerprints whose diagonals differ by at most half
        // a shingle (the same run, or runs joined across a gap): without such two, the texts are not read again.
        s.Seeds.Sort();
        var near = !twoNeeded;
        for (var n = 1; n < s.Seeds.Count && !near; n++)
        {
            near = s.Seeds[n].Diagonal - s.Seeds[n - 1].Diagonal <= k / 2;
        }

        if (!near)
        {
            return false;
        }

        if (s.FirstKey != t)
        {
            s.First.Fold(texts[t]!);
            s.FirstKey = t;
        }

        s.Second.Fold(texts[other]!);
        var a = s.First.Chars;
        var b = s.Second.Chars;
        s.Runs.Clear();
        foreach (var (diagonal, pa) in s.Seeds)
        {
            var pb = pa - diagonal;
            var right = 0;
            while (pa + right < a.Length && pb + right < b.Length && a[pa + right] == b[pb + right])
            {
                right++;
            }

            if (right < k)
            {
                continue;
            }

            var left = 0;
            while (pa - left > 0 && pb - left > 0 && a[pa - left - 1] == b[pb - left - 1])
            {
                left++;
            }

            if (left + right >= min)
            {
                return true;
            }

            s.Runs.Add((pa - left, pb - left, left + right));
        }

        // Chains of runs, each joined to the one before across a gap of at most half a shingle in both texts, as the comparison
        // joins its tiles: for every run, the chain ending there that starts earliest.
        s.Runs.Sort();
        s.Starts.Clear();
        for (var r = 0; r < s.Runs.Count; r++)
        {
            var (ra, rb, length) = s.Runs[r];
            var start = (A: ra, B: rb);
            for (var q = 0; q < r; q++)
            {
                var (qa, qb, qLength) = s.Runs[q];
                int gapA = ra - (qa + qLength), gapB = rb - (qb + qLength);

                // Runs that overlap in one text (a word inserted in the other: both runs hold the space) are joined as the
                // comparison joins its tiles, with the later one cut where the earlier ends, in both texts.
                var overlap = Math.Max(0, Math.Max(-gapA, -gapB));
                if (overlap < length && gapA + overlap <= k / 2 && gapB + overlap <= k / 2 && s.Starts[q].A < start.A)
                {
                    start = s.Starts[q];
                }
            }

            if (ra + length - start.A >= min && rb + length - start.B >= min)
            {
                return true;
            }

            s.Starts.Add(start);
        }

        return false;
    }

    /// <summary>
    /// How far past a fingerprint's shingle a context reaches: half of what a passage of MinPassageLength holds beyond one
    /// shingle, rounded up, so such a passage reaches that far on one side of any shingle inside it, and that side's context
    /// is the same in both texts. 0: no contexts.
    /// </summary>
    private static int ContextLength(TextReuseOptions options) => (options.MinPassageLength - options.ShingleLength + 1) / 2;

    /// <summary>
    /// The context of the shingle at <paramref name="position"/>: a 16-bit hash of the <paramref name="reach"/> folded
    /// characters before it (high half) and of as many after it (low half); 0 for a side the text does not reach, and
    /// <see cref="AnyContext"/> when <paramref name="reach"/> is 0.
    /// </summary>
    private static uint Context(ReadOnlySpan<char> folded, int position, int k, int reach)
    {
        if (reach == 0)
        {
            return AnyContext;
        }

        var before = position >= reach ? Hash16(folded.Slice(position - reach, reach)) : 0u;
        var after = position + k + reach <= folded.Length ? Hash16(folded.Slice(position + k, reach)) : 0u;
        return (before << 16) | after;

        static uint Hash16(ReadOnlySpan<char> chars)
        {
            var h = 2166136261u;
            foreach (var c in chars)
            {
                h = (h ^ c) * 16777619u;
            }

            h ^= h >> 16;
            return (h & 0xFFFF) is 0 or 0xFFFF ? 1u : h & 0xFFFF;
        }
    }

    /// <summary>Whether two fingerprints' contexts are the same on one side that both texts reach.</summary>
    private static bool SameContext(uint a, uint b) =>
        a == AnyContext || b == AnyContext || ((a >> 16) != 0 && a >> 16 == b >> 16) || ((a & 0xFFFF) != 0 && (a & 0xFFFF) == (b & 0xFFFF));

    /// <summary>
    /// The first <paramref name="count"/> entries sorted by their high 32 bits (the key), stably: four passes of an 8-bit
    /// radix sort (few enough buckets for every pass to write to memory in order), linear in the entries.
    /// </summary>
    private static ulong[] SortByKey(ulong[] entries, int count)
    {
        var from = entries;
        var to = new ulong[count];
        var buckets = new int[257];
        for (var shift = 32; shift < 64; shift += 8)
        {
            Array.Clear(buckets);
            for (var i = 0; i < count; i++)
            {
                buckets[(int)((from[i] >> shift) & 0xFF) + 1]++;
            }

            for (var b = 1; b < buckets.Length; b++)
            {
                buckets[b] += buckets[b - 1];
            }

            for (var i = 0; i < count; i++)
            {
                to[buckets[(int)((from[i] >> shift) & 0xFF)]++] = from[i];
            }

            (from, to) = (to, from);
        }

        return from;
    }

    private static TextReuseMatch? Compare(string firstText, string secondText, int first, int second, TextReuseOptions options, PairScratch s)
    {
        var k = options.ShingleLength;
        // Every shingle of the second text, by hash, with its position: sorted for binary search.
        s.Second.Fold(secondText);
        Shingles.Hash(s.Second.Chars, k, s.SecondHashes);
        s.IndexSecond();

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

        // Greedy tiling: the longest runs first, none overlapping another in either text. A run that a longer one overlaps
        // keeps its longest part still free in both texts when that is a whole shingle: "e system sam" after "using a man
        // portable air defen" loses only the space that a coincidental " according to t" took.
        runs.Sort((x, y) => y.Length != x.Length ? y.Length.CompareTo(x.Length) : x.A != y.A ? x.A.CompareTo(y.A) : x.B.CompareTo(y.B));
        var usedA = s.Used(0, s.First.Length);
        var usedB = s.Used(1, s.Second.Length);
        var tiles = new List<(int A, int B, int ALength, int BLength)>();
        foreach (var (a, b, length) in runs)
        {
            int best = 0, bestLength = 0, start = -1;
            for (var o = 0; o <= length; o++)
            {
                if (o < length && !usedA[a + o] && !usedB[b + o])
                {
                    start = start < 0 ? o : start;
                }
                else if (start >= 0)
                {
                    (best, bestLength) = o - start > bestLength ? (start, o - start) : (best, bestLength);
                    start = -1;
                }
            }

            if (bestLength < k)
            {
                continue;
            }

            usedA.AsSpan(a + best, bestLength).Fill(true);
            usedB.AsSpan(b + best, bestLength).Fill(true);
            tiles.Add((a + best, b + best, bestLength, bestLength));
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

    /// <summary>
    /// Per text, its shared fingerprints (CSR by text, increasing) and their folded positions (-1: more than one).
    /// </summary>
    private sealed record SharedIndex(int[] PerText, int[] Fingerprints, int[] Positions);

    /// <summary>An entry's text, the folded position of its shingle (-1: the text has it more than once) and its context.</summary>
    private readonly record struct EntryInfo(int Text, int Position, uint Context);

    private sealed class SeedScratch
    {
        public FoldedText First { get; } = new();

        public FoldedText Second { get; } = new();

        /// <summary>The text folded in <see cref="First"/>, or -1.</summary>
        public int FirstKey { get; set; } = -1;

        public List<(int A, int B, int Length)> Runs { get; } = [];

        public List<(int A, int B)> Starts { get; } = [];

        public List<(int Diagonal, int A)> Seeds { get; } = [];
    }

    private sealed class PairScratch
    {
        public FoldedText First { get; } = new();

        public FoldedText Second { get; } = new();

        public List<ulong> FirstHashes { get; } = [];

        public List<ulong> SecondHashes { get; } = [];

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
