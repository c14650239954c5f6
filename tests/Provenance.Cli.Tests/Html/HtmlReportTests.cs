using System.Text.RegularExpressions;
using Provenance.Cli.Html;
using Provenance.Testing;

namespace Provenance.Cli.Tests.Html;

public partial class HtmlReportTests
{
    [SkippableFact]
    public void Report_FormatHtml_WritesOneSelfContainedFile()
    {
        var dot = ExternalTool.Require("dot", "apt-get install graphviz");
        using var temp = new TestFiles.TempFolder();
        var file = temp.File("out/report.html");

        var run = CliRun.Of("report", TestFiles.Small, "--format", "html", "-o", file, "--dot", dot);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal($"{file}: 3 claims, 4 diagrams.\n", run.Output);
        Assert.Equal(["report.html"], Directory.GetFiles(temp.File("out")).Select(Path.GetFileName));
        var html = File.ReadAllText(file);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<(script|img|link|iframe)[^>]*\s(src|href)=", html);
        Assert.DoesNotContain("url(", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Matches(html, "<svg[ \n]").Count);
        Assert.Contains("Copyright 2009-2010 Andrea Leofreddi", html, StringComparison.Ordinal);
        var ids = Regex.Matches(html, " id=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [SkippableFact]
    public void Report_FormatHtml_SameGraphSameBytes()
    {
        var dot = ExternalTool.Require("dot", "apt-get install graphviz");
        using var temp = new TestFiles.TempFolder();

        CliRun.Of("report", TestFiles.Small, "--format", "html", "-o", temp.File("a.html"), "--dot", dot);
        CliRun.Of("report", TestFiles.Small, "--format", "html", "-o", temp.File("b.html"), "--dot", dot);

        Assert.Equal(File.ReadAllText(temp.File("a.html")), File.ReadAllText(temp.File("b.html")));
    }

    [SkippableFact]
    public void Report_FormatHtml_ListsHiddenRelaysUnderTheirClaim()
    {
        var dot = ExternalTool.Require("dot", "apt-get install graphviz");
        using var temp = new TestFiles.TempFolder();
        var file = temp.File("bundled.html");

        var run = CliRun.Of("report", Repository.BundledGraph, "--format", "html", "-o", file, "--dot", dot);

        Assert.True(run.ExitCode == 0, run.ToString());
        var html = File.ReadAllText(file);
        Assert.Equal(3, Regex.Matches(html, "<h3>Hidden relays</h3>").Count);
        Assert.Equal(3, Regex.Matches(html, "eurasian-times credits ru-mod; the wording matches sputnik as relayed by zerohedge").Count);
        Assert.Contains("<q>the crash was caused by a loss of control after a missile hit the aircraft</q>", html, StringComparison.Ordinal);
        Assert.Empty(Regex.Matches(CliRun.Of("report", TestFiles.Small, "--format", "html", "-o", temp.File("small.html"), "--dot", dot).Output + File.ReadAllText(temp.File("small.html")), "Hidden relays"));
    }

    [Fact]
    public void Report_UnknownFormat_ExitsTwo()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("report", TestFiles.Small, "--format", "pdf", "-o", temp.File("r"));

        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("a b a", new[] { "a" }, "a b <ins>a</ins>")]
    [InlineData("Decided to open fire to kill.", new[] { "to", "kill" }, "Decided to open fire <ins>to</ins> <ins>kill</ins>.")]
    [InlineData("<b> & x", new[] { "b" }, "&lt;<ins>b</ins>&gt; &amp; x")]
    [InlineData("Über über", new[] { "über" }, "Über <ins>über</ins>")]
    public void Marked_Words_AreWrappedAsTheDriftQueryCountsThem(string wording, string[] words, string expected) =>
        Assert.Equal(expected, HtmlReport.Marked(wording, words, "ins"));

    [Fact]
    public void InlineSvg_PrefixesIdsAndDropsTheProlog()
    {
        const string svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- Generated -->\n<svg width=\"10pt\" height=\"20pt\"\n viewBox=\"0 0 10 20\"><g id=\"graph0\"><!-- a --><g id=\"node1\"/></g></svg>\n";

        Assert.Equal("<svg\n viewBox=\"0 0 10 20\"><g id=\"p-graph0\"><g id=\"p-node1\"/></g></svg>", HtmlReport.InlineSvg(svg, "p"));
    }
}
