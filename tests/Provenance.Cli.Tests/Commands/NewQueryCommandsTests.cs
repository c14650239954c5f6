using System.Text.Json;

namespace Provenance.Cli.Tests.Commands;

/// <summary>The commands for queries that had none (issue 15): timeline, paths, single-source.</summary>
public class NewQueryCommandsTests
{
    private static string Timeline => Path.Combine(Repository.Root, "tests", "Provenance.Tests", "TestData", "invalid", "timeline.yaml");

    [Fact]
    public void Timeline_GraphWithTimelineError_ListsIt()
    {
        var run = CliRun.Of("timeline", Timeline);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            "zh (published 2020-11-09T13:00:00-05:00) cites ru-mod-statement (published 2020-11-10T09:00:00+03:00, later) for claim downed\n1 timeline error.\n",
            run.Output);
    }

    [Fact]
    public void Timeline_Json_GivesCitationAndBothDates()
    {
        var run = CliRun.Of("timeline", Timeline, "--json");

        using var document = JsonDocument.Parse(run.Output);
        var error = Assert.Single(document.RootElement.GetProperty("timelineErrors").EnumerateArray().ToList());
        Assert.Equal("zh", error.GetProperty("citation").GetProperty("from").GetString());
        Assert.Equal("ru-mod-statement", error.GetProperty("citation").GetProperty("to").GetString());
        Assert.Equal("2020-11-09T13:00:00-05:00", error.GetProperty("fromPublished").GetString());
        Assert.Equal("2020-11-10T09:00:00+03:00", error.GetProperty("toPublished").GetString());
    }

    [Fact]
    public void Timeline_ValidGraph_SaysNone()
    {
        var run = CliRun.Of("timeline", TestFiles.Small);

        Assert.Equal((0, "No timeline errors.\n"), (run.ExitCode, run.Output));
    }

    [Fact]
    public void Validate_TimelineError_RejectedNamingTheCliOptions_AcceptedWithAllowTimelineErrors()
    {
        var rejected = CliRun.Of("validate", Timeline);
        var accepted = CliRun.Of("validate", "--allow-timeline-errors", Timeline);

        Assert.Equal(1, rejected.ExitCode);
        Assert.EndsWith(
            "fix one of the dates or the citation. To load the graph anyway and list such citations, run 'provenance timeline <graph>' or pass --allow-timeline-errors.\n",
            rejected.Error,
            StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Equal($"{Timeline}: valid: 2 sources, 1 claims, 2 reports (0 implicit), 1 citations.\n", accepted.Output);
    }

    [Fact]
    public void Paths_FromReportToSource_ListsTheChain()
    {
        var run = CliRun.Of("paths", TestFiles.Small, "zh-article", "ru-mod");

        Assert.Equal((0, "Path 1: zh-article -> zh-article~tass -> zh-article~tass~ru-mod\n"), (run.ExitCode, run.Output));
    }

    [Fact]
    public void Paths_Json_GivesStepsWithClaims()
    {
        var run = CliRun.Of("paths", TestFiles.Small, "zh-article", "az-statement", "--json");

        using var document = JsonDocument.Parse(run.Output);
        var path = Assert.Single(document.RootElement.GetProperty("paths").EnumerateArray().ToList());
        var step = Assert.Single(path.GetProperty("steps").EnumerateArray().ToList());
        Assert.Equal("mistake", Assert.Single(step.GetProperty("claims").EnumerateArray().ToList()).GetString());
        Assert.Equal(0, document.RootElement.GetProperty("omittedPaths").GetInt64());
    }

    [Fact]
    public void Paths_OtherDirectionOrOtherClaim_NoPath()
    {
        Assert.Equal("No citation path from ru-mod to zh-article.\n", CliRun.Of("paths", TestFiles.Small, "ru-mod", "zh-article").Output);
        Assert.Equal("No citation path from zh-article to ru-mod for claim mistake.\n", CliRun.Of("paths", TestFiles.Small, "zh-article", "ru-mod", "--claim", "mistake").Output);
    }

    [Fact]
    public void Paths_UnknownNode_ExitsOneWithSuggestion()
    {
        var run = CliRun.Of("paths", TestFiles.Small, "zh-artcle", "ru-mod");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("error: unknown report or source 'zh-artcle'; did you mean 'zh-article'?\n", run.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Paths_MaxPathsNotPositive_ExitsTwo(string value)
    {
        var run = CliRun.Of("paths", TestFiles.Small, "zh-article", "ru-mod", "--max-paths", value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: --max-paths {value} is out of range; give a whole number at least 1.\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleSource_ListsClaimsWithOneOrigin()
    {
        var run = CliRun.Of("single-source", TestFiles.Small);

        Assert.Equal(
            "downed: Russian state: Russian Ministry of Defence (ru-mod)\nmistake: Azerbaijani Ministry of Foreign Affairs (az-mfa)\n2 of 3 claims rest on one independent origin.\n",
            run.Output);
    }

    [Fact]
    public void SingleSource_Json_MatchesOriginsOfEachClaim()
    {
        var run = CliRun.Of("single-source", TestFiles.Small, "--json");

        using var document = JsonDocument.Parse(run.Output);
        var claims = document.RootElement.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(["downed", "mistake"], claims.Select(c => c.GetProperty("claim").GetString()));
        foreach (var claim in claims)
        {
            using var origins = JsonDocument.Parse(CliRun.Of("origins", TestFiles.Small, claim.GetProperty("claim").GetString()!, "--json").Output);
            Assert.Equal(1, origins.RootElement.GetProperty("independentOrigins").GetInt32());
            Assert.Equal(
                origins.RootElement.GetProperty("groups")[0].GetProperty("sources").EnumerateArray().Select(s => s.GetString()),
                claim.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        }
    }
}
