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

    /// <summary>
    /// What each command's README example must produce on standard output (a pattern that must match), beside the exit code 0,
    /// the empty standard error and, for a line that names an output, that file or folder appearing with the expected content.
    /// A command with no entry fails the test, so a new example cannot pass by printing anything at all.
    /// </summary>
    private static readonly Dictionary<string, string> OutputPatterns = new(StringComparer.Ordinal)
    {
        ["validate"] = @"^\S+mi24-yeraskh\.yaml: valid: \d+ sources, \d+ claims, \d+ reports \(\d+ implicit\), \d+ citations\.\n$",
        ["sources"] = @"Sources[\s\S]*tass[\s\S]*Who relies on whom",
        ["claims"] = @"^\{\n  ""claims"": \[\n    \{\n      ""id"": ""[^""]+""",
        ["trace"] = @"^(az-mistake: |\{\n  ""claim"": ""az-mistake"",\n  ""chains"": \[\n    \{)",
        ["origins"] = @"^az-mistake: .*\nIndependent origins: \d+\n",
        ["cycles"] = @"^(No circular reporting\.|Cycle 1 \()",
        ["drift"] = @"az-mistake",
        ["impact"] = @"(tass|zerohedge-az-by-mistake)",
        ["diagrams"] = @"mi24-yeraskh\.sources\.dot\n",
        ["timeline"] = @"^(No timeline errors\.|\d+ timeline errors?\.)\n$",
        ["paths"] = @"^Path 1: zerohedge-az-by-mistake -> ",
        ["single-source"] = @"^\{\n  ""claims"": \[\n    \{\n      ""claim"": ",
        ["export"] = @"^(|---\ntitle: [^\n]+\n---\nflowchart [\s\S]+)$",
        ["render"] = @"^$",
        ["report"] = @"report\.(md|html): \d+ claims, \d+ diagrams\.\n$",
        ["extract"] = @"^\{\n  ""documents"": \[\n    \{\n      ""file"": ""[^""]*README\.md"",\n      ""attributions"": \[",
        ["relays"] = @"^lost-control: eurasian-times credits ru-mod; the wording matches sputnik as relayed by zerohedge ",
        ["convert"] = @": wrote \d+ sources, \d+ claims, \d+ reports \(\d+ implicit\), \d+ citations\.\n$",
        ["import"] = @": wrote \d+ sources, \d+ claims, \d+ reports \(\d+ implicit\), \d+ citations\.\n$",
        ["generate"] = @"generated\.jsonl: wrote \d+ sources, \d+ claims, \d+ reports \(\d+ implicit\), 10000 citations\.\n$",
        ["completion"] = @"complete -o default -o bashdefault -F _provenance_complete provenance\n",
    };

    [SkippableFact]
    public void Readme_Examples_RunInOrderOnBundledGraph()
    {
        var mermaid = new List<(string Line, string Text)>();
        // One folder for every line, in README order, so a line can read what an earlier one wrote (export, then convert).
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
            var output = Output(words, args);
            Assert.True(output is null || !Path.Exists(output), $"{line}\n{output} exists before the example ran; give each example its own output");

            var run = CliRun.Of(args);

            Assert.True(run.ExitCode == 0 && run.Error.Length == 0, line + "\n" + run);
            Assert.True(OutputPatterns.TryGetValue(words[0], out var pattern), $"{line}\nno expected output for '{words[0]}'; add it to {nameof(OutputPatterns)}");
            Assert.True(Regex.IsMatch(run.Output, pattern), $"{line}\nstandard output does not match {pattern}\n{run}");
            if (output is not null)
            {
                CheckOutput(line, output);
            }

            if (words.SkipWhile(w => w != "--format").Skip(1).FirstOrDefault() == "mermaid")
            {
                mermaid.Add((line, output is null ? run.Output : File.ReadAllText(output)));
            }

            ran++;
        }

        Assert.True(ran >= 20, $"only {ran} README examples ran");
        Assert.NotEmpty(mermaid);
        foreach (var (line, text) in mermaid)
        {
            MermaidCheck.AssertRenders(text, "the output of the README example `" + line + "`");
        }
    }

    /// <summary>The file or folder an example writes: the value of <c>-o</c>, or the second argument of <c>convert</c>.</summary>
    private static string? Output(string[] words, string[] args)
    {
        var o = Array.FindIndex(words, w => w is "-o" or "--output");
        if (o >= 0)
        {
            return args[o + 1];
        }

        return words[0] == "convert" ? args[2] : null;
    }

    /// <summary>The written output has the content its extension promises.</summary>
    private static void CheckOutput(string line, string output)
    {
        if (Directory.Exists(output))
        {
            Assert.True(
                File.Exists(Path.Combine(output, "report.md")) || Directory.EnumerateFiles(output, "*.dot").Any(),
                $"{line}\n{output} holds neither report.md nor DOT files");
            return;
        }

        Assert.True(File.Exists(output), $"{line}\ndid not write {output}");
        var bytes = File.ReadAllBytes(output);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var ok = Path.GetExtension(output) switch
        {
            ".dot" => text.StartsWith("digraph ", StringComparison.Ordinal),
            ".json" => text.StartsWith("{\n", StringComparison.Ordinal) && text.Contains("\"prefix\"", StringComparison.Ordinal),
            ".provn" => text.StartsWith("document", StringComparison.Ordinal),
            ".svg" => text.Contains("<svg", StringComparison.Ordinal),
            ".html" => text.StartsWith("<!DOCTYPE html>", StringComparison.OrdinalIgnoreCase) && text.Contains("<svg", StringComparison.Ordinal),
            ".png" => bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']),
            ".yaml" => text.StartsWith("sources:", StringComparison.Ordinal) || text.StartsWith("affiliations:", StringComparison.Ordinal),
            ".jsonl" => text.StartsWith("{\"type\":\"provenance\"", StringComparison.Ordinal),
            _ => false,
        };
        Assert.True(ok, $"{line}\n{output} does not hold what its extension promises:\n{text[..Math.Min(200, text.Length)]}");
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
