using System.Text.Json;

namespace Provenance.Cli.Tests.Commands;

public sealed class ExtractCommandTests
{
    private const string Article = "Bridge Closed After Fire\n\nInterfax, citing the Russian Defence Ministry, said the bridge was closed on Monday.\n";

    [Fact]
    public void Extract_Json_HasDocumentsAndOffsets()
    {
        using var temp = new TestFiles.TempFolder();
        var file = Path.Combine(temp.Path, "a.txt");
        File.WriteAllText(file, Article);

        var run = CliRun.Of("extract", file, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        var document = Assert.Single(json.RootElement.GetProperty("documents").EnumerateArray());
        Assert.Equal(file, document.GetProperty("file").GetString());
        var cues = document.GetProperty("attributions").EnumerateArray().Select(a => a.GetProperty("cue")).ToList();
        Assert.Contains(cues, c => c.GetProperty("text").GetString() == "said" && c.GetProperty("start").GetInt32() == Article.IndexOf("said", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_Draft_ValidatesWithTheKnownSources()
    {
        using var temp = new TestFiles.TempFolder();
        var file = Path.Combine(temp.Path, "a.txt");
        File.WriteAllText(file, Article);
        var draft = Path.Combine(temp.Path, "draft.yaml");

        var run = CliRun.Of("extract", file, "--sources", Repository.BundledGraph, "--source", "zerohedge", "-o", draft);

        Assert.True(run.ExitCode == 0, run.ToString());
        var validate = CliRun.Of("validate", draft);
        Assert.True(validate.ExitCode == 0, validate + File.ReadAllText(draft));
        var check = CliRun.Of("check-evidence", draft, "--articles", temp.Path);
        Assert.True(check.ExitCode == 0, check + File.ReadAllText(draft));
        var yaml = File.ReadAllText(draft);
        Assert.Contains("- source: interfax", yaml, StringComparison.Ordinal);
        Assert.Contains("- source: ru-mod", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_BinaryFile_IsAnInputError()
    {
        using var temp = new TestFiles.TempFolder();
        var file = Path.Combine(temp.Path, "b.txt");
        File.WriteAllBytes(file, [1, 2, 0, 3]);

        var run = CliRun.Of("extract", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("binary", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NoArticles_IsAUsageError()
    {
        var run = CliRun.Of("extract");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no articles given", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_Evaluate_ScoresBratFolders()
    {
        using var temp = new TestFiles.TempFolder();
        var texts = Directory.CreateDirectory(Path.Combine(temp.Path, "text")).FullName;
        var anns = Directory.CreateDirectory(Path.Combine(temp.Path, "ann")).FullName;
        const string text = "The mayor said the bridge would reopen on Friday.";
        File.WriteAllText(Path.Combine(texts, "d1.txt"), text);
        File.WriteAllText(Path.Combine(anns, "d1_x.ann"), "T1\tSource 0 9\tThe mayor\nT2\tCue 10 14\tsaid\nT3\tContent 15 48\tthe bridge would reopen on Friday\n");

        var run = CliRun.Of("extract", "--evaluate", texts, anns, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("cue").GetArrayLength());
    }
}
