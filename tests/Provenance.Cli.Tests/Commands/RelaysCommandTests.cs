using System.Text;
using System.Text.Json;

namespace Provenance.Cli.Tests.Commands;

/// <summary><c>provenance relays</c>: hidden relays in a graph, shared passages between article texts.</summary>
public class RelaysCommandTests
{
    private const string Copy = "The crash was caused by a loss of control after a missile hit the aircraft";

    [Fact]
    public void Relays_BundledGraph_PrintsTheEurAsianTimesFindings()
    {
        var run = CliRun.Of("relays", Repository.BundledGraph);

        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, run.ToString());
        var lines = run.Output.Split('\n');
        Assert.Equal(
            [
                "lost-control: eurasian-times credits ru-mod; the wording matches sputnik as relayed by zerohedge (score 0.71, similarity 1.00, undated: no direction)",
                "manpads: eurasian-times credits ru-mod; the wording matches sputnik as relayed by zerohedge (score 0.59, similarity 1.00, undated: no direction)",
                "near-yeraskh: eurasian-times credits ru-mod; the wording matches sputnik as relayed by zerohedge (score 0.49, similarity 0.78, undated: no direction)",
            ],
            lines.Where(l => !l.StartsWith(' ') && l.Length > 0));
        Assert.Contains("  shared: \"the crash was caused by a loss of control after a missile hit the aircraft\"", lines);
    }

    [Fact]
    public void Relays_Json_HasBothSidesAndTheSharedPassages()
    {
        var run = CliRun.Of("relays", Repository.BundledGraph, "--json", "--claim", "manpads");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var relay = Assert.Single(document.RootElement.GetProperty("relays").EnumerateArray().ToList());
        Assert.Equal("manpads", relay.GetProperty("claim").GetString());
        Assert.False(relay.GetProperty("directed").GetBoolean());
        Assert.Equal("eurasiantimes-az-shoots-down", relay.GetProperty("relaying").GetProperty("report").GetString());
        Assert.Equal(["ru-mod"], relay.GetProperty("relaying").GetProperty("credits").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("zerohedge-az-by-mistake~sputnik", relay.GetProperty("relayed").GetProperty("speaker").GetString());
        Assert.Equal("sputnik", relay.GetProperty("relayed").GetProperty("speakerSource").GetString());
        Assert.Equal(["using a man-portable air-defence system (SAM)"], relay.GetProperty("relayed").GetProperty("passages").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, document.RootElement.GetProperty("omitted").GetInt32());
    }

    [Fact]
    public void Relays_HighThreshold_FindsNothingAndSaysSo()
    {
        var run = CliRun.Of("relays", Repository.BundledGraph, "--min-similarity", "1", "--claim", "near-yeraskh");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No hidden relays: every near-identical wording is explained by the citations.\n", run.Output);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("NaN")]
    public void Relays_MinSimilarityOutOfRange_IsAUsageError(string value)
    {
        var run = CliRun.Of("relays", Repository.BundledGraph, "--min-similarity", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--min-similarity must be between 0 and 1", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Relays_Texts_ListsSharedPassagesWithOffsets()
    {
        using var temp = new TestFiles.TempFolder();
        var first = temp.File("wire.txt");
        var second = temp.File("copy.txt");
        File.WriteAllText(first, "MOSCOW, Nov 9. " + Copy + ", the ministry added.\n");
        File.WriteAllText(second, "Officials said the crash was caused by a loss of control after a missile hit the aircraft.\n");

        var run = CliRun.Of("relays", "--texts", first, second, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        var match = Assert.Single(document.RootElement.GetProperty("matches").EnumerateArray().ToList());
        var passage = Assert.Single(match.GetProperty("passages").EnumerateArray().ToList());
        Assert.Equal(15, passage.GetProperty("firstSpan").GetProperty("start").GetInt32());
        Assert.Equal(Copy, passage.GetProperty("firstSpan").GetProperty("text").GetString());
        Assert.Equal(15, passage.GetProperty("secondSpan").GetProperty("start").GetInt32());
        Assert.Equal(Math.Round(74 / 89.0, 6), match.GetProperty("similarity").GetDouble());  // "officials said " is not shared
    }

    [Fact]
    public void Relays_TextsNotUtf8OrBinary_AreInputErrorsNamingTheFile()
    {
        using var temp = new TestFiles.TempFolder();
        var latin1 = temp.File("latin1.txt");
        var binary = temp.File("binary.txt");
        File.WriteAllBytes(latin1, Encoding.Latin1.GetBytes("Caf\u00e9 au lait, the crash was caused by a loss of control"));
        File.WriteAllBytes(binary, [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1]);

        var notUtf8 = CliRun.Of("relays", "--texts", latin1, latin1);
        var notText = CliRun.Of("relays", "--texts", binary, latin1);

        Assert.Equal(1, notUtf8.ExitCode);
        Assert.Contains($"{latin1}: error: not valid UTF-8", notUtf8.Error, StringComparison.Ordinal);
        Assert.Equal(1, notText.ExitCode);
        Assert.Contains($"{binary}: error: not a text file", notText.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Relays_TwoGraphsWithoutTexts_IsAUsageError()
    {
        var run = CliRun.Of("relays", Repository.BundledGraph, Repository.BundledGraph);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("add --texts", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Two articles: an agency's copy relayed with its credit, and the same words printed with no credit at all.</summary>
    private static string Articles(TestFiles.TempFolder temp)
    {
        File.WriteAllText(temp.File("relay.txt"), "Agency report\n\nNorthwind Agency, citing the Defence Ministry, said that the crash was caused by a loss of control after a missile hit the aircraft near the border.\n");
        File.WriteAllText(temp.File("hidden.txt"), "Crash near the border\n\nThe crash was caused by a loss of control after a missile hit the aircraft near the border. Two crew members died.\n");
        File.WriteAllText(temp.File("sources.yaml"), "sources:\n  - { id: northwind, name: Northwind Agency, kind: news-agency }\n  - { id: defence-ministry, name: Defence Ministry, kind: government }\nclaims: []\nreports: []\n");
        var manifest = temp.File("articles.yaml");
        File.WriteAllText(manifest, "articles:\n  - file: relay.txt\n    source: relay-news\n  - file: hidden.txt\n    source: hidden-post\n");
        return manifest;
    }

    [Fact]
    public void Relays_Manifest_FindsTheUncreditedCopyWithPositions()
    {
        using var temp = new TestFiles.TempFolder();
        var manifest = Articles(temp);

        var run = CliRun.Of("relays", "--manifest", manifest, "--sources", temp.File("sources.yaml"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "hidden-post credits no one; the wording matches northwind as relayed by relay-news (score 90, similarity 0.67)",
                $"  {temp.File("hidden.txt")}:3:1: \"The crash was caused by a loss of control after a missile hit the aircraft near the border\"",
                $"  {temp.File("relay.txt")}:3:58: \"the crash was caused by a loss of control after a missile hit the aircraft near the border\"",
                "",
            ],
            run.Output.Split('\n'));

        var json = CliRun.Of("relays", "--manifest", manifest, "--sources", temp.File("sources.yaml"), "--json");
        using var document = JsonDocument.Parse(json.Output);
        var relay = Assert.Single(document.RootElement.GetProperty("relays").EnumerateArray().ToList());
        Assert.Equal(("hidden-post", "relay-news", "northwind"), (relay.GetProperty("relayingSource").GetString(), relay.GetProperty("relayedSource").GetString(), relay.GetProperty("wordsOf").GetString()));
        Assert.True(relay.GetProperty("directed").GetBoolean());
        Assert.Empty(relay.GetProperty("credits").EnumerateArray());
        Assert.Equal(72, relay.GetProperty("relayedSpan").GetProperty("start").GetInt32());
    }

    [Fact]
    public void Extract_Manifest_ProposesTheHiddenHopAsInferred_AndTheDraftValidates()
    {
        using var temp = new TestFiles.TempFolder();
        var manifest = Articles(temp);
        var draft = temp.File("draft.yaml");

        var run = CliRun.Of("extract", "--manifest", manifest, "--sources", temp.File("sources.yaml"), "-o", draft);
        var plain = CliRun.Of("extract", "--manifest", manifest, "--sources", temp.File("sources.yaml"), "--no-relays");

        Assert.True(run.ExitCode == 0, run.ToString());
        var yaml = File.ReadAllText(draft);
        Assert.Contains("# inferred hop, not stated by the text: hidden-post credits no one; the wording matches northwind as relayed by relay-news", yaml, StringComparison.Ordinal);
        Assert.Contains("- source: northwind\n            kind: inferred\n            evidence: \"The crash was caused by a loss of control after a missile hit the aircraft near the border\"", yaml, StringComparison.Ordinal);
        var validate = CliRun.Of("validate", draft);
        Assert.True(validate.ExitCode == 0, validate.ToString() + yaml);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.DoesNotContain("inferred", plain.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--texts")]
    [InlineData("--claim", "c")]
    [InlineData("--min-similarity", "0.5")]
    public void Relays_ManifestWithGraphOptions_IsAUsageError(params string[] extra)
    {
        var run = CliRun.Of(["relays", "--manifest", "articles.yaml", .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--manifest takes the articles from the manifest", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Relays_NothingToCompare_IsAUsageError()
    {
        Assert.Contains("relays needs a graph, article texts with --texts, or --manifest", CliRun.Of("relays").Error, StringComparison.Ordinal);
        Assert.Contains("--sources applies to --manifest", CliRun.Of("relays", Repository.BundledGraph, "--sources", Repository.BundledGraph).Error, StringComparison.Ordinal);
    }
}
