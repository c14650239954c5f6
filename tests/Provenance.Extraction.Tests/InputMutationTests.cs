using System.Text;

namespace Provenance.Extraction.Tests;

/// <summary>
/// Pins the whole error message (file, line, column, problem, fix) of every way a manifest or an article file can be
/// wrong, and every field a manifest article carries, so that a changed position, branch or message is caught; the
/// broader tests checked a few messages by substring only. Every text here is written for the test.
/// </summary>
public sealed class InputMutationTests
{
    private static string ParseError(string yaml) =>
        Assert.Throws<ExtractionInputException>(() => ArticleManifest.Parse(yaml, "m.yaml", "/base")).Message;

    [Fact]
    public void Manifest_ReadsEveryField_AndResolvesRelativeFilesOnly()
    {
        const string yaml = "articles:\n"
            + "  - file: a.txt\n    source: tass\n    title: Ferry\n    published: 2020-11-09T13:00:00Z\n    url: https://example.org/a\n    language: en\n"
            + "  - file: /abs/b.txt\n    source: wire\n    published: 2020-11-09T13:00:00-05:00\n"
            + "  - file: c.txt\n    source: radio\n    published: 2020-11-09T13:00:00z\n";
        var articles = ArticleManifest.Parse(yaml, "m.yaml", "/base");

        Assert.Equal(3, articles.Length);
        Assert.Equal(
            new DraftArticle(Path.Combine("/base", "a.txt"), "tass")
            {
                Title = "Ferry",
                Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.Zero),
                Url = "https://example.org/a",
                Language = "en",
            },
            articles[0]);
        Assert.Equal(new DraftArticle("/abs/b.txt", "wire") { Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(-5)) }, articles[1]);
        Assert.Equal(new DraftArticle(Path.Combine("/base", "c.txt"), "radio") { Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.Zero) }, articles[2]);
        Assert.Empty(ArticleManifest.Parse("articles: []\n", "m.yaml", "/base"));
    }

    [Theory]
    [InlineData("2020-11-09")] // no time
    [InlineData("2020-11-09T13:00:00")] // no offset
    [InlineData("2020-11-09T13:00:00+0300")] // offset without colon
    [InlineData("2020-11-09 13:00:00+03:00")] // no T
    [InlineData("13:00Z")] // no T, though it parses
    [InlineData("2020-11-09Tnoon+03:00")] // not a time
    public void Manifest_PublishedWithoutIsoOffset_IsRejectedWithTheArticlePosition(string date)
    {
        Assert.Equal(
            $"m.yaml:2:5: 'published' '{date}' is not an ISO 8601 time with an offset; write e.g. 2020-11-09T13:00:00-05:00.",
            ParseError($"articles:\n  - file: a.txt\n    source: x\n    published: {date}\n"));
    }

    [Fact]
    public void Manifest_ShortOffsetLikeTexts_AreCheckedByPosition()
    {
        // Six characters or fewer cannot hold a time and an offset: "T+03:00" is seven, rejected as not a time.
        Assert.Contains("'published' 'T+03:00'", ParseError("articles:\n  - file: a.txt\n    source: x\n    published: T+03:00\n"), StringComparison.Ordinal);
        Assert.Contains("'published' 'T03:00'", ParseError("articles:\n  - file: a.txt\n    source: x\n    published: T03:00\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_EveryShapeError_NamesPositionProblemAndFix()
    {
        Assert.Matches(@"^m\.yaml:\d+:\d+: not valid YAML: ", ParseError("articles: [\n"));
        Assert.EndsWith("; a manifest is 'articles:' with a list of {file, source, ...}.", ParseError("articles: [\n"), StringComparison.Ordinal);
        Assert.Equal(
            "m.yaml:1:1: a manifest is a mapping with the key 'articles'; write 'articles:' followed by a list of {file, source, title?, published?, url?, language?}.",
            ParseError(""));
        Assert.Equal(
            "m.yaml:1:1: a manifest is a mapping with the key 'articles'; write 'articles:' followed by a list of {file, source, title?, published?, url?, language?}.",
            ParseError("- file: a.txt\n"));
        Assert.Equal(
            "m.yaml:1:1: the manifest has no 'articles' list; add 'articles:' followed by a list of {file, source, ...}.",
            ParseError("article:\n  - file: a.txt\n"));
        Assert.Equal(
            "m.yaml:1:1: the manifest has no 'articles' list; add 'articles:' followed by a list of {file, source, ...}.",
            ParseError("articles: a.txt\n"));
        Assert.Equal(
            "m.yaml:2:5: an article is a mapping {file, source, title?, published?, url?, language?}.",
            ParseError("articles:\n  - a.txt\n"));
        Assert.Equal(
            "m.yaml:3:5: unknown key 'sourse'; an article has file, source, title, published, url, language.",
            ParseError("articles:\n  - file: a.txt\n    sourse: tass\n"));
        Assert.Equal(
            "m.yaml:3:13: 'source' must be a single value.",
            ParseError("articles:\n  - file: a.txt\n    source: [a, b]\n"));
        Assert.Equal(
            "m.yaml:2:5: the article has no 'file'; add the path of its text file.",
            ParseError("articles:\n  - source: tass\n"));
        Assert.Equal(
            "m.yaml:2:5: the article has no 'file'; add the path of its text file.",
            ParseError("articles:\n  - file: ''\n    source: tass\n"));
        Assert.Equal(
            "m.yaml:2:5: the article has no 'source'; add the id of its publisher.",
            ParseError("articles:\n  - file: a.txt\n"));
        Assert.Equal(
            "m.yaml:2:5: the article has no 'source'; add the id of its publisher.",
            ParseError("articles:\n  - file: a.txt\n    source: ''\n"));
    }

    [Fact]
    public void Manifest_Load_ReadsTheFileAndResolvesBesideIt()
    {
        using var folder = new ResolverAndDraftTests.TempFolder();
        var path = Path.Combine(folder.Path, "manifest.yaml");
        File.WriteAllText(path, "articles:\n  - file: a.txt\n    source: tass\n");
        Assert.Equal<DraftArticle>([new DraftArticle(Path.Combine(folder.Path, "a.txt"), "tass")], ArticleManifest.Load(path));

        File.WriteAllText(path, "articles:\n  - file: a.txt\n");
        Assert.Equal(
            path + ":2:5: the article has no 'source'; add the id of its publisher.",
            Assert.Throws<ExtractionInputException>(() => ArticleManifest.Load(path)).Message);
    }

    [Fact]
    public void ReadText_NulByte_NamesItsLineAndColumn()
    {
        var path = ExtractorTests.TempFile([.. Encoding.UTF8.GetBytes("first\nsecond\nab"), 0, (byte)'c']);
        var e = Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(path));
        Assert.Equal(path + ":3:3: a NUL byte: this is a binary file, not article text; give a UTF-8 text file.", e.Message);
        Assert.Equal(path, e.FilePath);

        // The byte order mark is not a column: a NUL right after it is at 1:1.
        path = ExtractorTests.TempFile([0xEF, 0xBB, 0xBF, 0]);
        Assert.Equal(path + ":1:1: a NUL byte: this is a binary file, not article text; give a UTF-8 text file.", Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(path)).Message);
    }

    [Fact]
    public void ReadText_InvalidUtf8_NamesByteLineAndColumn()
    {
        var path = ExtractorTests.TempFile([.. Encoding.UTF8.GetBytes("one\ntwo\nthree "), 0xE9, (byte)'c']);
        Assert.Equal(
            path + ":3:7: the file is not valid UTF-8 (byte 0xE9); convert it to UTF-8 (e.g. iconv -f windows-1252 -t utf-8).",
            Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(path)).Message);

        path = ExtractorTests.TempFile([0xFF]);
        Assert.Equal(
            path + ":1:1: the file is not valid UTF-8 (byte 0xFF); convert it to UTF-8 (e.g. iconv -f windows-1252 -t utf-8).",
            Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(path)).Message);

        // A byte order mark alone is skipped; a partial one is not a mark and not UTF-8.
        Assert.Equal("", AttributionExtractor.ReadText(ExtractorTests.TempFile([0xEF, 0xBB, 0xBF])));
        path = ExtractorTests.TempFile([0xEF, 0xBB, (byte)'x']);
        Assert.StartsWith(path + ":1:1: the file is not valid UTF-8 (byte 0xEF)", Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_MissingFileAndFolder_GiveTheWholeMessage()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-article-" + Guid.NewGuid().ToString("N") + ".txt");
        Assert.Equal(
            missing + ": the file does not exist; give the path of a UTF-8 text file.",
            Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(missing)).Message);

        using var folder = new ResolverAndDraftTests.TempFolder();
        Assert.Equal(
            folder.Path + ": the file does not exist; give the path of a UTF-8 text file.",
            Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(folder.Path)).Message);
    }

    [Fact]
    public void ExtractionInputException_SpacesAProblemThatIsNotAPosition()
    {
        Assert.Equal("f.txt:1:2: x", new ExtractionInputException("f.txt", "1:2: x").Message);
        Assert.Equal("f.txt: bad", new ExtractionInputException("f.txt", "bad").Message);
        Assert.Equal("f.txt: ", new ExtractionInputException("f.txt", "").Message);
        Assert.Equal("f.txt", new ExtractionInputException("f.txt", "bad").FilePath);
    }

    [Fact]
    public void ExtractFile_SetsTheFileAndKeepsTheText()
    {
        const string text = "The ministry said the port was closed.\n";
        var path = ExtractorTests.TempFile(Encoding.UTF8.GetBytes(text));
        var document = AttributionExtractor.RulesOnly.ExtractFile(path);
        Assert.Equal(path, document.File);
        Assert.Equal(text, document.Text);
        Assert.Equal<Attribution>(AttributionExtractor.RulesOnly.Extract(text).Attributions, document.Attributions);
        Assert.Equal("said", Assert.Single(document.Attributions).Cue.Text);
        Assert.False(AttributionExtractor.RulesOnly.UsesModel);
    }
}
