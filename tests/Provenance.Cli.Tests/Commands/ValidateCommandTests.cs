namespace Provenance.Cli.Tests.Commands;

public class ValidateCommandTests
{
    [Fact]
    public void Validate_ValidGraph_PrintsOneLineSummary()
    {
        var run = CliRun.Of("validate", TestFiles.Small);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{TestFiles.Small}: valid: 5 sources, 3 claims, 6 reports (2 implicit), 5 citations.\n", run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public void Validate_FolderWithNonGraphFiles_LoadsOnlyTheGraphFiles()
    {
        var run = CliRun.Of("validate", TestFiles.Folder);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{TestFiles.Folder}: valid: 5 sources, 3 claims, 6 reports (2 implicit), 5 citations.\n", run.Output);
    }

    [Fact]
    public void Validate_InvalidGraph_ExitsOneWithPathLineColumnLines()
    {
        var run = CliRun.Of("validate", TestFiles.Small, TestFiles.Typo);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{TestFiles.Small}: valid: 5 sources, 3 claims, 6 reports (2 implicit), 5 citations.\n", run.Output);
        Assert.Equal($"{TestFiles.Typo}:12:13: error: unknown source 'tas'; did you mean 'tass'?\n", run.Error);
    }

    [Fact]
    public void Validate_SeveralProblems_OneLinePerProblem()
    {
        using var temp = new TestFiles.TempFolder();
        var path = temp.File("two.yaml");
        File.WriteAllText(path, "sources:\n  - id: a\n    name: A\n    kind: outlet\n  - id: a\n    name: B\n    kind: agency\n");

        var run = CliRun.Of("validate", path);

        Assert.Equal(1, run.ExitCode);
        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}:[0-9]+:[0-9]+: error: ", line));
    }

    [Fact]
    public void Validate_MissingFile_ExitsOneWithClearMessage()
    {
        var missing = TestFiles.Data("no-such-graph.yaml");

        var run = CliRun.Of("validate", missing);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{missing}: error: no such file or folder; give a graph: a YAML file or a folder of them, a .jsonl or a .json file.\n", run.Error);
    }

    [Fact]
    public void Validate_NoGraph_ExitsTwo()
    {
        var run = CliRun.Of("validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Required argument 'graph' missing for command: 'validate'.\nRun 'provenance validate --help' for usage.\n", run.Error);
    }
}
