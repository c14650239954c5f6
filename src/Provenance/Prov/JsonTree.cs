using System.Text;
using System.Text.Json;
using Provenance.Internal;

namespace Provenance.Prov;

/// <summary>A parsed JSON value that remembers where it was written, for error messages.</summary>
internal sealed class JsonNode
{
    private Dictionary<string, JsonNode>? byKey;

    public JsonNode(JsonTokenType kind, string? text, int offset, JsonNode? parent, string? key, int index, int keyOffset)
    {
        Kind = kind;
        Text = text;
        Offset = offset;
        Parent = parent;
        Key = key;
        Index = index;
        KeyOffset = keyOffset;
    }

    /// <summary><see cref="JsonTokenType.StartObject"/>, <see cref="JsonTokenType.StartArray"/>, or the scalar's token type.</summary>
    public JsonTokenType Kind { get; }

    /// <summary>A string's value or a number's or literal's raw text.</summary>
    public string? Text { get; }

    /// <summary>The byte offset of the value's first character.</summary>
    public int Offset { get; }

    /// <summary>The byte offset of the member name for an object member, else the value's offset.</summary>
    public int KeyOffset { get; }

    public JsonNode? Parent { get; }

    public string? Key { get; }

    public int Index { get; }

    /// <summary>An object's members in file order.</summary>
    public List<JsonNode> Members { get; } = [];

    public bool IsObject => Kind == JsonTokenType.StartObject;

    public bool IsArray => Kind == JsonTokenType.StartArray;

    public bool IsString => Kind == JsonTokenType.String;

    public JsonNode? this[string key] => byKey is not null && byKey.TryGetValue(key, out var node) ? node : null;

    /// <summary>The JSONPath of the value, e.g. <c>$.wasDerivedFrom._:id3.prov:usedEntity</c>.</summary>
    public string Path
    {
        get
        {
            var parts = new List<string>();
            for (var node = this; node.Parent is not null; node = node.Parent)
            {
                parts.Add(node.Key is { } key ? (IsSimple(key) ? "." + key : "['" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "']") : $"[{node.Index}]");
            }

            parts.Reverse();
            return "$" + string.Concat(parts);
        }
    }

    public string Describe() => Kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    /// <summary>Adds a member; false when the object already has one of that name (the first is kept).</summary>
    public bool TryAdd(JsonNode member)
    {
        byKey ??= new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        if (!byKey.TryAdd(member.Key!, member))
        {
            return false;
        }

        Members.Add(member);
        return true;
    }

    private static bool IsSimple(string key)
    {
        if (key.Length == 0)
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is '.' or '[' or ']' or '\'' or '"' or '\\' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Turns byte offsets into 1-based lines and columns (columns count characters, not bytes).</summary>
internal sealed class LineMap(byte[] data, int length, string file)
{
    private List<int>? lineStarts;

    public string File { get; } = file;

    public SourceLocation At(int offset)
    {
        var starts = Starts();
        var line = starts.BinarySearch(offset);
        line = line >= 0 ? line : ~line - 1;
        return new SourceLocation(File, line + 1, Column(starts[line], offset));
    }

    /// <summary>The position of a <see cref="JsonException"/>'s 0-based line and byte position in that line.</summary>
    public SourceLocation At(long line, long bytePositionInLine)
    {
        var starts = Starts();
        var index = (int)Math.Clamp(line, 0, starts.Count - 1);
        var offset = (int)Math.Min(starts[index] + bytePositionInLine, length);
        return new SourceLocation(File, index + 1, Column(starts[index], offset));
    }

    private int Column(int start, int offset)
    {
        var column = 1;
        for (var i = start; i < offset && i < length; i++)
        {
            // Count UTF-8 lead bytes: one per character.
            if ((data[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }

        return column;
    }

    private List<int> Starts()
    {
        if (lineStarts is null)
        {
            lineStarts = [0];
            for (var i = 0; i < length; i++)
            {
                if (data[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        return lineStarts;
    }
}

/// <summary>
/// Reads JSON into <see cref="JsonNode"/>s without recursion (an explicit stack), so a deeply nested document
/// cannot overflow the call stack; nesting beyond the limit, over-long strings and duplicate member names are
/// reported with their JSON path and position.
/// </summary>
internal static class JsonTree
{
    /// <summary>
    /// A member name given twice: a record id given twice in an element section (<c>entity</c>, <c>activity</c>,
    /// <c>agent</c>) is a duplicate id, as in the other formats; any other name a duplicate key.
    /// </summary>
    private static GraphDiagnostic Duplicate(JsonNode parent, string key, SourceLocation? at, SourceLocation? first) =>
        parent.Parent is { Parent: null } && parent.Key is "entity" or "activity" or "agent"
            ? new(at, DiagnosticCodes.DuplicateId, ErrorMessages.DuplicateId(parent.Key, key, first))
            : new(at, DiagnosticCodes.DuplicateKey, ErrorMessages.DuplicateKey(key, parent.Parent is null ? "the document" : parent.Path, first));

    public static JsonNode? Parse(byte[] data, int length, LineMap lines, GraphLimits limits, List<GraphDiagnostic> problems)
    {
        var maxDepth = limits.MaxNestingDepth;
        var options = new JsonReaderOptions
        {
            MaxDepth = maxDepth >= int.MaxValue - 1 ? int.MaxValue : maxDepth + 1,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
        };
        var reader = new Utf8JsonReader(data.AsSpan(0, length), options);
        var stack = new Stack<JsonNode>();
        JsonNode? root = null;
        string? key = null;
        var keyOffset = 0;
        try
        {
            while (reader.Read())
            {
                var offset = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        key = reader.GetString()!;
                        keyOffset = offset;
                        if (key.Length > limits.MaxScalarLength)
                        {
                            problems.Add(new(lines.At(offset), DiagnosticCodes.Limit, ErrorMessages.ScalarTooLong(limits.MaxScalarLength)));
                            return null;
                        }

                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.Pop();
                        break;
                    default:
                        var parent = stack.Count > 0 ? stack.Peek() : null;
                        var inObject = parent?.IsObject == true;
                        string? text = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString(),
                            JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => Encoding.UTF8.GetString(reader.ValueSpan),
                            _ => null,
                        };
                        var node = new JsonNode(reader.TokenType, text, offset, parent, inObject ? key : null, inObject ? -1 : parent?.Members.Count ?? -1, inObject ? keyOffset : offset);
                        if (text is not null && text.Length > limits.MaxScalarLength)
                        {
                            problems.Add(new(lines.At(offset), DiagnosticCodes.Limit, ErrorMessages.ScalarTooLong(limits.MaxScalarLength)));
                            return null;
                        }

                        if (parent is null)
                        {
                            root = node;
                        }
                        else if (inObject)
                        {
                            if (!parent.TryAdd(node))
                            {
                                problems.Add(Duplicate(parent, key!, lines.At(keyOffset), lines.At(parent[key!]!.KeyOffset)));
                            }
                        }
                        else
                        {
                            parent.Members.Add(node);
                        }

                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            if (stack.Count >= maxDepth)
                            {
                                problems.Add(new(lines.At(offset), DiagnosticCodes.Limit, ErrorMessages.TooDeep(maxDepth)));
                                return null;
                            }

                            stack.Push(node);
                        }

                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var at = lines.At(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            problems.Add(new(at, DiagnosticCodes.Syntax, ErrorMessages.NotJson(Reason(e.Message), stack.Count > 0 ? stack.Peek().Path : "$")));
            return null;
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            problems.Add(new(lines.At((int)reader.TokenStartIndex), DiagnosticCodes.Syntax, ErrorMessages.NotJson("a string is not valid UTF-8", stack.Count > 0 ? stack.Peek().Path : "$")));
            return null;
        }

        return root;
    }

    /// <summary>The parser's sentence without its position suffix (the position is in the location).</summary>
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        var reason = (cut < 0 ? message : message[..cut]).TrimEnd().TrimEnd('.');
        return reason.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
    }
}
