namespace Provenance.Cli.Tests;

/// <summary>The repository the tests were built from: its README and bundled graphs.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Provenance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Provenance.sln above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    });

    public static string Root => RootPath.Value;

    public static string BundledGraph => Path.Combine(Root, "graphs", "mi24-yeraskh.yaml");

    public static string Readme => File.ReadAllText(Path.Combine(Root, "README.md"));
}
