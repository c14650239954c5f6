namespace Provenance.Tests.Packaging;

/// <summary>
/// The public API analyzer only checks a project that has its PublicAPI files: without them it stays silent. So every
/// packed project must have both, with nullability tracked, and a removal must name a shipped symbol.
/// </summary>
public class PublicApiFilesTests
{
    public static TheoryData<string> PackedProjects() => [.. PackedProjectNames()];

    [Fact]
    public void PackedProjects_AreTheFourPackages() =>
        Assert.Equal(["Provenance", "Provenance.Cli", "Provenance.Extraction", "Provenance.PostgreSql"], PackedProjectNames());

    private static List<string> PackedProjectNames() =>
        [.. Directory.GetFiles(TestRepository.File("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(p => File.ReadAllText(p).Contains("<IsPackable>true</IsPackable>", StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension).Cast<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(PackedProjects))]
    public void PackedProject_HasBothFilesTrackingNullability(string project)
    {
        foreach (var name in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            var path = TestRepository.File("src", project, name);
            Assert.True(File.Exists(path), $"src/{project}/{name} is missing; run tests/update-public-api.sh.");
            Assert.Equal("#nullable enable", File.ReadLines(path).First());
        }
    }

    [Theory]
    [MemberData(nameof(PackedProjects))]
    public void RemovedLines_NameShippedSymbols(string project)
    {
        var shipped = File.ReadAllLines(TestRepository.File("src", project, "PublicAPI.Shipped.txt")).ToHashSet(StringComparer.Ordinal);
        var removed = File.ReadAllLines(TestRepository.File("src", project, "PublicAPI.Unshipped.txt"))
            .Where(l => l.StartsWith("*REMOVED*", StringComparison.Ordinal)).Select(l => l["*REMOVED*".Length..]);

        Assert.All(removed, r => Assert.Contains(r, shipped));
    }
}
