using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Provenance.Graphviz;
using Provenance.Testing;
using Provenance.Yaml;

namespace Provenance.Tests.Graphviz;

/// <summary>
/// Every Mermaid output of the tests is rendered by Mermaid itself (issue 19): <c>@mermaid-js/mermaid-cli</c>, installed by
/// <c>npm ci</c> in tests/Provenance.Tests/mermaid with PUPPETEER_SKIP_DOWNLOAD=1, driving Debian's chromium from PATH.
/// </summary>
public class MermaidCliTests
{
    [SkippableFact]
    public void Mmdc_EveryMermaidOutput_RendersWithoutError()
    {
        var diagrams = Outputs().ToList();
        using var folder = new TempFolder();
        var input = new StringBuilder();
        foreach (var (name, mermaid) in diagrams)
        {
            input.Append("## ").Append(name).Append("\n\n```mermaid\n").Append(mermaid).Append("```\n\n");
        }

        File.WriteAllText(Path.Combine(folder.Path, "all.md"), input.ToString(), new UTF8Encoding(false));

        var (exit, output) = RunMmdc(folder.Path, "all.md", "out.md");

        Assert.True(exit == 0, $"mmdc failed (exit {exit}):\n{output}");
        var svgs = Directory.GetFiles(folder.Path, "out-*.svg");
        Assert.Equal(diagrams.Count, svgs.Length);
        foreach (var svg in svgs)
        {
            var text = File.ReadAllText(svg);
            Assert.StartsWith("<svg", text.TrimStart(), StringComparison.Ordinal);
            Assert.DoesNotContain("Syntax error", text, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Mmdc_BrokenMermaid_Fails()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "bad.md"), "```mermaid\nflowchart LR\n  a[\"x\" -->\n```\n");

        var (exit, output) = RunMmdc(folder.Path, "bad.md", "out.md");

        Assert.True(exit != 0, "mmdc accepted a broken diagram, so it checks nothing:\n" + output);
        Assert.Contains("Parse error", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The Mermaid outputs the other tests check: the small and hostile (injection) graphs, every view, the hostile one also
    /// clustered, titled and monochrome; a random graph's overviews; the bundled graph's sources and shot-down trace. (Mermaid
    /// takes seconds per diagram on a loaded machine, so not every bundled trace.)
    /// </summary>
    private static IEnumerable<(string Name, string Mermaid)> Outputs()
    {
        var hostileOptions = new DotOptions
        {
            ClusterBy = DotClusterBy.Affiliation, MaxLabelLength = 1000, Title = "t \"x\" \\ <b>&amp; %% ```", Theme = DotTheme.Monochrome, RankDirection = DotRankDirection.TopToBottom,
        };
        foreach (var (name, graph, options) in new[]
        {
            ("small", GraphvizSamples.Small(), new DotOptions()),
            ("hostile", GraphvizSamples.Hostile(), new DotOptions()),
            ("hostile, clustered and titled", GraphvizSamples.Hostile(), hostileOptions),
        })
        {
            foreach (var view in new[] { DotView.Sources, DotView.Reports }.Concat(graph.Claims.Select(c => DotView.ClaimTrace(c.Id))))
            {
                yield return ($"{name} {view}", graph.ToMermaid(view, options));
            }
        }

        var random = GraphvizSamples.Random(1);
        yield return ("random sources", random.ToMermaid(DotView.Sources));
        yield return ("random reports", random.ToMermaid(DotView.Reports, new DotOptions { ClusterBy = DotClusterBy.Country }));
        var bundled = ProvenanceYaml.Load(Path.Combine(Root(), "graphs", "mi24-yeraskh.yaml"));
        foreach (var view in new[] { DotView.Sources, DotView.ClaimTrace("shot-down") })
        {
            yield return ($"bundled {view}", bundled.ToMermaid(view, new DotOptions { ClusterBy = DotClusterBy.Affiliation }));
        }
    }

    private static (int Exit, string Output) RunMmdc(string folder, string input, string output)
    {
        var node = ExternalTool.Require("node", "apt-get install nodejs npm");
        var chromium = ExternalTool.Require("chromium", "apt-get install chromium");
        var cli = Path.Combine(Root(), "tests", "Provenance.Tests", "mermaid", "node_modules", "@mermaid-js", "mermaid-cli", "src", "cli.js");
        if (!File.Exists(cli))
        {
            ExternalTool.Missing("Mermaid's CLI is not installed; run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` in tests/Provenance.Tests/mermaid to run this test");
        }

        var config = Path.Combine(folder, "puppeteer.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new
        {
            executablePath = chromium,
            headless = true,
            args = new[] { "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run" },
        }));
        var start = new ProcessStartInfo(node) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "-p", config, "-i", input, "-o", output })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PUPPETEER_SKIP_DOWNLOAD"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail("mmdc did not finish in 20 minutes:\n" + stdout.Result + stderr.Result);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Provenance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Run the tests inside the repository.");
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("provenance-mermaid-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
