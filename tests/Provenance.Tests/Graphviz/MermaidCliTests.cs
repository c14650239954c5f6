using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Provenance.Graphviz;
using Provenance.Testing;
using Provenance.Yaml;

namespace Provenance.Tests.Graphviz;

/// <summary>
/// Mermaid checked by Mermaid (issue 19). Every Mermaid output of the tests goes through <see cref="MermaidCheck"/> (Mermaid
/// in Debian's chromium, one browser for the whole run); here every view of the sample graphs and of the bundled graph, every
/// claim trace included, with each option that changes the syntax. <c>@mermaid-js/mermaid-cli</c>'s own <c>mmdc</c>
/// (installed by <c>npm ci</c> in tests/Provenance.Tests/mermaid with PUPPETEER_SKIP_DOWNLOAD=1) renders the injection
/// cases once more, in one run, and must reject a broken diagram as the check does.
/// </summary>
public class MermaidCliTests
{
    private static readonly DotOptions HostileOptions = new()
    {
        ClusterBy = DotClusterBy.Affiliation, MaxLabelLength = 1000, Title = "t \"x\" \\ <b>&amp; %% ```", Theme = DotTheme.Monochrome, RankDirection = DotRankDirection.TopToBottom,
    };

    /// <summary>The names of the cases of <see cref="Outputs"/>, one test each.</summary>
    public static TheoryData<string> Cases() => [.. Outputs().Keys];

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Mermaid_EveryViewAndOption_Renders(string name) => MermaidCheck.AssertRenders(Outputs()[name](), name);

    [SkippableFact]
    public void Check_BrokenMermaid_Fails()
    {
        var error = MermaidCheck.Render("flowchart LR\n  a[\"x\" -->\n");

        Assert.NotNull(error);
        Assert.Contains("Parse error", error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Check_OverMaxTextSize_Fails()
    {
        // Over Mermaid's default maxTextSize (50,000 characters) Mermaid draws a one-node error diagram rather than throwing.
        var text = "flowchart LR\n  a[\"" + new string('x', 50_000) + "\"]\n";

        Assert.Contains("Maximum text size in diagram exceeded", MermaidCheck.Render(text) ?? "rendered", StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Check_OverMaxEdges_Fails()
    {
        // 501 edges: over Mermaid's default maxEdges (500), which the check keeps, as mmdc does.
        var text = new StringBuilder("flowchart LR\n");
        for (var i = 0; i < 501; i++)
        {
            text.Append("  a").Append(i).Append(" --> b").Append(i).Append('\n');
        }

        Assert.Contains("Edge limit exceeded", MermaidCheck.Render(text.ToString()) ?? "rendered", StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Mmdc_InjectionCases_RenderWithTheCli()
    {
        var diagrams = Outputs().Where(o => o.Key.StartsWith("hostile", StringComparison.Ordinal)).ToList();
        using var folder = new TempFolder();
        var input = new StringBuilder();
        foreach (var (name, mermaid) in diagrams)
        {
            input.Append("## ").Append(name).Append("\n\n```mermaid\n").Append(mermaid()).Append("```\n\n");
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
    /// Each case by name: the small and hostile (injection) graphs, every view, the hostile one also clustered, titled,
    /// monochrome and top to bottom; a random graph's overviews; the bundled graph's overviews and every claim trace, plain
    /// and clustered by affiliation.
    /// </summary>
    private static SortedDictionary<string, Func<string>> Outputs()
    {
        var cases = new SortedDictionary<string, Func<string>>(StringComparer.Ordinal);
        foreach (var (name, graph, options) in new[]
        {
            ("small", GraphvizSamples.Small(), new DotOptions()),
            ("hostile", GraphvizSamples.Hostile(), new DotOptions()),
            ("hostile, clustered and titled", GraphvizSamples.Hostile(), HostileOptions),
        })
        {
            foreach (var view in new[] { DotView.Sources, DotView.Reports }.Concat(graph.Claims.Select(c => DotView.ClaimTrace(c.Id))))
            {
                cases[$"{name} {Name(view)}"] = () => graph.ToMermaid(view, options);
            }
        }

        var random = GraphvizSamples.Random(1);
        cases["random sources"] = () => random.ToMermaid(DotView.Sources);
        cases["random reports by country"] = () => random.ToMermaid(DotView.Reports, new DotOptions { ClusterBy = DotClusterBy.Country });
        var bundled = Bundled.Value;
        foreach (var view in new[] { DotView.Sources, DotView.Reports }.Concat(bundled.Claims.Select(c => DotView.ClaimTrace(c.Id))))
        {
            cases[$"bundled {Name(view)}"] = () => bundled.ToMermaid(view);
            cases[$"bundled {Name(view)} by affiliation"] = () => bundled.ToMermaid(view, new DotOptions { ClusterBy = DotClusterBy.Affiliation });
        }

        return cases;
    }

    private static string Name(DotView view) => view switch
    {
        DotView.ClaimTraceView trace => "claim:" + trace.ClaimId,
        DotView.ReportsView => "reports",
        _ => "sources",
    };

    private static readonly Lazy<CitationGraph> Bundled = new(() => ProvenanceYaml.Load(Path.Combine(Root(), "graphs", "mi24-yeraskh.yaml")));

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
