using System.Security.Cryptography;
using System.Text;

namespace Provenance.Cli.Tests;

/// <summary>
/// "Same input, same bytes" across processes and runtimes: each output is written by a separate <c>dotnet
/// Provenance.Cli.dll</c> process (its own string-hash seed, a Turkish culture and another time zone) and its SHA-256
/// compared with the committed Golden/determinism/&lt;case&gt;.sha256; the in-process CLI must write the same bytes.
/// An intended change of output: rerun with PROVENANCE_UPDATE_GOLDEN=1 (which rewrites and fails), review, commit.
/// </summary>
public class DeterminismTests
{
    private static readonly Dictionary<string, string?> OtherMachine = new()
    {
        ["LANG"] = "tr_TR.UTF-8",
        ["LC_ALL"] = "tr_TR.UTF-8",
        ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = null,
        ["TZ"] = "Pacific/Chatham",
        ["NO_COLOR"] = "1",
    };

    public static TheoryData<string, string[]> StandardOutputCases() => new()
    {
        { "bundled-sources.dot", ["export", Repository.BundledGraph, "--format", "dot"] },
        { "bundled-reports.dot", ["export", Repository.BundledGraph, "--format", "dot", "--view", "reports"] },
        { "bundled-trace-az-mistake.dot", ["export", Repository.BundledGraph, "--format", "dot", "--view", "claim:az-mistake"] },
        { "bundled-sources.mmd", ["export", Repository.BundledGraph, "--format", "mermaid"] },
        { "bundled-reports.mmd", ["export", Repository.BundledGraph, "--format", "mermaid", "--view", "reports"] },
        { "bundled-trace-shot-down.mmd", ["export", Repository.BundledGraph, "--format", "mermaid", "--view", "claim:shot-down"] },
        { "bundled.prov.json", ["export", Repository.BundledGraph, "--format", "prov-json"] },
        { "bundled-claims.json", ["claims", Repository.BundledGraph, "--json"] },
        { "bundled-sources.json", ["sources", Repository.BundledGraph, "--json"] },
        { "bundled-cycles.json", ["cycles", Repository.BundledGraph, "--json"] },
        { "bundled-trace-shot-down.json", ["trace", Repository.BundledGraph, "shot-down", "--json"] },
        { "bundled-origins-shot-down.json", ["origins", Repository.BundledGraph, "shot-down", "--json"] },
        { "bundled-drift-az-mistake.json", ["drift", Repository.BundledGraph, "az-mistake", "--json"] },
    };

    public static TheoryData<string, int, int> GeneratorCases() => new()
    {
        { "generate-1000-seed-1.yaml", 1_000, 1 },
        { "generate-5000-seed-42.yaml", 5_000, 42 },
        { "generate-20000-seed-7.jsonl", 20_000, 7 },
        { "generate-1000-seed-1.jsonl", 1_000, 1 },
    };

    [SkippableTheory]
    [MemberData(nameof(StandardOutputCases))]
    public void Output_SeparateProcess_MatchesCommittedHash(string name, string[] args)
    {
        var (exit, output, error) = CliProcess.Run(OtherMachine, args);

        Assert.True(exit == 0 && error.Length == 0, $"exit {exit}: {error}");
        Assert.Equal(CliRun.Of(args).Output, output);
        Golden.AssertMatches($"tests/Provenance.Cli.Tests/Golden/determinism/{name}.sha256", Hash(Encoding.UTF8.GetBytes(output), name));
        if (name.EndsWith(".mmd", StringComparison.Ordinal))
        {
            MermaidCheck.AssertRenders(output, "provenance " + string.Join(' ', args));
        }
    }

    [Theory]
    [MemberData(nameof(GeneratorCases))]
    public void Generate_SeparateProcess_MatchesCommittedHash(string name, int citations, int seed)
    {
        using var temp = new TestFiles.TempFolder();
        var child = temp.File("child-" + name);
        var here = temp.File("here-" + name);

        var (exit, _, error) = CliProcess.Run(OtherMachine, "generate", "--citations", citations.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", child);
        var inProcess = CliRun.Of("generate", "--citations", citations.ToString(System.Globalization.CultureInfo.InvariantCulture), "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", here);

        Assert.True(exit == 0 && error.Length == 0, $"exit {exit}: {error}");
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        var bytes = File.ReadAllBytes(child);
        Assert.Equal(bytes, File.ReadAllBytes(here));
        Golden.AssertMatches($"tests/Provenance.Cli.Tests/Golden/determinism/{name}.sha256", Hash(bytes, name));
    }

    /// <summary>sha256sum's format: "hex  name", so <c>sha256sum</c> on a saved output checks it too.</summary>
    private static string Hash(byte[] bytes, string name) => $"{Convert.ToHexStringLower(SHA256.HashData(bytes))}  {name}\n";
}
