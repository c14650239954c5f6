using System.Diagnostics;
using System.Globalization;
using System.Text;
using Provenance.Bulk;
using Provenance.Generation;
using Provenance.Prov;
using Provenance.Yaml;
using Xunit.Abstractions;

namespace Provenance.Tests.Hostile;

/// <summary>
/// Seeded mutation testing of every loader (issue 9): valid files are mutated thousands of times and each result must load
/// (and then save and load back to the same text) or fail with a <see cref="GraphValidationException"/> whose problems all
/// name a position. Anything else (another exception type, a hang) fails with the seed, the mutation's index and a copy of
/// the input. <c>PROVENANCE_MUTATIONS=N</c> runs N YAML mutations (and N/4 of each other format) instead of 10,000;
/// <c>PROVENANCE_MUTATION_SEED=S</c> picks another seed; <c>PROVENANCE_MUTATION_INDEX=I</c> replays one mutation.
/// </summary>
public sealed class GraphLoaderMutationTests(ITestOutputHelper output)
{
    private const int DefaultMutations = 10_000;
    private const int DefaultSeed = 20_261_121;

    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(60);

    [Fact]
    public void ProvenanceYaml_MutatedFiles_LoadOrReportPositions()
    {
        var bases = new[]
        {
            ("mi24-excerpt.yaml", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "valid", "mi24-excerpt.yaml"))),
            ("generated.yaml", Encoding.UTF8.GetBytes(ProvenanceYaml.ToYaml(Generated()))),
        };

        Mutate("YAML", bases, Count(1), bytes =>
        {
            var (graph, error) = HostileHarness.Outcome("load", () => ProvenanceYaml.Load(new MemoryStream(bytes), "mutated.yaml"));
            if (graph is not null)
            {
                var saved = ProvenanceYaml.ToYaml(graph);
                Assert.Equal(saved, ProvenanceYaml.ToYaml(ProvenanceYaml.Parse(saved, "saved.yaml")));
            }

            return error;
        });
    }

    [Fact]
    public void ProvenanceJsonLines_MutatedFiles_LoadOrReportPositions()
    {
        var bases = new[]
        {
            ("mi24-excerpt.jsonl", Encoding.UTF8.GetBytes(ProvenanceJsonLines.Serialize(ProvenanceYaml.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "valid", "mi24-excerpt.yaml"))))),
            ("generated.jsonl", Encoding.UTF8.GetBytes(ProvenanceJsonLines.Serialize(Generated()))),
        };

        Mutate("JSON Lines", bases, Count(4), bytes =>
        {
            var (graph, error) = HostileHarness.Outcome("load", () => ProvenanceJsonLines.Load(new MemoryStream(bytes), "mutated.jsonl"));
            if (graph is not null)
            {
                var saved = ProvenanceJsonLines.Serialize(graph);
                Assert.Equal(saved, ProvenanceJsonLines.Serialize(ProvenanceJsonLines.Parse(saved, "saved.jsonl")));
            }

            return error;
        });
    }

    [Fact]
    public void ProvJson_MutatedFiles_ImportOrReportPositions()
    {
        var bases = new[]
        {
            ("mi24-excerpt.provn.json", Encoding.UTF8.GetBytes(ProvenanceYaml.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "valid", "mi24-excerpt.yaml")).ToProvJson())),
            ("generated.prov.json", Encoding.UTF8.GetBytes(Generated().ToProvJson())),
        };

        Mutate("PROV-JSON", bases, Count(4), bytes =>
        {
            var (graph, error) = HostileHarness.Outcome("import", () => ProvJson.Import(new MemoryStream(bytes), "mutated.json").Graph);
            if (graph is not null)
            {
                var saved = graph.ToProvJson();
                Assert.Equal(saved, ProvJson.Import(new MemoryStream(Encoding.UTF8.GetBytes(saved)), "saved.json").Graph.ToProvJson());
            }

            return error;
        });
    }

    private static CitationGraph Generated() => NewsGraphGenerator.Generate(new GeneratorOptions { Citations = 12, Seed = 3 });

    private static int Count(int share)
    {
        var text = Environment.GetEnvironmentVariable("PROVENANCE_MUTATIONS");
        var total = text is null ? DefaultMutations : int.Parse(text, CultureInfo.InvariantCulture);
        return Math.Max(1, total / share);
    }

    private void Mutate(string format, (string Name, byte[] Bytes)[] bases, int count, Func<byte[], GraphValidationException?> load)
    {
        var seedText = Environment.GetEnvironmentVariable("PROVENANCE_MUTATION_SEED");
        var seed = seedText is null ? DefaultSeed : int.Parse(seedText, CultureInfo.InvariantCulture);
        var only = Environment.GetEnvironmentVariable("PROVENANCE_MUTATION_INDEX") is { } indexText ? int.Parse(indexText, CultureInfo.InvariantCulture) : -1;
        int loaded = 0, rejected = 0;
        var clock = Stopwatch.StartNew();

        HostileHarness.RunEach($"{format} mutations, seed {seed}", only >= 0 ? only : 0, only >= 0 ? only + 1 : count, PerInput, i =>
        {
            var (name, original) = bases[i % bases.Length];
            var (bytes, what) = Mutator.Mutate(original, new Random(unchecked((seed * 1_000_003) + i)));
            var context = $"{format} mutation {i} of seed {seed} ({name}: {what})";
            try
            {
                var error = load(bytes);
                if (error is null)
                {
                    loaded++;
                    return;
                }

                rejected++;
                // A closing "more than N problems" line is the only problem allowed without a position.
                Assert.True(error.Line >= 1 && error.Column >= 1, $"no position: {error.Message}");
                Assert.All(error.Diagnostics, d => Assert.True(d.Location is { Line: >= 1, Column: >= 1 } || d.Code == "limit", $"no position: {d}"));
            }
            catch (Exception ex)
            {
                var saved = Path.Combine(Path.GetTempPath(), $"provenance-mutation-{seed}-{i}-{name}");
                File.WriteAllBytes(saved, bytes);
                throw new Xunit.Sdk.XunitException(
                    $"{context} failed; input saved to {saved}; replay with PROVENANCE_MUTATION_SEED={seed} PROVENANCE_MUTATION_INDEX={i}:\n{ex}");
            }
        });

        output.WriteLine($"{format}: {count} mutations (seed {seed}), {loaded} loaded, {rejected} rejected, {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
