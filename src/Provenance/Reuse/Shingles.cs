using System.Runtime.InteropServices;

namespace Provenance.Reuse;

/// <summary>A text folded for comparison (letters and digits lower-cased, apostrophes dropped, other runs one space), with the original offset of every folded character.</summary>
internal sealed class FoldedText
{
    private char[] chars = new char[256];
    private int[] map = new int[256];
    private string source = "";

    /// <summary>The folded characters.</summary>
    public ReadOnlySpan<char> Chars => chars.AsSpan(0, Length);

    /// <summary>The number of folded characters.</summary>
    public int Length { get; private set; }

    /// <summary>Folds <paramref name="text"/>, replacing what was held.</summary>
    public void Fold(string text)
    {
        if (chars.Length < text.Length + 1)
        {
            var size = Math.Max(text.Length + 1, chars.Length * 2);
            chars = new char[size];
            map = new int[size];
        }

        source = text;
        var folded = chars;
        var offsets = map;
        var n = 0;
        var space = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                // ASCII, the common case: letters lower-cased by one bit, digits kept, the apostrophe dropped.
                var lower = (char)(c | 0x20);
                if ((uint)(lower - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9)
                {
                    folded[n] = (uint)(c - '0') <= 9 ? c : lower;
                    offsets[n++] = i;
                    space = false;
                    continue;
                }

                if (c is '\'' or '`')
                {
                    continue;
                }
            }
            else if (c is '\u2019' or '\u2018' or '\u02BC')
            {
                // Russia's, Russia’s, Russiaʼs: one word. Tested before the letters: U+02BC is itself a letter (Lm).
                continue;
            }
            else if (char.IsLetterOrDigit(c))
            {
                folded[n] = char.ToLowerInvariant(c);
                offsets[n++] = i;
                space = false;
                continue;
            }

            if (!space)
            {
                folded[n] = ' ';
                offsets[n++] = i;
                space = true;
            }
        }

        if (n > 0 && folded[n - 1] == ' ')
        {
            n--;
        }

        Length = n;
    }

    /// <summary>The original span of the folded characters [<paramref name="start"/>, start + length).</summary>
    public ReuseSpan Span(int start, int length)
    {
        var from = map[start];
        var to = map[start + length - 1] + 1;

        // A bracket opened in the span and closed just after it belongs to it: "(NATO reporting name: Hind)".
        var depth = 0;
        for (var i = from; i < to; i++)
        {
            depth += source[i] is '(' or '[' ? 1 : source[i] is ')' or ']' ? -1 : 0;
        }

        while (depth > 0 && to < source.Length && source[to] is ')' or ']')
        {
            to++;
            depth--;
        }

        return new ReuseSpan(from, to - from);
    }
}

/// <summary>Shingle fingerprints and winnowing.</summary>
internal static class Shingles
{
    private const ulong Base = 0x100000001B3UL;

    /// <summary>The 64-bit fingerprint of every <paramref name="k"/>-character shingle of <paramref name="text"/>, by position.</summary>
    public static void Hash(ReadOnlySpan<char> text, int k, List<ulong> hashes)
    {
        hashes.Clear();
        if (text.Length < k)
        {
            return;
        }

        // Rolling polynomial hash modulo 2^64, then a finaliser so that winnowing's minimum is not biased by the first letter.
        CollectionsMarshal.SetCount(hashes, text.Length - k + 1);
        var output = CollectionsMarshal.AsSpan(hashes);
        ulong power = 1;
        for (var i = 1; i < k; i++)
        {
            power *= Base;
        }

        ulong h = 0;
        for (var i = 0; i < k; i++)
        {
            h = (h * Base) + text[i] + 1;
        }

        output[0] = Mix(h);
        for (var i = k; i < text.Length; i++)
        {
            h = ((h - ((text[i - k] + 1UL) * power)) * Base) + text[i] + 1;
            output[i - k + 1] = Mix(h);
        }
    }

    /// <summary>
    /// Winnowing: the position of the smallest fingerprint in every window of <paramref name="window"/> consecutive shingles
    /// (the rightmost on ties), each position once, in order. A text with fewer shingles than a window yields its smallest.
    /// </summary>
    public static void Winnow(List<ulong> shingles, int window, List<int> picked)
    {
        picked.Clear();
        ReadOnlySpan<ulong> hashes = CollectionsMarshal.AsSpan(shingles);
        var n = hashes.Length;
        if (n == 0)
        {
            return;
        }

        if (n <= window)
        {
            var best = 0;
            for (var i = 1; i < n; i++)
            {
                if (hashes[i] <= hashes[best])
                {
                    best = i;
                }
            }

            picked.Add(best);
            return;
        }

        // The smallest of the first window, then slide: a new shingle no larger than the smallest takes its place (so the
        // rightmost of equal ones wins); when the smallest leaves the window, the window is scanned again. Only about one step
        // in Window/2 scans, and the common case is one well-predicted comparison.
        var min = 0;
        for (var i = 1; i < window; i++)
        {
            if (hashes[i] <= hashes[min])
            {
                min = i;
            }
        }

        picked.Add(min);
        var last = min;
        for (var i = window; i < n; i++)
        {
            var start = i - window + 1;
            if (hashes[i] <= hashes[min])
            {
                min = i;
            }
            else if (min < start)
            {
                min = start;
                for (var j = start + 1; j <= i; j++)
                {
                    if (hashes[j] <= hashes[min])
                    {
                        min = j;
                    }
                }
            }

            if (min != last)
            {
                picked.Add(min);
                last = min;
            }
        }
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xFF51AFD7ED558CCDUL;
        x ^= x >> 33;
        x *= 0xC4CEB9FE1A85EC53UL;
        x ^= x >> 33;
        return x;
    }
}
