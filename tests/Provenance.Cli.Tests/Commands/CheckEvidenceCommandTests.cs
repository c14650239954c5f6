namespace Provenance.Cli.Tests.Commands;

public class CheckEvidenceCommandTests
{
    private static string Graph => TestFiles.Data("evidence", "graph.yaml");

    [Fact]
    public void CheckEvidence_EveryExcerptFound_ExitsZero()
    {
        var run = CliRun.Of("check-evidence", Graph, "--articles", TestFiles.Data("evidence", "articles"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{Graph}: 2 evidence excerpts and wordings checked in 1 report matched to articles: all found.\n", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void CheckEvidence_ExcerptNotInArticle_ExitsOneNamingIt()
    {
        var run = CliRun.Of("check-evidence", Graph, "--articles", TestFiles.Data("evidence", "wrong-articles"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Equal(
            $"{Graph}:20:18: error: the wording of 'zh-article' for claim 'downed' does not occur in article 'zerohedge.txt' of report 'zh-article'; copy it verbatim from the article. Text: \"a Russian Mi-24 helicopter was shot down\"\n"
            + $"{Graph}: 2 evidence excerpts and wordings checked in 1 report matched to articles: 1 problem.\n",
            run.Error);
    }

    [Fact]
    public void CheckEvidence_MissingArticlesFolder_ExitsOne()
    {
        var missing = TestFiles.Data("evidence", "no-such-folder");

        var run = CliRun.Of("check-evidence", Graph, "--articles", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{missing}: error: no such folder; pass the folder that holds the article texts with --articles.\n", run.Error);
    }

    [Fact]
    public void CheckEvidence_NoArticlesOption_ExitsTwo()
    {
        var run = CliRun.Of("check-evidence", Graph);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Option '--articles' is required.\nRun 'provenance check-evidence --help' for usage.\n", run.Error);
    }
}
