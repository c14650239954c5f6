namespace Provenance.Cli.Tests;

/// <summary>Paths of the test graphs copied beside the test assembly.</summary>
internal static class TestFiles
{
    public static string Small => Data("small.yaml");

    public static string Folder => Data("folder");

    public static string Typo => Data("invalid", "typo.yaml");

    /// <summary>Graphviz's dot on PATH: locally a test that needs it skips without it, in CI it fails.</summary>
    public static string Dot => ExternalTool.Require("dot", "apt-get install graphviz");

    public static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);

    /// <summary>A new empty folder under the temporary folder, deleted when disposed.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "provenance-cli-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
