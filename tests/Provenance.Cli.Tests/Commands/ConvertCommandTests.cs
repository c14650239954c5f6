using System.Text.Json;

namespace Provenance.Cli.Tests.Commands;

/// <summary><c>convert</c> (and its alias <c>import</c>): every format to every format, with every query result kept (issue 15).</summary>
public class ConvertCommandTests
{
    // The queries with a --json form, each as the arguments after the graph path; their output on a converted graph must equal
    // their output on the original, byte for byte. The oracle is the commands' own JSON, not the graph model.
    private static readonly string[][] Queries =
    [
        ["claims", "--json"],
        ["sources", "--json"],
        ["cycles", "--json"],
        ["single-source", "--json"],
        ["timeline", "--json"],
        ["trace", "{claim}", "--json"],
        ["origins", "{claim}", "--json"],
        ["drift", "{claim}", "--json"],
        ["paths", "zh-article", "ru-mod", "--json"],
    ];

    private static string Query(string graph, string[] query, string claim)
    {
        var command = query[0];
        var rest = query.Skip(1).Select(a => a == "{claim}" ? claim : a);
        var run = CliRun.Of([command, graph, .. rest]);
        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, $"{command} on {graph}\n{run}");
        return run.Output;
    }

    public static TheoryData<string, string> Conversions() => new()
    {
        { "yaml", "jsonl" },
        { "yaml", "json" },
        { "jsonl", "json" },
        { "json", "yaml" },
        { "json", "jsonl" },
        { "jsonl", "yaml" },
    };

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Convert_KeepsEveryQueryResult(string from, string to)
    {
        using var temp = new TestFiles.TempFolder();
        var source = temp.File("source." + from);
        Assert.Equal(0, CliRun.Of("convert", TestFiles.Small, source).ExitCode);
        var target = temp.File("target." + to);

        var run = CliRun.Of("convert", source, target);

        Assert.True(run.ExitCode == 0 && run.Error.Length == 0, run.ToString());
        Assert.Equal($"{target}: wrote 5 sources, 3 claims, 6 reports (2 implicit), 5 citations.\n", run.Output);
        foreach (var claim in new[] { "downed", "mistake", "crew" })
        {
            foreach (var query in Queries)
            {
                Assert.Equal(Query(TestFiles.Small, query, claim), Query(target, query, claim));
            }
        }
    }

    [Fact]
    public void Convert_GeneratedGraph_KeepsEveryTrace()
    {
        using var temp = new TestFiles.TempFolder();
        var yaml = temp.File("g.yaml");
        Assert.Equal(0, CliRun.Of("generate", "--citations", "300", "--seed", "7", "-o", yaml).ExitCode);
        var json = temp.File("g.json");

        Assert.Equal(0, CliRun.Of("convert", yaml, json).ExitCode);

        using var claims = JsonDocument.Parse(Query(yaml, ["claims", "--json"], ""));
        foreach (var claim in claims.RootElement.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("id").GetString()!))
        {
            Assert.Equal(Query(yaml, ["trace", "{claim}", "--json"], claim), Query(json, ["trace", "{claim}", "--json"], claim));
        }
    }

    [Fact]
    public void Import_AliasWithOutputOption_StillWorks()
    {
        using var temp = new TestFiles.TempFolder();
        var json = temp.File("g.json");
        Assert.Equal(0, CliRun.Of("export", TestFiles.Small, "--format", "prov-json", "-o", json).ExitCode);

        var run = CliRun.Of("import", json, "-o", temp.File("g.yaml"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(Query(TestFiles.Small, ["claims", "--json"], ""), Query(temp.File("g.yaml"), ["claims", "--json"], ""));
    }

    [Fact]
    public void Convert_OutputTwice_ExitsTwo()
    {
        using var temp = new TestFiles.TempFolder();

        var run = CliRun.Of("convert", TestFiles.Small, temp.File("a.yaml"), "-o", temp.File("b.yaml"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: the output is given twice, as an argument and with -o; keep one.\n", run.Error);
    }

    [Fact]
    public void Convert_NoOutput_ExitsTwo()
    {
        var run = CliRun.Of("convert", TestFiles.Small);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: give the file to write, e.g. 'provenance convert graph.yaml graph.jsonl'.\n", run.Error);
    }

    [Fact]
    public void Convert_UnknownOutputExtension_ExitsTwo()
    {
        using var temp = new TestFiles.TempFolder();
        var target = temp.File("g.txt");

        var run = CliRun.Of("convert", TestFiles.Small, target);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: <output> '{target}' needs the extension .yaml, .yml (YAML), .jsonl (JSON Lines) or .json (PROV-JSON).\n", run.Error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Convert_UnwritableOutput_ExitsOneNamingThePath()
    {
        using var temp = new TestFiles.TempFolder();
        var target = Path.Combine(temp.Path, "no", "such", "folder", "g.yaml");

        var run = CliRun.Of("convert", TestFiles.Small, target);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{target}: error: cannot write: ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Import_MissingFile_ExitsOne()
    {
        using var temp = new TestFiles.TempFolder();
        var missing = temp.File("none.json");

        var run = CliRun.Of("import", missing, "-o", temp.File("g.yaml"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"{missing}: error: no such file or folder; give a graph: a YAML file or a folder of them, a .jsonl or a .json file.\n", run.Error);
    }

    [Fact]
    public void Import_NotJson_ExitsOneWithPathLineColumn()
    {
        using var temp = new TestFiles.TempFolder();
        var input = temp.File("bad.json");
        File.WriteAllText(input, "{\n  \"entity\": [1,\n");

        var run = CliRun.Of("import", input, "-o", temp.File("g.yaml"));

        Assert.Equal(1, run.ExitCode);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(input)}:[0-9]+:[0-9]+: error: ", run.Error);
        Assert.False(File.Exists(temp.File("g.yaml")));
    }

    [Fact]
    public void Import_ForeignRecords_WarnsAndWrites()
    {
        using var temp = new TestFiles.TempFolder();
        var input = temp.File("foreign.json");
        File.WriteAllText(input, "{\n  \"prefix\": {\"ex\": \"http://example.org/\"},\n  \"activity\": {\"ex:edit\": {}}\n}\n");

        var run = CliRun.Of("import", input, "-o", temp.File("g.yaml"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"{input}:3:", run.Error, StringComparison.Ordinal);
        Assert.Contains(": warning: activity ex:edit", run.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.File("g.yaml")));
    }
}
