using System.Text.Json;
using Provenance.Cli.Commands;

namespace Provenance.Cli.Tests.Commands;

public class GenerateCommandTests
{
    [Fact]
    public void Generate_SameSeed_WritesSameBytes()
    {
        using var temp = new TestFiles.TempFolder();

        var first = CliRun.Of("generate", "--citations", "300", "--seed", "5", "-o", temp.File("a.yaml"));
        var second = CliRun.Of("generate", "--citations", "300", "--seed", "5", "-o", temp.File("b.yaml"));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllBytes(temp.File("a.yaml")), File.ReadAllBytes(temp.File("b.yaml")));
        Assert.Matches("^.*a\\.yaml: wrote [0-9]+ sources, [0-9]+ claims, [0-9]+ reports \\([0-9]+ implicit\\), 300 citations\\.\n$", first.Output);
    }

    [Fact]
    public void Generate_JsonLines_IsReadByEveryCommand()
    {
        using var temp = new TestFiles.TempFolder();
        var bulk = temp.File("g.jsonl");
        var generate = CliRun.Of("generate", "--citations", "200", "--seed", "3", "-o", bulk);
        Assert.True(generate.ExitCode == 0 && generate.Error.Length == 0, generate.ToString());
        Assert.Matches("^.*g\\.jsonl: wrote [0-9]+ sources, [0-9]+ claims, [0-9]+ reports \\([0-9]+ implicit\\), 200 citations\\.\n$", generate.Output);

        var claims = CliRun.Of("claims", bulk, "--json");

        Assert.True(claims.ExitCode == 0, claims.ToString());
        using var json = JsonDocument.Parse(claims.Output);
        var first = json.RootElement.GetProperty("claims")[0].GetProperty("id").GetString()!;
        Assert.Equal(0, CliRun.Of("trace", bulk, first, "--json").ExitCode);
        Assert.Equal(0, CliRun.Of("validate", bulk).ExitCode);
    }

    [Fact]
    public void Generate_UnknownExtension_ExitsTwo()
    {
        using var temp = new TestFiles.TempFolder();
        var target = temp.File("g.txt");

        var run = CliRun.Of("generate", "-o", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: -o '{target}' needs the extension .yaml, .yml (YAML), .jsonl (JSON Lines) or .json (PROV-JSON).\n", run.Error);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Generate_NonPositiveCitations_ExitsTwo()
    {
        var run = CliRun.Of("generate", "--citations", "-3", "-o", "g.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --citations -3 is out of range; give a whole number from 1 to 20,000,000 (the generator's limits).\nRun 'provenance generate --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Generate_CitationsAboveTheGeneratorsLimit_ExitsTwoWithoutStackTrace_Issue15()
    {
        var run = CliRun.Of("generate", "--citations", "20000001", "-o", "g.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: --citations 20000001 is out of range; give a whole number from 1 to 20,000,000 (the generator's limits).\nRun 'provenance generate --help' for usage.\n", run.Error);
    }

    [Fact]
    public void Generate_RangeMatchesTheLibrarysOwnCheck()
    {
        new Generation.GeneratorOptions { Citations = GenerateCommand.MaxCitations }.Validate();

        Assert.Throws<ArgumentOutOfRangeException>(() => new Generation.GeneratorOptions { Citations = GenerateCommand.MaxCitations + 1 }.Validate());
    }

    [Fact]
    public void Generate_CitationsNotANumber_ExitsTwo()
    {
        var run = CliRun.Of("generate", "--citations", "many", "-o", "g.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: Cannot parse argument 'many' for option '--citations'", run.Error, StringComparison.Ordinal);
    }
}
