using System.Text.Json;

namespace Provenance.Cli.Tests.Commands;

/// <summary>The JSON of sources, claims, origins, cycles, drift and impact.</summary>
public class QueryCommandsTests
{
    private static JsonElement Json(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();

    [Fact]
    public void Sources_Json_ListsEverySourceWithRelayCounts()
    {
        var root = Json("sources", TestFiles.Small, "--json");

        var sources = root.GetProperty("sources").EnumerateArray().ToList();
        Assert.Equal(["ru-mod", "tass", "az-mfa", "zerohedge", "blog"], sources.Select(s => s.GetProperty("id").GetString()));
        var tass = sources[1];
        Assert.Equal("news-agency", tass.GetProperty("kind").GetString());
        Assert.Equal("ru-state", tass.GetProperty("affiliation").GetString());
        Assert.Equal(["ТАСС"], Strings(tass.GetProperty("aliases")));
        Assert.Equal(0, tass.GetProperty("reports").GetInt32());
        Assert.Equal(1, tass.GetProperty("relayed").GetInt32());
        Assert.Equal(1, sources[4].GetProperty("unattributedAssertions").GetInt32());
        var pair = root.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("citedSource").GetString() == "az-mfa");
        Assert.Equal(("zerohedge", 1, 1), (pair.GetProperty("citingSource").GetString(), pair.GetProperty("citations").GetInt32(), pair.GetProperty("hedged").GetInt32()));
    }

    [Fact]
    public void Claims_Json_GivesPrimarySourcesAndOriginCounts()
    {
        var claims = Json("claims", TestFiles.Small, "--json").GetProperty("claims").EnumerateArray().ToList();

        Assert.Equal(["downed", "mistake", "crew"], claims.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["ru-mod"], Strings(claims[0].GetProperty("primarySources")));
        Assert.Equal([1, 1, 0], claims.Select(c => c.GetProperty("independentOrigins").GetInt32()));
        Assert.Equal("Two crew members were killed.", claims[2].GetProperty("text").GetString());
    }

    [Fact]
    public void Claims_Table_ListsEveryClaim()
    {
        var run = CliRun.Of("claims", TestFiles.Small);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("│ downed  │ A Russian Mi-24 was shot down over Armenia.     │ ru-mod          │ 1                   │\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("│ crew    │ Two crew members were killed.                   │ none            │ 0                   │\n", run.Output, StringComparison.Ordinal);
        var rows = run.Output.Split('\n').Where(l => l.StartsWith("│ ", StringComparison.Ordinal)).Skip(1).Select(l => l.Split('│')[1].Trim()).ToList();
        Assert.Equal(["downed", "mistake", "crew"], rows);
    }

    [Fact]
    public void Origins_Json_GroupsByAffiliation()
    {
        var root = Json("origins", TestFiles.Small, "downed", "--json");

        Assert.Equal("downed", root.GetProperty("claim").GetString());
        Assert.Equal(1, root.GetProperty("independentOrigins").GetInt32());
        var group = root.GetProperty("groups")[0];
        Assert.Equal("ru-state", group.GetProperty("affiliation").GetString());
        Assert.Equal(["ru-mod"], Strings(group.GetProperty("sources")));
    }

    [Fact]
    public void Origins_Text_NamesGroups()
    {
        var run = CliRun.Of("origins", TestFiles.Small, "downed");

        Assert.Equal("downed: A Russian Mi-24 was shot down over Armenia.\nIndependent origins: 1\n  Russian state: Russian Ministry of Defence (ru-mod)\n", run.Output);
    }

    [Fact]
    public void Cycles_Text_ListsOverallAndPerClaimCycles()
    {
        var run = CliRun.Of("cycles", TestFiles.Small);

        Assert.Equal(
            "Cycle 1 (all claims): blog-crew, zh-crew\n  blog-crew -> zh-crew (crew, citing)\n  zh-crew -> blog-crew (crew, paraphrase)\n"
            + "Cycle 2 (claim crew): blog-crew, zh-crew\n  blog-crew -> zh-crew (crew, citing)\n  zh-crew -> blog-crew (crew, paraphrase)\n",
            run.Output);
    }

    [Fact]
    public void Cycles_ClaimWithoutCycle_SaysSo()
    {
        var run = CliRun.Of("cycles", TestFiles.Small, "--claim", "downed");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No circular reporting for claim 'downed'.\n", run.Output);
    }

    [Fact]
    public void Cycles_Json_HasReportsAndCitations()
    {
        var cycles = Json("cycles", TestFiles.Small, "--claim", "crew", "--json").GetProperty("cycles");

        Assert.Equal(1, cycles.GetArrayLength());
        Assert.Equal("crew", cycles[0].GetProperty("claim").GetString());
        Assert.Equal(["blog-crew", "zh-crew"], Strings(cycles[0].GetProperty("reports")));
        Assert.Equal("paraphrase", cycles[0].GetProperty("citations")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void Drift_Json_GivesWordsAddedAndRemoved()
    {
        var drift = Json("drift", TestFiles.Small, "mistake", "--json").GetProperty("drifts")[0];

        Assert.Equal(("zh-article", "az-statement"), (drift.GetProperty("from").GetString(), drift.GetProperty("to").GetString()));
        Assert.Equal("Azerbaijan downed Russian helicopter by mistake", drift.GetProperty("fromWording").GetString());
        Assert.Equal("shot down by mistake", drift.GetProperty("toWording").GetString());
        Assert.Equal(["azerbaijan", "downed", "russian", "helicopter"], Strings(drift.GetProperty("added")));
        Assert.Equal(["shot", "down"], Strings(drift.GetProperty("removed")));
    }

    [Fact]
    public void Impact_Json_DownstreamAndUpstream()
    {
        var down = Json("impact", TestFiles.Small, "tass", "--json");
        var up = Json("impact", TestFiles.Small, "zh-article", "--upstream", "--json");

        Assert.Equal("downstream", down.GetProperty("direction").GetString());
        Assert.Equal(["zh-article"], Strings(down.GetProperty("reports")));
        Assert.Equal(["zerohedge"], Strings(down.GetProperty("sources")));
        Assert.Equal("upstream", up.GetProperty("direction").GetString());
        Assert.Equal(["az-statement", "zh-article~tass", "zh-article~tass~ru-mod"], Strings(up.GetProperty("reports")));
    }

    [Fact]
    public void Impact_UnknownNode_ExitsOneWithSuggestion()
    {
        var run = CliRun.Of("impact", TestFiles.Small, "zerohedg");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown source or report 'zerohedg'; did you mean 'zerohedge'?\n", run.Error);
    }
}
