using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;
using Provenance.Internal;

namespace Provenance.Prov;

/// <summary>
/// The streaming path of PROV-JSON import: reads a document in the shape <see cref="ProvJson.Export(CitationGraph, Stream)"/>
/// writes (this library's prefixes, records in its sections and order, each attribute in its form) with a
/// <see cref="Utf8JsonReader"/> over pooled chunks of the stream, straight into a <see cref="CitationGraphBuilder"/>:
/// no tree of the document, no record objects. Anything else (another shape, a record that would be unmapped, any
/// problem at all, a graph the builder rejects) makes it give up, and the caller reads the input again with the general
/// importer, whose results and positioned messages are the reference; so this path only ever returns what that one would.
/// </summary>
internal sealed class ProvJsonStreamReader
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>How long (in UTF-8 bytes) a value may be to be kept once for all its occurrences, and how many such values are kept.</summary>
    private const int AtomBytes = 32;
    private const int MaxAtoms = 1 << 20;

    /// <summary>The deepest this shape nests: document, section, record, an array of typed values, a typed value.</summary>
    private const int ShapeDepth = 5;

    private readonly GraphBuildOptions options;
    private readonly CitationGraphBuilder builder;
    private readonly int maxScalar;
    private readonly List<Affiliation> affiliations = [];
    private readonly Dictionary<string, int> affiliationIndex = new(StringComparer.Ordinal);
    private readonly List<Source> sources = [];
    private readonly Dictionary<string, int> sourceIndex = new(StringComparer.Ordinal);
    private readonly List<(Claim Claim, List<(int Index, string Id)>? Contradicts)> claims = [];
    private readonly Dictionary<string, int> claimIndex = new(StringComparer.Ordinal);
    private readonly List<int> claimSymbols = [];
    private readonly List<ReportDraft> reports = [];
    private readonly Dictionary<string, int> reportIndex = new(StringComparer.Ordinal);
    private readonly List<(string Delegate, string Responsible)> delegations = [];
    private readonly Dictionary<string, string> prefixes = new(StringComparer.Ordinal);
    private readonly Fields fields = new();
    private readonly Dictionary<string, string> atoms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> atomLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> reportBySpan;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> claimBySpan;
    private char[] idBuffer = new char[256];
    private Section section;
    private int sectionsSeen;
    private long blank;
    private State state = State.Document;
    private Field field;
    private bool inArray;
    private string? typedValue;
    private string? typedType;

    private ProvJsonStreamReader(GraphBuildOptions options)
    {
        this.options = options;
        builder = new CitationGraphBuilder(options);
        maxScalar = options.Limits.MaxScalarLength;
        reportBySpan = reportIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        atomLookup = atoms.GetAlternateLookup<ReadOnlySpan<char>>();
        claimBySpan = claimIndex.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private enum Section
    {
        None,
        ActedOnBehalfOf,
        Agent,
        Entity,
        Prefix,
        WasAttributedTo,
        WasDerivedFrom,
        WasGeneratedBy,
        WasInfluencedBy,
    }

    private enum State
    {
        Document,
        SectionName,
        SectionStart,
        RecordKey,
        RecordStart,
        PrefixValue,
        FieldName,
        FieldValue,
        TypedName,
        TypedValue,
        ArrayItem,
        Done,
    }

    private enum Field
    {
        None = -1,
        Label,
        Type,
        Description,
        Alias,
        Country,
        Kind,
        Url,
        Contradicts,
        Text,
        CitedIn,
        Language,
        Agent,
        Entity,
        Delegate,
        Responsible,
        GeneratedEntity,
        UsedEntity,
        Claim,
        Evidence,
        Hedge,
        Time,
        Influencee,
        Influencer,
        Mode,
        Wording,
    }

    /// <summary>Reads <paramref name="stream"/> from its position to its end; <see langword="null"/> when the document is not in the shape this path reads.</summary>
    /// <param name="stream">The input.</param>
    /// <param name="options">Limits and relaxed rules.</param>
    /// <param name="chunkBytes">How many bytes to read at a time (grown for a longer token).</param>
    public static ProvImportResult? TryRead(Stream stream, GraphBuildOptions options, int chunkBytes = ChunkBytes)
    {
        if (options.Limits.MaxNestingDepth < ShapeDepth + 1)
        {
            return null;
        }

        try
        {
            var reader = new ProvJsonStreamReader(options);
            return reader.Read(stream, chunkBytes) ? reader.Finish() : null;
        }
        catch (NotInShapeException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // Invalid UTF-8 in a string, among others: the general path says where.
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or KeyNotFoundException or IndexOutOfRangeException)
        {
            // Anything else this path did not foresee in a document: the general importer reads it again and reports it
            // with its position, so a document never fails here without the message the general path gives.
            return null;
        }
    }

    private static NotInShapeException NotInShape() => new();

    private bool Read(Stream stream, int chunkBytes)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(chunkBytes);
        try
        {
            var length = 0;
            var final = false;
            var first = true;
            var jsonState = new JsonReaderState(new JsonReaderOptions { MaxDepth = ShapeDepth + 2, CommentHandling = JsonCommentHandling.Disallow });
            while (true)
            {
                while (!final && length < buffer.Length)
                {
                    var read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0)
                    {
                        final = true;
                    }

                    length += read;
                }

                var start = 0;
                if (first)
                {
                    first = false;
                    if (length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                    {
                        start = 3;
                    }
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(start, length - start), final, jsonState);
                while (reader.Read())
                {
                    Token(ref reader);
                }

                if (final)
                {
                    return state == State.Done;
                }

                var consumed = start + (int)reader.BytesConsumed;
                jsonState = reader.CurrentState;
                if (consumed == 0)
                {
                    // One token longer than the buffer: grow it, within what the scalar limit allows.
                    if ((long)buffer.Length > (6L * maxScalar) + 1024)
                    {
                        return false;
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    Array.Copy(buffer, bigger, length);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                    continue;
                }

                Array.Copy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private string String(ref Utf8JsonReader reader)
    {
        var utf8 = reader.ValueSpan;
        if (!reader.ValueIsEscaped && utf8.Length <= AtomBytes && atoms.Count < MaxAtoms)
        {
            // Short values repeat (types, kinds, languages, the names of reports and claims): one string each.
            Span<char> chars = stackalloc char[AtomBytes];
            if (System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                throw NotInShape();
            }

            Expect(written <= maxScalar);
            if (atomLookup.TryGetValue(chars[..written], out var known))
            {
                return known;
            }

            var made = new string(chars[..written]);
            atoms.Add(made, made);
            return made;
        }

        var value = reader.GetString()!;
        return value.Length > maxScalar ? throw NotInShape() : value;
    }

    private void Token(ref Utf8JsonReader reader)
    {
        var token = reader.TokenType;
        switch (state)
        {
            case State.Document:
                Expect(token == JsonTokenType.StartObject);
                state = State.SectionName;
                break;
            case State.SectionName:
                if (token == JsonTokenType.EndObject)
                {
                    state = State.Done;
                    break;
                }

                Expect(token == JsonTokenType.PropertyName);
                section = SectionOf(ref reader);
                var bit = 1 << (int)section;
                Expect(section != Section.None && (sectionsSeen & bit) == 0);
                sectionsSeen |= bit;
                state = State.SectionStart;
                break;
            case State.SectionStart:
                Expect(token == JsonTokenType.StartObject);
                state = State.RecordKey;
                break;
            case State.RecordKey:
                if (token == JsonTokenType.EndObject)
                {
                    state = State.SectionName;
                    break;
                }

                Expect(token == JsonTokenType.PropertyName);
                if (section is Section.Agent or Section.Entity or Section.Prefix)
                {
                    fields.Clear(String(ref reader));
                }
                else
                {
                    // A relation's key is only checked, never kept: no string for it.
                    NextBlank(ref reader);
                    fields.Clear("");
                }

                state = section == Section.Prefix ? State.PrefixValue : State.RecordStart;
                break;
            case State.PrefixValue:
                Expect(token == JsonTokenType.String);
                Expect(prefixes.TryAdd(fields.Key!, String(ref reader)));
                state = State.RecordKey;
                break;
            case State.RecordStart:
                Expect(token == JsonTokenType.StartObject);
                state = State.FieldName;
                break;
            case State.FieldName:
                if (token == JsonTokenType.EndObject)
                {
                    Record();
                    state = State.RecordKey;
                    break;
                }

                Expect(token == JsonTokenType.PropertyName);
                field = FieldOf(ref reader);
                Expect(field is Field.Alias or Field.Contradicts || !fields.Has(field));
                state = State.FieldValue;
                break;
            case State.FieldValue:
                switch (token)
                {
                    case JsonTokenType.String:
                        fields.Set(field, String(ref reader), null);
                        state = State.FieldName;
                        break;
                    case JsonTokenType.StartObject:
                        (typedValue, typedType, inArray) = (null, null, false);
                        state = State.TypedName;
                        break;
                    case JsonTokenType.StartArray:
                        Expect(field == Field.Type);
                        inArray = true;
                        state = State.ArrayItem;
                        break;
                    default:
                        throw NotInShape();
                }

                break;
            case State.ArrayItem:
                if (token == JsonTokenType.EndArray)
                {
                    state = State.FieldName;
                    break;
                }

                Expect(token == JsonTokenType.StartObject);
                (typedValue, typedType) = (null, null);
                state = State.TypedName;
                break;
            case State.TypedName:
                if (token == JsonTokenType.EndObject)
                {
                    Expect(typedValue is not null && typedType is not null);
                    fields.Set(field, typedValue!, typedType);
                    state = inArray ? State.ArrayItem : State.FieldName;
                    break;
                }

                Expect(token == JsonTokenType.PropertyName);
                if (reader.ValueTextEquals("$"u8))
                {
                    Expect(typedValue is null);
                    typedValue = "";
                }
                else
                {
                    Expect(reader.ValueTextEquals("type"u8) && typedType is null);
                    typedType = "";
                }

                state = State.TypedValue;
                break;
            case State.TypedValue:
                Expect(token == JsonTokenType.String);
                if (typedType == "")
                {
                    typedType = String(ref reader);
                }
                else
                {
                    typedValue = String(ref reader);
                }

                state = State.TypedName;
                break;
            default:
                throw NotInShape();
        }
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw NotInShape();
        }
    }

    private static Section SectionOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("actedOnBehalfOf"u8) ? Section.ActedOnBehalfOf
        : reader.ValueTextEquals("agent"u8) ? Section.Agent
        : reader.ValueTextEquals("entity"u8) ? Section.Entity
        : reader.ValueTextEquals("prefix"u8) ? Section.Prefix
        : reader.ValueTextEquals("wasAttributedTo"u8) ? Section.WasAttributedTo
        : reader.ValueTextEquals("wasDerivedFrom"u8) ? Section.WasDerivedFrom
        : reader.ValueTextEquals("wasGeneratedBy"u8) ? Section.WasGeneratedBy
        : reader.ValueTextEquals("wasInfluencedBy"u8) ? Section.WasInfluencedBy
        : Section.None;

    private Field FieldOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            throw NotInShape();
        }

        var name = reader.ValueSpan;
        switch (section)
        {
            case Section.Agent:
                if (name.SequenceEqual("prov:label"u8))
                {
                    return Field.Label;
                }

                if (name.SequenceEqual("prov:type"u8))
                {
                    return Field.Type;
                }

                if (name.SequenceEqual("pv:description"u8))
                {
                    return Field.Description;
                }

                if (name.SequenceEqual("pv:country"u8))
                {
                    return Field.Country;
                }

                if (name.SequenceEqual("pv:kind"u8))
                {
                    return Field.Kind;
                }

                if (name.SequenceEqual("pv:url"u8))
                {
                    return Field.Url;
                }

                if (name.StartsWith("pv:alias_"u8))
                {
                    fields.Number = Number(name["pv:alias_"u8.Length..]);
                    return Field.Alias;
                }

                break;
            case Section.Entity:
                if (name.SequenceEqual("prov:label"u8))
                {
                    return Field.Label;
                }

                if (name.SequenceEqual("prov:type"u8))
                {
                    return Field.Type;
                }

                if (name.SequenceEqual("pv:text"u8))
                {
                    return Field.Text;
                }

                if (name.SequenceEqual("pv:citedIn"u8))
                {
                    return Field.CitedIn;
                }

                if (name.SequenceEqual("pv:kind"u8))
                {
                    return Field.Kind;
                }

                if (name.SequenceEqual("pv:language"u8))
                {
                    return Field.Language;
                }

                if (name.SequenceEqual("pv:url"u8))
                {
                    return Field.Url;
                }

                if (name.StartsWith("pv:contradicts_"u8))
                {
                    fields.Number = Number(name["pv:contradicts_"u8.Length..]);
                    return Field.Contradicts;
                }

                break;
            case Section.ActedOnBehalfOf:
                return name.SequenceEqual("prov:delegate"u8) ? Field.Delegate
                    : name.SequenceEqual("prov:responsible"u8) ? Field.Responsible
                    : throw NotInShape();
            case Section.WasAttributedTo:
                return name.SequenceEqual("prov:agent"u8) ? Field.Agent
                    : name.SequenceEqual("prov:entity"u8) ? Field.Entity
                    : throw NotInShape();
            case Section.WasGeneratedBy:
                return name.SequenceEqual("prov:entity"u8) ? Field.Entity
                    : name.SequenceEqual("prov:time"u8) ? Field.Time
                    : throw NotInShape();
            case Section.WasDerivedFrom:
                return name.SequenceEqual("prov:generatedEntity"u8) ? Field.GeneratedEntity
                    : name.SequenceEqual("prov:usedEntity"u8) ? Field.UsedEntity
                    : name.SequenceEqual("prov:type"u8) ? Field.Type
                    : name.SequenceEqual("pv:claim"u8) ? Field.Claim
                    : name.SequenceEqual("pv:evidence"u8) ? Field.Evidence
                    : name.SequenceEqual("pv:hedge"u8) ? Field.Hedge
                    : name.SequenceEqual("pv:kind"u8) ? Field.Kind
                    : throw NotInShape();
            case Section.WasInfluencedBy:
                return name.SequenceEqual("prov:influencee"u8) ? Field.Influencee
                    : name.SequenceEqual("prov:influencer"u8) ? Field.Influencer
                    : name.SequenceEqual("prov:type"u8) ? Field.Type
                    : name.SequenceEqual("pv:mode"u8) ? Field.Mode
                    : name.SequenceEqual("pv:wording"u8) ? Field.Wording
                    : throw NotInShape();
        }

        throw NotInShape();
    }

    /// <summary>The number of a numbered attribute (<c>pv:alias_3</c>) as the general importer accepts it: 1 to 9 digits, no leading zero.</summary>
    private static int Number(ReadOnlySpan<byte> digits)
    {
        Expect(digits.Length is > 0 and <= 9 && digits[0] != (byte)'0');
        var n = 0;
        foreach (var d in digits)
        {
            Expect(d is >= (byte)'0' and <= (byte)'9');
            n = (n * 10) + (d - '0');
        }

        return n;
    }

    /// <summary>The model id a qualified name <c>prefix:local</c> names, when the local part is the one the writer makes of it.</summary>
    private string Id(string? name, string prefix) => new(Decode(name, prefix));

    /// <summary>
    /// Decodes the local part of <c>prefix:local</c> into a reused buffer, checking that it is exactly what
    /// <see cref="ProvVocabulary.EscapeLocalName(string)"/> makes of an ASCII id (plain characters as they are, every
    /// other one, and a final <c>.</c>, as <c>%XX</c> with upper-case hex), so that ids and written names correspond one to one.
    /// </summary>
    private ReadOnlySpan<char> Decode(string? name, string prefix)
    {
        Expect(name is not null && name.Length > prefix.Length + 1 && name.StartsWith(prefix, StringComparison.Ordinal) && name[prefix.Length] == ':');
        var local = name.AsSpan(prefix.Length + 1);
        if (idBuffer.Length < local.Length)
        {
            idBuffer = new char[Math.Max(local.Length, idBuffer.Length * 2)];
        }

        var n = 0;
        for (var i = 0; i < local.Length; i++)
        {
            var c = local[i];
            if (c == '%')
            {
                Expect(i + 2 < local.Length);
                var b = (Hex(local[i + 1]) << 4) | Hex(local[i + 2]);
                i += 2;
                Expect(b < 0x80 && !IsPlain((char)b, i == local.Length - 1));
                idBuffer[n++] = (char)b;
            }
            else
            {
                Expect(IsPlain(c, i == local.Length - 1));
                idBuffer[n++] = c;
            }
        }

        return idBuffer.AsSpan(0, n);
    }

    private static int Hex(char c) => c is >= '0' and <= '9' ? c - '0' : c is >= 'A' and <= 'F' ? c - 'A' + 10 : throw NotInShape();

    private static bool IsPlain(char c, bool last) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' || (c == '.' && !last);

    private string QualifiedTarget(Fields f, Field which, string prefix)
    {
        Expect(f.TypeOf(which) == "prov:QUALIFIED_NAME");
        return Id(f.Get(which), prefix);
    }

    private static string? PlainText(Fields f, Field which)
    {
        Expect(f.TypeOf(which) is null);
        return f.Get(which);
    }

    private static TEnum Enum<TEnum>(string? text)
        where TEnum : struct, System.Enum
    {
        Expect(ProvenanceNames.TryParse<TEnum>(text, out var value));
        return value!.Value;
    }

    /// <summary>Checks that a relation's key is the next blank node the writer numbers: <c>_:id</c> and the next number, with no leading zero.</summary>
    private void NextBlank(ref Utf8JsonReader reader)
    {
        blank++;
        var key = reader.ValueSpan;
        Expect(!reader.ValueIsEscaped && key.StartsWith("_:id"u8) && key.Length > 4 && key[4] != (byte)'0');
        long n = 0;
        foreach (var digit in key[4..])
        {
            Expect(digit is >= (byte)'0' and <= (byte)'9' && n < (long.MaxValue / 10) - 1);
            n = (n * 10) + (digit - '0');
        }

        Expect(n == blank);
    }

    private int ReportAt(string? name) =>
        reportBySpan.TryGetValue(Decode(name, ProvDocument.ReportPrefix), out var r) ? r : throw NotInShape();

    private int ClaimAt(string id) => claimIndex.TryGetValue(id, out var c) ? c : throw NotInShape();

    private int ClaimAt(string? name, string prefix) =>
        claimBySpan.TryGetValue(Decode(name, prefix), out var c) ? c : throw NotInShape();

    private void Record()
    {
        var f = fields;
        switch (section)
        {
            case Section.Agent:
                Agent(f);
                break;
            case Section.Entity:
                Entity(f);
                break;
            case Section.ActedOnBehalfOf:
                Expect(f.Has(Field.Delegate) && f.Has(Field.Responsible));
                delegations.Add((Id(PlainText(f, Field.Delegate), ProvDocument.SourcePrefix), Id(PlainText(f, Field.Responsible), ProvDocument.AffiliationPrefix)));
                break;
            case Section.WasAttributedTo:
            {
                var report = reports[ReportAt(PlainText(f, Field.Entity))];
                var source = Id(PlainText(f, Field.Agent), ProvDocument.SourcePrefix);
                Expect(report.Source is null && sourceIndex.ContainsKey(source));
                report.Source = sources[sourceIndex[source]].Id;
                break;
            }

            case Section.WasGeneratedBy:
            {
                var report = reports[ReportAt(PlainText(f, Field.Entity))];
                var text = PlainText(f, Field.Time);
                Expect(text is not null && report.Published is null);
                var time = ProvJsonImporter.ParseTime(text!, out _);
                Expect(time is { HasOffset: true });
                report.Published = time!.Value.Time;
                break;
            }

            case Section.WasDerivedFrom:
                Derivation(f);
                break;
            case Section.WasInfluencedBy:
            {
                var report = reports[ReportAt(PlainText(f, Field.Influencee))];
                var claim = claimSymbols[ClaimAt(PlainText(f, Field.Influencer), ProvDocument.ClaimPrefix)];
                Expect(f.Types is [(Pv.Assertion, _)]);
                var mode = Enum<AssertionMode>(PlainText(f, Field.Mode));
                builder.AddAssertion(report.Symbol, claim, mode, builder.AddText(PlainText(f, Field.Wording)), null);
                break;
            }

            default:
                throw NotInShape();
        }
    }

    private void Agent(Fields f)
    {
        var key = fields.Key!;
        if (key.StartsWith("affiliation:", StringComparison.Ordinal))
        {
            var id = Id(key, ProvDocument.AffiliationPrefix);
            Expect(Ids.IsValid(id) && f.Types is [(Pv.Affiliation, _)] && f.Only(Field.Label, Field.Type, Field.Description) && !affiliationIndex.ContainsKey(id));
            affiliationIndex.Add(id, affiliations.Count);
            affiliations.Add(new Affiliation(id, PlainText(f, Field.Label) ?? id) { Description = PlainText(f, Field.Description) });
            return;
        }

        var sourceId = Id(key, ProvDocument.SourcePrefix);
        Expect(Ids.IsValid(sourceId) && !sourceIndex.ContainsKey(sourceId) && f.Only(Field.Label, Field.Type, Field.Alias, Field.Country, Field.Kind, Field.Url));
        Expect(f.Types is [] or [("prov:Organization", _)] or [("prov:Person", _)]);
        Expect(f.Has(Field.Kind) && (!f.Has(Field.Url) || f.TypeOf(Field.Url) == "xsd:anyURI"));
        var aliases = ImmutableArray<string>.Empty;
        if (f.Aliases.Count > 0)
        {
            f.Aliases.Sort((x, y) => x.Index.CompareTo(y.Index));
            aliases = [.. f.Aliases.Select(a => a.Text)];
        }

        sourceIndex.Add(sourceId, sources.Count);
        sources.Add(new Source(sourceId, PlainText(f, Field.Label) ?? sourceId, Enum<SourceKind>(PlainText(f, Field.Kind)))
        {
            Aliases = aliases,
            Country = PlainText(f, Field.Country),
            Url = f.Get(Field.Url),
        });
    }

    private void Entity(Fields f)
    {
        var key = fields.Key!;
        if (key.StartsWith("claim:", StringComparison.Ordinal))
        {
            var id = Id(key, ProvDocument.ClaimPrefix);
            Expect(Ids.IsValid(id) && f.Types is [(Pv.Claim, _)] && f.Only(Field.Type, Field.Text, Field.Contradicts) && !claimIndex.ContainsKey(id));
            var text = PlainText(f, Field.Text);
            Expect(text is not null);
            List<(int, string)>? contradicts = null;
            if (f.Contradicts.Count > 0)
            {
                contradicts = [.. f.Contradicts.Select(c => (c.Index, Id(c.Text, ProvDocument.ClaimPrefix)))];
            }

            claimIndex.Add(id, claims.Count);
            claims.Add((new Claim(id, text!), contradicts));
            claimSymbols.Add(builder.InternId(id));
            return;
        }

        Expect(f.Only(Field.Label, Field.Type, Field.CitedIn, Field.Kind, Field.Language, Field.Url));
        Expect(f.Types is [(Pv.Report, _)] or [(Pv.ImplicitReport, _)]);
        var citedIn = f.Has(Field.CitedIn) ? QualifiedTarget(f, Field.CitedIn, ProvDocument.ReportPrefix) : null;
        var reportId = Id(key, ProvDocument.ReportPrefix);
        Expect((Ids.IsValid(reportId) || (citedIn is not null && Ids.IsValidImplicit(reportId))) && !reportIndex.ContainsKey(reportId));
        Expect(f.Has(Field.Kind) && (!f.Has(Field.Url) || f.TypeOf(Field.Url) == "xsd:anyURI"));
        reportIndex.Add(reportId, reports.Count);
        reports.Add(new ReportDraft(reportId, builder.InternId(reportId), Enum<ReportKind>(PlainText(f, Field.Kind)), PlainText(f, Field.Label), f.Get(Field.Url), PlainText(f, Field.Language), citedIn));
    }

    private void Derivation(Fields f)
    {
        var from = reports[ReportAt(PlainText(f, Field.GeneratedEntity))];
        var to = reports[ReportAt(PlainText(f, Field.UsedEntity))];
        Expect(f.TypeOf(Field.Claim) == "prov:QUALIFIED_NAME");
        var claim = claimSymbols[ClaimAt(f.Get(Field.Claim), ProvDocument.ClaimPrefix)];
        foreach (var (type, datatype) in f.Types)
        {
            Expect(datatype == "prov:QUALIFIED_NAME" && type is "prov:Quotation" or "prov:PrimarySource" or "prov:Revision");
        }

        var kind = Enum<CitationKind>(PlainText(f, Field.Kind));
        var hedge = f.Has(Field.Hedge) ? Enum<Hedge>(PlainText(f, Field.Hedge)) : Hedge.None;
        builder.AddCitation(from.Symbol, to.Symbol, claim, kind, hedge, builder.AddText(PlainText(f, Field.Evidence)), null);
    }

    private ProvImportResult? Finish()
    {
        // The prefixes this shape assumes: exactly the writer's, with nothing redefined.
        Expect(prefixes.Count == ProvDocument.Prefixes.Length);
        foreach (var (prefix, uri) in ProvDocument.Prefixes)
        {
            Expect(prefixes.TryGetValue(prefix, out var declared) && declared == uri);
        }

        foreach (var (delegateId, responsible) in delegations)
        {
            var known = sourceIndex.TryGetValue(delegateId, out var s) & affiliationIndex.TryGetValue(responsible, out var a);
            Expect(known && sources[s].Affiliation is null);
            sources[s] = sources[s] with { Affiliation = affiliations[a].Id };
        }

        foreach (var a in affiliations)
        {
            builder.AddAffiliation(a, (FieldLocations?)null);
        }

        foreach (var s in sources)
        {
            builder.AddSource(s, (FieldLocations?)null);
        }

        foreach (var (claim, contradicts) in claims)
        {
            var value = claim;
            if (contradicts is not null)
            {
                contradicts.Sort((x, y) => x.Item1.CompareTo(y.Item1));
                value = claim with { Contradicts = [.. contradicts.Select(c => claims[ClaimAt(c.Item2)].Claim.Id)] };
            }

            builder.AddClaim(value, (FieldLocations?)null);
        }

        foreach (var r in reports)
        {
            Expect(r.Source is not null && (r.CitedIn is null || reportIndex.ContainsKey(r.CitedIn)));
            // As Add(Report) would take it: ids as the builder's symbols, then the text.
            builder.AddReport(
                r.Symbol, builder.InternId(r.Source), r.CitedIn is null ? -1 : reports[reportIndex[r.CitedIn]].Symbol, r.Kind,
                builder.AddText(r.Title), builder.AddText(r.Url), builder.AddText(r.Language), r.Published, null);
        }

        return builder.TryBuild(out var graph, out _) ? new ProvImportResult(graph, []) : null;
    }

    private static class Pv
    {
        public const string Affiliation = "pv:Affiliation";
        public const string Claim = "pv:Claim";
        public const string Report = "pv:Report";
        public const string ImplicitReport = "pv:ImplicitReport";
        public const string Assertion = "pv:Assertion";
    }

    /// <summary>The attributes of the record being read, reused from record to record.</summary>
    private sealed class Fields
    {
        private const int Count = (int)Field.Wording + 1;
        private readonly string?[] values = new string?[Count];
        private readonly string?[] types = new string?[Count];
        private int seen;

        public string? Key { get; private set; }

        public int Number { get; set; }

        public List<(string Value, string? Type)> Types { get; } = [];

        public List<(int Index, string Text)> Aliases { get; } = [];

        public List<(int Index, string Text)> Contradicts { get; } = [];

        public void Clear(string key)
        {
            Key = key;
            if (seen != 0)
            {
                Array.Clear(values);
                Array.Clear(types);
                seen = 0;
            }

            Types.Clear();
            Aliases.Clear();
            Contradicts.Clear();
        }

        public bool Has(Field field) => (seen & (1 << (int)field)) != 0;

        public bool Only(params ReadOnlySpan<Field> allowed)
        {
            var mask = 0;
            foreach (var f in allowed)
            {
                mask |= 1 << (int)f;
            }

            return (seen & ~mask) == 0;
        }

        public string? Get(Field field) => values[(int)field];

        public string? TypeOf(Field field) => types[(int)field];

        public void Set(Field field, string value, string? type)
        {
            switch (field)
            {
                case Field.Type:
                    // One value, or several in one array; always qualified names.
                    Expect(type == "prov:QUALIFIED_NAME");
                    Types.Add((value, type));
                    seen |= 1 << (int)field;
                    return;
                case Field.Alias:
                    Expect(type is null && !Aliases.Exists(a => a.Index == Number));
                    Aliases.Add((Number, value));
                    seen |= 1 << (int)field;
                    return;
                case Field.Contradicts:
                    Expect(type == "prov:QUALIFIED_NAME" && !Contradicts.Exists(a => a.Index == Number));
                    Contradicts.Add((Number, value));
                    seen |= 1 << (int)field;
                    return;
            }

            values[(int)field] = value;
            types[(int)field] = type;
            seen |= 1 << (int)field;
        }
    }

    private sealed class ReportDraft(string id, int symbol, ReportKind kind, string? title, string? url, string? language, string? citedIn)
    {
        public string Id { get; } = id;

        /// <summary>The builder's symbol of <see cref="Id"/>, so that assertions and citations reach it without another look-up.</summary>
        public int Symbol { get; } = symbol;

        public ReportKind Kind { get; } = kind;

        public string? Title { get; } = title;

        public string? Url { get; } = url;

        public string? Language { get; } = language;

        public string? CitedIn { get; } = citedIn;

        public string? Source { get; set; }

        public DateTimeOffset? Published { get; set; }
    }

    private sealed class NotInShapeException : Exception;
}
