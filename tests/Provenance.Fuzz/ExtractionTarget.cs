using System.Text;
using Provenance.Extraction;
using Provenance.Yaml;

namespace Provenance.Fuzz;

/// <summary>
/// The extractor over arbitrary bytes: the bytes are read as an article file (strict UTF-8, where
/// <see cref="ExtractionInputException"/> is the documented failure), and the text (decoded leniently when the file is
/// refused, so the extractor still runs) goes through the default extractor with a source resolver, the JSON output
/// and a draft graph. Any exception is a crash, and so is a broken promise: a span whose text is not the text at its
/// offsets, a chain index out of range, or a draft the YAML loader rejects.
/// </summary>
public static class ExtractionTarget
{
    private static readonly SourceResolver Known = new(
    [
        new Source("ru-mod", "Russian Ministry of Defence", SourceKind.Government) { Aliases = ["Russian Defence Ministry", "MoD"] },
        new Source("az-mfa", "Azerbaijani Ministry of Foreign Affairs", SourceKind.Government) { Aliases = ["Azerbaijani Foreign Ministry"] },
        new Source("tass", "TASS", SourceKind.NewsAgency) { Aliases = ["ТАСС"] },
        new Source("interfax", "Interfax", SourceKind.NewsAgency),
    ]);

    private static readonly string FilePath = Path.Combine(Path.GetTempPath(), $"provenance-fuzz-extract-{Environment.ProcessId}.txt");

    /// <summary>Runs one input.</summary>
    public static void Run(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var bytes = buffer.ToArray();
        File.WriteAllBytes(FilePath, bytes);
        string text;
        try
        {
            text = AttributionExtractor.ReadText(FilePath);
        }
        catch (ExtractionInputException)
        {
            // The documented refusal of a binary or non-UTF-8 file; the extractor itself takes any string.
            text = Encoding.UTF8.GetString(bytes);
        }

        foreach (var extractor in new[] { AttributionExtractor.Default, AttributionExtractor.RulesOnly })
        {
            Check(text, extractor.Extract(text, Known));
        }

        var document = AttributionExtractor.Default.Extract(text, Known) with { File = FilePath };
        _ = ExtractionJson.ToJson([document]);
        var yaml = DraftGraph.ToYaml([(new DraftArticle(FilePath, "fuzz-news"), document)], Known);
        try
        {
            ProvenanceYaml.Parse(yaml, "draft.yaml");
        }
        catch (GraphValidationException e)
        {
            throw new InvalidOperationException("the draft graph does not load: " + e.Message.Split('\n')[0] + "\n" + yaml, e);
        }
    }

    private static void Check(string text, ExtractedDocument document)
    {
        if (!ReferenceEquals(document.Text, text) && document.Text != text)
        {
            throw new InvalidOperationException("the document's text is not the input");
        }

        for (var i = 0; i < document.Attributions.Length; i++)
        {
            var a = document.Attributions[i];
            foreach (var span in new[] { a.Source, a.Cue, a.Content })
            {
                if (span is { } s && (s.Start < 0 || s.End < s.Start || s.End > text.Length || text[s.Start..s.End] != s.Text))
                {
                    throw new InvalidOperationException($"attribution {i}: span {s.Start}..{s.End} '{s.Text}' is not the text at its offsets");
                }
            }

            if (a.Cites is { } c && (c < 0 || c >= document.Attributions.Length || c == i))
            {
                throw new InvalidOperationException($"attribution {i} cites {c} of {document.Attributions.Length}");
            }

            if (a.Confidence is < 0 or > 1 || double.IsNaN(a.Confidence))
            {
                throw new InvalidOperationException($"attribution {i} has confidence {a.Confidence}");
            }
        }
    }
}
