namespace Provenance.Testing;

/// <summary>The source tree the tests were built from, found by walking up from the test assembly to Provenance.sln.</summary>
internal static class TestRepository
{
    private static readonly Lazy<string?> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Provenance.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    });

    /// <summary>The repository root, or null when the tests run outside a clone (e.g. from a copied output folder).</summary>
    public static string? TryRoot => RootPath.Value;

    /// <summary>The repository root; throws when the tests do not run from a clone.</summary>
    public static string Root => RootPath.Value
        ?? throw new InvalidOperationException($"No Provenance.sln above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");

    /// <summary>A path below the repository root, from '/'-separated parts.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);
}
