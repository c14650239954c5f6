namespace Provenance.Testing;

/// <summary>
/// Finds the external programs some tests need (Graphviz's dot, Python with prov, PostgreSQL, Chromium, Node).
/// Locally a missing program skips the test with the reason and the install command; in CI
/// (<c>CI=true</c>) it fails the test, because CI installs every one of them.
/// </summary>
/// <remarks>Tests that call <see cref="Require"/> must be <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>.</remarks>
internal static class ExternalTool
{
    /// <summary>True when running under CI, where a missing tool is a failure rather than a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first executable called <paramref name="name"/> on PATH, or null.</summary>
    public static string? Find(string name) => FindAll(name).FirstOrDefault();

    /// <summary>Every executable called <paramref name="name"/> on PATH, in PATH order.</summary>
    public static IEnumerable<string> FindAll(string name)
    {
        if (Path.IsPathRooted(name))
        {
            if (File.Exists(name))
            {
                yield return name;
            }

            yield break;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : [name])
            {
                var path = Path.Combine(directory, candidate);
                if (File.Exists(path))
                {
                    yield return path;
                }
            }
        }
    }

    /// <summary>
    /// The path of <paramref name="name"/> on PATH. When it is missing: skips the test locally, fails it in CI.
    /// </summary>
    /// <param name="name">The program's file name, or an absolute path.</param>
    /// <param name="install">How to install it, e.g. "apt-get install graphviz".</param>
    public static string Require(string name, string install) =>
        Find(name) ?? Missing($"{name} was not found on PATH; install it ({install}) to run this test");

    /// <summary>
    /// Reports a missing prerequisite: skips the test locally with <paramref name="reason"/>, fails it in CI.
    /// Never returns.
    /// </summary>
    public static string Missing(string reason)
    {
        if (InCi)
        {
            Assert.Fail($"{reason}. CI must install it: see .ci/run.");
        }

        Skip.If(true, reason);
        throw new InvalidOperationException("unreachable");
    }
}
