using System.Globalization;
using Provenance.Extraction;
using Provenance.Extraction.Evaluation;
using Provenance.Extraction.Internal;

// Trains the attribution tagger shipped in Provenance.Extraction from brat standoff annotations (PolNeAR train split),
// and scores it on another split. Deterministic: the same data and arguments give the same model file.
//
//   dotnet run -c Release --project src/Provenance.Extraction.Training -- \
//       <train-texts> <train-annotations> <model-out> [--epochs N] [--min-count N] [--prune W] [--dev <texts> <annotations>]
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: <train-texts> <train-annotations> <model-out> [--epochs N] [--min-count N] [--prune W] [--dev <texts> <annotations>]");
    return 2;
}

var epochs = 10;
var minCount = 2;
var prune = 0.05f;
string? devTexts = null, devAnnotations = null;
for (var i = 3; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--epochs": epochs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--min-count": minCount = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--prune": prune = float.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--dev": devTexts = args[++i]; devAnnotations = args[++i]; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

var examples = new List<TaggerTraining.Example>();
foreach (var path in Directory.EnumerateFiles(args[0], "*.txt").Order(StringComparer.Ordinal))
{
    var stem = Path.GetFileNameWithoutExtension(path);
    var ann = BratAttributions.FindAnnotationFile(args[1], stem);
    if (ann is null)
    {
        continue;
    }

    var text = AttributionExtractor.ReadText(path);
    examples.Add(TaggerTraining.ToExample(text, BratAttributions.Parse(File.ReadAllText(ann), text.Length)));
}

var tagger = TaggerTraining.Train(examples, epochs, minCount, Console.WriteLine);
var kept = TaggerTraining.Prune(tagger, prune);
using (var file = File.Create(args[2]))
{
    AttributionTagger.Save(file, kept, tagger.Transitions);
}

Console.WriteLine($"{kept.Count} features written to {args[2]} ({new FileInfo(args[2]).Length} bytes)");
if (devTexts is not null && devAnnotations is not null)
{
    AttributionTagger saved;
    using (var file = File.OpenRead(args[2]))
    {
        saved = AttributionTagger.Load(file);
    }

    var result = AttributionEvaluation.Evaluate(AttributionExtractor.WithTagger(saved), devTexts, devAnnotations);
    Console.WriteLine(Format(result));
}

return 0;

static string Format(EvaluationResult r) => string.Create(CultureInfo.InvariantCulture,
    $"documents {r.Documents}; cue P/R/F1 {100 * r.Cue.Precision:F1}/{100 * r.Cue.Recall:F1}/{100 * r.Cue.F1:F1}; source {100 * r.Source.Precision:F1}/{100 * r.Source.Recall:F1}/{100 * r.Source.F1:F1}; content {100 * r.Content.Precision:F1}/{100 * r.Content.Recall:F1}/{100 * r.Content.F1:F1}; content token overlap {100 * r.ContentTokenOverlap.Precision:F1}/{100 * r.ContentTokenOverlap.Recall:F1}/{100 * r.ContentTokenOverlap.F1:F1}");
