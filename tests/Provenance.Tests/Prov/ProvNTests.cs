using System.Text;
using Provenance.Prov;

namespace Provenance.Tests.Prov;

public class ProvNTests
{
    /// <summary>
    /// Puts the attributes inside each <c>[...]</c> in ordinal order (PROV attribute values are sets, and the prov
    /// library keeps them in Python set order) and trims line ends and the end of the text; line order is kept.
    /// </summary>
    internal static string Normalise(string provN)
    {
        var output = new StringBuilder(provN.Length);
        var i = 0;
        while (i < provN.Length)
        {
            var c = provN[i];
            if (c == '"' || c == '\'')
            {
                var end = SkipLiteral(provN, i);
                output.Append(provN, i, end - i);
                i = end;
            }
            else if (c == '[')
            {
                var items = new List<string>();
                var start = ++i;
                while (provN[i] != ']')
                {
                    if (provN[i] is '"' or '\'')
                    {
                        i = SkipLiteral(provN, i);
                    }
                    else if (provN[i] == ',' && provN[i + 1] == ' ')
                    {
                        items.Add(provN[start..i]);
                        i += 2;
                        start = i;
                    }
                    else
                    {
                        i++;
                    }
                }

                items.Add(provN[start..i]);
                items.Sort(StringComparer.Ordinal);
                output.Append('[').AppendJoin(", ", items).Append(']');
                i++;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return string.Join("\n", output.ToString().Split('\n').Select(l => l.TrimEnd(' '))).TrimEnd();
    }

    private static int SkipLiteral(string text, int i)
    {
        var quote = text[i];
        var close = quote == '"' && string.CompareOrdinal(text, i, "\"\"\"", 0, 3) == 0 ? "\"\"\"" : quote.ToString();
        i += close.Length;
        while (string.CompareOrdinal(text, i, close, 0, close.Length) != 0)
        {
            i += text[i] == '\\' ? 2 : 1;
        }

        return i + close.Length;
    }

    [SkippableFact]
    public void Export_HandBuiltGraph_ExactText()
    {
        var text = ProvTestGraphs.HandBuilt().ToProvN();

        Assert.Equal(
            """"
            document
              prefix affiliation <https://github.com/provenance-graph/provenance/ns/affiliation/>
              prefix claim <https://github.com/provenance-graph/provenance/ns/claim/>
              prefix pv <https://github.com/provenance-graph/provenance/ns#>
              prefix report <https://github.com/provenance-graph/provenance/ns/report/>
              prefix source <https://github.com/provenance-graph/provenance/ns/source/>

              actedOnBehalfOf(source:ru-mod, affiliation:ru-state, -)
              actedOnBehalfOf(source:tass, affiliation:ru-state, -)
              agent(affiliation:ru-state, [prov:label="Russian state", prov:type='pv:Affiliation', pv:description="Russian government bodies and state-owned media."])
              agent(source:ru-mod, [prov:label="Russian Ministry of Defence", prov:type='prov:Organization', pv:country="RU", pv:kind="government"])
              agent(source:tass, [prov:label="TASS", prov:type='prov:Organization', pv:alias_1="ТАСС", pv:alias_2="Tass \"agency\"", pv:kind="news-agency", pv:url="https://tass.com" %% xsd:anyURI])
              agent(source:zerohedge, [prov:label="ZeroHedge", prov:type='prov:Organization', pv:kind="outlet"])
              agent(source:locals, [prov:label="Locals' videos", pv:kind="social-media"])
              entity(claim:downed, [prov:type='pv:Claim', pv:text="A Russian Mi-24 was shot down."])
              entity(claim:az-mistake, [prov:type='pv:Claim', pv:text="Azerbaijan shot the helicopter down by mistake."])
              entity(claim:accident, [prov:type='pv:Claim', pv:contradicts_1='claim:az-mistake', pv:text="The helicopter crashed by accident."])
              entity(report:mod-statement, [prov:type='pv:Report', pv:kind="statement", pv:language="ru"])
              entity(report:zh, [prov:label="Azerbaijan Says It Shot Down Russian Helicopter \"By Mistake\"", prov:type='pv:Report', pv:kind="article", pv:language="en", pv:url="https://example.org/zh" %% xsd:anyURI])
              entity(report:zh%7Etass, [prov:type='pv:ImplicitReport', pv:citedIn='report:zh', pv:kind="other"])
              entity(report:zh%7Etass%7Eru-mod, [prov:type='pv:ImplicitReport', pv:citedIn='report:zh', pv:kind="other"])
              entity(report:zh%7Elocals, [prov:type='pv:ImplicitReport', pv:citedIn='report:zh', pv:kind="other"])
              wasAttributedTo(report:mod-statement, source:ru-mod)
              wasAttributedTo(report:zh, source:zerohedge)
              wasAttributedTo(report:zh%7Etass, source:tass)
              wasAttributedTo(report:zh%7Etass%7Eru-mod, source:ru-mod)
              wasAttributedTo(report:zh%7Elocals, source:locals)
              wasDerivedFrom(report:zh, report:mod-statement, -, -, -, [prov:type='prov:Quotation', prov:type='prov:PrimarySource', pv:claim='claim:downed', pv:evidence="\"shot down\", the ministry said", pv:kind="direct-quote"])
              wasDerivedFrom(report:zh, report:zh%7Etass, -, -, -, [pv:claim='claim:az-mistake', pv:evidence="According to TASS", pv:kind="according-to"])
              wasDerivedFrom(report:zh%7Etass, report:zh%7Etass%7Eru-mod, -, -, -, [prov:type='prov:PrimarySource', pv:claim='claim:az-mistake', pv:evidence="citing the ministry", pv:hedge="reportedly", pv:kind="citing"])
              wasDerivedFrom(report:zh, report:zh%7Elocals, -, -, -, [pv:claim='claim:downed', pv:evidence="""videos purport to show
            the crash""", pv:hedge="purported", pv:kind="confirms"])
              wasGeneratedBy(report:mod-statement, -, 2020-11-09T19:00:00+03:00)
              wasGeneratedBy(report:zh, -, 2020-11-09T13:00:00-05:00)
              wasInfluencedBy(report:mod-statement, claim:downed, [prov:type='pv:Assertion', pv:mode="first-hand", pv:wording="Mi-24 helicopter was shot down"])
              wasInfluencedBy(report:zh, claim:downed, [prov:type='pv:Assertion', pv:mode="attributed", pv:wording="shot down"])
              wasInfluencedBy(report:zh, claim:az-mistake, [prov:type='pv:Assertion', pv:mode="attributed"])
              wasInfluencedBy(report:zh%7Etass%7Eru-mod, claim:az-mistake, [prov:type='pv:Assertion', pv:mode="first-hand"])
              wasInfluencedBy(report:zh%7Etass, claim:az-mistake, [prov:type='pv:Assertion', pv:mode="attributed"])
              wasInfluencedBy(report:zh%7Elocals, claim:downed, [prov:type='pv:Assertion', pv:mode="unknown"])
            endDocument

            """",
            text);
    }

    [SkippableFact]
    public void Export_BackslashAndCarriageReturn_EscapedAsProvNRequires()
    {
        var graph = new CitationGraphBuilder()
            .AddSource(new Source("s", "back\\slash and cr\r and \"quote\"", SourceKind.Other))
            .Build();

        var line = graph.ToProvN().Split('\n').Single(l => l.StartsWith("  agent(", StringComparison.Ordinal));

        Assert.Equal("  agent(source:s, [prov:label=\"back\\\\slash and cr\\r and \\\"quote\\\"\", pv:kind=\"other\"])", line);
    }

    [SkippableFact]
    public void Export_SameAsProvLibrary_AfterNormalisingAttributeOrder()
    {
        var directory = Directory.CreateTempSubdirectory("prov-n-");
        try
        {
            // prov writes a backslash unescaped and a lone carriage return raw, both outside the PROV-N grammar;
            // the random graphs here leave those two out (Export_BackslashAndCarriageReturn_EscapedAsProvNRequires covers them).
            var graphs = new[] { (0, ProvTestGraphs.HandBuilt()) }.Concat(Enumerable.Range(300, 40).Select(s => (s, ProvTestGraphs.Random(s, plain: true)))).ToList();
            var files = graphs.Select(g => Path.Combine(directory.FullName, $"g-{g.Item1}.json")).ToList();
            for (var i = 0; i < graphs.Count; i++)
            {
                File.WriteAllText(files[i], graphs[i].Item2.ToProvJson());
            }

            var documents = PythonProv.Run(["provn", .. files]).Split('\0');
            Assert.Equal(graphs.Count, documents.Length);
            foreach (var ((seed, graph), theirs) in graphs.Zip(documents))
            {
                Assert.True(Normalise(theirs) == Normalise(graph.ToProvN()), $"seed {seed} (0 = hand-built): PROV-N differs from prov's.\nprov:\n{theirs}\nours:\n{graph.ToProvN()}");
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public void Normalise_AttributesOutOfOrder_Sorted()
    {
        Assert.Equal(
            "document\n  entity(a, [b=\"x, y\", c='p:q'])\nendDocument",
            Normalise("document\n  entity(a, [c='p:q', b=\"x, y\"])  \nendDocument\n"));
    }
}
