using System.Text;

namespace Provenance.Testing;

/// <summary>
/// Byte-for-byte comparison with a committed golden file. With <c>PROVENANCE_UPDATE_GOLDEN=1</c> a golden file
/// that differs (or is missing) is rewritten in the source tree and the test still FAILS with "golden updated",
/// so a run with the variable set can never pass over a changed output; rerun without it once the diff is reviewed.
/// A golden file that already matches passes in both modes.
/// </summary>
internal static class Golden
{
    /// <summary>The variable that turns comparison into rewriting.</summary>
    public const string UpdateVariable = "PROVENANCE_UPDATE_GOLDEN";

    /// <summary>True when the run rewrites golden files that differ.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>
    /// Compares <paramref name="actual"/> with the golden file at <paramref name="relativePath"/> (from the repository
    /// root, '/'-separated). The source tree's file is read when the tests run from a clone, else the copy beside the
    /// test assembly at <paramref name="copiedAs"/> (relative to the output folder), when given.
    /// </summary>
    public static void AssertMatches(string relativePath, string actual, string? copiedAs = null) =>
        AssertMatches(
            relativePath,
            TestRepository.TryRoot is { } root ? Path.Combine(root, relativePath) : null,
            copiedAs is null ? null : Path.Combine(AppContext.BaseDirectory, copiedAs),
            actual,
            Updating);

    /// <summary>The comparison, with the source-tree path, the copy's path and the mode given (tested on temporary files).</summary>
    internal static void AssertMatches(string relativePath, string? source, string? copy, string actual, bool updating)
    {
        var path = source is not null && File.Exists(source) ? source : copy is not null && File.Exists(copy) ? copy : null;
        var expected = path is null ? null : File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n");

        if (expected == actual)
        {
            return;
        }

        if (updating)
        {
            Assert.True(source is not null, $"{UpdateVariable}=1 needs the tests to run from a source tree (with Provenance.sln above them).");
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual, new UTF8Encoding(false));
            Assert.Fail($"golden updated: {relativePath} was rewritten. Review the diff, then rerun without {UpdateVariable} to pass.");
        }

        Assert.True(expected is not null, $"Golden file {relativePath} is missing; run the tests with {UpdateVariable}=1 to create it, then review and commit it.");
        Assert.Fail($"Output differs from {relativePath} ({FirstDifference(expected!, actual)}). If the change is intended, rerun with {UpdateVariable}=1, review the diff and commit it.\n--- actual ---\n{actual}");
    }

    /// <summary>The first line where two texts differ, for the failure message.</summary>
    public static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}: golden '{left}', actual '{right}'";
            }
        }

        return "no difference";
    }
}
