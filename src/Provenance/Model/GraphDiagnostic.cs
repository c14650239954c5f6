namespace Provenance;

/// <summary>One problem found in a graph or its input files. Immutable, thread-safe.</summary>
/// <param name="Location">Where the problem is, when it comes from a file.</param>
/// <param name="Code">A stable kebab-case code for the kind of problem (e.g. <c>unknown-reference</c>).</param>
/// <param name="Message">One plain sentence naming the offending value and, where possible, the fix.</param>
public sealed record GraphDiagnostic(SourceLocation? Location, string Code, string Message)
{
    private static readonly System.Buffers.SearchValues<char> Unprintable = System.Buffers.SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F"
        + "\u0080\u0081\u0082\u0083\u0084\u0085\u0086\u0087\u0088\u0089\u008A\u008B\u008C\u008D\u008E\u008F"
        + "\u0090\u0091\u0092\u0093\u0094\u0095\u0096\u0097\u0098\u0099\u009A\u009B\u009C\u009D\u009E\u009F"
        + "\u2028\u2029\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069");

    /// <summary>Formats the problem as <c>path:line:column: message</c>, or the bare message when it has no location.</summary>
    /// <returns>The formatted problem.</returns>
    /// <remarks>
    /// Control characters, line and paragraph separators and bidirectional-text controls are written as <c>\uXXXX</c> escapes, so
    /// that a hostile value quoted in a message (an id holding a newline or a terminal escape sequence) cannot forge another
    /// problem line or rewrite the terminal it is printed on (issue 9).
    /// </remarks>
    public override string ToString() => Printable(Location is { } at ? $"{at}: {Message}" : Message);

    private static string Printable(string text)
    {
        if (!text.AsSpan().ContainsAny(Unprintable))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (Unprintable.Contains(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
