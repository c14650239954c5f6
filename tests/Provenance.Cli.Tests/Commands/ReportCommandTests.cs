using System.Text.RegularExpressions;

namespace Provenance.Cli.Tests.Commands;

public partial class ReportCommandTests
{
    [SkippableFact]
    public void Report_WritesMarkdownWithRelativeSvgLinks()
    {
        using var temp = new TestFiles.TempFolder();
        var folder = temp.File("report");

        var run = CliRun.Of("report", TestFiles.Small, "-o", folder, "--dot", TestFiles.Dot);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{Path.Combine(folder, "report.md")}: 3 claims, 4 diagrams.\n", run.Output);
        Assert.Equal(
            ["claim-crew.svg", "claim-downed.svg", "claim-mistake.svg", "report.md", "sources.svg"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var markdown = File.ReadAllText(Path.Combine(folder, "report.md"));
        var links = ImageLink().Matches(markdown).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["sources.svg", "claim-downed.svg", "claim-mistake.svg", "claim-crew.svg"], links);
        Assert.All(links, link => Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, link)), StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Report_PerClaim_ListsPrimarySourcesOriginsDeadEndsAndDrift()
    {
        using var temp = new TestFiles.TempFolder();

        CliRun.Of("report", TestFiles.Small, "-o", temp.Path, "--dot", TestFiles.Dot);
        var markdown = File.ReadAllText(temp.File("report.md"));

        Assert.Contains("| [Azerbaijan shot the helicopter down by mistake.](#claim-mistake) | Azerbaijani Ministry of Foreign Affairs | 1 |\n", markdown, StringComparison.Ordinal);
        var mistake = markdown[markdown.IndexOf("## Azerbaijan shot the helicopter down by mistake.", StringComparison.Ordinal)..markdown.IndexOf("## Two crew members", StringComparison.Ordinal)];
        Assert.Contains("Primary sources: Azerbaijani Ministry of Foreign Affairs (`az-mfa`).\n", mistake, StringComparison.Ordinal);
        Assert.Contains("Independent origins: 1 (Azerbaijani Ministry of Foreign Affairs).\n", mistake, StringComparison.Ordinal);
        Assert.Contains("- `blog-post` by A blog (`blog`): unattributed-assertion\n", mistake, StringComparison.Ordinal);
        Assert.Contains(
            "- `zh-article` relays `az-statement`: \"shot down by mistake\" became \"Azerbaijan downed Russian helicopter by mistake\"; added: azerbaijan downed russian helicopter; removed: shot down\n",
            mistake,
            StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Report_PerClaim_OpensWithTheHeadlineAnswer()
    {
        using var temp = new TestFiles.TempFolder();

        CliRun.Of("report", TestFiles.Small, "-o", temp.Path, "--dot", TestFiles.Dot);
        var markdown = File.ReadAllText(temp.File("report.md"));

        // Counted by hand from TestData/small.yaml: the Russian state's two chains; the Azerbaijani ministry's two chains and
        // the blog's unattributed dead end; the crew claim's two reports citing each other.
        Assert.Contains("## A Russian Mi-24 was shot down over Armenia.\n\n**2 chains · 1 independent origin: Russian state.**\n\nClaim `downed`.\n", markdown, StringComparison.Ordinal);
        Assert.Contains(
            "## Azerbaijan shot the helicopter down by mistake.\n\n**3 chains (2 reach a primary source, 1 dead end) · 1 independent origin: Azerbaijani Ministry of Foreign Affairs.**\n\nClaim `mistake`.\n",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("## Two crew members were killed.\n\n**2 chains (2 cycles) · no independent origin.**\n\nClaim `crew`.\n", markdown, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Report_ReadmeExcerpt_IsWhatTheBundledReportSays()
    {
        using var temp = new TestFiles.TempFolder();
        var excerpt = ReadmeExcerpt().Match(Repository.Readme.ReplaceLineEndings("\n"));
        Assert.True(excerpt.Success, "the README has no ```markdown excerpt of the report after 'opens each claim with the same headline'");

        var run = CliRun.Of("report", Repository.BundledGraph, "-o", temp.Path, "--dot", TestFiles.Dot);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(excerpt.Groups[1].Value, File.ReadAllText(temp.File("report.md")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Report_SameGraph_SameMarkdown()
    {
        using var temp = new TestFiles.TempFolder();

        CliRun.Of("report", TestFiles.Small, "-o", temp.File("a"), "--dot", TestFiles.Dot);
        CliRun.Of("report", TestFiles.Folder, "-o", temp.File("b"), "--dot", TestFiles.Dot);

        var a = File.ReadAllText(Path.Combine(temp.File("a"), "report.md"));
        var b = File.ReadAllText(Path.Combine(temp.File("b"), "report.md"));
        Assert.Equal(a.Replace("# Provenance report: small.yaml", "", StringComparison.Ordinal), b.Replace("# Provenance report: folder", "", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Report_NoOutput_ExitsTwo()
    {
        var run = CliRun.Of("report", TestFiles.Small);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Option '--output' is required.\nRun 'provenance report --help' for usage.\n", run.Error);
    }

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+)\)")]
    private static partial Regex ImageLink();

    [Fact]
    public void Report_WithoutGraphviz_WritesDotFilesAndANoteLikeDiagramsAuto_Issue15()
    {
        using var temp = new TestFiles.TempFolder();
        const string missing = "/nonexistent/graphviz/dot";

        var run = CliRun.Of("report", TestFiles.Small, "-o", temp.Path, "--dot", missing);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $"note: Graphviz's dot was not found at '{missing}'; install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz), or fix --dot. Wrote the DOT files instead of SVGs.\n",
            run.Error);
        Assert.Empty(Directory.EnumerateFiles(temp.Path, "*.svg"));
        Assert.Equal(4, Directory.EnumerateFiles(temp.Path, "*.dot").Count());
        var report = File.ReadAllText(Path.Combine(temp.Path, "report.md"));
        Assert.Contains("](sources.dot)", report, StringComparison.Ordinal);
        Assert.Contains("](claim-downed.dot)", report, StringComparison.Ordinal);
        Assert.DoesNotContain(".svg)", report, StringComparison.Ordinal);
        Assert.StartsWith("digraph ", File.ReadAllText(Path.Combine(temp.Path, "sources.dot")), StringComparison.Ordinal);
    }

    [GeneratedRegex("opens each claim with the same headline answer.*?```markdown\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeExcerpt();
}
