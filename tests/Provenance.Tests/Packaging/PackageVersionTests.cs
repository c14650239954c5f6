using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace Provenance.Tests.Packaging;

/// <summary>
/// Packs the Provenance package from a copy of the build files in a scratch folder and checks that its version comes
/// from git tags through MinVer (prefix <c>v</c>, minimum 0.2 after the 0.1.0 release), not from the project files.
/// </summary>
/// <remarks>
/// The scratch folder gets its own git history with known tags, so the expected versions do not depend on the clone
/// the tests run in: a CI clone may be shallow or carry no tags, and MinVer then falls back to its default
/// (0.2.0-alpha.0 here), which says nothing about whether tags are read. The same copy is first packed without any git
/// repository, as a source archive would be, which must still build.
/// </remarks>
public class PackageVersionTests
{
    private static readonly string[] BuildFiles =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", ".gitignore", ".editorconfig"];

    [SkippableFact]
    public void Pack_VersionComesFromTheLatestVTag()
    {
        var git = ExternalTool.Require("git", "apt-get install git");
        var dotnet = Dotnet();
        var scratch = Directory.CreateTempSubdirectory("provenance-pack-");
        try
        {
            var tree = Path.Combine(scratch.FullName, "tree");
            foreach (var file in BuildFiles)
            {
                CopyFile(TestRepository.File(file), Path.Combine(tree, file));
            }

            CopyFolder(TestRepository.File("src", "Provenance"), Path.Combine(tree, "src", "Provenance"));
            var project = Path.Combine(tree, "src", "Provenance", "Provenance.csproj");

            // No git repository at all (a source archive): MinVer warns and uses its default, raised to the minimum 0.2.
            Run(dotnet, tree, "pack", project, "-c", "Release", "-o", Path.Combine(scratch.FullName, "none"), "-nologo");
            Assert.Equal("0.2.0-alpha.0", PackedVersion(Path.Combine(scratch.FullName, "none")));

            // The released 0.1.0 tagged, one commit after it, and a tag without the prefix that must be ignored.
            Run(git, tree, "init", "-q");
            Run(git, tree, "add", "-A");
            Commit(git, tree, "0.1.0");
            Run(git, tree, "tag", "v0.1.0");
            Commit(git, tree, "after the release");
            Run(git, tree, "tag", "7.0.0");
            Run(dotnet, tree, "pack", project, "-c", "Release", "--no-build", "-o", Path.Combine(scratch.FullName, "after"), "-nologo");
            Assert.Equal("0.2.0-alpha.0.1", PackedVersion(Path.Combine(scratch.FullName, "after")));

            // The next release: its tag is the version, with no height and no pre-release part.
            Run(git, tree, "tag", "-a", "v0.2.0", "-m", "0.2.0");
            Run(dotnet, tree, "pack", project, "-c", "Release", "--no-build", "-o", Path.Combine(scratch.FullName, "release"), "-nologo");
            Assert.Equal("0.2.0", PackedVersion(Path.Combine(scratch.FullName, "release")));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The version in the one Provenance nupkg's nuspec, checked against its file name.</summary>
    private static string PackedVersion(string folder)
    {
        var package = Assert.Single(Directory.GetFiles(folder, "*.nupkg"));
        using var zip = ZipFile.OpenRead(package);
        var nuspec = Assert.Single(zip.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var id = metadata.Elements().Single(e => e.Name.LocalName == "id").Value;
        var version = metadata.Elements().Single(e => e.Name.LocalName == "version").Value;
        Assert.Equal("Provenance", id);
        Assert.Equal($"Provenance.{version}.nupkg", Path.GetFileName(package));
        return version;
    }

    private static void Commit(string git, string tree, string message) =>
        Run(git, tree, "-c", "user.name=Provenance tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false",
            "commit", "-q", "--allow-empty", "-m", message);

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
            ? host
            : ExternalTool.Require("dotnet", "the .NET 10 SDK");

    private static void Run(string program, string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild and git settings must not leak into the child build or the scratch repository.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(program)} {string.Join(' ', arguments)} did not finish in 10 minutes:\n{output}");
        }

        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output}");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var first = relative.Split(Path.DirectorySeparatorChar)[0];
            if (first is not ("bin" or "obj"))
            {
                CopyFile(file, Path.Combine(to, relative));
            }
        }
    }

    private static void CopyFile(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}
