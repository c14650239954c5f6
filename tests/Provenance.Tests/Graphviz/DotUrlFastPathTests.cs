using Provenance.Generation;
using Provenance.Graphviz;

namespace Provenance.Tests.Graphviz;

/// <summary><see cref="DotWriter.Url"/>'s shortcut for URLs already in canonical form against the parse through <see cref="Uri"/>.</summary>
public class DotUrlFastPathTests
{
    private static readonly string[] Schemes = ["http", "https"];

    [Theory]
    [InlineData("https://example.org/a-1", true)]
    [InlineData("http://example.org/statements/x_y.z~w", true)]
    [InlineData("https://a.b-c.example.org/", true)]
    [InlineData("https://example.org/dir/", true)]
    [InlineData("https://example.org", false)]
    [InlineData("https://Example.org/a", false)]
    [InlineData("HTTPS://example.org/a", false)]
    [InlineData("https://example.org:443/a", false)]
    [InlineData("https://example.org:8080/a", false)]
    [InlineData("https://user@example.org/a", false)]
    [InlineData("https://1.2.3/a", false)]
    [InlineData("https://192.168.0.1/a", false)]
    [InlineData("https://xn--caf-dma.example/a", false)]
    [InlineData("https://example.org/a/./b", false)]
    [InlineData("https://example.org/a/../b", false)]
    [InlineData("https://example.org/a/..", false)]
    [InlineData("https://example.org//a", false)]
    [InlineData("https://example.org/a?q=1&r=2", false)]
    [InlineData("https://example.org/a#f", false)]
    [InlineData("https://example.org/a%20b", false)]
    [InlineData("https://exa_mple.org/a", false)]
    [InlineData("https://-a.org/a", false)]
    [InlineData("https://a..org/a", false)]
    [InlineData("https://example.org/ü", false)]
    [InlineData(" https://example.org/a", false)]
    [InlineData("ftp://example.org/a", false)]
    public void Url_ShortcutOnlyWhereUriGivesTheSame(string url, bool shortcut)
    {
        Assert.Equal(shortcut, DotWriter.IsCanonicalWebUrl(url, Schemes));
        Assert.Equal(DotWriter.UrlByUri(url, Schemes), DotWriter.Url(url, Schemes));
        if (shortcut)
        {
            Assert.Equal("\"" + url + "\"", DotWriter.UrlByUri(url, Schemes));
        }
    }

    [Fact]
    public void Url_GeneratedGraphUrls_SameAsThroughUri()
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 2_000, Seed = 11 });
        var urls = graph.Reports.Select(r => r.Url).Concat(graph.Sources.Select(s => s.Url)).OfType<string>().ToList();

        Assert.NotEmpty(urls);
        Assert.All(urls, url => Assert.Equal(DotWriter.UrlByUri(url, Schemes), DotWriter.Url(url, Schemes)));
        Assert.Contains(urls, url => DotWriter.IsCanonicalWebUrl(url, Schemes));
    }

    [Fact]
    public void Url_OnlyHttpsAllowed_HttpUrlRefusedBothWays()
    {
        Assert.False(DotWriter.IsCanonicalWebUrl("http://example.org/a", ["https"]));
        Assert.Null(DotWriter.Url("http://example.org/a", ["https"]));
    }
}
