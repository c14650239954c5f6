namespace Provenance.Cli.Tests.Commands;

public class ImportCommandTests
{
    [Fact]
    public void Import_MissingFile_ExitsOne()
    {
        using var temp = new TestFiles.TempFolder();
        var missing = temp.File("none.json");

        var run = CliRun.Of("import", missing, "-o", temp.File("g.yaml"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal($"error: {missing}: no such file; give a PROV-JSON document.\n", run.Error);
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
