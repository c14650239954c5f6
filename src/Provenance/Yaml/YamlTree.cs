using Provenance.Internal;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Provenance.Yaml;

/// <summary>The shape of a <see cref="YamlNode"/>.</summary>
internal enum YamlNodeKind
{
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>
/// A light YAML node read from YamlDotNet's event stream: just what the graph reader needs (shape, position,
/// text, whether a scalar was plain). An alias shares its anchor's node, so the expansion is never built.
/// </summary>
internal sealed class YamlNode(YamlNodeKind kind, int line, int column, string? value, bool plain)
{
    private static readonly List<YamlNode> NoItems = [];

    public YamlNodeKind Kind { get; } = kind;

    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>The scalar's text; <see langword="null"/> for a collection.</summary>
    public string? Value { get; } = value;

    /// <summary>Whether a scalar was written plain (unquoted), so that <c>null</c>, <c>~</c> and booleans resolve.</summary>
    public bool Plain { get; } = plain;

    /// <summary>A sequence's items, or a mapping's keys and values alternating.</summary>
    public List<YamlNode> Items { get; private set; } = NoItems;

    /// <summary>How many nodes this one stands for with every alias inside it expanded (saturating).</summary>
    public long Expanded { get; set; } = 1;

    /// <summary>Whether this is a plain scalar that YAML resolves to null (<c>~</c>, <c>null</c> or nothing).</summary>
    public bool IsNull => Kind == YamlNodeKind.Scalar && Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public void Add(YamlNode item)
    {
        if (ReferenceEquals(Items, NoItems))
        {
            Items = [];
        }

        Items.Add(item);
    }

    public string Describe() => Kind switch
    {
        YamlNodeKind.Sequence => "a list",
        YamlNodeKind.Mapping => "a mapping",
        _ => IsNull ? "empty" : "a string",
    };
}

/// <summary>
/// Reads one YAML file into <see cref="YamlNode"/>s from YamlDotNet's event stream, enforcing
/// <see cref="GraphLimits"/> while it streams: nesting depth (so neither the parser nor anything after it
/// recurses deeply), scalar length and alias expansion (a "billion laughs" file is stopped at the alias that
/// passes the limit, without expanding anything).
/// </summary>
internal static class YamlTreeReader
{
    private const long AliasAllowance = 10_000;

    /// <summary>Reads the file's one document; <see langword="null"/> when it is empty or a problem stopped it.</summary>
    public static YamlNode? Read(TextReader text, string file, GraphLimits limits, List<GraphDiagnostic> problems, ref Exception? cause)
    {
        var stack = new List<YamlNode>(16);
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var pendingAnchors = new List<string?>(16);
        YamlNode? root = null;
        var documents = 0;
        long spelled = 0;
        long expanded = 0;

        bool Fail(Mark at, string code, string message)
        {
            problems.Add(new GraphDiagnostic(At(file, at), code, message));
            return false;
        }

        bool Attach(YamlNode node, Mark at)
        {
            if (stack.Count == 0)
            {
                root = node;
            }
            else
            {
                stack[^1].Add(node);
            }

            var total = spelled + expanded;
            if (total > (limits.MaxAliasExpansion * spelled) + AliasAllowance)
            {
                return Fail(at, "limit", ErrorMessages.AliasExpansion(limits.MaxAliasExpansion));
            }

            return true;
        }

        var scanner = new Scanner(text, skipComments: true);
        try
        {
            var parser = new Parser(scanner);
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                switch (e)
                {
                    case Scalar s:
                    {
                        spelled++;
                        if (s.Value.Length > limits.MaxScalarLength)
                        {
                            Fail(s.Start, "limit", ErrorMessages.ScalarTooLong(limits.MaxScalarLength));
                            return null;
                        }

                        var node = new YamlNode(YamlNodeKind.Scalar, Line(s.Start), Column(s.Start), s.Value, s.Style == ScalarStyle.Plain);
                        if (!s.Anchor.IsEmpty)
                        {
                            anchors[s.Anchor.Value] = node;
                        }

                        if (!Attach(node, s.Start))
                        {
                            return null;
                        }

                        break;
                    }

                    case SequenceStart or MappingStart:
                    {
                        spelled++;
                        var start = (NodeEvent)e;
                        if (stack.Count + 1 > limits.MaxNestingDepth)
                        {
                            Fail(e.Start, "limit", ErrorMessages.TooDeep(limits.MaxNestingDepth));
                            return null;
                        }

                        var node = new YamlNode(e is SequenceStart ? YamlNodeKind.Sequence : YamlNodeKind.Mapping, Line(e.Start), Column(e.Start), null, false);
                        if (!Attach(node, e.Start))
                        {
                            return null;
                        }

                        stack.Add(node);
                        pendingAnchors.Add(start.Anchor.IsEmpty ? null : start.Anchor.Value);
                        break;
                    }

                    case SequenceEnd or MappingEnd:
                    {
                        var node = stack[^1];
                        stack.RemoveAt(stack.Count - 1);
                        var anchor = pendingAnchors[^1];
                        pendingAnchors.RemoveAt(pendingAnchors.Count - 1);
                        long size = 1;
                        foreach (var item in node.Items)
                        {
                            size = Math.Min(long.MaxValue / 2, size + item.Expanded);
                        }

                        node.Expanded = size;

                        // Registered only once complete, so an alias inside its own anchor is "unknown", never a cycle.
                        if (anchor is not null)
                        {
                            anchors[anchor] = node;
                        }

                        break;
                    }

                    case AnchorAlias alias:
                    {
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            Fail(alias.Start, "unknown-anchor", ErrorMessages.UnknownAnchor(alias.Value.Value));
                            return null;
                        }

                        expanded = Math.Min(long.MaxValue / 4, expanded + target.Expanded);
                        if (!Attach(target, alias.Start))
                        {
                            return null;
                        }

                        break;
                    }

                    case DocumentStart when ++documents > 1:
                        Fail(e.Start, "multiple-documents", ErrorMessages.MultipleDocuments);
                        return null;
                }
            }
        }
        catch (YamlException ex)
        {
            cause ??= ex;
            problems.Add(new GraphDiagnostic(At(file, ex.Start), "syntax", ErrorMessages.Syntax(ex.Message)));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // YamlDotNet 16.3 can fail on some malformed input with an internal-state exception instead of a YamlException
            // (issue 9: a '{' opened inside a block mapping). It is still a syntax error at the scanner's position.
            cause ??= ex;
            problems.Add(new GraphDiagnostic(At(file, scanner.CurrentPosition), "syntax", ErrorMessages.Syntax(ErrorMessages.ParserGaveUp)));
            return null;
        }

        return root;
    }

    public static SourceLocation At(string file, Mark mark) => new(file, Line(mark), Column(mark));

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);
}
