namespace Provenance.Extraction.Tests;

/// <summary>
/// Mutated texts (bytes flipped, inserted, deleted; quotation marks and reporting verbs sprinkled; truncated anywhere)
/// never make the reader or the extractor throw anything but <see cref="ExtractionInputException"/>, and every span
/// they return lies inside the text and reads what it says. Seeded: the same mutants every run.
/// </summary>
public sealed class MutationTests
{
    private const string Seed = "“We will not comment,” the ministry said on Monday, according to TASS citing officials.\n\nInterfax, citing the Defence Ministry, reported that the helicopter was shot down. Locals reportedly filmed it; the MoD appears to have confirmed: \"two crew died.\"\n";

    [Fact]
    public void MutatedTexts_GiveSpansInsideTheTextOrAClearError()
    {
        var random = new Random(2020);
        var bytes = System.Text.Encoding.UTF8.GetBytes(Seed);
        string[] inserts = ["“", "”", "\"", "'", "’", " said ", " according to ", " citing ", ":", "\n\n", "\u0000", "\uD83D\uDE00", "\u200F", " via ", "Statement from the ministry:\n", " has aired the following:\n", "”, a statement from Baku read.", "Russia said ", " has reportedly "];
        var errors = 0;
        for (var i = 0; i < 400; i++)
        {
            var mutant = new List<byte>(bytes);
            for (var m = random.Next(1, 6); m > 0; m--)
            {
                var at = random.Next(mutant.Count + 1);
                switch (random.Next(4))
                {
                    case 0 when at < mutant.Count: mutant[at] = (byte)random.Next(256); break;
                    case 1 when at < mutant.Count: mutant.RemoveAt(at); break;
                    case 2: mutant.InsertRange(at, System.Text.Encoding.UTF8.GetBytes(inserts[random.Next(inserts.Length)])); break;
                    default: mutant.RemoveRange(at, mutant.Count - at); break;
                }
            }

            var path = ExtractorTests.TempFile([.. mutant]);
            try
            {
                var document = AttributionExtractor.Default.ExtractFile(path, new SourceResolver([new Source("tass", "TASS", SourceKind.NewsAgency)]));
                foreach (var a in document.Attributions)
                {
                    foreach (var span in new[] { a.Source, a.Cue, a.Content })
                    {
                        if (span is { } s)
                        {
                            Assert.InRange(s.Start, 0, s.End);
                            Assert.InRange(s.End, s.Start, document.Text.Length);
                            Assert.Equal(document.Text[s.Start..s.End], s.Text);
                        }
                    }

                    Assert.True(a.Cites is null || (a.Cites >= 0 && a.Cites < document.Attributions.Length));
                }

                _ = ExtractionJson.ToJson([document]);
                _ = DraftGraph.ToYaml([(new DraftArticle(path, "p"), document)]);
            }
            catch (ExtractionInputException e)
            {
                Assert.Contains(path, e.Message, StringComparison.Ordinal);
                errors++;
            }
            finally
            {
                File.Delete(path);
            }
        }

        Assert.InRange(errors, 1, 399); // some mutants are not UTF-8 or hold NUL, most are text
    }
}
