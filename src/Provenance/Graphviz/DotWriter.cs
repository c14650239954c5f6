using System.Buffers;
using System.Globalization;
using System.Text;

namespace Provenance.Graphviz;

/// <summary>
/// Writes DOT (https://graphviz.org/doc/info/lang.html) statement by statement, escaping every id and attribute
/// value. The one place that knows DOT's lexical rules; callers never write raw DOT text.
/// </summary>
/// <remarks>
/// Every id and every attribute value is written as a double-quoted string (or, for HTML-like labels, as
/// <c>&lt;...&gt;</c>), so keywords (<c>node</c>, <c>Graph</c>, <c>STRICT</c>, matched case-insensitively by dot),
/// numerals such as <c>1x5</c> and punctuation such as <c>prov:x</c> are plain names. Lines end in <c>\n</c> on every
/// platform and numbers use the invariant culture, so the same calls give the same bytes.
/// </remarks>
internal sealed class DotWriter(TextWriter output)
{
    // Characters every escaper copies unchanged (printable ASCII and tab, minus each one's special characters): runs of
    // them are appended whole, and only the rest go through the character-by-character rules.
    private static readonly SearchValues<char> PlainInId = Plain("\"\\", tab: false);
    private static readonly SearchValues<char> PlainInEscString = Plain("\\\"&", tab: true);
    private static readonly SearchValues<char> PlainInHtml = Plain("&<>\"']\\", tab: true);

    private int depth;

    /// <summary>How a multi-line label's lines are justified.</summary>
    internal enum Justify
    {
        Center,
        Left,
    }

    /// <summary>Opens the graph: <c>digraph "name" {</c>.</summary>
    public void BeginDigraph(string name)
    {
        Line("digraph " + Id(name) + " {");
        depth++;
    }

    /// <summary>Opens a subgraph; a name starting with <c>cluster</c> makes dot draw it as a box.</summary>
    public void BeginSubgraph(string? name)
    {
        Line(name is null ? "{" : "subgraph " + Id(name) + " {");
        depth++;
    }

    /// <summary>Closes the innermost graph or subgraph.</summary>
    public void End()
    {
        if (depth == 0)
        {
            throw new InvalidOperationException("No graph or subgraph is open.");
        }

        depth--;
        Line("}");
    }

    /// <summary>Default attributes: <c>graph [...]</c>, <c>node [...]</c> or <c>edge [...]</c>.</summary>
    public void Defaults(string kind, DotAttributes attributes)
    {
        if (kind is not ("graph" or "node" or "edge"))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use graph, node or edge.");
        }

        if (attributes.Count > 0)
        {
            Line(kind + " " + attributes.Format() + ";");
        }
    }

    /// <summary>A graph attribute statement inside the current (sub)graph: <c>rank="same";</c>.</summary>
    public void Attribute(string name, string value) => Line(Name(name) + "=" + Quoted(value) + ";");

    /// <summary>A node statement.</summary>
    public void Node(string id, DotAttributes? attributes = null)
    {
        Indent();
        output.Write(Id(id));
        if (attributes is { Count: > 0 })
        {
            output.Write(' ');
            attributes.WriteTo(output);
        }

        output.Write(";\n");
    }

    /// <summary>A directed edge statement.</summary>
    public void Edge(string from, string to, DotAttributes? attributes = null)
    {
        Indent();
        output.Write(Id(from));
        output.Write(" -> ");
        output.Write(Id(to));
        if (attributes is { Count: > 0 })
        {
            output.Write(' ');
            attributes.WriteTo(output);
        }

        output.Write(";\n");
    }

    private void Indent()
    {
        for (var i = 0; i < depth; i++)
        {
            output.Write("  ");
        }
    }

    /// <summary>Writes one indented line; DOT output carries no comments, so no text reaches it unescaped.</summary>
    private void Line(string text)
    {
        for (var i = 0; i < depth; i++)
        {
            output.Write("  ");
        }

        output.Write(text);
        output.Write('\n');
    }

    /// <summary>
    /// A node, graph or subgraph id as a double-quoted DOT string. dot keeps every character of a quoted string
    /// except the pair <c>\"</c> (a quote) and a backslash before a line break (a line continuation), so only
    /// quotes need escaping. A backslash cannot be written portably before a quote or at the end (dot 2.43 keeps
    /// <c>\\</c> as two characters), so ids with backslashes are refused; model ids never contain one.
    /// </summary>
    /// <exception cref="ArgumentException">The id contains a backslash or a control character.</exception>
    public static string Id(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return AppendId(new StringBuilder(id.Length + 2), id).ToString();
    }

    /// <summary>Appends <see cref="Id(string)"/>'s text for <paramref name="id"/> to <paramref name="builder"/>.</summary>
    /// <exception cref="ArgumentException">The id contains a backslash or a control character.</exception>
    internal static StringBuilder AppendId(StringBuilder builder, ReadOnlySpan<char> id)
    {
        builder.Append('"');
        if (!id.ContainsAnyExcept(PlainInId))
        {
            return builder.Append(id).Append('"');
        }

        foreach (var c in id)
        {
            if (c == '\\' || char.IsControl(c))
            {
                throw new ArgumentException($"A DOT id may not contain a backslash or a control character: '{id}'.", nameof(id));
            }

            if (c == '"')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"');
    }

    /// <summary>
    /// Free text as an escString attribute value (label, tooltip, xlabel, headlabel): shown literally by dot.
    /// </summary>
    /// <remarks>
    /// dot reads escStrings in two steps. The lexer turns <c>\"</c> into a quote; then labels give meaning to
    /// <c>\n</c>, <c>\l</c>, <c>\r</c> (line breaks), <c>\N</c>, <c>\G</c>, <c>\E</c>, <c>\T</c>, <c>\H</c>, <c>\L</c>
    /// (names) and <c>\\</c> (one backslash), and decodes HTML entities such as <c>&amp;amp;</c>. So every backslash is
    /// doubled (<c>\N</c> in a name stays two characters), every <c>&amp;</c> becomes <c>&amp;amp;</c>, line breaks become
    /// <c>\n</c> or <c>\l</c>, and characters XML cannot carry become U+FFFD so that SVG output stays well formed. A value
    /// ending in a backslash gets a line continuation (backslash, newline) before its closing quote, because older
    /// dot lexers read <c>\\"</c> as a backslash followed by an escaped quote.
    /// </remarks>
    public static string EscString(string text, Justify justify = Justify.Center) => EscString(text, justify, "\\\\");

    /// <summary>
    /// Free text as a <c>tooltip</c> value. dot (2.43, as Debian and Ubuntu ship it) runs a tooltip through its
    /// escString substitution twice, so a backslash must be written as four to come out as one; otherwise as
    /// <see cref="EscString(string, Justify)"/>. The tests check this against the installed dot.
    /// </summary>
    public static string Tooltip(string text) => EscString(text, Justify.Center, "\\\\\\\\");

    private static string EscString(string text, Justify justify, string backslash)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AppendEscString(new StringBuilder(text.Length + 8), text, justify, backslash).ToString();
    }

    /// <summary>Appends <see cref="EscString(string, Justify)"/>'s text for <paramref name="text"/> to <paramref name="builder"/>.</summary>
    internal static StringBuilder AppendEscString(StringBuilder builder, ReadOnlySpan<char> text, Justify justify = Justify.Center) =>
        AppendEscString(builder, text, justify, "\\\\");

    /// <summary>Appends <see cref="Tooltip(string)"/>'s text for <paramref name="text"/> to <paramref name="builder"/>.</summary>
    internal static StringBuilder AppendTooltip(StringBuilder builder, ReadOnlySpan<char> text) =>
        AppendEscString(builder, text, Justify.Center, "\\\\\\\\");

    private static StringBuilder AppendEscString(StringBuilder builder, ReadOnlySpan<char> text, Justify justify, string backslash)
    {
        var start = builder.Length;
        builder.Append('"');
        var lineBreak = justify == Justify.Left ? "\\l" : "\\n";
        for (var i = 0; i < text.Length; i++)
        {
            var run = text[i..].IndexOfAnyExcept(PlainInEscString);
            if (run < 0)
            {
                builder.Append(text[i..]);
                break;
            }

            builder.Append(text.Slice(i, run));
            i += run;
            var c = text[i];
            switch (c)
            {
                case '\\':
                    builder.Append(backslash);
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\r':
                    builder.Append(lineBreak);
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    builder.Append(lineBreak);
                    break;
                default:
                    i = AppendXmlSafe(builder, text, i);
                    break;
            }
        }

        if (justify == Justify.Left && text.Length > 0 && text[^1] is not ('\n' or '\r'))
        {
            // \l ends (and left-justifies) the last line; without it the last line is centred.
            builder.Append("\\l");
        }

        if (builder.Length > start + 1 && builder[^1] == '\\')
        {
            builder.Append("\\\n");
        }

        return builder.Append('"');
    }

    /// <summary>
    /// Free text as the content of an HTML-like label: XML-escaped, line breaks as <c>&lt;BR/&gt;</c>, and backslashes
    /// doubled, because dot substitutes <c>\N</c>, <c>\G</c> and the like in HTML text too (after decoding entities, so
    /// <c>&amp;#92;</c> would not help) and reads <c>\\</c> as one backslash.
    /// </summary>
    public static string Html(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AppendHtml(new StringBuilder(text.Length + 8), text).ToString();
    }

    /// <summary>Appends <see cref="Html(string)"/>'s text for <paramref name="text"/> to <paramref name="builder"/>.</summary>
    internal static StringBuilder AppendHtml(StringBuilder builder, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var run = text[i..].IndexOfAnyExcept(PlainInHtml);
            if (run < 0)
            {
                builder.Append(text[i..]);
                break;
            }

            builder.Append(text.Slice(i, run));
            i += run;
            var c = text[i];
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\'':
                    builder.Append("&#39;");
                    break;
                case ']':
                    // dot 2.43's HTML lexer rejects a text of just "]" or "]]"; the entity always works.
                    builder.Append("&#93;");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\r':
                    builder.Append("<BR/>");
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    builder.Append("<BR/>");
                    break;
                default:
                    i = AppendXmlSafe(builder, text, i);
                    break;
            }
        }

        return builder;
    }

    /// <summary>
    /// A link for the <c>URL</c>/<c>href</c> attribute, or <see langword="null"/> when <paramref name="url"/> is not
    /// an absolute URL with one of <paramref name="schemes"/>. dot 2.43 copies URLs into SVG attributes without
    /// escaping <c>&lt;</c>, <c>"</c> or <c>'</c>, so everything outside RFC 3986's unreserved and reserved
    /// characters is percent-encoded and <c>&amp;</c> is written as <c>&amp;amp;</c>.
    /// </summary>
    public static string? Url(string? url, IReadOnlyCollection<string> schemes) =>
        IsCanonicalWebUrl(url, schemes) ? string.Concat("\"", url, "\"") : UrlByUri(url, schemes);

    /// <summary>
    /// Whether <paramref name="url"/> is an <c>http</c> or <c>https</c> URL (a scheme in <paramref name="schemes"/>) already in the
    /// form <see cref="UrlByUri"/> would write: lower-case scheme and DNS host (no port, user, IP address or IDN label), a path of
    /// unreserved characters and <c>/</c> without empty, <c>.</c> or <c>..</c> segments, no query or fragment. Such a URL is written
    /// as it is, without parsing it three times.
    /// </summary>
    internal static bool IsCanonicalWebUrl(string? url, IReadOnlyCollection<string> schemes) =>
        url is not null
        && IsCanonicalWebUrl(url, schemes.Contains("http", StringComparer.OrdinalIgnoreCase), schemes.Contains("https", StringComparer.OrdinalIgnoreCase));

    /// <summary><see cref="IsCanonicalWebUrl(string?, IReadOnlyCollection{string})"/> with the two schemes' admission decided once by the caller.</summary>
    internal static bool IsCanonicalWebUrl(ReadOnlySpan<char> span, bool http, bool https)
    {
        int schemeLength;
        if (span.StartsWith("https://", StringComparison.Ordinal))
        {
            if (!https)
            {
                return false;
            }

            schemeLength = 5;
        }
        else if (span.StartsWith("http://", StringComparison.Ordinal))
        {
            if (!http)
            {
                return false;
            }

            schemeLength = 4;
        }
        else
        {
            return false;
        }

        var rest = span[(schemeLength + 3)..];
        var slash = rest.IndexOf('/');
        if (slash <= 0 || slash > 253)
        {
            return false;
        }

        var host = rest[..slash];
        var letterInLast = false;
        var labelStart = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i == host.Length || host[i] == '.')
            {
                var label = host[labelStart..i];
                if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-' || label.StartsWith("xn--", StringComparison.Ordinal))
                {
                    return false;
                }

                letterInLast = label.ContainsAnyInRange('a', 'z');
                labelStart = i + 1;
                continue;
            }

            if (!char.IsAsciiLetterLower(host[i]) && !char.IsAsciiDigit(host[i]) && host[i] != '-')
            {
                return false;
            }
        }

        if (!letterInLast)
        {
            return false;
        }

        var path = rest[slash..];
        var segmentStart = 1;
        for (var i = 1; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] == '/')
            {
                var segment = path[segmentStart..i];
                if ((segment.Length == 0 && i < path.Length) || segment is "." or "..")
                {
                    return false;
                }

                segmentStart = i + 1;
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(path[i]) && path[i] is not ('-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><see cref="Url"/> through <see cref="Uri"/>: the general case.</summary>
    internal static string? UrlByUri(string? url, IReadOnlyCollection<string> schemes)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || !schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var builder = new StringBuilder(url.Length + 8).Append('"');
        Span<byte> bytes = stackalloc byte[4];
        // Hosts in Unicode become their punycode (IDNA) form, which every viewer resolves.
        var text = uri.IsDefaultPort || uri.Port < 0
            ? new UriBuilder(uri) { Host = uri.IdnHost, Port = -1 }.Uri.AbsoluteUri
            : new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '&')
            {
                builder.Append("&amp;");
            }
            else if (char.IsAsciiLetterOrDigit(c) || "-._~:/?#[]@!$()*+,;=%".Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else
            {
                var length = char.IsSurrogatePair(text, i)
                    ? Encoding.UTF8.GetBytes(text.AsSpan(i++, 2), bytes)
                    : Encoding.UTF8.GetBytes(char.IsSurrogate(c) ? "\uFFFD" : c.ToString(), bytes);
                foreach (var b in bytes[..length])
                {
                    builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
                }
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A number in the invariant culture, at most two decimals.</summary>
    public static string Number(double value) =>
        double.IsFinite(value)
            ? value.ToString("0.##", CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A DOT number must be finite.");

    /// <summary>An attribute value we produce ourselves (a colour, a shape, a style list) as a quoted string.</summary>
    public static string Quoted(string value) => EscString(value);

    private static string Name(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                throw new ArgumentException($"'{name}' is not a DOT attribute name.", nameof(name));
            }
        }

        return name;
    }

    private static SearchValues<char> Plain(string special, bool tab)
    {
        var chars = new List<char>();
        if (tab)
        {
            chars.Add('\t');
        }

        for (var c = ' '; c <= '~'; c++)
        {
            if (!special.Contains(c, StringComparison.Ordinal))
            {
                chars.Add(c);
            }
        }

        return SearchValues.Create([.. chars]);
    }

    /// <summary>Appends <paramref name="text"/>[<paramref name="i"/>] (and its low surrogate), or U+FFFD for what XML 1.0 cannot hold.</summary>
    private static int AppendXmlSafe(StringBuilder builder, ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            builder.Append(c).Append(text[i + 1]);
            return i + 1;
        }

        builder.Append(c == '\t' || (!char.IsControl(c) && !char.IsSurrogate(c) && c is not ('\uFFFE' or '\uFFFF')) ? c : '\uFFFD');
        return i;
    }
}

/// <summary>An ordered attribute list, <c>[name="value", ...]</c>; values are escaped when added.</summary>
internal sealed class DotAttributes
{
    private readonly List<(string Name, string Value)> items = [];

    public int Count => items.Count;

    /// <summary>The attributes so far, escaped, in order.</summary>
    public IReadOnlyList<(string Name, string Value)> Items => items;

    /// <summary>Adds attributes another <see cref="DotAttributes"/> made (already escaped).</summary>
    public DotAttributes AddRange(IReadOnlyList<(string Name, string Value)> escaped)
    {
        for (var i = 0; i < escaped.Count; i++)
        {
            items.Add(escaped[i]);
        }

        return this;
    }

    /// <summary>Adds a value of our own making (colour, shape, style), quoted and escaped.</summary>
    public DotAttributes Set(string name, string? value) => value is null ? this : Raw(name, DotWriter.Quoted(value));

    /// <summary>Adds free text as an escString (label, xlabel).</summary>
    public DotAttributes Text(string name, string? text, DotWriter.Justify justify = DotWriter.Justify.Center) =>
        text is null ? this : Raw(name, DotWriter.EscString(text, justify));

    /// <summary>Adds free text as a tooltip.</summary>
    public DotAttributes Tooltip(string? text) => text is null ? this : Raw("tooltip", DotWriter.Tooltip(text));

    /// <summary>Adds an HTML-like label whose content was built with <see cref="DotWriter.Html"/>.</summary>
    public DotAttributes HtmlLabel(string name, string html) => Raw(name, "<" + html + ">");

    /// <summary>Adds a number in the invariant culture.</summary>
    public DotAttributes Number(string name, double value) => Raw(name, "\"" + DotWriter.Number(value) + "\"");

    /// <summary>Adds an already-escaped value (from <see cref="DotWriter.Url"/>).</summary>
    public DotAttributes Raw(string name, string? escaped)
    {
        if (escaped is not null)
        {
            items.Add((name, escaped));
        }

        return this;
    }

    /// <summary>Writes <see cref="Format"/>'s text to <paramref name="output"/>.</summary>
    public void WriteTo(TextWriter output)
    {
        output.Write('[');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                output.Write(", ");
            }

            output.Write(items[i].Name);
            output.Write('=');
            output.Write(items[i].Value);
        }

        output.Write(']');
    }

    public string Format()
    {
        var builder = new StringBuilder("[");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            builder.Append(items[i].Name).Append('=').Append(items[i].Value);
        }

        return builder.Append(']').ToString();
    }
}
