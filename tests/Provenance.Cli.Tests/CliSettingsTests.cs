namespace Provenance.Cli.Tests;

/// <summary>The options that reach the library's settings, checked before the library sees them (issue 15).</summary>
public class CliSettingsTests
{
    [Theory]
    [InlineData("1", 1L)]
    [InlineData("1048576", 1048576L)]
    [InlineData("512MiB", 512L * 1024 * 1024)]
    [InlineData("2GB", 2_000_000_000L)]
    [InlineData("2gb", 2_000_000_000L)]
    [InlineData("1.5KiB", 1536L)]
    [InlineData("64KB", 64_000L)]
    [InlineData("3TiB", 3L << 40)]
    [InlineData("10B", 10L)]
    public void TryParseSize_ValidSizes_GiveBytes(string text, long bytes)
    {
        Assert.True(CliSettings.TryParseSize(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-5MB")]
    [InlineData("MB")]
    [InlineData("2XB")]
    [InlineData("1.5B")]
    [InlineData("0.0001KB")]
    [InlineData("99999999999TiB")]
    [InlineData("1e9")]
    [InlineData(" 5MB")]
    public void TryParseSize_Invalid_Rejected(string text) => Assert.False(CliSettings.TryParseSize(text, out _));

    [Fact]
    public void MaxFileSize_BadValue_ExitsTwoNamingTheOption()
    {
        var run = CliRun.Of("validate", "--max-file-size", "lots", TestFiles.Small);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --max-file-size 'lots' is not a size; give a whole number of bytes from 1, or a number with a unit such as 512MiB or 2GB.\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxFileSize_BelowTheFile_RejectsNamingTheCliOptionNotTheLibraryProperty()
    {
        var size = new FileInfo(TestFiles.Small).Length;

        var rejected = CliRun.Of("validate", "--max-file-size", (size - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), TestFiles.Small);
        var accepted = CliRun.Of("validate", TestFiles.Small, "--max-file-size", size.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("--max-file-size", rejected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("GraphLimits", rejected.Error, StringComparison.Ordinal);
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
    }

    [Theory]
    [InlineData("bulk.jsonl")]
    [InlineData("prov.json")]
    public void MaxFileSize_ReachesEveryFormat(string name)
    {
        using var temp = new TestFiles.TempFolder();
        var path = temp.File(name);
        Assert.Equal(0, CliRun.Of("convert", TestFiles.Small, path).ExitCode);

        var run = CliRun.Of("validate", "--max-file-size", "100", path);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"{path}:1:1: error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--max-file-size", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("GraphLimits", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void MaxCitations_BelowTheGraph_RejectsNamingTheOption()
    {
        var run = CliRun.Of("validate", "--max-citations", "2", TestFiles.Small);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--max-citations", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("GraphLimits", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--max-nodes", "0")]
    [InlineData("--max-citations", "-1")]
    [InlineData("--max-nesting-depth", "0")]
    [InlineData("--max-scalar-length", "0")]
    [InlineData("--max-alias-expansion", "0")]
    public void LimitOptions_NotPositive_ExitTwoBeforeLoading(string option, string value)
    {
        var run = CliRun.Of("validate", option, value, TestFiles.Small);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {option} {value} is out of range; give a whole number at least 1.\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitOption_TooLargeForTheLibrary_ExitsTwo()
    {
        var run = CliRun.Of("validate", "--max-nodes", "99999999999", TestFiles.Small);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-nodes", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_CliLoadsLargerFilesThanTheLibrary_OtherLimitsAsTheLibrary()
    {
        var context = new CliContext(CliTerminal.Redirected(TextWriter.Null, TextWriter.Null));
        var library = new GraphLimits();

        Assert.Equal(4L * 1024 * 1024 * 1024, context.LoadOptions.Limits.MaxFileBytes);
        Assert.True(context.LoadOptions.Limits.MaxFileBytes > library.MaxFileBytes);
        Assert.Equal(library.MaxNodes, context.LoadOptions.Limits.MaxNodes);
        Assert.Equal(library.MaxCitations, context.LoadOptions.Limits.MaxCitations);
        Assert.False(context.LoadOptions.AllowTimelineErrors);
    }

    [Theory]
    [InlineData("--max-chains", "0")]
    [InlineData("--max-depth", "0")]
    [InlineData("--max-chains", "-4")]
    public void TraceCaps_NotPositive_ExitTwo(string option, string value)
    {
        var run = CliRun.Of("trace", TestFiles.Small, "downed", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"error: {option} {value} is out of range; give a whole number at least 1.\n", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceCaps_MaxChainsOne_LeavesTheOtherChainOutAndSaysWhichOption()
    {
        var all = CliRun.Of("trace", TestFiles.Small, "mistake", "--json");
        var run = CliRun.Of("trace", TestFiles.Small, "mistake", "--max-chains", "1");
        var json = CliRun.Of("trace", TestFiles.Small, "mistake", "--max-chains", "1", "--json");

        Assert.Equal(0, run.ExitCode);
        using var full = System.Text.Json.JsonDocument.Parse(all.Output);
        using var capped = System.Text.Json.JsonDocument.Parse(json.Output);
        var chains = full.RootElement.GetProperty("chains").GetArrayLength();
        Assert.True(chains > 1);
        Assert.Equal(1, capped.RootElement.GetProperty("chains").GetArrayLength());
        Assert.Equal(chains - 1, capped.RootElement.GetProperty("omittedChains").GetInt32());
        Assert.Contains("more chains left out (--max-chains).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TraceCaps_MaxDepthOne_CutsLongerChainsAtADepthLimit()
    {
        var run = CliRun.Of("trace", TestFiles.Small, "downed", "--max-depth", "1", "--json");

        using var document = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.All(document.RootElement.GetProperty("chains").EnumerateArray(), c => Assert.True(c.GetProperty("depth").GetInt32() <= 1));
        Assert.Contains(document.RootElement.GetProperty("chains").EnumerateArray(), c => c.GetProperty("end").GetProperty("reason").GetString() == "depth-limit");
    }

    [Fact]
    public void Help_GraphArgument_MentionsEveryFormat()
    {
        var run = CliRun.Of("trace", "--help");

        foreach (var format in new[] { ".yaml", ".yml", "folder", ".jsonl", ".json", "PROV-JSON" })
        {
            Assert.Contains(format, run.Output, StringComparison.Ordinal);
        }
    }
}
