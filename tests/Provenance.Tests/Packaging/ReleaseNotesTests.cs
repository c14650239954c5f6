using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Provenance.Tests.Packaging;

/// <summary>
/// Keeps the README's install lines, CHANGELOG's release headers and MinVer's minimum version in step: the install
/// lines name the latest released version, only packages the repository packs, and the next build is above it.
/// </summary>
public partial class ReleaseNotesTests
{
    [Fact]
    public void ReadmeInstallLines_NameTheLatestReleaseInChangelog()
    {
        var latest = LatestRelease(File.ReadAllText(TestRepository.File("CHANGELOG.md")));
        var lines = InstallLines(File.ReadAllText(TestRepository.File("README.md")));

        Assert.Contains(lines, l => l.Command == "add package" && l.Package == "Provenance");
        Assert.Contains(lines, l => l.Command == "tool install" && l.Package == "Provenance.Cli");
        Assert.All(lines, l => Assert.True(l.Version == latest.Version,
            $"README line '{l.Line}' names {l.Version}, but CHANGELOG's latest release is {latest.Version} ({latest.Date})."));
    }

    [Fact]
    public void ReadmeInstallLines_NameOnlyPackagesTheRepositoryPacks()
    {
        var packed = PackedIds();

        Assert.All(InstallLines(File.ReadAllText(TestRepository.File("README.md"))), l =>
            Assert.True(packed.Contains(l.Package), $"README line '{l.Line}' names {l.Package}, which no project under src/ packs ({string.Join(", ", packed)})."));
        Assert.Contains("Provenance.Cli", packed);
    }

    [Fact]
    public void MinVerMinimum_IsTheMinorAfterTheLatestRelease()
    {
        var latest = LatestRelease(File.ReadAllText(TestRepository.File("CHANGELOG.md")));
        var props = XDocument.Load(TestRepository.File("Directory.Build.props"));
        var minimum = Assert.Single(props.Descendants("MinVerMinimumMajorMinor")).Value;
        var prefix = Assert.Single(props.Descendants("MinVerTagPrefix")).Value;
        var parts = latest.Version.Split('.');

        Assert.Equal("v", prefix);
        Assert.Equal($"{parts[0]}.{int.Parse(parts[1], CultureInfo.InvariantCulture) + 1}", minimum);
    }

    [Fact]
    public void ProjectFiles_HoldNoVersion()
    {
        var files = Directory.GetFiles(TestRepository.File("src"), "*.csproj", SearchOption.AllDirectories)
            .Append(TestRepository.File("Directory.Build.props"))
            .Append(TestRepository.File("Directory.Build.targets"));
        string[] names = ["Version", "VersionPrefix", "VersionSuffix", "PackageVersion", "AssemblyVersion", "FileVersion"];

        Assert.All(files, f => Assert.DoesNotContain(XDocument.Load(f).Descendants(), e => names.Contains(e.Name.LocalName) && e.Parent?.Name.LocalName == "PropertyGroup"));
    }

    [Fact]
    public void LatestRelease_SkipsUnreleasedAndNeedsADate()
    {
        const string changelog = "# Changelog\n\n## Unreleased\n\n- x\n\n## 1.4.2 (2027-01-05)\n\n- y\n\n## 1.4.1 (2026-12-01)\n";

        Assert.Equal(("1.4.2", "2027-01-05"), LatestRelease(changelog));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => LatestRelease("# Changelog\n\n## Unreleased\n\n## 0.1.0 (unreleased)\n"));
    }

    [Fact]
    public void InstallLines_FindBothForms()
    {
        const string readme = "```sh\ndotnet add package Provenance --version 1.2.3\ndotnet tool install --global Provenance.Cli --version 1.2.4\n```\n";

        Assert.Equal(
            [("add package", "Provenance", "1.2.3"), ("tool install", "Provenance.Cli", "1.2.4")],
            InstallLines(readme).Select(l => (l.Command, l.Package, l.Version)));
    }

    /// <summary>The first <c>## x.y.z (yyyy-mm-dd)</c> header; fails when the first header after Unreleased has no date.</summary>
    private static (string Version, string Date) LatestRelease(string changelog)
    {
        var header = changelog.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith("## ", StringComparison.Ordinal) && l != "## Unreleased");
        Assert.NotNull(header);
        var match = ReleaseHeader().Match(header);
        Assert.True(match.Success, $"CHANGELOG's latest release header '{header}' is not '## <major>.<minor>.<patch> (<yyyy-mm-dd>)'.");
        return (match.Groups["version"].Value, match.Groups["date"].Value);
    }

    private static List<(string Line, string Command, string Package, string Version)> InstallLines(string readme) =>
        [.. readme.Split('\n').Select(l => InstallLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Value.Trim(), m.Groups["command"].Value, m.Groups["package"].Value, m.Groups["version"].Value))];

    private static SortedSet<string> PackedIds()
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in Directory.GetFiles(TestRepository.File("src"), "*.csproj", SearchOption.AllDirectories))
        {
            var properties = XDocument.Load(project).Descendants().Where(e => e.Parent?.Name.LocalName == "PropertyGroup").ToList();
            if (properties.Any(e => e.Name.LocalName == "IsPackable" && e.Value == "true"))
            {
                ids.Add(properties.SingleOrDefault(e => e.Name.LocalName == "PackageId")?.Value ?? Path.GetFileNameWithoutExtension(project));
            }
        }

        return ids;
    }

    [GeneratedRegex(@"^## (?<version>\d+\.\d+\.\d+) \((?<date>\d{4}-\d{2}-\d{2})\)$")]
    private static partial Regex ReleaseHeader();

    [GeneratedRegex(@"dotnet (?<command>add package|tool install)\b(?:\s+--?[a-z-]+)*\s+(?<package>[A-Za-z][\w.]*)\s+--version\s+(?<version>\S+)")]
    private static partial Regex InstallLine();
}
