namespace Provenance.Extraction.Tests;

/// <summary>The repository and the shared data folder (../shared beside the repository or above it) the tests read.</summary>
internal static class TestPaths
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

        throw new InvalidOperationException($"No Provenance.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => RootPath.Value;

    public static string BundledGraph => Path.Combine(Root, "graphs", "mi24-yeraskh.yaml");

    /// <summary>A folder under the shared data folder: $PROVENANCE_SHARED, else the first ../shared above the repository; null when absent.</summary>
    public static string? Shared(string relative)
    {
        if (Environment.GetEnvironmentVariable("PROVENANCE_SHARED") is { Length: > 0 } env)
        {
            var p = Path.Combine(env, relative);
            return Directory.Exists(p) ? p : null;
        }

        for (var dir = new DirectoryInfo(Root).Parent; dir is not null; dir = dir.Parent)
        {
            var p = Path.Combine(dir.FullName, "shared", relative);
            if (Directory.Exists(p))
            {
                return p;
            }
        }

        return null;
    }

    public static string RequireShared(string relative) =>
        Shared(relative) ?? ExternalTool.Missing($"the shared data folder ../shared/{relative} is not present (set PROVENANCE_SHARED to the folder that holds it)");
}
