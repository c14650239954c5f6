using System.Text;
using System.Text.Json;

namespace Provenance.Extraction.Tests;

public sealed class ExtractorTests
{
    private static readonly AttributionExtractor Extractor = AttributionExtractor.Default;

    [Fact]
    public void Default_UsesShippedModel() => Assert.True(Extractor.UsesModel);

    [Fact]
    public void SaidSentence_FindsSourceCueAndContent()
    {
        const string text = "The mayor said the bridge would reopen on Friday.";
        var a = Assert.Single(Extractor.Extract(text).Attributions);
        Assert.Equal("The mayor", a.Source?.Text);
        Assert.Equal("said", a.Cue.Text);
        Assert.Equal("the bridge would reopen on Friday", a.Content?.Text);
        Assert.InRange(a.Confidence, 0.01, 1);
    }

    [Fact]
    public void QuoteInterruptedByCue_ContentIsOuterSpan()
    {
        const string text = "“We will rebuild the road,” the governor told reporters, “and we will do it this year.”";
        var a = Assert.Single(Extractor.Extract(text).Attributions, x => x.Content is not null);
        Assert.Equal("the governor", a.Source?.Text);
        Assert.StartsWith("“We will rebuild", a.Content?.Text, StringComparison.Ordinal);
        Assert.EndsWith("this year.”", a.Content?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Citing_BecomesChainWithCitingSourceFirst()
    {
        const string text = "Interfax, citing the regional ministry, said that two people were injured in the fire.";
        var attributions = Extractor.Extract(text).Attributions;
        var head = Assert.Single(attributions, a => a.Cites is not null);
        Assert.Equal("Interfax", head.Source?.Text);
        var hop = attributions[head.Cites!.Value];
        Assert.Equal("citing", hop.Cue.Text);
        Assert.Equal("the regional ministry", hop.Source?.Text);
        Assert.Null(hop.Cites);
    }

    [Fact]
    public void AccordingToCiting_ChainsAgencyToMinistry()
    {
        const string text = "According to the agency citing official statements from the foreign ministry: the border will stay closed.";
        var attributions = Extractor.Extract(text).Attributions;
        var hop = Assert.Single(attributions, a => a.Cue.Text == "citing");
        Assert.Equal("official statements from the foreign ministry", hop.Source?.Text);
        var head = Assert.Single(attributions, a => a.Cites is { } c && attributions[c] == hop);
        Assert.Equal("the agency", head.Source?.Text);
    }

    [Fact]
    public void ReportedlyAndAppearsTo_AreHedges()
    {
        var a = Extractor.Extract("The army has reportedly seized the bridge, officials said.").Attributions;
        Assert.Contains(a, x => x.Hedge == "reportedly");
        var b = Extractor.Extract("The ministry appears to have confirmed that the plane crashed.").Attributions;
        Assert.Contains(b, x => x.Hedge == "appears to");
    }

    [Fact]
    public void Offsets_AreUtf16UnitsOfTheTextUnchanged()
    {
        // CRLF line ends, a character outside the BMP and a combining accent before the attribution
        const string text = "Storm \U0001F32A\r\nCafe\u0301 owners\r\n\r\nThe fire chief said the blaze was under control.";
        var document = Extractor.Extract(text);
        Assert.NotEmpty(document.Attributions);
        foreach (var a in document.Attributions)
        {
            foreach (var span in new[] { a.Source, a.Cue, a.Content })
            {
                if (span is { } s)
                {
                    Assert.Equal(text.Substring(s.Start, s.End - s.Start), s.Text);
                }
            }
        }

        Assert.Contains(document.Attributions, a => a.Cue.Text == "said" && a.Cue.Start == text.IndexOf("said", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_HasTheIssueShape()
    {
        const string text = "Interfax, citing the ministry, said the plant was closed.";
        var json = ExtractionJson.ToJson([Extractor.Extract(text) with { File = "a.txt" }]);
        using var doc = JsonDocument.Parse(json);
        var d = Assert.Single(doc.RootElement.GetProperty("documents").EnumerateArray());
        Assert.Equal("a.txt", d.GetProperty("file").GetString());
        var attributions = d.GetProperty("attributions").EnumerateArray().ToList();
        Assert.NotEmpty(attributions);
        foreach (var a in attributions)
        {
            Assert.Equal(["source", "cue", "content", "sourceId", "cites", "hedge", "confidence"], a.EnumerateObject().Select(p => p.Name));
            var cue = a.GetProperty("cue");
            var start = cue.GetProperty("start").GetInt32();
            var end = cue.GetProperty("end").GetInt32();
            Assert.Equal(text[start..end], cue.GetProperty("text").GetString());
            Assert.True(a.GetProperty("cites").ValueKind is JsonValueKind.Null or JsonValueKind.Number);
        }

        Assert.Contains(attributions, a => a.GetProperty("cites").ValueKind == JsonValueKind.Number);
    }

    [Fact]
    public void EmptyAndWhitespace_GiveNoAttributions()
    {
        Assert.Empty(Extractor.Extract("").Attributions);
        Assert.Empty(Extractor.Extract(" \n\n\t ").Attributions);
    }

    [Fact]
    public void UnbalancedQuotes_StillFinishWithSpansInsideTheText()
    {
        var text = string.Concat(Enumerable.Repeat("“He said it was over, the spokesman said. \"And then ", 200)) + "\n\n" + new string('“', 5000);
        var document = Extractor.Extract(text);
        Assert.All(document.Attributions, a => Assert.InRange(a.Cue.End, 1, text.Length));
        Assert.All(document.Attributions, a => Assert.True(a.Content is null || a.Content.Value.End - a.Content.Value.Start < 2000));
    }

    [Fact]
    public void LongText_IsChunkedAndOffsetsStayGlobal()
    {
        var paragraph = "The minister said the talks would resume next week.\n\n";
        var text = string.Concat(Enumerable.Repeat(paragraph, (3 * AttributionExtractor.ChunkLength / paragraph.Length) + 7));
        var document = Extractor.Extract(text);
        var cues = document.Attributions.Where(a => a.Cue.Text == "said").ToList();
        Assert.Equal(text.Length / paragraph.Length, cues.Count);
        Assert.All(cues, a => Assert.Equal("said", text[a.Cue.Start..a.Cue.End]));
    }

    [Fact]
    public void OneLineWithoutSpaces_DoesNotHangOrThrow()
    {
        var text = new string('x', 3 * AttributionExtractor.ChunkLength) + " said";
        Assert.NotNull(Extractor.Extract(text));
    }

    [Fact]
    public void ReadText_NotUtf8_NamesLineAndColumn()
    {
        var path = TempFile([.. Encoding.UTF8.GetBytes("line one\nab"), 0xE9, (byte)'c']);
        var e = Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(path));
        Assert.Contains(path + ":2:3:", e.Message, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_Binary_IsRejected()
    {
        var path = TempFile([0x7F, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1]);
        var e = Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(path));
        Assert.Contains("binary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_HundredMegabyteFile_IsRefusedAtOnceWithTheLimitAndTheFix()
    {
        // A sparse file: its length is 100 MB, nothing is written or read.
        var path = Path.Combine(Path.GetTempPath(), "huge-article-" + Guid.NewGuid() + ".txt");
        try
        {
            using (var file = File.Create(path))
            {
                file.SetLength(100_000_000);
            }

            var e = Assert.Throws<ExtractionInputException>(() => AttributionExtractor.Default.ExtractFile(path));
            Assert.Equal($"{path}: the file is 100000000 bytes, more than the {AttributionExtractor.MaxFileBytes} an article may have; split it into articles.", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadText_AtTheLimit_IsRead()
    {
        var path = TempFile([.. Enumerable.Repeat((byte)' ', (int)AttributionExtractor.MaxFileBytes)]);
        Assert.Equal((int)AttributionExtractor.MaxFileBytes, AttributionExtractor.ReadText(path).Length);
        Assert.Empty(AttributionExtractor.Default.ExtractFile(path).Attributions);
    }

    [SkippableFact]
    public void ReadText_ADeviceWithoutEnd_StopsAtTheLimit()
    {
        // /dev/zero reports no length and never ends: the read must stop at the limit, not run out of memory.
        Skip.IfNot(File.Exists("/dev/zero"), "needs /dev/zero (Linux or macOS)");
        var e = Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText("/dev/zero"));
        Assert.Equal($"/dev/zero: the file holds more than the {AttributionExtractor.MaxFileBytes} bytes an article may have; split it into articles.", e.Message);
    }

    [Fact]
    public void ReadText_MissingFile_IsClear()
    {
        var e = Assert.Throws<ExtractionInputException>(() => AttributionExtractor.ReadText(Path.Combine(Path.GetTempPath(), "no-such-article-" + Guid.NewGuid() + ".txt")));
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadText_BomIsSkipped_EmptyFileIsEmpty()
    {
        Assert.Equal("ok", AttributionExtractor.ReadText(TempFile([0xEF, 0xBB, 0xBF, (byte)'o', (byte)'k'])));
        Assert.Equal("", AttributionExtractor.ReadText(TempFile([])));
    }

    [Fact]
    public void RulesOnly_FindsReportingVerbs()
    {
        var a = Assert.Single(AttributionExtractor.RulesOnly.Extract("Officials said the dam held.").Attributions);
        Assert.Equal("said", a.Cue.Text);
        Assert.Equal("Officials", a.Source?.Text);
        Assert.Equal("the dam held", a.Content?.Text);
    }

    internal static string TempFile(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), "provenance-extraction-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
