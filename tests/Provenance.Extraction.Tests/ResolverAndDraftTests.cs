using System.Collections.Immutable;
using Provenance.Extraction.Evaluation;
using Provenance.Verification;
using Provenance.Yaml;

namespace Provenance.Extraction.Tests;

public sealed class ResolverAndDraftTests
{
    private static readonly SourceResolver Known = new(
    [
        new Source("ru-mod", "Russian Ministry of Defence", SourceKind.Government) { Aliases = ["Russian Defence Ministry"] },
        new Source("az-mfa", "Azerbaijani Ministry of Foreign Affairs", SourceKind.Government) { Aliases = ["Azerbaijani Foreign Ministry"] },
        new Source("tass", "TASS", SourceKind.NewsAgency),
        new Source("rt", "RT", SourceKind.Broadcaster),
    ]);

    private static (string? Id, SourceMatch Match) Resolve(string text, string span)
    {
        var resolution = Known.StartDocument(text);
        var at = text.LastIndexOf(span, StringComparison.Ordinal);
        return resolution.Resolve(TextSpan.Of(text, at, at + span.Length));
    }

    [Theory]
    [InlineData("The Russian Defense Ministry said so.", "The Russian Defense Ministry", "ru-mod", SourceMatch.Known)]
    [InlineData("Russia's Ministry of Defense said so.", "Russia's Ministry of Defense", "ru-mod", SourceMatch.Known)]
    [InlineData("Russia’s RT reported it.", "Russia’s RT", "rt", SourceMatch.Known)]
    [InlineData("TASS said it.", "TASS", "tass", SourceMatch.Known)]
    public void KnownSources_ByNameAliasAndVariant(string text, string span, string id, SourceMatch match) =>
        Assert.Equal((id, match), Resolve(text, span));

    [Fact]
    public void References_ResolveToTheLastNamedFittingSource()
    {
        const string text = "The Russian Defence Ministry said two died. The Azerbaijani Foreign Ministry apologised. Later the MoD said more. The republic's Foreign Ministry announced it.";
        Assert.Equal(("ru-mod", SourceMatch.Reference), Resolve(text, "the MoD"));
        Assert.Equal(("az-mfa", SourceMatch.Reference), Resolve(text, "The republic's Foreign Ministry"));
        Assert.Equal(("az-mfa", SourceMatch.Reference), Resolve(text[..text.IndexOf("Later", StringComparison.Ordinal)] + "The ministry said.", "The ministry"));
    }

    [Theory]
    [InlineData("Russian sources")]
    [InlineData("Early reports")]
    [InlineData("locals")]
    public void UnnamedSources_AreAnonymous(string span)
    {
        var (id, match) = Resolve(span + " said so.", span);
        Assert.Equal(SourceMatch.Anonymous, match);
        Assert.NotNull(id);
        Assert.Equal(SourceKind.Anonymous, SourceResolver.Propose(id!, span).Kind);
    }

    [Fact]
    public void UnknownNamedSource_IsProposedWithGeneratedId_PronounIsUnresolved()
    {
        Assert.Equal(("armenian-public-radio", SourceMatch.Proposed), Resolve("The Armenian Public Radio said so.", "The Armenian Public Radio"));
        Assert.Equal((null, SourceMatch.Unresolved), Resolve("He said so.", "He"));
    }

    [Fact]
    public void Slug_IsAValidIdOfAtMost40Characters()
    {
        Assert.Equal("azerbaijan-foreign-ministry", SourceResolver.Slug("the Azerbaijan’s Foreign Ministry,"));
        var slug = SourceResolver.Slug("official statements from the foreign ministry of the republic of somewhere");
        Assert.InRange(slug.Length, 1, 40);
        Assert.DoesNotContain("--", slug, StringComparison.Ordinal);
        Assert.Equal("source", SourceResolver.Slug("“”"));
    }

    [Fact]
    public void Draft_ValidatesPassesEvidenceCheckAndNestsChains()
    {
        using var folder = new TempFolder();
        const string text = "Ministry Says Bridge Closed\n\nInterfax, citing the Russian Defence Ministry, said the bridge was closed on Monday.\n\n“We are “investigating\\ the {cause},” the governor told reporters.\n";
        var file = Path.Combine(folder.Path, "a.txt");
        File.WriteAllText(file, text);
        var article = new DraftArticle(file, "example-news") { Published = DateTimeOffset.Parse("2020-11-09T13:00:00-05:00", System.Globalization.CultureInfo.InvariantCulture), Language = "en" };
        var yaml = DraftGraph.ToYaml([(article, AttributionExtractor.Default.ExtractFile(file, Known))], Known);

        var graph = ProvenanceYaml.Parse(yaml, "draft.yaml");
        var check = EvidenceChecker.Check(graph, folder.Path);
        Assert.True(check.IsValid, string.Join("\n", check.Problems) + "\n" + yaml);
        Assert.Contains("interfax -> ru-mod", GraphComparison.Edges(graph));
        Assert.Contains("example-news -> interfax", GraphComparison.Edges(graph));
        Assert.Contains("example-news -> interfax -> ru-mod", GraphComparison.Chains(graph));
        Assert.Contains("# proposed hop, confidence ", yaml, StringComparison.Ordinal);
        Assert.Contains("# proposed claim, confidence ", yaml, StringComparison.Ordinal);
        Assert.Equal(SourceKind.Outlet, graph.GetSource("example-news").Kind);
    }

    [Fact]
    public void Manifest_ReadsArticlesAndRejectsBadShapeWithPosition()
    {
        var articles = ArticleManifest.Parse("articles:\n  - file: a.txt\n    source: tass\n    title: T\n    published: 2020-11-09T13:00:00+03:00\n", "m.yaml", "/base");
        var a = Assert.Single(articles);
        Assert.Equal(Path.Combine("/base", "a.txt"), a.File);
        Assert.Equal("tass", a.Source);
        Assert.Equal(TimeSpan.FromHours(3), a.Published?.Offset);

        var e = Assert.Throws<ExtractionInputException>(() => ArticleManifest.Parse("articles:\n  - file: a.txt\n    sourse: tass\n", "m.yaml", "/base"));
        Assert.Contains("m.yaml:3:5: unknown key 'sourse'", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<ExtractionInputException>(() => ArticleManifest.Parse("articles:\n  - file: a.txt\n    source: x\n    published: 2020-11-09\n", "m.yaml", "/base"));
        Assert.Contains("offset", e.Message, StringComparison.Ordinal);
        Assert.Throws<ExtractionInputException>(() => ArticleManifest.Parse("articles: [", "m.yaml", "/base"));
    }

    internal sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "provenance-extraction-" + Guid.NewGuid().ToString("N"));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
