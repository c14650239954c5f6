using System.Collections.Immutable;
using System.Text;
using Provenance.Extraction.Internal;

namespace Provenance.Extraction;

/// <summary>
/// Finds attributions in plain text: a sequence tagger (shipped in the package, trained on annotated news) marks
/// source, cue and content spans; rules then group them, find chains ("X, citing Y", "according to X citing Y",
/// "quoted ... as saying"), hedges and confidences, and an optional <see cref="SourceResolver"/> matches sources
/// to known ones. Runs in time linear in the text and memory bounded by a chunk of text. Immutable, thread-safe.
/// </summary>
public sealed class AttributionExtractor
{
    /// <summary>Texts are tagged in chunks of at most this many characters, split at paragraph breaks where possible.</summary>
    public const int ChunkLength = 1 << 16;

    /// <summary>
    /// The largest file <see cref="ExtractFile"/> and <see cref="ReadText"/> read: 8 MiB, more than twice a book-length
    /// text. A larger file is refused with a clear error rather than extracted: extraction holds about 80 bytes per
    /// character at its peak (a 100 MB file needed 8 GB), so the limit bounds the memory of one article to about 700 MB.
    /// </summary>
    public const long MaxFileBytes = 8L << 20;

    private readonly AttributionTagger? tagger;

    private AttributionExtractor(AttributionTagger? tagger) => this.tagger = tagger;

    /// <summary>The extractor with the shipped tagger model (or the rule baseline when the package was built without one).</summary>
    public static AttributionExtractor Default { get; } = new(AttributionTagger.Default);

    /// <summary>The rule-based baseline only: reporting verbs, the noun phrase beside them, the quotation or clause they introduce.</summary>
    public static AttributionExtractor RulesOnly { get; } = new(null);

    /// <summary>Whether this extractor uses the learned tagger (false for the rule baseline).</summary>
    public bool UsesModel => tagger is not null;

    internal static AttributionExtractor WithTagger(AttributionTagger tagger) => new(tagger);

    /// <summary>
    /// Reads <paramref name="path"/> as strict UTF-8 (a byte order mark is allowed and skipped) and extracts its attributions.
    /// </summary>
    /// <exception cref="ExtractionInputException">The file is missing, too large, not UTF-8 or binary.</exception>
    public ExtractedDocument ExtractFile(string path, SourceResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Extract(ReadText(path), resolver) with { File = path };
    }

    /// <summary>Reads a text file as strict UTF-8, with a clear error for a missing, huge, binary or non-UTF-8 file.</summary>
    /// <exception cref="ExtractionInputException">The file cannot be used as article text.</exception>
    public static string ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new ExtractionInputException(path, "the file does not exist; give the path of a UTF-8 text file.");
            }

            if (info.Length > MaxFileBytes)
            {
                throw new ExtractionInputException(path, $"the file is {info.Length} bytes, more than the {MaxFileBytes} an article may have; split it into articles.");
            }

            bytes = ReadAtMost(path, MaxFileBytes);
        }
        catch (IOException e)
        {
            throw new ExtractionInputException(path, "the file cannot be read: " + e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ExtractionInputException(path, "the file cannot be read: " + e.Message);
        }

        return Decode(path, bytes);
    }

    /// <summary>
    /// The file's bytes, read until its end but never more than <paramref name="max"/>: a file whose length the system does
    /// not report (a pipe, a device such as /dev/zero, a file still growing) cannot make the read run on without end.
    /// </summary>
    private static byte[] ReadAtMost(string path, long max)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var copy = new MemoryStream();
        var chunk = new byte[1 << 16];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            if (copy.Length + read > max)
            {
                throw new ExtractionInputException(path, $"the file holds more than the {max} bytes an article may have; split it into articles.");
            }

            copy.Write(chunk, 0, read);
        }

        return copy.ToArray();
    }

    internal static string Decode(string path, byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = Position(span[..nul]);
            throw new ExtractionInputException(path, $"{line}:{column}: a NUL byte: this is a binary file, not article text; give a UTF-8 text file.");
        }

        var strict = new UTF8Encoding(false, true);
        try
        {
            return strict.GetString(span);
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = Position(span[..Math.Max(0, e.Index)]);
            throw new ExtractionInputException(path, $"{line}:{column}: the file is not valid UTF-8 (byte 0x{(e.BytesUnknown is { Length: > 0 } b ? b[0] : 0):X2}); convert it to UTF-8 (e.g. iconv -f windows-1252 -t utf-8).");
        }
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> before)
    {
        var line = 1 + before.Count((byte)'\n');
        var lastNewline = before.LastIndexOf((byte)'\n');
        return (line, before.Length - lastNewline);
    }

    /// <summary>Extracts the attributions of <paramref name="text"/>; offsets refer to it unchanged.</summary>
    public ExtractedDocument Extract(string text, SourceResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<RawAttribution>();
        var start = 0;
        while (start < text.Length)
        {
            var end = ChunkEnd(text, start);
            ExtractChunk(text, start, end, found);
            start = end;
        }

        ChainRules.Apply(text, found);
        var attributions = ImmutableArray.CreateBuilder<Attribution>(found.Count);
        var resolution = resolver?.StartDocument(text);
        for (var i = 0; i < found.Count; i++)
        {
            var raw = found[i];
            var source = raw.Source is { } s ? TextSpan.Of(text, s.Start, s.End) : (TextSpan?)null;
            var (id, match) = source is { } span && resolution is not null ? resolution.Resolve(span) : (null, SourceMatch.None);
            attributions.Add(new Attribution
            {
                Source = source,
                Cue = TextSpan.Of(text, raw.Cue.Start, raw.Cue.End),
                Content = raw.Content is { } c ? TextSpan.Of(text, c.Start, c.End) : null,
                SourceId = id,
                Match = match,
                Cites = raw.Cites,
                Hedge = raw.Hedge,
                Confidence = Math.Round(raw.Confidence, 2),
            });
        }

        if (resolution is not null)
        {
            ResolveStatements(attributions);
        }

        return new ExtractedDocument(null, text, attributions.MoveToImmutable());
    }

    // "the statement said", "according to the statement": the statement of the source the text cited last (the end of
    // that attribution's chain: "X confirmed ..., state media reported. ..., according to the statement" is X's)
    private static void ResolveStatements(ImmutableArray<Attribution>.Builder attributions)
    {
        for (var i = 0; i < attributions.Count; i++)
        {
            var a = attributions[i];
            if (a.SourceId is not null || a.Source is not { } span || !SourceResolver.IsStatementReference(span.Text))
            {
                continue;
            }

            for (var j = i - 1; j >= 0 && j >= i - 16 && a.Cue.Start - attributions[j].Cue.End < 3000; j--)
            {
                if (attributions[j].SourceId is null)
                {
                    continue;
                }

                var id = attributions[j].SourceId;
                var seen = 0;
                for (var k = attributions[j].Cites; k is { } x && x >= 0 && x < attributions.Count && seen++ < 16; k = attributions[x].Cites)
                {
                    if (attributions[x].SourceId is { } next && x < i)
                    {
                        id = next;
                    }
                }

                attributions[i] = a with { SourceId = id, Match = SourceMatch.Reference };
                break;
            }
        }
    }

    private static int ChunkEnd(string text, int start)
    {
        if (text.Length - start <= ChunkLength)
        {
            return text.Length;
        }

        var window = text.AsSpan(start, ChunkLength);
        var cut = window.LastIndexOf("\n\n");
        if (cut < ChunkLength / 4)
        {
            cut = window.LastIndexOf('\n');
        }

        if (cut < ChunkLength / 4)
        {
            cut = window.LastIndexOf(' ');
        }

        if (cut < ChunkLength / 4)
        {
            cut = ChunkLength - 1;
            if (char.IsHighSurrogate(text[start + cut - 1]))
            {
                cut--;
            }
        }

        return start + cut + 1;
    }

    private void ExtractChunk(string text, int from, int to, List<RawAttribution> found)
    {
        var tokens = new TextTokens(text, from, to);
        var margins = new float[tokens.Count];
        var tags = tagger is null ? RuleTagger.Tag(tokens) : tagger.Tag(tokens, margins);
        if (tagger is null)
        {
            Array.Fill(margins, 4f);
        }

        SpanGrouping.Group(tokens, tags, margins, found);
    }
}

/// <summary>A file that cannot be used as article text: missing, too large, binary or not UTF-8.</summary>
public sealed class ExtractionInputException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> with what is wrong and the fix.</summary>
    public ExtractionInputException(string path, string problem)
        : base($"{path}:{(problem.Length > 0 && char.IsDigit(problem[0]) ? "" : " ")}{problem}")
    {
        FilePath = path;
    }

    /// <summary>The file.</summary>
    public string FilePath { get; }
}
