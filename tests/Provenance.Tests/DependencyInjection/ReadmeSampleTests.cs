using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace Provenance.Tests.DependencyInjection;

/// <summary>The README's dependency-injection example is <see cref="Sample"/>, character for character, and it runs.</summary>
public sealed partial class ReadmeSampleTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "provenance-readme-di-" + Guid.NewGuid().ToString("N"));

    public ReadmeSampleTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Readme_DependencyInjectionExample_IsTheSample()
    {
        var readme = File.ReadAllText(Path.Combine(TestRepository.Root, "README.md"));
        var source = File.ReadAllText(Path.Combine(TestRepository.Root, "tests", "Provenance.Tests", "DependencyInjection", "ReadmeSampleTests.cs"));

        var snippet = Snippet().Match(source);
        Assert.True(snippet.Success, "the sample has no begin-snippet/end-snippet markers");
        var lines = snippet.Groups[1].Value.Split('\n').Where(l => l.Length > 0).ToList();
        var indent = lines.Min(l => l.Length - l.TrimStart().Length);
        var expected = string.Join('\n', snippet.Groups[1].Value.TrimEnd().Split('\n').Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

        Assert.Contains("```csharp\n" + expected + "\n```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_RunsOnAGraph()
    {
        var graph = Path.Combine(folder, "graph.yaml");
        File.WriteAllText(graph, ProvenanceServiceCollectionExtensionsTests.GraphYaml.Replace("downed", "az-mistake", StringComparison.Ordinal));

        var (origins, chains) = Sample(graph);

        Assert.Equal(1, origins);
        Assert.Equal(2, chains);
    }

    private static (int Origins, int Chains) Sample(string graphPath)
    {
        // begin-snippet: dependency-injection
        var services = new ServiceCollection();
        services.AddProvenance(options =>
        {
            options.GraphPath = graphPath;       // a YAML file or a folder of them, e.g. "graphs/mi24-yeraskh.yaml"
            options.DotPath = "/usr/bin/dot";    // optional: default is the first dot on PATH
            options.Trace.MaxChains = 1_000;     // optional: trace caps, graph size limits (options.Limits)
        });

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var queries = provider.GetRequiredService<ProvenanceQueries>();   // also: ProvenanceExports, IProvenanceGraphProvider
        var origins = queries.IndependentOrigins("az-mistake").Count;
        var chains = queries.Trace("az-mistake").Chains.Length;
        // end-snippet
        return (origins, chains);
    }

    [GeneratedRegex(@"// begin-snippet: dependency-injection\n(.*?)\n\s*// end-snippet", RegexOptions.Singleline)]
    private static partial Regex Snippet();
}
