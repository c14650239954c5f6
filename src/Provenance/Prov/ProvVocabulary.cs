using System.Text;

namespace Provenance.Prov;

/// <summary>
/// The namespaces and names the PROV mapping uses. The URIs are stable: a document written by one version of
/// the library is read by every later one.
/// </summary>
public static class ProvVocabulary
{
    /// <summary>The namespace of the PROV vocabulary itself (prefix <c>prov</c>).</summary>
    public const string ProvNamespace = "http://www.w3.org/ns/prov#";

    /// <summary>The XML Schema datatypes namespace (prefix <c>xsd</c>).</summary>
    public const string XsdNamespace = "http://www.w3.org/2001/XMLSchema#";

    /// <summary>The namespace of Provenance's own types and attributes (prefix <c>pv</c>), e.g. <c>pv:Claim</c>, <c>pv:kind</c>.</summary>
    public const string Namespace = "https://github.com/provenance-graph/provenance/ns#";

    /// <summary>The namespace of source ids (prefix <c>source</c>): source <c>tass</c> is <c>source:tass</c>.</summary>
    public const string SourceNamespace = "https://github.com/provenance-graph/provenance/ns/source/";

    /// <summary>The namespace of report ids (prefix <c>report</c>).</summary>
    public const string ReportNamespace = "https://github.com/provenance-graph/provenance/ns/report/";

    /// <summary>The namespace of claim ids (prefix <c>claim</c>).</summary>
    public const string ClaimNamespace = "https://github.com/provenance-graph/provenance/ns/claim/";

    /// <summary>The namespace of affiliation ids (prefix <c>affiliation</c>).</summary>
    public const string AffiliationNamespace = "https://github.com/provenance-graph/provenance/ns/affiliation/";

    /// <summary>
    /// Escapes a Provenance id into the local part of a qualified name: ASCII letters, digits, <c>_</c>, <c>-</c>
    /// and <c>.</c> (not last) stay; every other character (<c>~</c>, <c>:</c>, <c>/</c>, a final <c>.</c>) becomes
    /// <c>%</c> and two upper-case hex digits per UTF-8 byte, which PROV-N and URIs accept and XML names keep apart.
    /// </summary>
    /// <param name="id">A Provenance id, e.g. <c>zh~tass</c>.</param>
    /// <returns>The local part, e.g. <c>zh%7Etass</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is <see langword="null"/>.</exception>
    public static string EscapeLocalName(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var plain = true;
        for (var i = 0; i < id.Length && plain; i++)
        {
            plain = IsPlain(id[i], i == id.Length - 1);
        }

        if (plain)
        {
            return id;
        }

        var builder = new StringBuilder(id.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (IsPlain(c, i == id.Length - 1))
            {
                builder.Append(c);
                continue;
            }

            var length = i + 1 < id.Length && char.IsSurrogatePair(c, id[i + 1])
                ? Encoding.UTF8.GetBytes(id.AsSpan(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(id.AsSpan(i, 1), bytes);
            foreach (var b in bytes[..length])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <see cref="EscapeLocalName(string)"/> into bytes (the result is ASCII): writes the local part of
    /// <paramref name="id"/> to <paramref name="destination"/>, which must hold <see cref="MaxEscapedBytesPerChar"/>
    /// bytes per character, and returns how many were written.
    /// </summary>
    internal static int EscapeLocalName(ReadOnlySpan<char> id, Span<byte> destination)
    {
        Span<byte> bytes = stackalloc byte[4];
        var n = 0;
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (IsPlain(c, i == id.Length - 1))
            {
                destination[n++] = (byte)c;
                continue;
            }

            var length = i + 1 < id.Length && char.IsSurrogatePair(c, id[i + 1])
                ? Encoding.UTF8.GetBytes(id.Slice(i++, 2), bytes)
                : Encoding.UTF8.GetBytes(id.Slice(i, 1), bytes);
            foreach (var b in bytes[..length])
            {
                destination[n++] = (byte)'%';
                destination[n++] = (byte)"0123456789ABCDEF"[b >> 4];
                destination[n++] = (byte)"0123456789ABCDEF"[b & 0xF];
            }
        }

        return n;
    }

    /// <summary>The most bytes <see cref="EscapeLocalName(ReadOnlySpan{char}, Span{byte})"/> writes per character (three UTF-8 bytes, each as <c>%XX</c>).</summary>
    internal const int MaxEscapedBytesPerChar = 9;

    /// <summary>Reverses <see cref="EscapeLocalName(string)"/>: decodes every <c>%XX</c> sequence as UTF-8.</summary>
    /// <param name="localName">The local part of a qualified name.</param>
    /// <returns>The id, or <see langword="null"/> when a <c>%</c> is not followed by two hex digits or the bytes are not UTF-8.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="localName"/> is <see langword="null"/>.</exception>
    public static string? UnescapeLocalName(string localName)
    {
        ArgumentNullException.ThrowIfNull(localName);
        if (!localName.Contains('%', StringComparison.Ordinal))
        {
            return localName;
        }

        var bytes = new List<byte>(localName.Length);
        for (var i = 0; i < localName.Length; i++)
        {
            var c = localName[i];
            if (c == '%')
            {
                if (i + 2 >= localName.Length || !char.IsAsciiHexDigit(localName[i + 1]) || !char.IsAsciiHexDigit(localName[i + 2]))
                {
                    return null;
                }

                bytes.Add(Convert.ToByte(localName.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                var pair = i + 1 < localName.Length && char.IsSurrogatePair(c, localName[i + 1]);
                bytes.AddRange(Encoding.UTF8.GetBytes(localName.Substring(i, pair ? 2 : 1)));
                if (pair)
                {
                    i++;
                }
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool IsPlain(char c, bool last) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (c == '.' && !last);
}
