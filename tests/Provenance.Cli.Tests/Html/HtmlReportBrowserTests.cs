using Microsoft.Playwright;
using Provenance.Testing;
using Provenance.Yaml;

namespace Provenance.Cli.Tests.Html;

/// <summary>
/// The HTML report opened in a real browser (issue 19): Debian's Chromium, found on PATH as <c>chromium</c>, driven by
/// Playwright (no browser download). Written once by the CLI for the bundled graph, with the real dot.
/// </summary>
public sealed class HtmlReportBrowserTests : IClassFixture<HtmlReportBrowserTests.Report>
{
    private readonly Report report;

    public HtmlReportBrowserTests(Report report) => this.report = report;

    [SkippableFact]
    public async Task Page_Loads_WithNoConsoleErrorAndNothingFetched()
    {
        await using var browser = await Browser.OpenAsync();
        var page = await browser.Context.NewPageAsync();
        var errors = new List<string>();
        var requests = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add(message.Type + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add("page error: " + error);
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(report.Url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(errors);
        Assert.Equal([report.Url], requests);
        Assert.Equal(report.Graph.Claims.Length, await page.Locator(".diagram svg .svg-pan-zoom_viewport").CountAsync() - 1);
    }

    [SkippableFact]
    public async Task Page_EveryClaim_HasItsSectionWithDiagramChainsDeadEndsAndDrift()
    {
        await using var browser = await Browser.OpenAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(report.Url);

        var sections = page.Locator("section.claim");
        Assert.Equal(report.Graph.Claims.Length, await sections.CountAsync());
        for (var i = 0; i < report.Graph.Claims.Length; i++)
        {
            var claim = report.Graph.Claims[i];
            var section = sections.Nth(i);
            Assert.Equal(claim.Text, await section.Locator("h2").InnerTextAsync());
            Assert.Equal(1, await section.Locator(".diagram svg").CountAsync());
            Assert.Equal(report.Graph.Trace(claim.Id).Chains.Length, await section.Locator("ol.chains > li").CountAsync());
            string[] headings = report.Graph.HiddenRelays().OfClaim(claim.Id).Any() ? ["Chains", "Dead ends", "Drift", "Hidden relays"] : ["Chains", "Dead ends", "Drift"];
            Assert.Equal(headings, await section.Locator("h3").AllInnerTextsAsync());
            var link = page.Locator("#claims tbody tr").Nth(i).Locator("a");
            Assert.Equal("#" + await section.GetAttributeAsync("id"), await link.GetAttributeAsync("href"));
        }

        // The bundled graph's drift: "decided to open fire" became "decided to open fire to kill" in one article.
        Assert.Contains("kill", await page.Locator("#claim-az-open-fire ins").AllInnerTextsAsync());
    }

    [SkippableFact]
    public async Task Filter_HidesAndShowsRows()
    {
        await using var browser = await Browser.OpenAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(report.Url);
        var visible = page.Locator("#claims tbody tr:visible");
        var all = report.Graph.Claims.Length;
        Assert.Equal(all, await visible.CountAsync());

        await page.FillAsync("#filter-text", "helicopter");
        var withWord = report.Graph.Claims.Count(c => (c.Id + " " + c.Text).Contains("helicopter", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(withWord, 1, all - 1);
        Assert.Equal(withWord, await visible.CountAsync());

        await page.FillAsync("#filter-text", "");
        Assert.Equal(all, await visible.CountAsync());

        await page.SelectOptionAsync("#filter-origins", "2+");
        Assert.Equal(report.Graph.Claims.Count(c => report.Graph.IndependentOrigins(c.Id).Count >= 2), await visible.CountAsync());
        await page.SelectOptionAsync("#filter-origins", "");

        await page.CheckAsync("#filter-dead-ends");
        var withDeadEnds = report.Graph.Claims.Count(c => report.Graph.Trace(c.Id).Chains.Any(ch => ch.End.Kind == ChainEndKind.DeadEnd));
        Assert.InRange(withDeadEnds, 1, all - 1);
        Assert.Equal(withDeadEnds, await visible.CountAsync());
        await page.UncheckAsync("#filter-dead-ends");
        Assert.Equal(all, await visible.CountAsync());
    }

    [SkippableFact]
    public async Task Sort_ByOrigins_OrdersRows()
    {
        await using var browser = await Browser.OpenAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(report.Url);
        async Task<List<int>> Origins() =>
            [.. (await page.Locator("#claims tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.getAttribute('data-origins'))")).Select(int.Parse)];

        await page.ClickAsync("#claims thead button:text-is('Independent origins')");
        var ascending = await Origins();
        await page.ClickAsync("#claims thead button:text-is('Independent origins')");
        var descending = await Origins();

        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.NotEqual(ascending, descending);
    }

    [SkippableFact]
    public async Task ClaimLink_ScrollsToTheClaim()
    {
        await using var browser = await Browser.OpenAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(report.Url);
        var last = report.Graph.Claims[^1];

        await page.Locator("#claims tbody tr").Last.Locator("a").ClickAsync();
        await page.WaitForFunctionAsync("() => Math.abs(document.querySelector(location.hash).getBoundingClientRect().top) < 5");

        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 1000);
        Assert.Equal(last.Text, await page.Locator("section.claim:target h2").InnerTextAsync());
    }

    [SkippableFact]
    public async Task Page_ScriptsOff_StillShowsEveryClaimAndDiagram()
    {
        await using var browser = await Browser.OpenAsync(javaScript: false);
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(report.Url);

        Assert.Equal(report.Graph.Claims.Length, await page.Locator("section.claim:visible").CountAsync());
        Assert.Equal(report.Graph.Claims.Length + 1, await page.Locator(".diagram svg:visible").CountAsync());
        Assert.Equal(report.Graph.Claims.Length, await page.Locator("#claims tbody tr:visible").CountAsync());
        Assert.False(await page.Locator("#controls").IsVisibleAsync());
    }

    [SkippableFact]
    public async Task Screenshot_IsSavedAndNotBlank()
    {
        await using var browser = await Browser.OpenAsync();
        var page = await browser.Context.NewPageAsync();
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(report.Url + "#claim-shot-down");
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", "report-screenshot.png");

        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });

        Assert.True(File.Exists(path));
        // The browser decodes its own PNG: a blank page is one colour; the report has text, boxes and colours.
        var decoder = await browser.Context.NewPageAsync();
        await decoder.SetContentAsync("<canvas></canvas>");
        var stats = await decoder.EvaluateAsync<double[]>(
            """
            async (data) => {
              const image = new Image();
              image.src = "data:image/png;base64," + data;
              await image.decode();
              const canvas = document.querySelector("canvas");
              canvas.width = image.width; canvas.height = image.height;
              const context = canvas.getContext("2d");
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, image.width, image.height).data;
              const colours = new Set();
              let ink = 0;
              for (let i = 0; i < pixels.length; i += 4) {
                colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
                if (pixels[i] + pixels[i + 1] + pixels[i + 2] < 600) ink++;
              }
              return [image.width, image.height, colours.size, ink / (pixels.length / 4)];
            }
            """,
            Convert.ToBase64String(png));

        Assert.Equal([1280, 900], stats[..2]);
        Assert.True(stats[2] > 50, $"only {stats[2]} colours");
        Assert.InRange(stats[3], 0.01, 0.9);
    }

    /// <summary>The bundled graph's HTML report, written once per test class by the CLI with the real dot.</summary>
    public sealed class Report : IDisposable
    {
        private readonly TestFiles.TempFolder folder = new();

        public Report()
        {
            Path = folder.File("report.html");
            GraphPath = System.IO.Path.Combine(Repository.Root, "graphs", "mi24-yeraskh.yaml");
            Graph = ProvenanceYaml.Load(GraphPath);
            var dot = ExternalTool.Find("dot");
            if (dot is not null)
            {
                Run = CliRun.Of("report", GraphPath, "--format", "html", "-o", Path, "--dot", dot);
            }
        }

        public string Path { get; }

        public string GraphPath { get; }

        public CitationGraph Graph { get; }

        internal CliRun? Run { get; }

        public string Url
        {
            get
            {
                ExternalTool.Require("dot", "apt-get install graphviz");
                Assert.True(Run is { ExitCode: 0 }, Run?.ToString());
                return new Uri(Path).AbsoluteUri;
            }
        }

        public void Dispose() => folder.Dispose();
    }

    /// <summary>Debian's Chromium under Playwright, headless, with everything that would reach the network turned off.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private readonly IPlaywright playwright;
        private readonly IBrowser browser;

        private Browser(IPlaywright playwright, IBrowser browser, IBrowserContext context)
        {
            this.playwright = playwright;
            this.browser = browser;
            Context = context;
        }

        public IBrowserContext Context { get; }

        public static async Task<Browser> OpenAsync(bool javaScript = true)
        {
            var chromium = ExternalTool.Require("chromium", "apt-get install chromium");
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
            return new Browser(playwright, browser, context);
        }

        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
