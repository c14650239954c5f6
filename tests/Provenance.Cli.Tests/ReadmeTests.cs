using System.Text.RegularExpressions;

namespace Provenance.Cli.Tests;

/// <summary>Every <c>provenance ...</c> line in the README's <c>sh</c> blocks runs, in-process, on the bundled graph.</summary>
public partial class ReadmeTests
{
    private static List<string> Examples()
    {
        var data = new List<string>();
        foreach (Match block in ShBlock().Matches(Repository.Readme))
        {
            foreach (var line in block.Groups[1].Value.Split('\n'))
            {
                if (line.StartsWith("provenance ", StringComparison.Ordinal))
                {
                    data.Add(line.Trim());
                }
            }
        }

        return data;
    }

    [Fact]
    public void Readme_DocumentsEveryCommand()
    {
        var documented = Examples().Select(line => line.Split(' ')[1]).ToHashSet(StringComparer.Ordinal);
        var commands = CommandTree.Build(new CliContext(CliTerminal.Redirected(TextWriter.Null, TextWriter.Null))).Subcommands.Select(c => c.Name);

        Assert.Equal([], commands.Where(c => !documented.Contains(c)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Readme_QuickStartTracesTheBundledGraph()
    {
        Assert.Contains("```sh\ndotnet run --project src/Provenance.Cli -- trace graphs/mi24-yeraskh.yaml az-mistake\n", Repository.Readme, StringComparison.Ordinal);

        var run = CliRun.Of("trace", Repository.BundledGraph, "az-mistake");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("az-mistake: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_Examples_RunInOrderOnBundledGraph()
    {
        // One folder for every line, in README order, so a line can read what an earlier one wrote (export, then import).
        using var temp = new TestFiles.TempFolder();
        var ran = 0;
        foreach (var line in Examples())
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

            // The evidence check reads the articles the graph was modelled from, which live outside the repository;
            // CI runs that line itself (.ci/run), and CheckEvidenceCommandTests covers the command on articles of its own.
            if (words[0] == "check-evidence")
            {
                continue;
            }

            var args = words.Select((w, i) => Localize(w, i > 0 && words[i - 1] is "-o" or "--output", temp.Path)).ToArray();
            var run = CliRun.Of(args);

            Assert.True(run.ExitCode == 0 && run.Error.Length == 0, line + "\n" + run);
            Assert.True(run.Output.Length > 0 || Directory.EnumerateFileSystemEntries(temp.Path).Any(), line + "\n" + run);
            ran++;
        }

        Assert.True(ran >= 10, $"only {ran} README examples ran");
    }

    /// <summary>Repository paths (<c>graphs...</c>) point into the clone; outputs and other relative files into a temporary folder.</summary>
    private static string Localize(string arg, bool isOutput, string temp)
    {
        if (arg.StartsWith("graphs", StringComparison.Ordinal))
        {
            return Path.Combine(Repository.Root, arg);
        }

        return isOutput || PathLike().IsMatch(arg) ? Path.Combine(temp, arg) : arg;
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    [GeneratedRegex(@"^[\w.-]+(/[\w.-]+)*\.(yaml|yml|json|jsonl|dot|mmd|svg|png|pdf|provn)$")]
    private static partial Regex PathLike();
}
