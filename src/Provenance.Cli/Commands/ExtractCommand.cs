using System.CommandLine;
using System.Globalization;
using Provenance.Extraction;
using Provenance.Extraction.Evaluation;

namespace Provenance.Cli.Commands;

/// <summary>
/// <c>provenance extract &lt;article.txt&gt;... [--sources &lt;graph&gt;] [--source &lt;id&gt;] [--manifest &lt;articles.yaml&gt;] [--json] [-o file]</c>:
/// finds attributions and writes a draft graph (or the attributions as JSON); <c>--evaluate &lt;texts&gt; &lt;annotations&gt;</c> scores
/// the extractor against brat standoff annotations.
/// </summary>
internal static class ExtractCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("article.txt")
        {
            Description = "Article texts (UTF-8).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var sources = new Option<string>("--sources") { Description = "A graph whose sources (ids, names, aliases) are the known sources to resolve against." };
        var source = new Option<string>("--source") { Description = "The id of the publisher of the articles given on the command line." };
        var manifest = new Option<string>("--manifest") { Description = "A manifest 'articles: [{file, source, title?, published?, url?, language?}]'." };
        var noRelays = new Option<bool>("--no-relays") { Description = "Leave hidden relays (passages articles share without credit, proposed as 'kind: inferred' hops) out of the draft." };
        var json = CommandTree.JsonOption();
        var output = CommandTree.OutputOption("Write the draft graph (or, with --json, the attributions) to this file instead of standard output.", required: false);
        var evaluate = new Option<string[]>("--evaluate")
        {
            Description = "Score the extractor against brat standoff annotations: <texts-dir> <annotations-dir>.",
            Arity = new ArgumentArity(2, 2),
            AllowMultipleArgumentsPerToken = true,
            HelpName = "texts-dir annotations-dir",
        };
        var command = new Command("extract", "Find attributions (source, cue, content, chains, hedges) in article texts and write a draft graph to review.")
        {
            files,
            sources,
            source,
            manifest,
            noRelays,
            json,
            output,
            evaluate,
        };
        command.SetAction(int (parse) =>
        {
            try
            {
                if (parse.GetValue(evaluate) is { Length: 2 } dirs)
                {
                    return Evaluate(context, dirs[0], dirs[1], parse.GetValue(json), parse.GetValue(output));
                }

                return Extract(context, parse.GetValue(files) ?? [], parse.GetValue(sources), parse.GetValue(source), parse.GetValue(manifest), parse.GetValue(json), parse.GetValue(output), !parse.GetValue(noRelays));
            }
            catch (ExtractionInputException e)
            {
                throw CliException.Input(e.Message);
            }
        });
        return command;
    }

    private static int Extract(CliContext context, string[] files, string? sourcesPath, string? publisher, string? manifestPath, bool json, string? output, bool relays)
    {
        var (documents, resolver) = Read(context, files, sourcesPath, publisher, manifestPath);
        if (json)
        {
            var text = ExtractionJson.ToJson(documents.Select(d => d.Document));
            CliFiles.WriteText(context, output, text + "\n");
        }
        else
        {
            CliFiles.WriteText(context, output, DraftGraph.ToYaml(documents, resolver, relays ? ArticleRelays.Find(documents) : []));
        }

        if (output is not null)
        {
            var count = documents.Sum(d => d.Document.Attributions.Length);
            context.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{output}: wrote {count} attribution{(count == 1 ? "" : "s")} from {documents.Count} article{(documents.Count == 1 ? "" : "s")}{(json ? "" : " as a draft graph to review")}."));
        }

        return ExitCodes.Success;
    }

    /// <summary>The articles named on the command line and in a manifest, each with its extraction, and the resolver used.</summary>
    internal static (List<(DraftArticle Article, ExtractedDocument Document)> Documents, SourceResolver Resolver) Read(
        CliContext context, string[] files, string? sourcesPath, string? publisher, string? manifestPath)
    {
        var articles = new List<DraftArticle>();
        if (manifestPath is not null)
        {
            articles.AddRange(ArticleManifest.Load(manifestPath));
        }

        foreach (var file in files)
        {
            articles.Add(new DraftArticle(file, publisher ?? "unknown-publisher"));
        }

        if (articles.Count == 0)
        {
            throw CliException.Usage("no articles given; name article files, or --manifest <articles.yaml>, or --evaluate <texts-dir> <annotations-dir>.");
        }

        var resolver = sourcesPath is null ? new SourceResolver([]) : SourceResolver.FromGraph(GraphInput.Load(context, sourcesPath));
        var extractor = AttributionExtractor.Default;
        var documents = articles.Select(a => (Article: a, Document: extractor.ExtractFile(a.File, resolver))).ToList();
        return (documents, resolver);
    }

    private static int Evaluate(CliContext context, string texts, string annotations, bool json, string? output)
    {
        foreach (var dir in new[] { texts, annotations })
        {
            if (!Directory.Exists(dir))
            {
                throw CliException.Input($"{dir}: no such folder; --evaluate takes the folder of texts (*.txt) and the folder of brat annotations (*.ann).");
            }
        }

        var r = AttributionEvaluation.Evaluate(AttributionExtractor.Default, texts, annotations);
        string text;
        if (json)
        {
            static string Row(RoleScore s) => string.Create(CultureInfo.InvariantCulture, $"[{100 * s.Precision:F1}, {100 * s.Recall:F1}, {100 * s.F1:F1}]");
            text = $"{{\"documents\": {r.Documents}, \"cue\": {Row(r.Cue)}, \"source\": {Row(r.Source)}, \"content\": {Row(r.Content)}, \"content_token_overlap\": {Row(r.ContentTokenOverlap)}}}\n";
        }
        else
        {
            static string Line(string name, RoleScore s) => string.Create(CultureInfo.InvariantCulture, $"{name,-22} {100 * s.Precision,9:F1} {100 * s.Recall,9:F1} {100 * s.F1,9:F1} {s.Matched,9} {s.Predicted,9} {s.Gold,9}\n");
            text = string.Create(CultureInfo.InvariantCulture, $"{r.Documents} documents\n{"role",-22} {"precision",9} {"recall",9} {"F1",9} {"matched",9} {"predicted",9} {"gold",9}\n")
                + Line("cue (exact)", r.Cue) + Line("source (exact)", r.Source) + Line("content (exact)", r.Content) + Line("content (token overlap)", r.ContentTokenOverlap);
        }

        CliFiles.WriteText(context, output, text);
        return ExitCodes.Success;
    }
}
