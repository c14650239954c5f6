using System.Collections.Immutable;
using System.Globalization;
using Provenance.Internal;
using Provenance.Storage;

namespace Provenance.Yaml;

/// <summary>
/// Turns the items of one or more files, streamed by <see cref="YamlTreeReader"/>, into builder calls, checking every
/// key, type, enumeration value and date on the way. Problems are gathered, never thrown; reference checks are the
/// builder's.
/// </summary>
/// <remarks>
/// With <c>positions</c> off the builder gets no field positions: a valid file (the common case) then costs no
/// position bookkeeping, and a caller that sees the build fail reads again with positions on to report them.
/// </remarks>
internal sealed class YamlGraphReader(CitationGraphBuilder builder, GraphLimits limits, List<GraphDiagnostic> problems, bool positions)
{
    // Per id symbol, the implicit report added under it: 0 none, -1 added without an assertion yet, else 1 + the claim
    // symbol of its first assertion; its further assertions (id and claim symbols) are in 'moreImplicitAssertions'.
    private readonly HashSet<long> moreImplicitAssertions = [];
    private int[] implicitReports = new int[1024];
    private char[] implicitId = new char[128];

    // Keys a misspelt key was taken for in the mapping just read, so their absence is not reported twice.
    private readonly HashSet<string> suggestedKeys = new(StringComparer.Ordinal);
    private readonly YamlNode?[] topKeys = new YamlNode?[YamlKeys.Graph.Length];

    // The values of the mappings being read, by key position: each mapping takes a slice above 'top' and gives it back.
    private YamlNode?[] slots = new YamlNode?[64];
    private int top;
    private int citations;
    private string file = "";

    /// <summary>Starts a file: messages name it, and its top-level keys are checked afresh.</summary>
    public void Begin(string fileName)
    {
        file = fileName;
        Array.Clear(topKeys);
    }

    /// <summary>A root that is not a mapping: nothing to read, a problem unless the file is empty.</summary>
    public void Root(YamlNode root)
    {
        if (!root.IsNull)
        {
            Problem(root, DiagnosticCodes.WrongType, ErrorMessages.RootNotMapping(root.Describe()));
        }
    }

    /// <summary>A key of the root mapping: the index of its list in <see cref="YamlKeys.Graph"/>, or -1 for a key whose value is skipped.</summary>
    public int TopKey(YamlNode key)
    {
        var where = Owner.Fixed("the graph");
        if (key.Kind != YamlNodeKind.Scalar)
        {
            Problem(key, DiagnosticCodes.WrongType, ErrorMessages.KeyNotString(where.Text));
            return -1;
        }

        var index = Array.IndexOf(YamlKeys.Graph, key.Value);
        if (index < 0)
        {
            Problem(key, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(key.Value!, where.Text, Ids.Suggest(key.Value!, YamlKeys.Graph), YamlKeys.Graph));
            return -1;
        }

        if (topKeys[index] is { } first)
        {
            Problem(key, DiagnosticCodes.DuplicateKey, ErrorMessages.DuplicateKey(key.Value!, where.Text, Loc(first)));
            return -1;
        }

        topKeys[index] = key;
        return index;
    }

    /// <summary>A whole value of a top-level key (one not streamed item by item: an alias, an anchored list or the wrong type).</summary>
    public void TopValue(int section, YamlNode value)
    {
        var field = YamlKeys.Graph[section];
        if (value.IsNull)
        {
            return;
        }

        if (value.Kind != YamlNodeKind.Sequence)
        {
            Problem(value, DiagnosticCodes.WrongType, ErrorMessages.WrongType(field, "a list", value.Describe()));
            return;
        }

        foreach (var item in value.Items)
        {
            Item(section, item);
        }
    }

    /// <summary>One item of a top-level list, complete.</summary>
    public void Item(int section, YamlNode item)
    {
        if (item.Kind != YamlNodeKind.Mapping)
        {
            Problem(item, DiagnosticCodes.WrongType, ErrorMessages.WrongItemType(YamlKeys.Graph[section], "a mapping", item.Describe()));
            return;
        }

        top = 0;
        switch (section)
        {
            case 0:
                ReadAffiliation(item);
                break;
            case 1:
                ReadSource(item);
                break;
            case 2:
                ReadClaim(item);
                break;
            default:
                ReadReport(item);
                break;
        }
    }

    private void ReadAffiliation(YamlNode node)
    {
        var where = Owner.Of("affiliation", node);
        var f = Map(node, YamlKeys.AffiliationKeys, where);
        var id = Required(node, f, 0, YamlKeys.Id, where);
        var name = Required(node, f, 1, YamlKeys.Name, where);
        var description = String(f, 2, YamlKeys.Description);
        if (id is null || name is null)
        {
            return;
        }

        builder.AddAffiliation(new Affiliation(id, name) { Description = description }, Locations(node, f, YamlKeys.AffiliationKeys));
    }

    private void ReadSource(YamlNode node)
    {
        var where = Owner.Of("source", node);
        var f = Map(node, YamlKeys.SourceKeys, where);
        var id = Required(node, f, 0, YamlKeys.Id, where);
        var name = Required(node, f, 1, YamlKeys.Name, where);
        var kind = Enum<SourceKind>(node, f, 2, YamlKeys.Kind, where, required: true);
        var aliases = Strings(f, 3, YamlKeys.Aliases);
        var country = String(f, 4, YamlKeys.Country);
        var affiliation = String(f, 5, YamlKeys.Affiliation);
        var url = String(f, 6, YamlKeys.Url);
        if (id is null || name is null)
        {
            return;
        }

        builder.AddSource(
            new Source(id, name, kind ?? SourceKind.Other) { Aliases = aliases, Country = country, Affiliation = affiliation, Url = url },
            Locations(node, f, YamlKeys.SourceKeys));
    }

    private void ReadClaim(YamlNode node)
    {
        var where = Owner.Of("claim", node);
        var f = Map(node, YamlKeys.ClaimKeys, where);
        var id = Required(node, f, 0, YamlKeys.Id, where);
        var text = Required(node, f, 1, YamlKeys.Text, where);
        var contradicts = Strings(f, 2, YamlKeys.Contradicts);
        if (id is null || text is null)
        {
            return;
        }

        builder.AddClaim(new Claim(id, text) { Contradicts = contradicts }, Locations(node, f, YamlKeys.ClaimKeys));
    }

    private void ReadReport(YamlNode node)
    {
        var where = Owner.Of("report", node);
        var f = Map(node, YamlKeys.ReportKeys, where);
        var id = Required(node, f, 0, YamlKeys.Id, where);
        var source = Required(node, f, 1, YamlKeys.Source, where);
        var citedIn = String(f, 7, YamlKeys.CitedIn);
        var kind = Enum<ReportKind>(node, f, 2, YamlKeys.Kind, where, required: citedIn is null);
        var title = String(f, 3, YamlKeys.Title);
        var published = Date(f[4]);
        var url = String(f, 5, YamlKeys.Url);
        var language = String(f, 6, YamlKeys.Language);
        if (id is null || source is null)
        {
            return;
        }

        var at = Locations(node, f, YamlKeys.ReportKeys);
        if (f[7] is { } citedInNode)
        {
            at?.Set("citedIn", Loc(citedInNode));
        }

        // Interned and pooled in the order the builder's record path uses: id, source, cited-in; title, url, language.
        var idSymbol = builder.InternId(id);
        var sourceSymbol = builder.InternId(source);
        var citedInSymbol = builder.InternId(citedIn);
        builder.AddReport(
            idSymbol, sourceSymbol, citedInSymbol, kind ?? ReportKind.Other,
            builder.AddText(title), builder.AddText(url), builder.AddText(language), published, at);

        // Chains under a malformed id would only repeat the builder's complaint about the id.
        if (!Ids.IsValid(id) && !(citedIn is not null && Ids.IsValidImplicit(id)))
        {
            return;
        }

        var list = f[8];
        if (list is null || list.IsNull)
        {
            return;
        }

        if (list.Kind != YamlNodeKind.Sequence)
        {
            Problem(list, DiagnosticCodes.WrongType, ErrorMessages.WrongType(YamlKeys.Assertions, "a list", list.Describe()));
            return;
        }

        var rootSymbol = citedIn is null ? idSymbol : citedInSymbol;
        foreach (var item in list.Items)
        {
            if (item.Kind != YamlNodeKind.Mapping)
            {
                Problem(item, DiagnosticCodes.WrongType, ErrorMessages.WrongItemType(YamlKeys.Assertions, "a mapping", item.Describe()));
                continue;
            }

            var mark = top;
            ReadAssertion(item, id, idSymbol, rootSymbol, node);
            top = mark;
        }
    }

    private void ReadAssertion(YamlNode node, string report, int reportSymbol, int root, YamlNode reportNode)
    {
        var where = Owner.AssertionOf(reportNode);
        var f = Map(node, YamlKeys.AssertionKeys, where);
        var claim = Required(node, f, 0, YamlKeys.Claim, where);
        var mode = Enum<AssertionMode>(node, f, 1, YamlKeys.Mode, where, required: false);
        var wording = String(f, 2, YamlKeys.Wording);
        var via = f[3];
        if (claim is null)
        {
            return;
        }

        if (mode is null && via is null && f[1] is null)
        {
            Problem(node, DiagnosticCodes.MissingField, ErrorMessages.MissingMode(Owner.Of("report", reportNode).Text, claim));
        }

        var claimSymbol = builder.InternId(claim);
        var (cited, failed) = via is null ? (0, false) : ReadVia(via, report, reportSymbol, root, claimSymbol, 1);

        // With no mode and no usable citation a problem is already reported; 'unattributed' keeps the builder from repeating it.
        var effective = mode ?? (cited == 0 && (failed || via is null) ? AssertionMode.Unattributed : AssertionMode.Attributed);
        var at = At(node)?.Set("report", Loc(node)).Set("claim", Loc(f[0]!)).Set("mode", Loc(f[1] ?? node));
        builder.AddAssertion(reportSymbol, claimSymbol, effective, builder.AddText(wording), at);
    }

    /// <summary>Reads a <c>via</c> list; returns how many citations it added and whether it found problems.</summary>
    private (int Cited, bool Failed) ReadVia(YamlNode via, string from, int fromSymbol, int root, int claim, int depth)
    {
        var citationsBefore = citations;
        var problemsBefore = problems.Count;
        ReadHops(via, from, fromSymbol, root, claim, depth);
        return (citations - citationsBefore, problems.Count > problemsBefore);
    }

    private void ReadHops(YamlNode via, string from, int fromSymbol, int root, int claim, int depth)
    {
        if (depth > limits.MaxNestingDepth)
        {
            Problem(via, DiagnosticCodes.Limit, ErrorMessages.ChainTooLong(limits.MaxNestingDepth));
            return;
        }

        if (via.IsNull)
        {
            return;
        }

        if (via.Kind != YamlNodeKind.Sequence)
        {
            Problem(via, DiagnosticCodes.WrongType, ErrorMessages.WrongType(YamlKeys.Via, "a list", via.Describe()));
            return;
        }

        foreach (var hop in via.Items)
        {
            if (hop.Kind != YamlNodeKind.Mapping)
            {
                Problem(hop, DiagnosticCodes.WrongType, ErrorMessages.WrongType("a citation", "a mapping", hop.Describe()));
                continue;
            }

            var mark = top;
            ReadHop(hop, from, fromSymbol, root, claim, depth);
            top = mark;
        }
    }

    private void ReadHop(YamlNode node, string from, int fromSymbol, int root, int claim, int depth)
    {
        var where = Owner.Fixed("a citation");
        var f = Map(node, YamlKeys.HopKeys, where);
        var source = String(f, 0, YamlKeys.Source);
        var report = String(f, 1, YamlKeys.Report);
        var kind = Enum<CitationKind>(node, f, 2, YamlKeys.Kind, where, required: true);
        var hedge = Enum<Hedge>(node, f, 3, YamlKeys.Hedge, where, required: false);
        var evidence = String(f, 4, YamlKeys.Evidence);
        var wording = String(f, 5, YamlKeys.Wording);
        var firstHand = Boolean(f[6], YamlKeys.FirstHand);
        var via = f[7];

        if ((source is null) == (report is null))
        {
            Problem(node, "invalid-citation", source is null ? ErrorMessages.HopNeitherSourceNorReport : ErrorMessages.HopSourceAndReport);
            return;
        }

        var at = At(node)?.Set("from", Loc(node)).Set("claim", Loc(node)).Set("kind", Loc(f[2] ?? node));
        if (report is not null)
        {
            at?.Set("to", Loc(f[1]!));
            if (via is not null)
            {
                Problem(f[7]!, DiagnosticCodes.InvalidCitation, ErrorMessages.ViaUnderReportHop(report));
            }

            if (f[6] is { } firstHandNode)
            {
                Problem(firstHandNode, DiagnosticCodes.InvalidCitation, ErrorMessages.FieldOnReportHop(YamlKeys.FirstHand, report));
            }

            if (f[5] is { } wordingNode)
            {
                Problem(wordingNode, DiagnosticCodes.InvalidCitation, ErrorMessages.FieldOnReportHop(YamlKeys.Wording, report));
            }

            builder.AddCitation(fromSymbol, builder.InternId(report), claim, kind ?? CitationKind.Citing, hedge ?? Hedge.None, builder.AddText(evidence), at);
            citations++;
            return;
        }

        var sourceAt = Loc(f[0]!);
        if (!Ids.IsValid(source))
        {
            problems.Add(new GraphDiagnostic(sourceAt, DiagnosticCodes.MalformedId, ErrorMessages.MalformedId("source", source)));
            return;
        }

        if (firstHand && via is not null)
        {
            Problem(f[6]!, DiagnosticCodes.InvalidCitation, ErrorMessages.FirstHandNotLast(source!));
        }

        var idSymbol = builder.InternId(ImplicitId(from, source!));
        if (idSymbol >= implicitReports.Length)
        {
            Array.Resize(ref implicitReports, Math.Max(implicitReports.Length * 2, idSymbol + 1));
        }

        if (implicitReports[idSymbol] == 0)
        {
            implicitReports[idSymbol] = -1;
            builder.AddReport(idSymbol, builder.InternId(source), root, ReportKind.Other, TextPool.None, TextPool.None, TextPool.None, null, At(f[0]!)?.Set("source", sourceAt));
        }

        at?.Set("to", sourceAt);
        builder.AddCitation(fromSymbol, idSymbol, claim, kind ?? CitationKind.Citing, hedge ?? Hedge.None, builder.AddText(evidence), at);
        citations++;
        var (cited, failed) = via is null ? (0, false) : ReadVia(via, Ids.Implicit(from, source!), idSymbol, root, claim, depth + 1);
        if (NewImplicitAssertion(idSymbol, claim))
        {
            // 'first-hand' beside a 'via' is reported above; the chain decides the mode so the builder does not repeat it.
            var mode = cited > 0 ? AssertionMode.Attributed
                : failed ? AssertionMode.Unknown
                : firstHand ? AssertionMode.FirstHand
                : via is not null ? AssertionMode.Attributed
                : AssertionMode.Unknown;
            var assertionAt = At(f[0]!)?.Set("mode", Loc(f[6] ?? f[0]!));
            builder.AddAssertion(idSymbol, claim, mode, builder.AddText(wording), assertionAt);
        }
    }

    /// <summary>The implicit id of <paramref name="source"/> cited by <paramref name="from"/>, in a reused buffer (a string is made only for a new id).</summary>
    private ReadOnlySpan<char> ImplicitId(string from, string source)
    {
        var length = from.Length + 1 + source.Length;
        if (implicitId.Length < length)
        {
            implicitId = new char[Math.Max(length, implicitId.Length * 2)];
        }

        from.CopyTo(implicitId);
        implicitId[from.Length] = Ids.ImplicitSeparator;
        source.CopyTo(implicitId.AsSpan(from.Length + 1));
        return implicitId.AsSpan(0, length);
    }

    /// <summary>Whether the implicit report <paramref name="report"/> has no assertion of <paramref name="claim"/> yet; records that it now has.</summary>
    private bool NewImplicitAssertion(int report, int claim)
    {
        var first = implicitReports[report];
        if (first == -1)
        {
            implicitReports[report] = claim + 1;
            return true;
        }

        return first != claim + 1 && moreImplicitAssertions.Add(((long)report << 32) | (uint)claim);
    }

    /// <summary>
    /// The mapping's values by position in <paramref name="keys"/>, in a slice of <see cref="slots"/> that the caller gives
    /// back by restoring <see cref="top"/>; unknown, duplicate and non-string keys are problems.
    /// </summary>
    private Span<YamlNode?> Map(YamlNode node, string[] keys, in Owner where)
    {
        if (slots.Length - top < keys.Length)
        {
            // Slices handed out before stay valid in the old array.
            slots = new YamlNode?[Math.Max(slots.Length * 2, top + keys.Length)];
        }

        var values = slots.AsSpan(top, keys.Length);
        values.Clear();
        top += keys.Length;
        suggestedKeys.Clear();
        var items = node.Items;
        for (var i = 0; i + 1 < items.Count; i += 2)
        {
            var key = items[i];
            if (key.Kind != YamlNodeKind.Scalar)
            {
                Problem(key, DiagnosticCodes.WrongType, ErrorMessages.KeyNotString(where.Text));
                continue;
            }

            var index = Array.IndexOf(keys, key.Value);
            if (index < 0)
            {
                Problem(key, DiagnosticCodes.UnknownField, ErrorMessages.UnknownField(key.Value!, where.Text, Suggested(key.Value!, keys), keys));
                continue;
            }

            if (values[index] is not null)
            {
                Problem(key, DiagnosticCodes.DuplicateKey, ErrorMessages.DuplicateKey(key.Value!, where.Text, Loc(FirstKey(items, key.Value!))));
                continue;
            }

            values[index] = items[i + 1];
        }

        return values;
    }

    /// <summary>The first string key of a mapping spelt <paramref name="key"/> (the one a duplicate repeats).</summary>
    private static YamlNode FirstKey(List<YamlNode> items, string key)
    {
        for (var i = 0; ; i += 2)
        {
            if (items[i].Kind == YamlNodeKind.Scalar && items[i].Value == key)
            {
                return items[i];
            }
        }
    }

    private string? Suggested(string key, string[] keys)
    {
        var suggestion = Ids.Suggest(key, keys);
        if (suggestion is not null)
        {
            suggestedKeys.Add(suggestion);
        }

        return suggestion;
    }

    private string? Required(YamlNode owner, ReadOnlySpan<YamlNode?> f, int index, string field, in Owner where)
    {
        if (f[index] is null)
        {
            if (suggestedKeys.Contains(field))
            {
                return null;
            }

            problems.Add(new GraphDiagnostic(Loc(owner), DiagnosticCodes.MissingField, ErrorMessages.MissingField(where.Text, field)));
            return null;
        }

        // An empty value is kept as "" so the builder names the element and field ("has an empty 'name'").
        return f[index]!.IsNull ? "" : String(f, index, field);
    }

    private string? String(ReadOnlySpan<YamlNode?> f, int index, string field)
    {
        var node = f[index];
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind != YamlNodeKind.Scalar)
        {
            Problem(node, DiagnosticCodes.WrongType, ErrorMessages.WrongType(field, "a string", node.Describe()));
            return null;
        }

        return node.Value;
    }

    private ImmutableArray<string> Strings(ReadOnlySpan<YamlNode?> f, int index, string field)
    {
        var node = f[index];
        if (node is null || node.IsNull)
        {
            return [];
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            Problem(node, DiagnosticCodes.WrongType, ErrorMessages.WrongType(field, "a list", node.Describe()));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>(node.Items.Count);
        foreach (var item in node.Items)
        {
            if (item.Kind != YamlNodeKind.Scalar || item.IsNull)
            {
                Problem(item, DiagnosticCodes.WrongType, ErrorMessages.WrongItemType(field, "a string", item.Describe()));
                continue;
            }

            result.Add(item.Value!);
        }

        return result.DrainToImmutable();
    }

    private TEnum? Enum<TEnum>(YamlNode owner, ReadOnlySpan<YamlNode?> f, int index, string field, in Owner where, bool required)
        where TEnum : struct, Enum
    {
        var node = f[index];
        if (node is null)
        {
            if (required && !suggestedKeys.Contains(field))
            {
                problems.Add(new GraphDiagnostic(Loc(owner), DiagnosticCodes.MissingField, ErrorMessages.MissingField(where.Text, field)));
            }

            return null;
        }

        var text = String(f, index, field);
        if (text is null)
        {
            if (node.IsNull)
            {
                Problem(node, DiagnosticCodes.MissingField, ErrorMessages.MissingField(where.Text, field));
            }

            return null;
        }

        if (ProvenanceNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        var valid = ProvenanceNames.All<TEnum>();
        Problem(node, DiagnosticCodes.UnknownEnum, ErrorMessages.UnknownEnumValue(ErrorMessages.EnumNoun<TEnum>(), text, Ids.Suggest(text, valid), valid));
        return null;
    }

    private bool Boolean(YamlNode? node, string field)
    {
        if (node is null)
        {
            return false;
        }

        if (node is { Kind: YamlNodeKind.Scalar, Plain: true })
        {
            switch (node.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        Problem(node, "wrong-type", node.Kind == YamlNodeKind.Scalar
            ? ErrorMessages.NotBoolean(field, node.Value!)
            : ErrorMessages.WrongType(field, "true or false", node.Describe()));
        return false;
    }

    private DateTimeOffset? Date(YamlNode? node)
    {
        if (node is null || node.IsNull)
        {
            return null;
        }

        if (node.Kind != YamlNodeKind.Scalar)
        {
            Problem(node, DiagnosticCodes.WrongType, ErrorMessages.WrongType(YamlKeys.Published, "a date and time", node.Describe()));
            return null;
        }

        if (IsoDate.TryParse(node.Value!, out var value, out var error))
        {
            return value;
        }

        Problem(node, DiagnosticCodes.InvalidDate, error);
        return null;
    }

    private FieldLocations? At(YamlNode node) => positions ? new FieldLocations(Loc(node)) : null;

    private FieldLocations? Locations(YamlNode node, ReadOnlySpan<YamlNode?> f, string[] keys)
    {
        if (!positions)
        {
            return null;
        }

        var at = new FieldLocations(Loc(node));
        for (var i = 0; i < keys.Length; i++)
        {
            if (f[i] is { } value)
            {
                at.Set(keys[i], Loc(value));
            }
        }

        return at;
    }

    private void Problem(YamlNode node, string code, string message) => problems.Add(new GraphDiagnostic(Loc(node), code, message));

    private SourceLocation Loc(YamlNode node) => new(file, node.Line, node.Column);

    /// <summary>
    /// What messages call the mapping being read ("report 'r1'", "an assertion of a report", "a citation"): made only
    /// when a message is actually reported, from the mapping's <c>id</c>.
    /// </summary>
    private readonly struct Owner
    {
        private readonly string? text;
        private readonly string what;
        private readonly YamlNode? node;
        private readonly bool assertion;

        private Owner(string? text, string what, YamlNode? node, bool assertion) =>
            (this.text, this.what, this.node, this.assertion) = (text, what, node, assertion);

        public string Text => text ?? (assertion ? $"an assertion of {Element(what, node!)}" : Element(what, node!));

        /// <summary>A name that does not depend on the mapping.</summary>
        public static Owner Fixed(string text) => new(text, "", null, false);

        /// <summary>An element named by its kind and the <c>id</c> of <paramref name="node"/>.</summary>
        public static Owner Of(string what, YamlNode node) => new(null, what, node, false);

        /// <summary>An assertion of the report mapping <paramref name="report"/>.</summary>
        public static Owner AssertionOf(YamlNode report) => new(null, "report", report, true);

        private static string Element(string what, YamlNode node)
        {
            var items = node.Items;
            for (var i = 0; i + 1 < items.Count; i += 2)
            {
                if (items[i].Value == YamlKeys.Id && items[i + 1] is { Kind: YamlNodeKind.Scalar, IsNull: false, Value: { Length: > 0 } id })
                {
                    return ErrorMessages.Element(what, id);
                }
            }

            return ErrorMessages.Element(what, null);
        }
    }
}
