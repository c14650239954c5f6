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
        var n = 0;
        var space = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                chars[n] = char.ToLowerInvariant(c);
                map[n++] = i;
                space = false;
            }
            else if (c is '\'' or '\u2019' or '\u2018' or '\u02BC' or '`')
            {
                // Russia's, Russia’s: one word.
            }
            else if (!space)
            {
                chars[n] = ' ';
                map[n++] = i;
                space = true;
            }
        }

        if (n > 0 && chars[n - 1] == ' ')
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

        hashes.Add(Mix(h));
        for (var i = k; i < text.Length; i++)
        {
            h = ((h - ((text[i - k] + 1UL) * power)) * Base) + text[i] + 1;
            hashes.Add(Mix(h));
        }
    }

    /// <summary>
    /// Winnowing: the position of the smallest fingerprint in every window of <paramref name="window"/> consecutive shingles
    /// (the rightmost on ties), each position once, in order. A text with fewer shingles than a window yields its smallest.
    /// </summary>
    public static void Winnow(List<ulong> hashes, int window, List<int> picked, ref int[] deque)
    {
        picked.Clear();
        var n = hashes.Count;
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

        // A monotonic deque of positions whose fingerprints increase from front to back.
        if (deque.Length < n)
        {
            deque = new int[Math.Max(n, deque.Length * 2)];
        }

        int head = 0, tail = 0;
        var last = -1;
        for (var i = 0; i < n; i++)
        {
            while (tail > head && hashes[deque[tail - 1]] >= hashes[i])
            {
                tail--;
            }

            deque[tail++] = i;
            if (deque[head] <= i - window)
            {
                head++;
            }

            if (i >= window - 1 && deque[head] != last)
            {
                last = deque[head];
                picked.Add(last);
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
