using System.Buffers;
using System.Globalization;
using System.Text;

namespace Provenance;

/// <summary>
/// Makes text from a graph safe to print on a terminal or in a log: the one routine both the library's diagnostics and
/// the command-line tool use. Thread-safe.
/// </summary>
public static class TerminalText
{
    // C0 controls (tab and line feed included: a value must not start a new, forged line), DEL, C1 controls, the line and
    // paragraph separators, and every bidirectional-text control: marks, embeddings, overrides and isolates (issues 9, 15).
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u061C\u200E\u200F\u2028\u2029\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>
    /// The text with every control character (C0 including tab and line feed, DEL, C1), U+2028 and U+2029, and every
    /// bidirectional-text control (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) written as a <c>\uXXXX</c>
    /// escape, so that a hostile value cannot move the cursor, recolour the terminal, forge another line or disguise one.
    /// </summary>
    /// <param name="text">The text; returned as is when it holds none of those characters.</param>
    /// <returns>The text, safe to print.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.AsSpan().ContainsAny(Unsafe) ? EscapeCore(text) : text;
    }

    /// <summary>Whether <paramref name="c"/> is one of the characters <see cref="Escape"/> rewrites.</summary>
    /// <param name="c">The character.</param>
    /// <returns><see langword="true"/> when it would be escaped.</returns>
    public static bool IsUnsafe(char c) => Unsafe.Contains(c);

    private static string EscapeCore(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Unsafe.Contains(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
