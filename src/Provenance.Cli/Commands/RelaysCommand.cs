using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Provenance.Extraction;
using Provenance.Reuse;

namespace Provenance.Cli.Commands;

/// <summary>
/// <c>provenance relays &lt;graph&gt; [--min-similarity x] [--claim id] [--json]</c>: hidden relays, near-identical wording that the
/// citations do not explain; with <c>--texts</c>, the passages article texts share; with <c>--manifest</c>, the hidden relays
/// among a manifest's articles, judged by what each article's extracted attributions credit.
/// </summary>
internal static class RelaysCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string[]>("input")
        {
            Description = "A graph (a YAML file or folder), or with --texts the article texts (UTF-8 .txt files) to compare.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var minSimilarity = new Option<double?>("--min-similarity")
        {
            Description = string.Create(
                CultureInfo.InvariantCulture,
                $"The least share of the shorter wording the shared passages must cover, 0 to 1 (default {CitationGraphQueries.DefaultHiddenRelaySimilarity} for a graph, 0 for --texts)."),
        };
        var claimOption = new Option<string>("--claim") { Description = "Only the findings about this claim." };
        var texts = new Option<bool>("--texts") { Description = "Compare article texts instead of a graph's wordings: list the passages they share." };
        var manifest = new Option<string>("--manifest")
        {
            Description = "Find hidden relays among the articles of a manifest (as for extract): passages they share that the reusing article does not credit.",
        };
        var sources = new Option<string>("--sources") { Description = "With --manifest: a graph whose sources are the known sources to resolve credits against." };
        var json = CommandTree.JsonOption();
        var command = new Command("relays", "Find hidden relays: near-identical wording in reports that do not cite each other, or credit someone else for it.")
        {
            input,
            minSimilarity,
            claimOption,
            texts,
            manifest,
            sources,
            json,
        };
        command.SetAction(int (parse) =>
        {
            var similarity = parse.GetValue(minSimilarity);
            if (similarity is { } s && (double.IsNaN(s) || s < 0 || s > 1))
            {
                throw CliException.Usage(string.Create(CultureInfo.InvariantCulture, $"--min-similarity must be between 0 and 1 (got {s})."));
            }

            var inputs = parse.GetValue(input) ?? [];
            if (parse.GetValue(manifest) is { } manifestPath)
            {
                if (inputs.Length > 0 || parse.GetValue(texts) || parse.GetValue(claimOption) is not null || similarity is not null)
                {
                    throw CliException.Usage("--manifest takes the articles from the manifest; it cannot be combined with a graph, --texts, --claim or --min-similarity.");
                }

                return Articles(context, manifestPath, parse.GetValue(sources), parse.GetValue(json));
            }

            if (parse.GetValue(sources) is not null)
            {
                throw CliException.Usage("--sources applies to --manifest.");
            }

            if (inputs.Length == 0)
            {
                throw CliException.Usage("relays needs a graph, article texts with --texts, or --manifest <articles.yaml>.");
            }

            if (parse.GetValue(texts))
            {
                if (parse.GetValue(claimOption) is not null)
                {
                    throw CliException.Usage("--claim applies to a graph, not to --texts.");
                }

                return Texts(context, inputs, similarity ?? 0, parse.GetValue(json));
            }

            if (inputs.Length != 1)
            {
                throw CliException.Usage($"relays takes one graph ({inputs.Length} given); to compare article texts, add --texts.");
            }

            var graph = GraphInput.Load(context, inputs[0]);
            var claimId = parse.GetValue(claimOption);
            if (claimId is not null)
            {
                CommandTree.RequireClaim(graph, claimId);
            }

            var result = graph.HiddenRelays(similarity ?? CitationGraphQueries.DefaultHiddenRelaySimilarity);
            var relays = claimId is null ? result.Relays.ToList() : result.OfClaim(claimId).ToList();
            if (parse.GetValue(json))
            {
                CliFormat.WriteJson(context, w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("relays");
                    foreach (var relay in relays)
                    {
                        w.WriteStartObject();
                        w.WriteString("claim", relay.Relaying.Claim);
                        w.WriteNumber("score", relay.Score);
                        w.WriteNumber("similarity", relay.Similarity);
                        w.WriteNumber("sharedLength", relay.SharedLength);
                        w.WriteBoolean("directed", relay.Directed);
                        w.WriteString("suggestion", relay.Suggestion);
                        Passage(w, "relaying", relay.Relaying);
                        Passage(w, "relayed", relay.Relayed);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteNumber("omitted", result.OmittedRelays);
                    w.WriteEndObject();
                });
                return ExitCodes.Success;
            }

            if (relays.Count == 0)
            {
                context.WriteLine("No hidden relays: every near-identical wording is explained by the citations.");
                return ExitCodes.Success;
            }

            foreach (var relay in relays)
            {
                context.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{relay.Relaying.Claim}: {relay.Suggestion} (score {relay.Score:0.00}, similarity {relay.Similarity:0.00}{(relay.Directed ? "" : ", undated: no direction")})"));
                context.WriteLine($"  {relay.Relaying.Speaker}: \"{relay.Relaying.Text}\"");
                context.WriteLine($"  {relay.Relayed.Speaker}: \"{relay.Relayed.Text}\"");
                foreach (var passage in relay.Relaying.Passages)
                {
                    context.WriteLine($"  shared: \"{passage}\"");
                }
            }

            if (result.OmittedRelays > 0)
            {
                context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"... and {result.OmittedRelays} weaker findings not listed."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Passage(Utf8JsonWriter w, string name, RelayPassage passage)
    {
        w.WriteStartObject(name);
        w.WriteString("report", passage.Report);
        w.WriteString("source", passage.Source);
        w.WriteString("speaker", passage.Speaker);
        w.WriteString("speakerSource", passage.SpeakerSource);
        w.WriteString("kind", passage.Kind == PassageKind.Wording ? "wording" : "evidence");
        w.WriteString("text", passage.Text);
        w.WriteStrings("credits", passage.Credits);
        w.WriteStrings("passages", passage.Passages);
        w.WriteEndObject();
    }

    private static int Texts(CliContext context, string[] files, double similarity, bool json)
    {
        var texts = new string[files.Length];
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (var i = 0; i < files.Length; i++)
        {
            try
            {
                var bytes = File.ReadAllBytes(files[i]);
                if (bytes.AsSpan().Contains((byte)0))
                {
                    throw CliException.Input($"{files[i]}: error: not a text file (it holds NUL bytes); give UTF-8 plain text.");
                }

                texts[i] = strict.GetString(bytes).TrimStart('\uFEFF');
            }
            catch (DecoderFallbackException)
            {
                throw CliException.Input($"{files[i]}: error: not valid UTF-8; convert it to UTF-8 (e.g. iconv -t UTF-8).");
            }
            catch (IOException e)
            {
                throw CliException.Input($"{files[i]}: error: cannot read it: {e.Message}");
            }
            catch (UnauthorizedAccessException e)
            {
                throw CliException.Input($"{files[i]}: error: cannot read it: {e.Message}");
            }
        }

        var matches = TextReuse.FindMatches(texts, TextReuseOptions.Default with { MinSimilarity = similarity });
        if (json)
        {
            CliFormat.WriteJson(context, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("matches");
                foreach (var match in matches)
                {
                    w.WriteStartObject();
                    w.WriteString("first", files[match.First]);
                    w.WriteString("second", files[match.Second]);
                    w.WriteNumber("similarity", Math.Round(match.Similarity, 6));
                    w.WriteNumber("sharedLength", match.SharedLength);
                    w.WriteStartArray("passages");
                    foreach (var passage in match.Passages)
                    {
                        w.WriteStartObject();
                        Span(w, "firstSpan", passage.First, texts[match.First]);
                        Span(w, "secondSpan", passage.Second, texts[match.Second]);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        if (matches.IsEmpty)
        {
            context.WriteLine("No shared passages.");
            return ExitCodes.Success;
        }

        foreach (var match in matches)
        {
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files[match.First]} ~ {files[match.Second]} (similarity {match.Similarity:0.00}, {match.Passages.Length} passages)"));
            foreach (var passage in match.Passages)
            {
                context.WriteLine($"  \"{passage.First.Of(texts[match.First])}\"");
                if (passage.Second.Of(texts[match.Second]) is var other && !string.Equals(other, passage.First.Of(texts[match.First]), StringComparison.Ordinal))
                {
                    context.WriteLine($"  ~ \"{other}\"");
                }
            }
        }

        return ExitCodes.Success;
    }

    private static int Articles(CliContext context, string manifestPath, string? sourcesPath, bool json)
    {
        List<(DraftArticle Article, ExtractedDocument Document)> documents;
        try
        {
            documents = ExtractCommand.Read(context, [], sourcesPath, null, manifestPath).Documents;
        }
        catch (ExtractionInputException e)
        {
            throw CliException.Input(e.Message);
        }

        var relays = ArticleRelays.Find(documents);
        if (json)
        {
            CliFormat.WriteJson(context, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("relays");
                foreach (var relay in relays)
                {
                    w.WriteStartObject();
                    w.WriteString("relaying", documents[relay.Relaying].Article.File);
                    w.WriteString("relayed", documents[relay.Relayed].Article.File);
                    w.WriteString("relayingSource", documents[relay.Relaying].Article.Source);
                    w.WriteString("relayedSource", documents[relay.Relayed].Article.Source);
                    w.WriteStrings("credits", relay.Credited);
                    w.WriteStringOrNull("wordsOf", relay.WordsOf);
                    w.WriteBoolean("directed", relay.Directed);
                    w.WriteNumber("score", relay.Score);
                    w.WriteNumber("similarity", Math.Round(relay.Similarity, 6));
                    w.WriteString("suggestion", ArticleRelays.Describe(relay, documents));
                    TextSpan(w, "relayingSpan", relay.RelayingPassage);
                    TextSpan(w, "relayedSpan", relay.RelayedPassage);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            });
            return ExitCodes.Success;
        }

        if (relays.IsEmpty)
        {
            context.WriteLine("No hidden relays: every passage the articles share is credited, or both quote the same source.");
            return ExitCodes.Success;
        }

        foreach (var relay in relays)
        {
            var (relaying, relayed) = (documents[relay.Relaying], documents[relay.Relayed]);
            context.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{ArticleRelays.Describe(relay, documents)} (score {relay.Score}, similarity {relay.Similarity:0.00}{(relay.Directed ? "" : ", no direction")})"));
            context.WriteLine($"  {Where(relaying.Article.File, relaying.Document.Text, relay.RelayingPassage.Start)}: \"{relay.RelayingPassage.Text}\"");
            context.WriteLine($"  {Where(relayed.Article.File, relayed.Document.Text, relay.RelayedPassage.Start)}: \"{relay.RelayedPassage.Text}\"");
        }

        return ExitCodes.Success;
    }

    /// <summary><c>file:line:column</c> of an offset (1-based line and column, in UTF-16 code units).</summary>
    private static string Where(string file, string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{offset - lineStart + 1}");
    }

    private static void TextSpan(Utf8JsonWriter w, string name, Provenance.Extraction.TextSpan span)
    {
        w.WriteStartObject(name);
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
        w.WriteString("text", span.Text);
        w.WriteEndObject();
    }

    private static void Span(Utf8JsonWriter w, string name, ReuseSpan span, string text)
    {
        w.WriteStartObject(name);
        w.WriteNumber("start", span.Start);
        w.WriteNumber("end", span.End);
        w.WriteString("text", span.Of(text));
        w.WriteEndObject();
    }
}
