using Provenance.Yaml;

namespace Provenance.Tests.Yaml;

/// <summary>
/// What the YAML writer writes for text that needs escapes and for chains around the inline-depth cap; aimed at the
/// surviving mutants of YamlGraphWriter.cs in tests/mutation-survivors/Yaml.txt.
/// </summary>
public class YamlWriterMutationTests
{
    private static CitationGraph Named(string name) => new CitationGraphBuilder()
        .AddSource(new Source("s", name, SourceKind.Outlet))
        .Build();

    // Characters as code points: attribute data cannot carry lone surrogates (metadata is UTF-8).
    [Theory]
    [InlineData(new[] { 'a', '\0', 'b' }, "\"a\\0b\"")]
    [InlineData(new[] { 'a', '\r', 'b' }, "\"a\\rb\"")]
    [InlineData(new[] { 'a', '\t', 'b' }, "\"a\\tb\"")]
    [InlineData(new[] { 'a', '\u0001', 'b' }, "\"a\\u0001b\"")]
    [InlineData(new[] { 'a', '\u001F', 'b' }, "\"a\\u001Fb\"")]
    [InlineData(new[] { 'a', '\u007E', 'b' }, "a~b")]
    [InlineData(new[] { 'a', '\u007F', 'b' }, "\"a\\u007Fb\"")]
    [InlineData(new[] { 'a', '\u0080', 'b' }, "\"a\\u0080b\"")]
    [InlineData(new[] { 'a', '\u0085', 'b' }, "\"a\\Nb\"")]
    [InlineData(new[] { 'a', '\u009F', 'b' }, "\"a\\u009Fb\"")]
    [InlineData(new[] { 'a', '\u00A0', 'b' }, "\"a\\_b\"")]
    [InlineData(new[] { 'a', '\u00A1', 'b' }, "a\u00A1b")]
    [InlineData(new[] { 'a', '\u2028', 'b' }, "\"a\\Lb\"")]
    [InlineData(new[] { 'a', '\u2029', 'b' }, "\"a\\Pb\"")]
    [InlineData(new[] { 'a', '\u3000', 'b' }, "\"a\u3000b\"")]
    [InlineData(new[] { 'a', '\uFEFF', 'b' }, "\"a\\uFEFFb\"")]
    [InlineData(new[] { 'a', '\uE000', 'b' }, "\"a\uE000b\"")]
    public void ToYaml_Name_IsWrittenPlainOrEscaped(char[] name, string expected)
    {
        var yaml = ProvenanceYaml.ToYaml(Named(new string(name)));

        Assert.Contains("\n    name: " + expected + "\n", yaml, StringComparison.Ordinal);
        Assert.Equal(new string(name), ProvenanceYaml.Parse(yaml).Sources[0].Name);
    }

    [Theory]
    [InlineData(new[] { 0xD83D, 0xDE81 }, "\"\uD83D\uDE81\"")]
    [InlineData(new[] { 'a', 0xD83D }, "\"a\\uD83D\"")]
    [InlineData(new[] { 0xD83D, 'x' }, "\"\\uD83Dx\"")]
    [InlineData(new[] { 'x', 0xDE81 }, "\"x\\uDE81\"")]
    [InlineData(new[] { 0xDE81, 0xD83D }, "\"\\uDE81\\uD83D\"")]
    public void Scalar_Surrogates_PairsStayAndLoneOnesAreEscaped(int[] name, string expected)
    {
        var text = new string([.. name.Select(c => (char)c)]);
        var yaml = ProvenanceYaml.ToYaml(new CitationGraphBuilder().AddClaim(new Claim("c", text)).Build());

        Assert.Contains("\n    text: " + expected + "\n", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16, 0)]
    [InlineData(17, 1)]
    [InlineData(20, 1)]
    public void ToYaml_Chain_IsInlineUpToTheCapThenExplicit(int hops, int explicitReports)
    {
        var graph = ProvenanceYaml.Parse(YamlReaderMutationTests.Chain(hops));
        var written = ProvenanceYaml.ToYaml(graph);

        var back = ProvenanceYaml.Parse(written);

        // Past the cap the 17th hop's report is written on its own, and its chain inline under it again.
        Assert.Equal(16, YamlGraphWriter.MaxInlineDepth);
        Assert.Equal(explicitReports, written.Split('\n').Count(l => l.StartsWith("    cited-in: r", StringComparison.Ordinal)));
        Assert.Equal(graph.Reports, back.Reports);
        Assert.Equal(graph.Citations, back.Citations);

        // Known loss: the explicit report's assertions are read after the chain's, so past the cap the assertions come back
        // in another order (ContentEquals is order-sensitive and says false); as a set they are the same.
        Assert.Equal(graph.Assertions.Order(AssertionOrder.Instance), back.Assertions.Order(AssertionOrder.Instance));
        Assert.Equal(explicitReports == 0, graph.ContentEquals(back));
    }

    private sealed class AssertionOrder : IComparer<Assertion>
    {
        public static readonly AssertionOrder Instance = new();

        public int Compare(Assertion? x, Assertion? y) =>
            string.CompareOrdinal(x!.Report, y!.Report) is var byReport and not 0 ? byReport : string.CompareOrdinal(x.Claim, y.Claim);
    }
}
