using System.Text;
using System.Text.Json;
using Provenance.Prov;

namespace Provenance.Tests.Prov;

public partial class ProvJsonTests
{
    private static ProvImportResult ImportText(string json, string file = "doc.json", GraphBuildOptions? options = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return ProvJson.Import(stream, file, options);
    }

    private static string Q(string prefix, string id) => prefix + ":" + ProvVocabulary.EscapeLocalName(id);

    [SkippableFact]
    public void Export_HandBuiltGraph_IsValidPrefixedProvJson()
    {
        var json = ProvTestGraphs.HandBuilt().ToProvJson();

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["actedOnBehalfOf", "agent", "entity", "prefix", "wasAttributedTo", "wasDerivedFrom", "wasGeneratedBy", "wasInfluencedBy"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(ProvVocabulary.Namespace, root.GetProperty("prefix").GetProperty("pv").GetString());
        var implicitReport = root.GetProperty("entity").GetProperty("report:zh%7Etass%7Eru-mod");
        Assert.Equal("pv:ImplicitReport", implicitReport.GetProperty("prov:type").GetProperty("$").GetString());
        Assert.Equal("report:zh", implicitReport.GetProperty("pv:citedIn").GetProperty("$").GetString());
        Assert.Equal("prov:QUALIFIED_NAME", implicitReport.GetProperty("pv:citedIn").GetProperty("type").GetString());
        var quote = root.GetProperty("wasDerivedFrom").GetProperty("_:id8");
        Assert.Equal("report:zh", quote.GetProperty("prov:generatedEntity").GetString());
        Assert.Equal("report:mod-statement", quote.GetProperty("prov:usedEntity").GetString());
        Assert.Equal(["prov:Quotation", "prov:PrimarySource"], quote.GetProperty("prov:type").EnumerateArray().Select(t => t.GetProperty("$").GetString()));
        Assert.Equal("2020-11-09T13:00:00-05:00", root.GetProperty("wasGeneratedBy").GetProperty("_:id13").GetProperty("prov:time").GetString());
        Assert.DoesNotContain("\r", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Export_SameGraphTwice_SameBytes()
    {
        var graph = ProvTestGraphs.Random(7);
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        ProvJson.Export(graph, first);
        ProvJson.Export(ProvJson.Import(new MemoryStream(first.ToArray()), "x.json").Graph, second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [SkippableFact]
    public void Import_HandBuiltExport_EqualGraphNothingUnmapped()
    {
        var graph = ProvTestGraphs.HandBuilt();

        var result = ImportText(graph.ToProvJson());

        Assert.True(graph.ContentEquals(result.Graph));
        Assert.Empty(result.Unmapped);
    }

    [SkippableFact]
    public void Import_RandomGraphs_RoundTripEqual()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var graph = ProvTestGraphs.Random(seed);

            var result = ImportText(graph.ToProvJson());

            Assert.True(graph.ContentEquals(result.Graph), $"seed {seed}: the imported graph differs from the exported one.");
            Assert.True(result.Unmapped.IsEmpty, $"seed {seed}: unmapped {string.Join("; ", result.Unmapped)}");
        }
    }

    [SkippableFact]
    public void Import_ExportedThroughProvLibrary_RoundTripEqual()
    {
        var directory = Directory.CreateTempSubdirectory("prov-json-");
        try
        {
            var graphs = new[] { (0, ProvTestGraphs.HandBuilt()) }.Concat(Enumerable.Range(1, 40).Select(s => (s, ProvTestGraphs.Random(s)))).ToList();
            var arguments = new List<string> { "rewrite" };
            foreach (var (seed, graph) in graphs)
            {
                var ours = Path.Combine(directory.FullName, $"ours-{seed}.json");
                File.WriteAllText(ours, graph.ToProvJson());
                arguments.AddRange([ours, Path.Combine(directory.FullName, $"theirs-{seed}.json")]);
            }

            PythonProv.Run([.. arguments]);

            foreach (var (seed, graph) in graphs)
            {
                var result = ProvJson.Import(Path.Combine(directory.FullName, $"theirs-{seed}.json"));

                Assert.True(graph.ContentEquals(result.Graph), $"seed {seed} (0 = hand-built): the graph read back from prov's PROV-JSON differs.");
                Assert.True(result.Unmapped.IsEmpty, $"seed {seed}: unmapped {string.Join("; ", result.Unmapped)}");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public void Export_ProvLibraryReadsRandomGraphs_CountsAndRelationsMatch()
    {
        var directory = Directory.CreateTempSubdirectory("prov-json-");
        try
        {
            var graphs = new[] { (0, ProvTestGraphs.HandBuilt()) }.Concat(Enumerable.Range(100, 40).Select(s => (s, ProvTestGraphs.Random(s)))).ToList();
            var files = graphs.Select(g => Path.Combine(directory.FullName, $"g-{g.Item1}.json")).ToList();
            for (var i = 0; i < graphs.Count; i++)
            {
                File.WriteAllText(files[i], graphs[i].Item2.ToProvJson());
            }

            var summaries = PythonProv.Run(["summary", .. files]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(graphs.Count, summaries.Length);
            foreach (var ((seed, graph), line) in graphs.Zip(summaries))
            {
                using var summary = JsonDocument.Parse(line);
                var root = summary.RootElement;
                var message = $"seed {seed} (0 = hand-built)";
                Assert.True(graph.Sources.Length + graph.Affiliations.Length == root.GetProperty("agents").GetInt32(), message + ": agents");
                Assert.True(graph.Reports.Length + graph.Claims.Length == root.GetProperty("entities").GetInt32(), message + ": entities");
                Assert.True(0 == root.GetProperty("activities").GetInt32(), message + ": activities");
                var relations = root.GetProperty("relations");
                int Count(string type) => relations.TryGetProperty(type, out var n) ? n.GetInt32() : 0;
                Assert.True(graph.Citations.Length == Count("wasDerivedFrom"), message + ": wasDerivedFrom");
                Assert.True(graph.Reports.Length == Count("wasAttributedTo"), message + ": wasAttributedTo");
                Assert.True(graph.Reports.Count(r => r.Published is not null) == Count("wasGeneratedBy"), message + ": wasGeneratedBy");
                Assert.True(graph.Assertions.Length == Count("wasInfluencedBy"), message + ": wasInfluencedBy");
                Assert.True(graph.Sources.Count(s => s.Affiliation is not null) == Count("actedOnBehalfOf"), message + ": actedOnBehalfOf");
                Assert.True(relations.EnumerateObject().Count() == relations.EnumerateObject().Count(p => p.Value.GetInt32() > 0), message);

                var expectedDerivations = graph.Citations.Select(c =>
                {
                    var types = new List<string>();
                    if (c.Kind == CitationKind.DirectQuote)
                    {
                        types.Add("prov:Quotation");
                    }

                    if (graph.TryGetAssertion(c.To, c.Claim, out var a) && a.Mode == AssertionMode.FirstHand)
                    {
                        types.Add("prov:PrimarySource");
                    }

                    return string.Join(" ", [Q("report", c.From), Q("report", c.To), string.Join(",", types.Order(StringComparer.Ordinal)), Q("claim", c.Claim), ProvenanceNames.Of(c.Kind)]);
                });
                var actualDerivations = root.GetProperty("derivations").EnumerateArray().Select(d =>
                    string.Join(" ", [d[0].GetString()!, d[1].GetString()!, string.Join(",", d[2].EnumerateArray().Select(t => t.GetString())), d[3][0].GetString()!, d[4][0].GetString()!]));
                Assert.True(expectedDerivations.SequenceEqual(actualDerivations), message + ": derivations differ");

                var expectedAttributions = graph.Reports.Select(r => Q("report", r.Id) + " " + Q("source", r.Source));
                var actualAttributions = root.GetProperty("attributions").EnumerateArray().Select(a => a[0].GetString() + " " + a[1].GetString());
                Assert.True(expectedAttributions.SequenceEqual(actualAttributions), message + ": attributions differ");

                var expectedGenerations = graph.Reports.Where(r => r.Published is not null).Select(r => Q("report", r.Id) + " " + r.Published!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
                var actualGenerations = root.GetProperty("generations").EnumerateArray().Select(g => g[0].GetString() + " " + g[1].GetString());
                Assert.True(expectedGenerations.SequenceEqual(actualGenerations), message + ": generations differ");

                var expectedInfluences = graph.Assertions.Select(a => Q("report", a.Report) + " " + Q("claim", a.Claim) + " " + ProvenanceNames.Of(a.Mode));
                var actualInfluences = root.GetProperty("influences").EnumerateArray().Select(i => i[0].GetString() + " " + i[1].GetString() + " " + i[2][0].GetString());
                Assert.True(expectedInfluences.SequenceEqual(actualInfluences), message + ": influences differ");

                var expectedDelegations = graph.Sources.Where(s => s.Affiliation is not null).Select(s => Q("source", s.Id) + " " + Q("affiliation", s.Affiliation!));
                var actualDelegations = root.GetProperty("delegations").EnumerateArray().Select(d => d[0].GetString() + " " + d[1].GetString());
                Assert.True(expectedDelegations.SequenceEqual(actualDelegations), message + ": delegations differ");

                var types = root.GetProperty("types");
                foreach (var claim in graph.Claims)
                {
                    Assert.True(types.GetProperty(Q("claim", claim.Id))[0].GetString() == "pv:Claim", message + $": claim {claim.Id} type");
                }
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
