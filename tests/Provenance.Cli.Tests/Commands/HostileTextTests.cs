namespace Provenance.Cli.Tests.Commands;

/// <summary>Graph text that looks like console markup or Markdown is printed literally.</summary>
public class HostileTextTests
{
    private const string ClaimText = "[red]Shot[/] down {0} \"by\" <b>mistake</b> | [link=x]y[/]";
    private const string SourceName = "TASS [bold]official[/] \\ wire";

    private static string Graph(TestFiles.TempFolder temp)
    {
        var path = temp.File("hostile.yaml");
        File.WriteAllText(path, $$"""
            sources:
              - id: tass
                name: '{{SourceName}}'
                kind: news-agency
              - id: blog
                name: A blog
                kind: outlet
            claims:
              - id: c
                text: '{{ClaimText}}'
            reports:
              - id: b
                source: blog
                kind: post
                assertions:
                  - claim: c
                    via:
                      - source: tass
                        kind: citing
                        evidence: 'said [italic]so[/] *loudly*'
                        first-hand: true
            """);
        return path;
    }

    [SkippableTheory]
    [InlineData("trace")]
    [InlineData("claims")]
    [InlineData("sources")]
    public void Command_MarkupLikeText_IsPrintedLiterally(string command)
    {
        using var temp = new TestFiles.TempFolder();
        var path = Graph(temp);
        string[] args = command == "trace" ? [command, path, "c"] : [command, path];

        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(command == "sources" ? SourceName : ClaimText, run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Trace_MarkupLikeEvidence_IsPrintedLiterally()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("trace", Graph(temp), "c");

        Assert.Contains("\"said [italic]so[/] *loudly*\"", run.Output, StringComparison.Ordinal);
        Assert.Contains($"primary source: {SourceName} (b~tass)", run.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Report_MarkdownLikeText_IsEscaped()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("report", Graph(temp), "-o", temp.File("r"), "--dot", TestFiles.Dot);

        Assert.True(run.ExitCode == 0, run.ToString());
        var markdown = File.ReadAllText(Path.Combine(temp.File("r"), "report.md"));
        Assert.Contains(@"## \[red\]Shot\[/\] down \{0\} ""by"" \<b\>mistake\</b\> \| \[link=x\]y\[/\]" + "\n", markdown, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("trace")]
    [InlineData("claims")]
    [InlineData("origins")]
    [InlineData("drift")]
    [InlineData("sources")]
    public void Command_TerminalEscapesInGraphText_AreNotPassedThrough(string command)
    {
        using var temp = new TestFiles.TempFolder();
        var path = temp.File("escapes.yaml");
        File.WriteAllText(path, """
            sources:
              - id: tass
                name: "TASS \e[2J\rwire"
                kind: news-agency
              - id: blog
                name: "A \u202Eblog"
                kind: outlet
            claims:
              - id: c
                text: "Shot \e[31mdown\e[0m"
            reports:
              - id: b
                source: blog
                kind: post
                assertions:
                  - claim: c
                    wording: "shot \e]8;;http://x\adown"
                    via:
                      - source: tass
                        kind: citing
                        evidence: "said \e[1mso"
                        first-hand: true
                        wording: "shot it down"
            """);
        string[] args = command is "sources" or "claims" ? [command, path] : [command, path, "c"];

        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain('\u001B', run.Output);
        Assert.DoesNotContain('\r', run.Output);
        Assert.DoesNotContain('\u202E', run.Output);
        Assert.DoesNotContain('\u0007', run.Output);
    }
}
