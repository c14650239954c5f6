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

    public YamlNodeKind Kind { get; private set; } = kind;

    public int Line { get; private set; } = line;

    public int Column { get; private set; } = column;

    /// <summary>The scalar's text; <see langword="null"/> for a collection.</summary>
    public string? Value { get; private set; } = value;

    /// <summary>Whether a scalar was written plain (unquoted), so that <c>null</c>, <c>~</c> and booleans resolve.</summary>
    public bool Plain { get; private set; } = plain;

    /// <summary>A sequence's items, or a mapping's keys and values alternating.</summary>
    public List<YamlNode> Items { get; private set; } = NoItems;

    /// <summary>How many nodes this one stands for with every alias inside it expanded (saturating).</summary>
    public long Expanded { get; set; } = 1;

    /// <summary>Whether this is a plain scalar that YAML resolves to null (<c>~</c>, <c>null</c> or nothing).</summary>
    public bool IsNull => Kind == YamlNodeKind.Scalar && Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Makes a recycled node a new one (see <see cref="YamlNodePool"/>), keeping its item list's capacity.</summary>
    public void Reset(YamlNodeKind kind, int line, int column, string? value, bool plain)
    {
        (Kind, Line, Column, Value, Plain, Expanded) = (kind, line, column, value, plain, 1);
        if (!ReferenceEquals(Items, NoItems))
        {
            // The shared empty list is never written to: loads on other threads use it too.
            Items.Clear();
        }
    }

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
/// The nodes of list items, reused from one item to the next: an item's tree is dropped once the graph reader has
/// read it, so its nodes can serve the next item. Nodes that an anchor may still reach are never reused: the pool
/// lets go of them (<see cref="Abandon"/>) and starts afresh.
/// </summary>
internal sealed class YamlNodePool
{
    private List<YamlNode> nodes = [];
    private int next;

    public YamlNode Rent(YamlNodeKind kind, int line, int column, string? value, bool plain)
    {
        if (next < nodes.Count)
        {
            var node = nodes[next++];
            node.Reset(kind, line, column, value, plain);
            return node;
        }

        var made = new YamlNode(kind, line, column, value, plain);
        nodes.Add(made);
        next++;
        return made;
    }

    /// <summary>Every node rented so far may be used again.</summary>
    public void Release() => next = 0;

    /// <summary>The nodes rented so far stay as they are (an anchor refers to one of them); later ones are new.</summary>
    public void Abandon()
    {
        nodes = [];
        next = 0;
    }
}

/// <summary>
/// Streams one YAML file from YamlDotNet's event stream into a <see cref="YamlGraphReader"/>: the root mapping and the
/// four top-level lists are never built as nodes; each list item (one affiliation, source, claim or report with its
/// assertions and chains) is built as a small <see cref="YamlNode"/> tree, handed over as soon as it is complete, and
/// its nodes serve the next item (<see cref="YamlNodePool"/>), so memory does not grow with the file. Only anchored
/// nodes outlive their item, for the aliases that may follow. <see cref="GraphLimits"/> are enforced while streaming: nesting depth (so neither the parser nor anything
/// after it recurses deeply), scalar length and alias expansion (a "billion laughs" file is stopped at the alias that
/// passes the limit, without expanding anything).
/// </summary>
internal static class YamlTreeReader
{
    private const long AliasAllowance = 10_000;

    private enum Frame
    {
        /// <summary>A node being built (inside an item or a skipped value).</summary>
        Node,

        /// <summary>The root mapping, not built: its keys and values are handed over one by one.</summary>
        Root,

        /// <summary>A top-level list, not built: its items are handed over one by one.</summary>
        Section,
    }

    /// <summary>
    /// Reads the file's one document into <paramref name="sink"/>. Syntax and limit problems go to <paramref name="problems"/>;
    /// returns <see langword="false"/> when one stopped the reading.
    /// </summary>
    public static bool Read(TextReader text, string file, GraphLimits limits, List<GraphDiagnostic> problems, ref Exception? cause, YamlGraphReader sink)
    {
        var frames = new List<(Frame Kind, YamlNode? Node, string? Anchor, int Section)>(16);
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var documents = 0;
        long spelled = 0;
        long expanded = 0;

        // In the root mapping: the section the next value belongs to (-1 for a value to skip), and whether a key comes next.
        var rootExpectsKey = true;
        var rootSection = -1;

        // Nodes of the list item being built come from the pool and go back to it once the item is read, unless an
        // anchor was set inside it (an alias later may still reach those nodes).
        var pool = new YamlNodePool();
        var inItem = false;
        var anchoredInItem = false;
        sink.Begin(file);

        bool Fail(Mark at, string code, string message)
        {
            problems.Add(new GraphDiagnostic(At(file, at), code, message));
            return false;
        }

        bool Check(Mark at) =>
            spelled + expanded <= (limits.MaxAliasExpansion * spelled) + AliasAllowance
            || Fail(at, DiagnosticCodes.Limit, ErrorMessages.AliasExpansion(limits.MaxAliasExpansion));

        // A complete node whose parent is not built: the root itself, a key or value of the root mapping, or a list item.
        void HandOver(YamlNode node)
        {
            if (frames.Count == 0)
            {
                sink.Root(node);
                return;
            }

            var (kind, _, _, section) = frames[^1];
            if (kind == Frame.Section)
            {
                sink.Item(section, node);
                if (anchoredInItem)
                {
                    pool.Abandon();
                }
                else
                {
                    pool.Release();
                }

                (inItem, anchoredInItem) = (false, false);
            }
            else if (rootExpectsKey)
            {
                rootSection = sink.TopKey(node);
                rootExpectsKey = false;
            }
            else
            {
                if (rootSection >= 0)
                {
                    sink.TopValue(rootSection, node);
                }

                rootExpectsKey = true;
            }
        }

        YamlNode Make(YamlNodeKind kind, Mark at, string? value, bool plain)
        {
            // A node directly in a top-level list starts an item.
            inItem |= frames.Count > 0 && frames[^1].Kind == Frame.Section;
            return inItem ? pool.Rent(kind, Line(at), Column(at), value, plain) : new YamlNode(kind, Line(at), Column(at), value, plain);
        }

        void Attach(YamlNode node)
        {
            if (frames.Count > 0 && frames[^1].Kind == Frame.Node)
            {
                frames[^1].Node!.Add(node);
            }
            else
            {
                HandOver(node);
            }
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
                            return Fail(s.Start, DiagnosticCodes.Limit, ErrorMessages.ScalarTooLong(limits.MaxScalarLength));
                        }

                        var node = Make(YamlNodeKind.Scalar, s.Start, s.Value, s.Style == ScalarStyle.Plain);
                        if (!s.Anchor.IsEmpty)
                        {
                            anchors[s.Anchor.Value] = node;
                            anchoredInItem |= inItem;
                        }

                        if (!Check(s.Start))
                        {
                            return false;
                        }

                        Attach(node);
                        break;
                    }

                    case SequenceStart or MappingStart:
                    {
                        spelled++;
                        var start = (NodeEvent)e;
                        if (frames.Count + 1 > limits.MaxNestingDepth)
                        {
                            return Fail(e.Start, DiagnosticCodes.Limit, ErrorMessages.TooDeep(limits.MaxNestingDepth));
                        }

                        if (!Check(e.Start))
                        {
                            return false;
                        }

                        var anchor = start.Anchor.IsEmpty ? null : start.Anchor.Value;
                        var building = frames.Count > 0 && frames[^1].Kind == Frame.Node;
                        if (!building && frames.Count == 0 && e is MappingStart)
                        {
                            // The root mapping: never built, and no alias can refer to it (it is not complete before its end).
                            frames.Add((Frame.Root, null, null, -1));
                            break;
                        }

                        if (!building && frames.Count > 0 && frames[^1].Kind == Frame.Root && !rootExpectsKey && rootSection >= 0
                            && e is SequenceStart && anchor is null)
                        {
                            frames.Add((Frame.Section, null, null, rootSection));
                            break;
                        }

                        var node = Make(e is SequenceStart ? YamlNodeKind.Sequence : YamlNodeKind.Mapping, e.Start, null, false);
                        frames.Add((Frame.Node, node, anchor, -1));
                        break;
                    }

                    case SequenceEnd or MappingEnd:
                    {
                        var (kind, node, anchor, _) = frames[^1];
                        frames.RemoveAt(frames.Count - 1);
                        if (kind == Frame.Section)
                        {
                            rootExpectsKey = true;
                            break;
                        }

                        if (kind == Frame.Root)
                        {
                            break;
                        }

                        long size = 1;
                        foreach (var item in node!.Items)
                        {
                            size = Math.Min(long.MaxValue / 2, size + item.Expanded);
                        }

                        node.Expanded = size;

                        // Registered only once complete, so an alias inside its own anchor is "unknown", never a cycle.
                        if (anchor is not null)
                        {
                            anchors[anchor] = node;
                            anchoredInItem |= inItem;
                        }

                        Attach(node);
                        break;
                    }

                    case AnchorAlias alias:
                    {
                        if (!anchors.TryGetValue(alias.Value.Value, out var target))
                        {
                            return Fail(alias.Start, DiagnosticCodes.UnknownAnchor, ErrorMessages.UnknownAnchor(alias.Value.Value));
                        }

                        expanded = Math.Min(long.MaxValue / 4, expanded + target.Expanded);
                        if (!Check(alias.Start))
                        {
                            return false;
                        }

                        Attach(target);
                        break;
                    }

                    case DocumentStart when ++documents > 1:
                        return Fail(e.Start, DiagnosticCodes.MultipleDocuments, ErrorMessages.MultipleDocuments);
                }
            }
        }
        catch (YamlException ex)
        {
            cause ??= ex;
            problems.Add(new GraphDiagnostic(At(file, ex.Start), DiagnosticCodes.Syntax, ErrorMessages.Syntax(ex.Message)));
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // YamlDotNet 16.3 can fail on some malformed input with an internal-state exception instead of a YamlException
            // (issue 9: a '{' opened inside a block mapping). It is still a syntax error at the scanner's position.
            cause ??= ex;
            problems.Add(new GraphDiagnostic(At(file, scanner.CurrentPosition), DiagnosticCodes.Syntax, ErrorMessages.Syntax(ErrorMessages.ParserGaveUp)));
            return false;
        }

        return true;
    }

    public static SourceLocation At(string file, Mark mark) => new(file, Line(mark), Column(mark));

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);
}
