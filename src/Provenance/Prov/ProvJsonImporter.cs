using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Provenance.Internal;

namespace Provenance.Prov;

/// <summary>
/// Reads a PROV-JSON document into a citation graph: first the JSON (positions kept), then the PROV structure
/// (record shapes, prefixes, references, times: problems are errors), then the mapping (what has no counterpart is
/// listed as unmapped, never dropped silently).
/// </summary>
internal sealed class ProvJsonImporter
{
    private const string Prov = ProvVocabulary.ProvNamespace;
    private const string Pv = ProvVocabulary.Namespace;
    private const string QualifiedNameType = Prov + "QUALIFIED_NAME";

    private static readonly string[] ElementTypes = ["entity", "activity", "agent"];

    /// <summary>Every PROV-JSON relation and the formal attributes that name another record.</summary>
    private static readonly Dictionary<string, string[]> RelationReferences = new(StringComparer.Ordinal)
    {
        ["wasGeneratedBy"] = ["prov:entity", "prov:activity"],
        ["used"] = ["prov:activity", "prov:entity"],
        ["wasInformedBy"] = ["prov:informed", "prov:informant"],
        ["wasStartedBy"] = ["prov:activity", "prov:trigger", "prov:starter"],
        ["wasEndedBy"] = ["prov:activity", "prov:trigger", "prov:ender"],
        ["wasInvalidatedBy"] = ["prov:entity", "prov:activity"],
        ["wasDerivedFrom"] = ["prov:generatedEntity", "prov:usedEntity", "prov:activity", "prov:generation", "prov:usage"],
        ["wasAttributedTo"] = ["prov:entity", "prov:agent"],
        ["wasAssociatedWith"] = ["prov:activity", "prov:agent", "prov:plan"],
        ["actedOnBehalfOf"] = ["prov:delegate", "prov:responsible", "prov:activity"],
        ["wasInfluencedBy"] = ["prov:influencee", "prov:influencer"],
        ["specializationOf"] = ["prov:specificEntity", "prov:generalEntity"],
        ["alternateOf"] = ["prov:alternate1", "prov:alternate2"],
        ["hadMember"] = ["prov:collection", "prov:entity"],
        ["mentionOf"] = ["prov:specificEntity", "prov:generalEntity", "prov:bundle"],
    };

    /// <summary>The first formal attribute of each relation we map is required.</summary>
    private static readonly Dictionary<string, string[]> Required = new(StringComparer.Ordinal)
    {
        ["wasGeneratedBy"] = ["prov:entity"],
        ["wasDerivedFrom"] = ["prov:generatedEntity", "prov:usedEntity"],
        ["wasAttributedTo"] = ["prov:entity", "prov:agent"],
        ["actedOnBehalfOf"] = ["prov:delegate", "prov:responsible"],
        ["wasInfluencedBy"] = ["prov:influencee", "prov:influencer"],
    };

    private static readonly string[] TimeAttributes = ["prov:time", "prov:startTime", "prov:endTime"];

    /// <summary>The records whose formal attributes include a time; elsewhere prov:time is an ordinary attribute.</summary>
    private static readonly string[] TimedRecords = ["activity", "wasGeneratedBy", "used", "wasInvalidatedBy", "wasStartedBy", "wasEndedBy"];

    private readonly LineMap lines;
    private readonly GraphBuildOptions options;
    private readonly List<GraphDiagnostic> problems = [];
    private readonly List<(int Offset, UnmappedRecord Record)> unmapped = [];
    private readonly Dictionary<string, string> prefixes = new(StringComparer.Ordinal)
    {
        ["prov"] = Prov,
        ["xsd"] = ProvVocabulary.XsdNamespace,
    };

    private string? defaultNamespace;

    private ProvJsonImporter(LineMap lines, GraphBuildOptions options)
    {
        this.lines = lines;
        this.options = options;
    }

    public static ProvImportResult Import(byte[] data, int length, string file, GraphBuildOptions options)
    {
        // A UTF-8 byte-order mark is allowed and skipped.
        var start = length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
        if (start > 0)
        {
            Array.Copy(data, 3, data, 0, length - 3);
            length -= 3;
        }

        var lines = new LineMap(data, length, file);
        var importer = new ProvJsonImporter(lines, options);
        var root = JsonTree.Parse(data, length, lines, options.Limits, importer.problems);
        if (root is null || importer.problems.Count > 0)
        {
            throw Fail(importer.problems);
        }

        return importer.Map(root);
    }

    /// <summary>The most problems listed; a hostile file could otherwise make millions of them.</summary>
    private const int MaxProblems = 100;

    private static GraphValidationException Fail(List<GraphDiagnostic> problems)
    {
        var sorted = problems
            .Select((d, i) => (d, i))
            .OrderBy(p => p.d.Location?.Line)
            .ThenBy(p => p.d.Location?.Column)
            .ThenBy(p => p.i)
            .Select(p => p.d)
            .Take(MaxProblems)
            .ToList();
        if (problems.Count > MaxProblems)
        {
            sorted.Add(new GraphDiagnostic(null, "limit", $"more than {MaxProblems} problems; only the first {MaxProblems} are listed."));
        }

        return new GraphValidationException(sorted);
    }

    private void Problem(int offset, string code, string message)
    {
        if (problems.Count <= MaxProblems)
        {
            problems.Add(new(lines.At(offset), code, message));
        }
    }

    private string? Suggest(string name, List<Record> records) =>
        problems.Count >= MaxProblems ? null : Ids.Suggest(name, records.Where(x => x.Expanded is not null).Select(x => x.Written));

    private void Unmapped(Record record, string reason) =>
        unmapped.Add((record.Node.KeyOffset, new UnmappedRecord(record.Type, record.Written, null, reason, lines.At(record.Node.KeyOffset))));

    private void Unmapped(Record record, Attr attribute, string reason) =>
        unmapped.Add((attribute.Node.KeyOffset, new UnmappedRecord(record.Type, record.Written, attribute.Written, reason, lines.At(attribute.Node.KeyOffset))));

    private ProvImportResult Map(JsonNode root)
    {
        if (!root.IsObject)
        {
            Problem(root.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType("$", "an object (a PROV-JSON document)", root.Describe()));
            throw Fail(problems);
        }

        if (root["prefix"] is { } prefixNode)
        {
            ReadPrefixes(prefixNode);
        }

        var records = new List<Record>();
        foreach (var section in root.Members)
        {
            var key = section.Key!;
            if (key == "prefix")
            {
                continue;
            }

            if (key == "bundle")
            {
                if (!section.IsObject)
                {
                    Problem(section.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(section.Path, "an object of bundles", section.Describe()));
                    continue;
                }

                foreach (var bundle in section.Members)
                {
                    unmapped.Add((bundle.KeyOffset, new UnmappedRecord("bundle", bundle.Key!, null, "bundles have no counterpart in a citation graph; only the document's top level is read.", lines.At(bundle.KeyOffset))));
                }

                continue;
            }

            var isElement = ElementTypes.Contains(key);
            if (!isElement && !RelationReferences.ContainsKey(key))
            {
                Problem(section.KeyOffset, DiagnosticCodes.UnknownType, ErrorMessages.UnknownRecordType(key, Ids.Suggest(key, [.. ElementTypes, .. RelationReferences.Keys, "prefix", "bundle"]), ErrorMessages.ProvRecordTypes));
                continue;
            }

            if (!section.IsObject)
            {
                Problem(section.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(section.Path, $"an object of {key} records", section.Describe()));
                continue;
            }

            foreach (var entry in section.Members)
            {
                if (entry.IsArray)
                {
                    // The prov library writes several records that share an id (or blank id) as an array.
                    foreach (var item in entry.Members)
                    {
                        ReadRecord(key, entry.Key!, item, isElement, records);
                    }
                }
                else
                {
                    ReadRecord(key, entry.Key!, entry, isElement, records);
                }
            }
        }

        CheckReferences(records);
        if (problems.Count > 0)
        {
            throw Fail(problems);
        }

        return new Mapper(this, records).Run();
    }

    private void ReadPrefixes(JsonNode node)
    {
        if (!node.IsObject)
        {
            Problem(node.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(node.Path, "an object of prefix: namespace URI pairs", node.Describe()));
            return;
        }

        foreach (var member in node.Members)
        {
            if (!member.IsString || string.IsNullOrWhiteSpace(member.Text))
            {
                Problem(member.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(member.Path, "a namespace URI string", member.Describe()));
            }
            else if (member.Key == "default")
            {
                defaultNamespace = member.Text;
            }
            else
            {
                prefixes[member.Key!] = member.Text;
            }
        }
    }

    private void ReadRecord(string type, string id, JsonNode node, bool isElement, List<Record> records)
    {
        if (!node.IsObject)
        {
            Problem(node.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(node.Path, $"an object (the attributes of {type} '{id}')", node.Describe()));
            return;
        }

        var blank = id.StartsWith("_:", StringComparison.Ordinal);
        string? expanded = null;
        if (isElement && blank)
        {
            Problem(node.KeyOffset, DiagnosticCodes.Structure, ErrorMessages.BlankElementId(node.Path, id));
            return;
        }

        if (!blank)
        {
            expanded = Resolve(id, node, node.KeyOffset);
            if (expanded is null)
            {
                return;
            }
        }

        var record = new Record(type, id, expanded, node, isElement);
        var references = isElement ? [] : RelationReferences[type];
        var timed = TimedRecords.Contains(type);
        foreach (var member in node.Members)
        {
            var name = member.Key!;
            var isTime = timed && TimeAttributes.Contains(name);
            if (references.Contains(name) || isTime)
            {
                var value = member.IsArray && member.Members.Count == 1 ? member.Members[0] : member;
                if (!value.IsString)
                {
                    Problem(value.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(value.Path, isTime ? "an xsd:dateTime string" : "a qualified name string", value.Describe()));
                    continue;
                }

                if (isTime)
                {
                    if (ParseTime(value.Text!, out var error) is { } time)
                    {
                        record.Time = (time, member);
                    }
                    else
                    {
                        Problem(value.Offset, DiagnosticCodes.InvalidDate, error);
                    }
                }
                else if (Resolve(value.Text!, value, value.Offset) is { } target)
                {
                    record.Formal[name] = new Attr(name, name, [new Value(value.Text!, QualifiedNameType, target, value)], member);
                }

                continue;
            }

            var attributeName = Resolve(name, member, member.KeyOffset);
            if (attributeName is null)
            {
                continue;
            }

            var values = new List<Value>();
            foreach (var item in member.IsArray ? member.Members : [member])
            {
                if (ReadValue(item) is { } v)
                {
                    values.Add(v);
                }
            }

            record.Attributes.Add(new Attr(attributeName, name, values, member));
        }

        if (!isElement && Required.TryGetValue(type, out var required))
        {
            foreach (var name in required)
            {
                if (!record.Formal.ContainsKey(name) && node[name] is null)
                {
                    Problem(node.KeyOffset, DiagnosticCodes.Structure, ErrorMessages.MissingFormal(node.Path, name));
                }
            }
        }

        records.Add(record);
    }

    private Value? ReadValue(JsonNode item)
    {
        switch (item.Kind)
        {
            case JsonTokenType.String:
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new Value(item.Text!, item.IsString ? null : item.Kind == JsonTokenType.Number ? "number" : "boolean", null, item);
            case JsonTokenType.StartObject:
                var text = item["$"];
                if (text is null || text.IsObject || text.IsArray || text.Kind == JsonTokenType.Null)
                {
                    Problem(item.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(item.Path + (text is null ? "" : ".$"), "a typed value {\"$\": ..., \"type\": ...}", text is null ? "an object without \"$\"" : text.Describe()));
                    return null;
                }

                foreach (var m in item.Members)
                {
                    if (m.Key is not ("$" or "type" or "lang"))
                    {
                        Problem(m.KeyOffset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(m.Path, "only \"$\", \"type\" and \"lang\" in a typed value", $"'{m.Key}'"));
                    }
                }

                string? datatype = null;
                if (item["type"] is { } typeNode)
                {
                    if (!typeNode.IsString)
                    {
                        Problem(typeNode.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(typeNode.Path, "a qualified name string", typeNode.Describe()));
                        return null;
                    }

                    datatype = Resolve(typeNode.Text!, typeNode, typeNode.Offset);
                    if (datatype is null)
                    {
                        return null;
                    }
                }

                string? target = null;
                if (datatype is QualifiedNameType or ProvVocabulary.XsdNamespace + "QName")
                {
                    target = Resolve(text.Text!, text, text.Offset);
                    if (target is null)
                    {
                        return null;
                    }
                }
                else if (datatype == ProvVocabulary.XsdNamespace + "dateTime" && ParseTime(text.Text!, out var timeError) is null)
                {
                    Problem(text.Offset, DiagnosticCodes.InvalidDate, timeError);
                    return null;
                }

                return new Value(text.Text!, datatype, target, item);
            default:
                Problem(item.Offset, DiagnosticCodes.Structure, ErrorMessages.ProvWrongType(item.Path, "a string, number, boolean or typed value", item.Describe()));
                return null;
        }
    }

    /// <summary>Expands a qualified name to namespace URI + local part; reports an undeclared prefix.</summary>
    private string? Resolve(string name, JsonNode node, int offset)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            if (defaultNamespace is null)
            {
                Problem(offset, DiagnosticCodes.UnknownPrefix, ErrorMessages.NoPrefix(node.Path, name));
                return null;
            }

            return defaultNamespace + name;
        }

        var prefix = name[..colon];
        if (!prefixes.TryGetValue(prefix, out var uri))
        {
            Problem(offset, DiagnosticCodes.UnknownPrefix, ErrorMessages.UnknownPrefix(node.Path, name, prefix));
            return null;
        }

        return uri + name[(colon + 1)..];
    }

    /// <summary>
    /// Parses a time with the library's one date parser (<see cref="IsoDate"/>). An xsd:dateTime may lack an offset: such a
    /// time is accepted here with an offset of zero and <c>HasOffset</c> false, and the mapping then lists what needs one
    /// (a publication time) as unmapped instead of guessing it.
    /// </summary>
    internal static (DateTimeOffset Time, bool HasOffset)? ParseTime(string text, out string error)
    {
        var problem = IsoDate.Parse(text, out var time, out var reason);
        if (problem == DateProblem.NoOffset && text.Length > 10 && IsoDate.Parse(text + "Z", out var utc, out _) == DateProblem.None)
        {
            error = "";
            return (utc, false);
        }

        error = IsoDate.Message(text, problem, reason);
        return problem == DateProblem.None ? (time, true) : null;
    }

    private void CheckReferences(List<Record> records)
    {
        var declared = new Dictionary<string, Record>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.Expanded is not null)
            {
                declared.TryAdd(r.Expanded, r);
            }
        }

        foreach (var r in records.Where(r => !r.IsElement))
        {
            foreach (var (_, formal) in r.Formal)
            {
                var value = formal.Values[0];
                if (!declared.ContainsKey(value.Target!))
                {
                    Problem(value.Node.Offset, DiagnosticCodes.UnknownReference, ErrorMessages.UnknownReference(ErrorMessages.ProvElement, value.Text, Suggest(value.Text, records)));
                }
            }
        }

        foreach (var r in records)
        {
            foreach (var a in r.Attributes)
            {
                foreach (var v in a.Values)
                {
                    if (v.Target is not null && a.Name.StartsWith(Pv, StringComparison.Ordinal) && !declared.ContainsKey(v.Target))
                    {
                        Problem(v.Node.Offset, DiagnosticCodes.UnknownReference, ErrorMessages.UnknownReference(ErrorMessages.ProvElement, v.Text, Suggest(v.Text, records)));
                    }
                }
            }
        }
    }

    /// <summary>One attribute value: its text, its datatype URI (null for a plain string), and for a qualified name its expansion.</summary>
    private sealed record Value(string Text, string? Type, string? Target, JsonNode Node);

    /// <summary>One attribute: its expanded name, the name as written, its values, and the member that holds it.</summary>
    private sealed record Attr(string Name, string Written, List<Value> Values, JsonNode Node);

    private sealed class Record(string type, string written, string? expanded, JsonNode node, bool isElement)
    {
        public string Type { get; } = type;

        public string Written { get; } = written;

        public string? Expanded { get; } = expanded;

        public JsonNode Node { get; } = node;

        public bool IsElement { get; } = isElement;

        public Dictionary<string, Attr> Formal { get; } = new(StringComparer.Ordinal);

        public List<Attr> Attributes { get; } = [];

        public ((DateTimeOffset Time, bool HasOffset) Value, JsonNode Node)? Time { get; set; }

        public SourceLocation? At(LineMap lines) => lines.At(Node.KeyOffset);

        public Attr? Attribute(string name) => Attributes.Find(a => a.Name == name);

        public bool HasType(string typeUri) =>
            Attribute(Prov + "type") is { } t && t.Values.Any(v => v.Target == typeUri);
    }

    /// <summary>The mapping from PROV records to the model (see the README's "W3C PROV" section).</summary>
    private sealed class Mapper(ProvJsonImporter owner, List<Record> records)
    {
        private readonly Dictionary<string, (string Id, Affiliation Value, Record Record)> affiliations = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Id, Source Value, Record Record)> sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Id, Claim Value, Record Record)> claims = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ReportDraft> reports = new(StringComparer.Ordinal);
        private readonly HashSet<string> takenIds = new(StringComparer.Ordinal);

        public ProvImportResult Run()
        {
            var elements = new Dictionary<string, Record>(StringComparer.Ordinal);
            foreach (var r in records.Where(r => r.IsElement))
            {
                if (!elements.TryAdd(r.Expanded!, r))
                {
                    var first = elements[r.Expanded!];
                    owner.Unmapped(r, first.Type == r.Type
                        ? $"a second description of {r.Type} '{r.Written}'; only the first is read."
                        : $"'{r.Written}' is also declared as {Article(first.Type)} {first.Type}; a citation graph keeps one kind per id.");
                    continue;
                }

                switch (r.Type)
                {
                    case "activity":
                        owner.Unmapped(r, "activities have no counterpart in a citation graph.");
                        break;
                    case "agent" when r.HasType(Pv + "Affiliation"):
                        MapAffiliation(r);
                        break;
                    case "agent":
                        MapSource(r);
                        break;
                    case "entity" when r.HasType(Pv + "Claim"):
                        MapClaim(r);
                        break;
                    default:
                        MapReport(r);
                        break;
                }
            }

            foreach (var (key, claim) in claims.ToList())
            {
                var contradicts = Numbered(claim.Record, Pv + "contradicts_", v => v.Target is { } t && claims.TryGetValue(t, out var other) ? other.Id : null);
                claims[key] = claim with { Value = claim.Value with { Contradicts = contradicts } };
            }

            var relations = records.Where(r => !r.IsElement).ToList();
            foreach (var r in relations.Where(r => r.Type == "actedOnBehalfOf"))
            {
                MapDelegation(r);
            }

            foreach (var r in relations.Where(r => r.Type == "wasAttributedTo"))
            {
                MapAttribution(r);
            }

            foreach (var draft in reports.Values.ToList())
            {
                if (draft.Source is null)
                {
                    owner.Unmapped(draft.Record, "no wasAttributedTo names the source that published it; a report needs one.");
                    reports.Remove(draft.Record.Expanded!);
                }
            }

            // An implicit report's citedIn must name a mapped report; repeat until stable, as one removal can orphan another.
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var draft in reports.Values.ToList())
                {
                    if (draft.CitedIn is { } citedIn && !reports.ContainsKey(citedIn.Value.Target!))
                    {
                        owner.Unmapped(draft.Record, $"pv:citedIn names '{citedIn.Value.Text}', which is not a mapped report.");
                        reports.Remove(draft.Record.Expanded!);
                        changed = true;
                    }
                }
            }

            foreach (var r in relations.Where(r => r.Type == "wasGeneratedBy"))
            {
                MapGeneration(r);
            }

            var assertions = new List<(Assertion, Record)>();
            foreach (var r in relations.Where(r => r.Type == "wasInfluencedBy"))
            {
                if (MapAssertion(r) is { } a)
                {
                    assertions.Add((a, r));
                }
            }

            var citations = new List<(Citation, Record)>();
            foreach (var r in relations.Where(r => r.Type == "wasDerivedFrom"))
            {
                if (MapCitation(r) is { } c)
                {
                    citations.Add((c, r));
                }
            }

            foreach (var r in relations.Where(r => r.Type is not ("actedOnBehalfOf" or "wasAttributedTo" or "wasGeneratedBy" or "wasInfluencedBy" or "wasDerivedFrom")))
            {
                owner.Unmapped(r, $"{r.Type} relations have no counterpart in a citation graph.");
            }

            if (owner.problems.Count > 0)
            {
                throw Fail(owner.problems);
            }

            var builder = new CitationGraphBuilder(owner.options);
            foreach (var (_, value, record) in affiliations.Values.OrderBy(v => v.Record.Node.KeyOffset))
            {
                builder.AddAffiliation(value, record.At(owner.lines));
            }

            foreach (var (_, value, record) in sources.Values.OrderBy(v => v.Record.Node.KeyOffset))
            {
                builder.AddSource(value, record.At(owner.lines));
            }

            foreach (var (_, value, record) in claims.Values.OrderBy(v => v.Record.Node.KeyOffset))
            {
                builder.AddClaim(value, record.At(owner.lines));
            }

            foreach (var draft in reports.Values.OrderBy(v => v.Record.Node.KeyOffset))
            {
                builder.AddReport(draft.Build(reports), draft.Record.At(owner.lines));
            }

            foreach (var (a, record) in assertions)
            {
                builder.AddAssertion(a, record.At(owner.lines));
            }

            foreach (var (c, record) in citations)
            {
                builder.AddCitation(c, record.At(owner.lines));
            }

            var graph = builder.Build();
            return new ProvImportResult(graph, [.. owner.unmapped.OrderBy(u => u.Offset).Select(u => u.Record)]);
        }

        private static string Article(string type) => type == "activity" || type == "agent" || type == "entity" ? "an" : "a";

        /// <summary>The model id of an element: its local part, unescaped, if it is a valid id not yet taken by the same kind.</summary>
        private string? ModelId(Record r, string kind, string namespaceUri, bool implicitAllowed = false)
        {
            var expanded = r.Expanded!;
            var local = expanded.StartsWith(namespaceUri, StringComparison.Ordinal)
                ? expanded[namespaceUri.Length..]
                : r.Written[(r.Written.IndexOf(':', StringComparison.Ordinal) + 1)..];
            var id = ProvVocabulary.UnescapeLocalName(local);
            if (id is null || !(Ids.IsValid(id) || (implicitAllowed && Ids.IsValidImplicit(id))))
            {
                owner.Unmapped(r, ErrorMessages.MalformedId(kind, id ?? local));
                return null;
            }

            if (!takenIds.Add(kind + " " + id))
            {
                owner.Unmapped(r, $"another {kind} already has the id '{id}'.");
                return null;
            }

            return id;
        }

        private string? Text(Record r, Attr? a)
        {
            if (a is null)
            {
                return null;
            }

            if (a.Values.Count != 1 || (a.Values[0].Type is not null && a.Values[0].Type != ProvVocabulary.XsdNamespace + "string" && a.Values[0].Type != ProvVocabulary.XsdNamespace + "anyURI"))
            {
                owner.Unmapped(r, a, "expected one string value.");
                return null;
            }

            return a.Values[0].Text;
        }

        private TEnum? Enum<TEnum>(Record r, Attr? a)
            where TEnum : struct, System.Enum
        {
            if (Text(r, a) is not { } text)
            {
                return null;
            }

            if (ProvenanceNames.TryParse<TEnum>(text, out var value))
            {
                return value;
            }

            var valid = ProvenanceNames.All<TEnum>();
            owner.Problem(a!.Values[0].Node.Offset, DiagnosticCodes.UnknownEnum, ErrorMessages.UnknownEnumValue(ErrorMessages.EnumNoun<TEnum>(), text, Ids.Suggest(text, valid), valid));
            return null;
        }

        /// <summary>Lists every attribute of <paramref name="r"/> that <paramref name="known"/> does not cover as unmapped.</summary>
        private void Leftovers(Record r, Func<Attr, bool> known)
        {
            foreach (var a in r.Attributes)
            {
                if (!known(a))
                {
                    owner.Unmapped(r, a, "this attribute has no counterpart in the model.");
                }
            }
        }

        private void CheckTypes(Record r, params string[] known)
        {
            if (r.Attribute(Prov + "type") is not { } types)
            {
                return;
            }

            foreach (var v in types.Values)
            {
                if (v.Target is null || !known.Contains(v.Target))
                {
                    owner.Unmapped(r, types, $"the type '{v.Text}' has no counterpart in the model.");
                }
            }
        }

        private void MapAffiliation(Record r)
        {
            if (ModelId(r, "affiliation", ProvVocabulary.AffiliationNamespace) is not { } id)
            {
                return;
            }

            var value = new Affiliation(id, Text(r, r.Attribute(Prov + "label")) ?? id) { Description = Text(r, r.Attribute(Pv + "description")) };
            CheckTypes(r, Pv + "Affiliation", Prov + "Organization");
            Leftovers(r, a => a.Name is Prov + "label" or Prov + "type" or Pv + "description");
            affiliations[r.Expanded!] = (id, value, r);
        }

        private void MapSource(Record r)
        {
            if (ModelId(r, "source", ProvVocabulary.SourceNamespace) is not { } id)
            {
                return;
            }

            var kind = Enum<SourceKind>(r, r.Attribute(Pv + "kind"))
                ?? (r.HasType(Prov + "Person") ? SourceKind.Person : SourceKind.Other);
            var aliases = Numbered(r, Pv + "alias_", v => v.Type is null ? v.Text : null);
            CheckTypes(r, Prov + "Organization", Prov + "Person", Prov + "SoftwareAgent");
            var value = new Source(id, Text(r, r.Attribute(Prov + "label")) ?? id, kind)
            {
                Aliases = aliases,
                Country = Text(r, r.Attribute(Pv + "country")),
                Url = Text(r, r.Attribute(Pv + "url")),
            };
            Leftovers(r, a => a.Name is Prov + "label" or Prov + "type" or Pv + "kind" or Pv + "country" or Pv + "url" || IsNumbered(a.Name, Pv + "alias_"));
            sources[r.Expanded!] = (id, value, r);
        }

        private void MapClaim(Record r)
        {
            if (ModelId(r, "claim", ProvVocabulary.ClaimNamespace) is not { } id)
            {
                return;
            }

            if (Text(r, r.Attribute(Pv + "text") ?? r.Attribute(Prov + "label")) is not { } text)
            {
                owner.Unmapped(r, "a claim needs its text in pv:text (or prov:label).");
                return;
            }

            claims[r.Expanded!] = (id, new Claim(id, text), r);
            CheckTypes(r, Pv + "Claim");
            Leftovers(r, a => a.Name is Prov + "type" or Pv + "text" || (a.Name == Prov + "label" && r.Attribute(Pv + "text") is null) || IsNumbered(a.Name, Pv + "contradicts_"));
        }

        private void MapReport(Record r)
        {
            // Only a report cited inside another (one qualified name in pv:citedIn) may have an implicit id: with a
            // pv:citedIn that names no report the id must be an ordinary one, or the record is listed as malformed.
            var citedIn = r.Attribute(Pv + "citedIn");
            var citedInValid = citedIn is not null && citedIn.Values.Count == 1 && citedIn.Values[0].Target is not null;
            if (ModelId(r, "report", ProvVocabulary.ReportNamespace, implicitAllowed: citedInValid) is not { } id)
            {
                return;
            }

            var draft = new ReportDraft(id, r)
            {
                Kind = Enum<ReportKind>(r, r.Attribute(Pv + "kind")) ?? ReportKind.Other,
                Title = Text(r, r.Attribute(Prov + "label")),
                Url = Text(r, r.Attribute(Pv + "url")),
                Language = Text(r, r.Attribute(Pv + "language")),
            };
            if (citedIn is not null)
            {
                if (citedInValid)
                {
                    draft.CitedIn = (citedIn.Values[0], citedIn);
                }
                else
                {
                    owner.Unmapped(r, citedIn, "expected one qualified name (the report that cites this one).");
                }
            }

            CheckTypes(r, Pv + "Report", Pv + "ImplicitReport");
            Leftovers(r, a => a.Name is Prov + "type" or Prov + "label" or Pv + "kind" or Pv + "url" or Pv + "language" or Pv + "citedIn");
            reports[r.Expanded!] = draft;
        }

        private ImmutableArray<string> Numbered(Record r, string prefix, Func<Value, string?> read)
        {
            var items = new List<(int Index, string Value)>();
            foreach (var a in r.Attributes)
            {
                if (!IsNumbered(a.Name, prefix))
                {
                    continue;
                }

                // Plain conditions, not an out variable inside `||`: Stryker's mutants of that do not compile, and its safe
                // mode then drops every mutant of the method.
                var value = a.Values.Count == 1 ? read(a.Values[0]) : null;
                if (value is null)
                {
                    owner.Unmapped(r, a, prefix.EndsWith("contradicts_", StringComparison.Ordinal) ? "expected one qualified name of a mapped claim." : "expected one string value.");
                    continue;
                }

                items.Add((int.Parse(a.Name.AsSpan(prefix.Length), CultureInfo.InvariantCulture), value));
            }

            return [.. items.OrderBy(i => i.Index).Select(i => i.Value)];
        }

        private static bool IsNumbered(string name, string prefix) =>
            name.Length > prefix.Length && name.Length <= prefix.Length + 9 && name.StartsWith(prefix, StringComparison.Ordinal)
            && name[prefix.Length] != '0' && name.AsSpan(prefix.Length).ContainsAnyExceptInRange('0', '9') == false;

        private void MapDelegation(Record r)
        {
            var delegateName = r.Formal["prov:delegate"].Values[0];
            var responsible = r.Formal["prov:responsible"].Values[0];
            if (!sources.TryGetValue(delegateName.Target!, out var source))
            {
                owner.Unmapped(r, $"the delegate '{delegateName.Text}' is not a mapped source.");
                return;
            }

            if (!affiliations.TryGetValue(responsible.Target!, out var affiliation))
            {
                owner.Unmapped(r, $"the responsible agent '{responsible.Text}' is not an affiliation (an agent of type pv:Affiliation).");
                return;
            }

            if (source.Value.Affiliation is not null)
            {
                owner.Unmapped(r, $"source '{source.Id}' already acts on behalf of affiliation '{source.Value.Affiliation}'; a source has one affiliation.");
                return;
            }

            sources[delegateName.Target!] = source with { Value = source.Value with { Affiliation = affiliation.Id } };
            ExtraFormal(r, "prov:activity");
            Leftovers(r, _ => false);
        }

        private void ExtraFormal(Record r, params string[] names)
        {
            foreach (var name in names)
            {
                if (r.Formal.TryGetValue(name, out var a))
                {
                    owner.Unmapped(r, a, "this relation's part has no counterpart in the model.");
                }
            }
        }

        private void MapAttribution(Record r)
        {
            var entity = r.Formal["prov:entity"].Values[0];
            var agent = r.Formal["prov:agent"].Values[0];
            if (!reports.TryGetValue(entity.Target!, out var draft))
            {
                owner.Unmapped(r, $"the entity '{entity.Text}' is not a mapped report.");
                return;
            }

            if (!sources.TryGetValue(agent.Target!, out var source))
            {
                owner.Unmapped(r, $"the agent '{agent.Text}' is not a mapped source.");
                return;
            }

            if (draft.Source is not null)
            {
                owner.Unmapped(r, $"report '{draft.Id}' is already attributed to source '{draft.Source}'; a report has one source.");
                return;
            }

            draft.Source = source.Id;
            Leftovers(r, _ => false);
        }

        private void MapGeneration(Record r)
        {
            var entity = r.Formal["prov:entity"].Values[0];
            if (!reports.TryGetValue(entity.Target!, out var draft))
            {
                owner.Unmapped(r, $"the entity '{entity.Text}' is not a mapped report.");
                return;
            }

            if (r.Time is null)
            {
                owner.Unmapped(r, "it has no prov:time, the only part of a generation the model keeps (as the report's publication time).");
                return;
            }

            // Read once the null case has returned (a pattern variable here leaves Stryker's mutants unable to compile).
            var time = r.Time.Value;

            if (!time.Value.HasOffset)
            {
                owner.Unmapped(r, $"its prov:time '{time.Node.Text}' has no UTC offset; a publication time needs one.");
                return;
            }

            if (draft.Published is not null)
            {
                owner.Unmapped(r, $"report '{draft.Id}' already has a generation time.");
                return;
            }

            draft.Published = time.Value.Time;
            ExtraFormal(r, "prov:activity");
            Leftovers(r, _ => false);
        }

        private Assertion? MapAssertion(Record r)
        {
            var report = r.Formal["prov:influencee"].Values[0];
            var claim = r.Formal["prov:influencer"].Values[0];
            if (!r.HasType(Pv + "Assertion") && r.Attribute(Pv + "mode") is null)
            {
                owner.Unmapped(r, "only influences of type pv:Assertion (a report states a claim) have a counterpart in the model.");
                return null;
            }

            if (!reports.TryGetValue(report.Target!, out var draft))
            {
                owner.Unmapped(r, $"the influencee '{report.Text}' is not a mapped report.");
                return null;
            }

            if (!claims.TryGetValue(claim.Target!, out var c))
            {
                owner.Unmapped(r, $"the influencer '{claim.Text}' is not a mapped claim.");
                return null;
            }

            if (Enum<AssertionMode>(r, r.Attribute(Pv + "mode")) is not { } mode)
            {
                if (r.Attribute(Pv + "mode") is null)
                {
                    owner.Unmapped(r, "an assertion needs pv:mode (first-hand, attributed, unattributed or unknown).");
                }

                return null;
            }

            CheckTypes(r, Pv + "Assertion");
            Leftovers(r, a => a.Name is Prov + "type" or Pv + "mode" or Pv + "wording");
            return new Assertion(draft.Id, c.Id, mode, Text(r, r.Attribute(Pv + "wording")));
        }

        private Citation? MapCitation(Record r)
        {
            var from = r.Formal["prov:generatedEntity"].Values[0];
            var to = r.Formal["prov:usedEntity"].Values[0];
            if (!reports.TryGetValue(from.Target!, out var citing))
            {
                owner.Unmapped(r, $"the generated entity '{from.Text}' is not a mapped report.");
                return null;
            }

            if (!reports.TryGetValue(to.Target!, out var cited))
            {
                owner.Unmapped(r, $"the used entity '{to.Text}' is not a mapped report.");
                return null;
            }

            var claimAttribute = r.Attribute(Pv + "claim");
            if (claimAttribute is null || claimAttribute.Values.Count != 1 || claimAttribute.Values[0].Target is null)
            {
                owner.Unmapped(r, "a citation needs pv:claim, the qualified name of the claim it is for.");
                return null;
            }

            if (!claims.TryGetValue(claimAttribute.Values[0].Target!, out var claim))
            {
                owner.Unmapped(r, $"pv:claim names '{claimAttribute.Values[0].Text}', which is not a mapped claim.");
                return null;
            }

            var kind = Enum<CitationKind>(r, r.Attribute(Pv + "kind"))
                ?? (r.HasType(Prov + "Quotation") ? CitationKind.DirectQuote : CitationKind.Citing);
            var hedge = Enum<Hedge>(r, r.Attribute(Pv + "hedge")) ?? Hedge.None;
            CheckTypes(r, Prov + "Quotation", Prov + "PrimarySource", Prov + "Revision");
            ExtraFormal(r, "prov:activity", "prov:generation", "prov:usage");
            Leftovers(r, a => a.Name is Prov + "type" or Pv + "claim" or Pv + "kind" or Pv + "hedge" or Pv + "evidence");
            return new Citation(citing.Id, cited.Id, claim.Id, kind, hedge, Text(r, r.Attribute(Pv + "evidence")));
        }

        private sealed class ReportDraft(string id, Record record)
        {
            public string Id { get; } = id;

            public Record Record { get; } = record;

            public string? Source { get; set; }

            public ReportKind Kind { get; init; }

            public string? Title { get; init; }

            public string? Url { get; init; }

            public string? Language { get; init; }

            public DateTimeOffset? Published { get; set; }

            public (Value Value, Attr Attribute)? CitedIn { get; set; }

            public Report Build(Dictionary<string, ReportDraft> all) => new(Id, Source!, Kind)
            {
                Title = Title,
                Url = Url,
                Language = Language,
                Published = Published,
                CitedIn = CitedIn is { } c ? all[c.Value.Target!].Id : null,
            };
        }
    }
}
