namespace Provenance.Cli.Tests;

/// <summary>The repository the tests were built from: its README and bundled graphs.</summary>
internal static class Repository
{
    public static string Root => TestRepository.Root;

    public static string BundledGraph => Path.Combine(Root, "graphs", "mi24-yeraskh.yaml");

    public static string Readme => File.ReadAllText(Path.Combine(Root, "README.md"));
}
