using System.Security.Cryptography;
using System.Text;
using Provenance.Bulk;
using Provenance.Generation;
using Provenance.Yaml;

namespace Provenance.Tests.Generation;

/// <summary>
/// The generator's "same seed, same bytes" promise, held by the library itself: the graph generated at a fixed seed and
/// size, written as JSON Lines or YAML, hashes to the committed golden that the CLI's determinism tests check
/// <c>provenance generate</c> against (tests/Provenance.Cli.Tests/Golden/determinism). Any change to what the generator
/// draws, or in which order, changes the hash.
/// </summary>
public sealed class GeneratorGoldenTests
{
    [Theory]
    [InlineData(1_000, 1, "generate-1000-seed-1.jsonl")]
    [InlineData(20_000, 7, "generate-20000-seed-7.jsonl")]
    [InlineData(1_000, 1, "generate-1000-seed-1.yaml")]
    [InlineData(5_000, 42, "generate-5000-seed-42.yaml")]
    public void Generate_FixedSeedAndSize_WritesTheCommittedBytes(int citations, int seed, string name)
    {
        var graph = NewsGraphGenerator.Generate(new GeneratorOptions { Citations = citations, Seed = seed });
        var text = name.EndsWith(".jsonl", StringComparison.Ordinal) ? ProvenanceJsonLines.Serialize(graph) : ProvenanceYaml.ToYaml(graph);

        var hash = $"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}  {name}\n";

        Golden.AssertMatches($"tests/Provenance.Cli.Tests/Golden/determinism/{name}.sha256", hash);
    }
}
