using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Provenance.Prov;

namespace Provenance.Tests.Prov;

/// <summary>
/// The streaming import path against documents one edit away from what export writes. An edit that leaves the exporter's
/// shape (an unknown section or field, a value in another form, a duplicate, a reference spelt otherwise, a limit
/// crossed) must make <see cref="ProvJsonStreamReader.TryRead"/> give up, so that the general importer answers with its
/// positioned messages; an edit that stays in the shape (another number for an alias, a record order, a type the mapping
/// accepts) must be read to the general importer's graph. Aimed at the stream reader's surviving mutants in
/// tests/mutation-survivors/Prov.txt: each case names the check it guards.
/// </summary>
public sealed partial class ProvJsonStreamShapeTests
{
    private const string QualifiedName = "\"type\": \"prov:QUALIFIED_NAME\"";

    private static readonly string HandBuilt = Encoding.UTF8.GetString(Export(ProvTestGraphs.HandBuilt()));

    private static byte[] Export(CitationGraph graph)
    {
        using var stream = new MemoryStream();
        ProvJson.Export(graph, stream);
        return stream.ToArray();
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the export has no {find}");
        return text[..at] + replace + text[(at + find.Length)..];
    }

    /// <summary>Numbers the relations' keys again in document order, as the writer does, after a record was copied.</summary>
    private static string Renumber(string text)
    {
        var n = 0;
        return BlankKey().Replace(text, _ => $"\"_:id{++n}\": {{");
    }

    /// <summary>The record <paramref name="key"/> (four spaces in, as export indents records) written twice.</summary>
    private static string DuplicateRecord(string text, string key)
    {
        var start = text.IndexOf($"\n    \"{key}\": {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the export has no record {key}");
        var end = text.IndexOf("\n    }", start, StringComparison.Ordinal) + "\n    }".Length;
        var record = text[start..end];
        return Renumber(text[..end] + "," + record + text[end..]);
    }

    private static ProvImportResult? Streamed(byte[] data, GraphBuildOptions? options = null, int chunkBytes = 1 << 20) =>
        ProvJsonStreamReader.TryRead(new MemoryStream(data), options ?? new GraphBuildOptions(), chunkBytes);

    private static (ProvImportResult? Result, IReadOnlyList<GraphDiagnostic> Problems) Outcome(Func<ProvImportResult> import)
    {
        try
        {
            return (import(), []);
        }
        catch (GraphValidationException e)
        {
            return (null, e.Diagnostics);
        }
    }

    private static (ProvImportResult? Result, IReadOnlyList<GraphDiagnostic> Problems) General(byte[] data, GraphBuildOptions? options = null) =>
        Outcome(() => ProvJsonImporter.Import((byte[])data.Clone(), data.Length, "g.json", options ?? new GraphBuildOptions()));

    /// <summary>The stream path gives up; the public import answers exactly as the general importer.</summary>
    private static void AssertGivesUp(byte[] data, GraphBuildOptions? options = null, int chunkBytes = 1 << 20)
    {
        Assert.Null(Streamed(data, options, chunkBytes));
        var (expected, expectedProblems) = General(data, options);
        var (actual, actualProblems) = Outcome(() => ProvJson.Import(new MemoryStream(data), "g.json", options));
        Assert.Equal(expectedProblems.Select(d => d.ToString()), actualProblems.Select(d => d.ToString()));
        Assert.Equal(expected?.Unmapped.Select(u => u.ToString()), actual?.Unmapped.Select(u => u.ToString()));
        Assert.Equal(expected is null, actual is null);
        if (expected is not null)
        {
            Assert.True(expected.Graph.ContentEquals(actual!.Graph));
        }
    }

    /// <summary>The stream path reads the document, to the graph the general importer makes of it with nothing unmapped.</summary>
    private static CitationGraph AssertStreams(byte[] data, GraphBuildOptions? options = null, int chunkBytes = 1 << 20)
    {
        var streamed = Streamed(data, options, chunkBytes);
        Assert.NotNull(streamed);
        Assert.Empty(streamed.Unmapped);
        var (general, problems) = General(data, options);
        Assert.Empty(problems);
        Assert.Empty(general!.Unmapped);
        Assert.True(general.Graph.ContentEquals(streamed.Graph));
        Assert.Equal(Export(general.Graph), Export(streamed.Graph));
        return streamed.Graph;
    }

    [Theory]
    // Sections: an unknown one, one twice.
    [InlineData("\"prefix\": {", "\"bundle\": {},\n  \"prefix\": {")]
    [InlineData("\"prefix\": {", "\"agent\": {},\n  \"prefix\": {")]
    // Prefixes: one declared twice, one more than the writer's.
    [InlineData("\"pv\": \"https://github.com/provenance-graph/provenance/ns#\",", "\"pv\": \"https://github.com/provenance-graph/provenance/ns#\",\n    \"pv\": \"https://github.com/provenance-graph/provenance/ns#\",")]
    [InlineData("\"pv\": \"https://github.com/provenance-graph/provenance/ns#\",", "\"ex\": \"https://example.org/\",\n    \"pv\": \"https://github.com/provenance-graph/provenance/ns#\",")]
    // A field twice; an array where one value is written; a typed value without its type, with "$" twice, with another key, with "type" twice, with a number.
    [InlineData("\"pv:kind\": \"outlet\"", "\"pv:kind\": \"outlet\",\n      \"pv:kind\": \"outlet\"")]
    [InlineData("\"pv:claim\": {\n        \"$\": \"claim:downed\",\n        " + QualifiedName + "\n      }", "\"pv:claim\": [{\"$\": \"claim:downed\", " + QualifiedName + "}]")]
    [InlineData("\"pv:kind\": \"outlet\"", "\"pv:kind\": {\"$\": \"outlet\"}")]
    [InlineData("\"pv:claim\": {\n        \"$\": \"claim:downed\",", "\"pv:claim\": {\n        \"$\": \"claim:az-mistake\",\n        \"$\": \"claim:downed\",")]
    [InlineData("\"prov:type\": {\n        \"$\": \"pv:Claim\",\n        " + QualifiedName, "\"prov:type\": {\n        \"$\": \"pv:Claim\",\n        \"datatype\": \"prov:QUALIFIED_NAME\"")]
    [InlineData("\"pv:claim\": {\n        \"$\": \"claim:downed\",", "\"pv:claim\": {\n        \"$\": \"claim:downed\",\n        \"type\": \"xsd:string\",")]
    [InlineData("\"$\": \"https://tass.com\"", "\"$\": 5")]
    // Relations: a field the writer does not write, in each kind of relation.
    [InlineData("\"prov:responsible\": \"affiliation:ru-state\"", "\"prov:responsibleParty\": \"affiliation:ru-state\"")]
    [InlineData("\"prov:entity\": \"report:mod-statement\"", "\"prov:entityX\": \"report:mod-statement\"")]
    [InlineData("\"prov:time\": \"2020-11-09T19:00:00+03:00\"", "\"prov:atTime\": \"2020-11-09T19:00:00+03:00\"")]
    [InlineData("\"pv:kind\": \"direct-quote\"", "\"pv:kindOf\": \"direct-quote\"")]
    [InlineData("\"pv:wording\": \"Mi-24 helicopter was shot down\"", "\"pv:wordingX\": \"Mi-24 helicopter was shot down\"")]
    // Numbered attributes: a leading zero, ten digits, a letter.
    [InlineData("\"pv:alias_1\"", "\"pv:alias_01\"")]
    [InlineData("\"pv:alias_2\"", "\"pv:alias_1000000000\"")]
    [InlineData("\"pv:alias_2\"", "\"pv:alias_2a\"")]
    // References: another prefix, a misspelt prefix, none at all, an escaped plain character, an unescaped '~'.
    [InlineData("\"prov:entity\": \"report:zh\"", "\"prov:entity\": \"source:zh\"")]
    [InlineData("\"prov:entity\": \"report:zh\"", "\"prov:entity\": \"xeport:zh\"")]
    [InlineData("\"prov:agent\": \"source:ru-mod\",\n      \"prov:entity\": \"report:mod-statement\"", "\"prov:agent\": \"source:ru-mod\"")]
    [InlineData("\"prov:entity\": \"report:zh\"", "\"prov:entity\": \"report:z%68\"")]
    [InlineData("\"prov:entity\": \"report:zh%7Etass\"", "\"prov:entity\": \"report:zh~tass\"")]
    // A reference or a plain attribute in the other form.
    [InlineData("\"pv:citedIn\": {\n        \"$\": \"report:zh\",\n        " + QualifiedName + "\n      }", "\"pv:citedIn\": \"report:zh\"")]
    [InlineData("\"pv:kind\": \"other\"", "\"pv:kind\": {\"$\": \"other\", \"type\": \"xsd:string\"}")]
    [InlineData("\"pv:claim\": {\n        \"$\": \"claim:downed\",\n        " + QualifiedName + "\n      }", "\"pv:claim\": \"claim:downed\"")]
    [InlineData("\"prov:type\": {\n        \"$\": \"pv:Claim\",\n        " + QualifiedName + "\n      }", "\"prov:type\": \"pv:Claim\"")]
    [InlineData("\"pv:alias_1\": \"ТАСС\"", "\"pv:alias_1\": {\"$\": \"ТАСС\", \"type\": \"xsd:string\"}")]
    [InlineData("\"pv:contradicts_1\": {\n        \"$\": \"claim:az-mistake\",\n        " + QualifiedName + "\n      }", "\"pv:contradicts_1\": \"claim:az-mistake\"")]
    // Relation keys: not the writer's blank nodes, a colon for a digit, a number skipped.
    [InlineData("\"_:id5\"", "\"abcd5\"")]
    [InlineData("\"_:id10\"", "\"_:id:\"")]
    [InlineData("\"_:id5\"", "\"_:id55\"")]
    // Records with a type, a field or an id the writer does not write.
    [InlineData("\"$\": \"pv:Assertion\"", "\"$\": \"pv:Influence\"")]
    [InlineData("\"pv:description\": \"Russian government bodies and state-owned media.\"", "\"pv:description\": \"Russian government bodies and state-owned media.\",\n      \"pv:country\": \"RU\"")]
    [InlineData("\"$\": \"pv:Affiliation\"", "\"$\": \"pv:Group\"")]
    [InlineData("\"pv:kind\": \"government\"", "\"pv:kind\": \"government\",\n      \"pv:text\": \"x\"")]
    [InlineData("\"$\": \"prov:Organization\"", "\"$\": \"prov:SoftwareAgent\"")]
    [InlineData("\"$\": \"https://tass.com\",\n        \"type\": \"xsd:anyURI\"", "\"$\": \"https://tass.com\",\n        \"type\": \"xsd:string\"")]
    [InlineData("\"pv:text\": \"A Russian Mi-24 was shot down.\"", "\"pv:text\": \"A Russian Mi-24 was shot down.\",\n      \"pv:kind\": \"other\"")]
    [InlineData("\"$\": \"pv:Claim\"", "\"$\": \"pv:Statement\"")]
    [InlineData("},\n      \"pv:text\": \"A Russian Mi-24 was shot down.\"", "}")]
    [InlineData("\"pv:language\": \"ru\"", "\"pv:language\": \"ru\",\n      \"pv:text\": \"x\"")]
    [InlineData("\"$\": \"pv:Report\"", "\"$\": \"pv:Claim\"")]
    [InlineData("\"$\": \"pv:ImplicitReport\",\n        " + QualifiedName + "\n      },\n      \"pv:citedIn\": {\n        \"$\": \"report:zh\",\n        " + QualifiedName + "\n      },", "\"$\": \"pv:ImplicitReport\",\n        " + QualifiedName + "\n      },")]
    [InlineData("\"$\": \"https://example.org/zh\",\n        \"type\": \"xsd:anyURI\"", "\"$\": \"https://example.org/zh\",\n        \"type\": \"xsd:string\"")]
    [InlineData("\"$\": \"prov:PrimarySource\"", "\"$\": \"prov:Derivation\"")]
    // Delegations to an affiliation or from a source that is not in the document.
    [InlineData("\"prov:responsible\": \"affiliation:ru-state\"", "\"prov:responsible\": \"affiliation:nope\"")]
    [InlineData("\"prov:delegate\": \"source:ru-mod\"", "\"prov:delegate\": \"source:nope\"")]
    // prov:type twice in a relation; an alias number twice; a field the record may not have, before the numbered ones.
    [InlineData("\"prov:type\": {\n        \"$\": \"prov:PrimarySource\",\n        " + QualifiedName + "\n      },\n      \"prov:usedEntity\": \"report:zh%7Etass%7Eru-mod\"", "\"prov:type\": {\n        \"$\": \"prov:PrimarySource\",\n        " + QualifiedName + "\n      },\n      \"prov:type\": {\"$\": \"prov:PrimarySource\", " + QualifiedName + "},\n      \"prov:usedEntity\": \"report:zh%7Etass%7Eru-mod\"")]
    [InlineData("\"pv:alias_2\": ", "\"pv:alias_1\": ")]
    [InlineData("\"pv:alias_1\": \"ТАСС\"", "\"pv:description\": \"x\",\n      \"pv:alias_1\": \"ТАСС\"")]
    [InlineData("\"pv:contradicts_1\": {", "\"prov:label\": \"L\",\n      \"pv:contradicts_1\": {")]
    public void OneEditOutOfShape_GivesUp(string find, string replace)
    {
        var data = Encoding.UTF8.GetBytes(ReplaceFirst(HandBuilt, find, replace));

        AssertGivesUp(data);
    }

    [Theory]
    [InlineData("_:id4")] // a report attributed twice
    [InlineData("_:id12")] // generated twice
    [InlineData("_:id1")] // a source acting for two affiliations (here the same one twice)
    [InlineData("_:id14")] // an assertion twice
    [InlineData("_:id8")] // a citation twice
    public void RecordWrittenTwice_GivesUp(string key)
    {
        var data = Encoding.UTF8.GetBytes(DuplicateRecord(HandBuilt, key));

        AssertGivesUp(data);
    }

    [Theory]
    // A derivation typed prov:Revision, a type the mapping accepts though the writer never writes it.
    [InlineData("\"$\": \"prov:PrimarySource\",\n        " + QualifiedName + "\n      },\n      \"prov:usedEntity\": \"report:zh%7Etass%7Eru-mod\"", "\"$\": \"prov:Revision\",\n        " + QualifiedName + "\n      },\n      \"prov:usedEntity\": \"report:zh%7Etass%7Eru-mod\"")]
    // Numbered attributes with nine digits, or out of order: their numbers give the order.
    [InlineData("\"pv:alias_2\"", "\"pv:alias_123456789\"")]
    [InlineData("\"pv:alias_1\"", "\"pv:alias_3\"")]
    [InlineData(
        "\"pv:contradicts_1\": {\n        \"$\": \"claim:az-mistake\",\n        " + QualifiedName + "\n      },",
        "\"pv:contradicts_3\": {\"$\": \"claim:az-mistake\", " + QualifiedName + "},\n      \"pv:contradicts_2\": {\"$\": \"claim:downed\", " + QualifiedName + "},")]
    // A derivation whose types say something else than its kind: both paths take the kind.
    [InlineData("\"pv:kind\": \"direct-quote\"", "\"pv:kind\": \"citing\"")]
    // A typed value with its type first.
    [InlineData("\"$\": \"claim:downed\",\n        " + QualifiedName, QualifiedName + ",\n        \"$\": \"claim:downed\"")]
    public void OneEditInShape_StreamsToTheGeneralImportersGraph(string find, string replace)
    {
        var data = Encoding.UTF8.GetBytes(ReplaceFirst(HandBuilt, find, replace));

        AssertStreams(data);
    }

    [Fact]
    public void NumberedAttributes_OutOfOrder_KeptInNumberOrder()
    {
        var aliases = ReplaceFirst(HandBuilt, "\"pv:alias_1\"", "\"pv:alias_3\"");
        var contradicts = ReplaceFirst(
            HandBuilt,
            "\"pv:contradicts_1\": {\n        \"$\": \"claim:az-mistake\",\n        " + QualifiedName + "\n      },",
            "\"pv:contradicts_3\": {\"$\": \"claim:az-mistake\", " + QualifiedName + "},\n      \"pv:contradicts_2\": {\"$\": \"claim:downed\", " + QualifiedName + "},");

        var tass = AssertStreams(Encoding.UTF8.GetBytes(aliases)).Sources.Single(s => s.Id == "tass");
        var accident = AssertStreams(Encoding.UTF8.GetBytes(contradicts)).Claims.Single(c => c.Id == "accident");

        Assert.Equal<string>(["Tass \"agency\"", "ТАСС"], [.. tass.Aliases]);
        Assert.Equal<string>(["downed", "az-mistake"], [.. accident.Contradicts]);
    }

    [Fact]
    public void MinifiedAndInOtherOrders_Streams()
    {
        // No whitespace, every non-ASCII character and quote escaped (Utf8JsonWriter's default), the records before the
        // delegations and the prefixes last.
        using var document = JsonDocument.Parse(HandBuilt);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            // Relations keep the writer's order, as their keys number them in document order.
            foreach (var name in new[] { "agent", "entity", "actedOnBehalfOf", "wasAttributedTo", "wasDerivedFrom", "wasGeneratedBy", "wasInfluencedBy", "prefix" })
            {
                json.WritePropertyName(name);
                document.RootElement.GetProperty(name).WriteTo(json);
            }

            json.WriteEndObject();
        }

        var data = buffer.ToArray();
        var graph = AssertStreams(data);

        Assert.True(ProvTestGraphs.HandBuilt().ContentEquals(graph));
    }

    [Theory]
    [InlineData(6, true)]
    [InlineData(5, false)]
    [InlineData(4, false)]
    public void NestingLimit_BelowTheShapesDepth_GivesUp(int depth, bool streams)
    {
        var data = Encoding.UTF8.GetBytes(HandBuilt);
        var options = new GraphBuildOptions { Limits = { MaxNestingDepth = depth } };

        if (streams)
        {
            AssertStreams(data, options);
        }
        else
        {
            AssertGivesUp(data, options);
        }
    }

    [Fact]
    public void ScalarLimit_MetExactly_Streams_OneLess_GivesUp()
    {
        var data = Encoding.UTF8.GetBytes(HandBuilt);
        using var document = JsonDocument.Parse(data);
        var longest = Strings(document.RootElement).Max(s => s.Length);

        AssertStreams(data, new GraphBuildOptions { Limits = { MaxScalarLength = longest } });
        AssertGivesUp(data, new GraphBuildOptions { Limits = { MaxScalarLength = longest - 1 } });
    }

    private static IEnumerable<string> Strings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    yield return property.Name;
                    foreach (var s in Strings(property.Value))
                    {
                        yield return s;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var s in element.EnumerateArray().SelectMany(Strings))
                {
                    yield return s;
                }

                break;
            case JsonValueKind.String:
                yield return element.GetString()!;
                break;
        }
    }

    [Fact]
    public void TokenLongerThanTheChunk_WithinTheScalarLimit_BufferGrowsAndStreams()
    {
        // 700 characters written as \u0041 escapes: 4,200 bytes in one token, which needs an 8 KiB buffer from 16-byte
        // chunks; the limit (6 bytes a character and 1 KiB, 5,224 bytes) lets the buffer grow from 4 KiB to 8 KiB.
        var escaped = string.Concat(Enumerable.Repeat("\\u0041", 700));
        var data = Encoding.UTF8.GetBytes(ReplaceFirst(HandBuilt, "\"pv:evidence\": \"According to TASS\"", $"\"pv:evidence\": \"{escaped}\""));
        var options = new GraphBuildOptions { Limits = { MaxScalarLength = 700 } };

        var graph = AssertStreams(data, options, chunkBytes: 16);

        Assert.Contains(graph.Citations, c => c.Evidence == new string('A', 700));
    }

    [Fact]
    public void TokenLongerThanTheScalarLimitAllows_InTheLastRecord_GivesUp()
    {
        // The buffer may grow to 6 bytes a character and 1 KiB (1,624 bytes for a limit of 100); a 3,000-byte token in the
        // document's last record is more: nothing of the document is returned, though every record before it was read.
        var data = Encoding.UTF8.GetBytes(ReplaceFirst(HandBuilt, "\"pv:mode\": \"unknown\"", $"\"pv:mode\": \"unknown\",\n      \"pv:wording\": \"{new string('w', 3_000)}\""));
        var options = new GraphBuildOptions { Limits = { MaxScalarLength = 100 } };

        AssertGivesUp(data, options, chunkBytes: 16);
        var (_, problems) = General(data, options);
        Assert.Contains(problems, p => p.Message.Contains("100", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)' ', 0xBF })]
    [InlineData(new byte[] { (byte)'{', 0xBB, 0xBF })]
    [InlineData(new byte[] { 0xEF, 0xBB })]
    public void BytesThatAreNotAByteOrderMark_BeforeTheDocument_GiveUp(byte[] before)
    {
        byte[] data = [.. before, .. Encoding.UTF8.GetBytes(HandBuilt)];

        AssertGivesUp(data);
    }

    [Fact]
    public void ByteOrderMarkInsideTheDocument_AtEveryChunkBoundary_GivesUp()
    {
        // A byte order mark is only skipped at the start: one after any token of the first 300 bytes, read in 16-byte
        // chunks (so that for some of them the mark starts a chunk), is a syntax error for both paths.
        var text = HandBuilt;
        var checkedPlaces = 0;
        for (var i = 1; i < 300; i++)
        {
            if (text[i - 1] is not ('{' or ',' or ':' or '"' or '}'))
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            byte[] data = [.. bytes[..i], 0xEF, 0xBB, 0xBF, .. bytes[i..]];
            Assert.Null(Streamed(data, chunkBytes: 16));
            checkedPlaces++;
        }

        Assert.True(checkedPlaces > 50);
    }

    [Fact]
    public void InvalidUtf8InAShortValue_GivesUp()
    {
        var bytes = Encoding.UTF8.GetBytes(HandBuilt);
        var label = Encoding.UTF8.GetBytes("\"prov:label\": \"TASS\"");
        var at = bytes.AsSpan().IndexOf(label);
        Assert.True(at >= 0);
        bytes[at + label.Length - 3] = 0xFF;

        AssertGivesUp(bytes);
    }

    /// <summary>Ids that end in a dot (written <c>%2E</c>), a dot inside one (written as it is), and an implicit report id longer than 512 characters.</summary>
    private static CitationGraph Dotted()
    {
        var one = "l1" + new string('x', 190);
        var two = "l2" + new string('y', 190);
        var three = "l3" + new string('z', 190);
        return new CitationGraphBuilder()
            .AddSource(new Source("a.b", "A", SourceKind.Outlet))
            .AddSource(new Source("s.", "S", SourceKind.Outlet))
            .AddSource(new Source(one, "One", SourceKind.Person))
            .AddSource(new Source(two, "Two", SourceKind.Person))
            .AddSource(new Source(three, "Three", SourceKind.Person))
            .AddClaim(new Claim("c.", "A claim."))
            .AddReport(new Report("r.", "a.b", ReportKind.Article))
            .AddReport(Report.Implicit("r.~s.", "s.", "r."))
            // The longest first, so that the first id too long for the reader's 256-character buffer is more than twice as long.
            .AddReport(Report.Implicit($"r.~{one}~{two}~{three}", three, "r."))
            .AddReport(Report.Implicit($"r.~{one}~{two}", two, "r."))
            .AddReport(Report.Implicit($"r.~{one}", one, "r."))
            .AddAssertion(new Assertion("r.~s.", "c.", AssertionMode.FirstHand))
            .AddAssertion(new Assertion($"r.~{one}~{two}~{three}", "c.", AssertionMode.FirstHand))
            .AddCitation(new Citation("r.", "r.~s.", "c.", CitationKind.Citing))
            .AddCitation(new Citation("r.", $"r.~{one}", "c.", CitationKind.Citing))
            .AddCitation(new Citation($"r.~{one}", $"r.~{one}~{two}", "c.", CitationKind.Citing))
            .AddCitation(new Citation($"r.~{one}~{two}", $"r.~{one}~{two}~{three}", "c.", CitationKind.Citing))
            .Build();
    }

    [Fact]
    public void DotsAndLongImplicitIds_Stream()
    {
        var graph = Dotted();
        var data = Export(graph);
        var text = Encoding.UTF8.GetString(data);
        Assert.Contains("\"report:r.%7Es%2E\"", text, StringComparison.Ordinal);
        Assert.Contains("\"report:r%2E\"", text, StringComparison.Ordinal);
        Assert.Contains("\"source:a.b\"", text, StringComparison.Ordinal);

        Assert.True(graph.ContentEquals(AssertStreams(data)));
    }

    [Theory]
    [InlineData("\"prov:entity\": \"report:r%2E\"", "\"prov:entity\": \"report:r.\"")] // a final dot unescaped
    [InlineData("\"prov:agent\": \"source:a.b\"", "\"prov:agent\": \"source:a%2Eb\"")] // a dot inside escaped
    public void DotWrittenTheOtherWay_GivesUp(string find, string replace)
    {
        var data = Encoding.UTF8.GetBytes(ReplaceFirst(Encoding.UTF8.GetString(Export(Dotted())), find, replace));

        AssertGivesUp(data);
    }

    [GeneratedRegex("\"_:id[0-9]+\": \\{")]
    private static partial Regex BlankKey();
}
