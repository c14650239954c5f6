using System.Text.Json;

namespace Provenance.Cli.Tests.Commands;

public class TraceCommandTests
{
    [Fact]
    public void Trace_Tree_ShowsChainsHopsEvidenceAndEnds()
    {
        var run = CliRun.Of("trace", TestFiles.Small, "downed");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            downed: A Russian Mi-24 was shot down over Armenia.
            ├── chain 1: mod-statement (Russian Ministry of Defence), 0 hops
            │   └── primary source: Russian Ministry of Defence (mod-statement)
            └── chain 2: zh-article (ZeroHedge), 2 hops
                ├── according-to → zh-article~tass (TASS)
                │   └── "According to TASS"
                ├── citing → zh-article~tass~ru-mod (Russian Ministry of Defence)
                │   └── "citing the Russian defence ministry"
                └── primary source: Russian Ministry of Defence (mod-statement)
            Primary sources: Russian Ministry of Defence
            Independent origins: 1 (Russian state: Russian Ministry of Defence)

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Trace_Json_HasDocumentedShape()
    {
        var run = CliRun.Of("trace", TestFiles.Small, "downed", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal("downed", root.GetProperty("claim").GetString());
        Assert.Equal(["ru-mod"], root.GetProperty("primarySources").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(1, root.GetProperty("independentOrigins").GetInt32());

        var chains = root.GetProperty("chains").EnumerateArray().ToList();
        Assert.Equal(2, chains.Count);
        Assert.Equal("mod-statement", chains[0].GetProperty("report").GetString());
        Assert.Equal(0, chains[0].GetProperty("hops").GetArrayLength());

        var chain = chains[1];
        Assert.Equal("zh-article", chain.GetProperty("report").GetString());
        Assert.Equal("zerohedge", chain.GetProperty("source").GetString());
        var hop = chain.GetProperty("hops")[0];
        Assert.Equal("zh-article", hop.GetProperty("from").GetString());
        Assert.Equal("zh-article~tass", hop.GetProperty("to").GetString());
        Assert.Equal("tass", hop.GetProperty("toSource").GetString());
        Assert.Equal("according-to", hop.GetProperty("kind").GetString());
        Assert.Equal("none", hop.GetProperty("hedge").GetString());
        Assert.Equal("According to TASS", hop.GetProperty("evidence").GetString());
        var end = chain.GetProperty("end");
        Assert.Equal("primary", end.GetProperty("kind").GetString());
        Assert.Equal("zh-article~tass~ru-mod", end.GetProperty("node").GetString());
        Assert.Equal("mod-statement", end.GetProperty("firstHandReport").GetString());
    }

    [Fact]
    public void Trace_Json_NamesDeadEndsAndHedges()
    {
        var run = CliRun.Of("trace", TestFiles.Small, "mistake", "--json");

        using var json = JsonDocument.Parse(run.Output);
        var chains = json.RootElement.GetProperty("chains").EnumerateArray().ToList();
        Assert.Equal(["az-statement", "zh-article", "blog-post"], chains.Select(c => c.GetProperty("report").GetString()));
        Assert.Equal("reportedly", chains[1].GetProperty("hops")[0].GetProperty("hedge").GetString());
        Assert.Equal("dead-end", chains[2].GetProperty("end").GetProperty("kind").GetString());
        Assert.Equal("unattributed-assertion", chains[2].GetProperty("end").GetProperty("reason").GetString());
    }

    [Fact]
    public void Trace_Json_EndsCircularChainsInCycle()
    {
        var run = CliRun.Of("trace", TestFiles.Small, "crew", "--json");

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.All(root.GetProperty("chains").EnumerateArray(), c => Assert.Equal("cycle", c.GetProperty("end").GetProperty("kind").GetString()));
        Assert.Equal(0, root.GetProperty("primarySources").GetArrayLength());
        Assert.Equal(0, root.GetProperty("independentOrigins").GetInt32());
    }

    [Fact]
    public void Trace_Json_IsByteForByteDeterministic()
    {
        var first = CliRun.Of("trace", TestFiles.Small, "mistake", "--json");
        var second = CliRun.Of("trace", TestFiles.Folder, "mistake", "--json");

        Assert.Equal(first.Output, second.Output);
        Assert.DoesNotContain("\r", first.Output, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_UnknownClaim_ExitsOneWithSuggestion()
    {
        var run = CliRun.Of("trace", TestFiles.Small, "mistak");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal("error: unknown claim 'mistak'; did you mean 'mistake'?\n", run.Error);
    }

    [Fact]
    public void Trace_UnknownClaimFarFromAny_ExitsOneAndPointsToClaims()
    {
        var run = CliRun.Of("trace", TestFiles.Small, "helicopter-colour");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown claim 'helicopter-colour'; run 'provenance claims <graph>' to list them.\n", run.Error);
    }

    [Fact]
    public void Trace_InvalidGraph_ExitsOneWithPathLineColumn()
    {
        var run = CliRun.Of("trace", TestFiles.Typo, "downed");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{TestFiles.Typo}:12:13: error: unknown source 'tas'; did you mean 'tass'?\n", run.Error);
    }

    [Fact]
    public void Trace_MissingClaimArgument_ExitsTwo()
    {
        var run = CliRun.Of("trace", TestFiles.Small);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Required argument 'claim-id' missing for command: 'trace'.\nRun 'provenance trace --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Trace_UnknownOption_ExitsTwo()
    {
        var run = CliRun.Of("trace", TestFiles.Small, "downed", "--jsn");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: Unrecognized command or argument '--jsn'.\n", run.Error, StringComparison.Ordinal);
    }
}
