using Xunit.Sdk;

namespace Provenance.Tests;

/// <summary>The golden-file helper (tests/Shared/Golden.cs): update mode rewrites, and still fails.</summary>
public sealed class GoldenTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "provenance-golden-" + Guid.NewGuid().ToString("N"));

    public GoldenTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Compare_Same_Passes()
    {
        var file = Path.Combine(folder, "a.txt");
        File.WriteAllText(file, "one\ntwo\n");

        Golden.AssertMatches("a.txt", file, null, "one\ntwo\n", updating: false);
        Golden.AssertMatches("a.txt", file, null, "one\ntwo\n", updating: true);
        Assert.Equal("one\ntwo\n", File.ReadAllText(file));
    }

    [Fact]
    public void Compare_Different_FailsNamingTheFirstDifferentLine()
    {
        var file = Path.Combine(folder, "a.txt");
        File.WriteAllText(file, "one\ntwo\n");

        var failure = Assert.Throws<FailException>(() => Golden.AssertMatches("a.txt", file, null, "one\nthree\n", updating: false));

        Assert.StartsWith("Output differs from a.txt (line 2: golden 'two', actual 'three')", failure.Message, StringComparison.Ordinal);
        Assert.Equal("one\ntwo\n", File.ReadAllText(file));
    }

    [Fact]
    public void Update_Different_RewritesTheFileAndStillFails()
    {
        var file = Path.Combine(folder, "sub", "a.txt");

        var failure = Assert.Throws<FailException>(() => Golden.AssertMatches("sub/a.txt", file, null, "new\n", updating: true));

        Assert.StartsWith("golden updated: sub/a.txt was rewritten.", failure.Message, StringComparison.Ordinal);
        Assert.Equal("new\n", File.ReadAllText(file));
        Golden.AssertMatches("sub/a.txt", file, null, "new\n", updating: false);
    }

    [Fact]
    public void Compare_NoSourceTree_ReadsTheCopy()
    {
        var copy = Path.Combine(folder, "copy.txt");
        File.WriteAllText(copy, "copied\n");

        Golden.AssertMatches("a.txt", Path.Combine(folder, "missing.txt"), copy, "copied\n", updating: false);
        Assert.Throws<FailException>(() => Golden.AssertMatches("a.txt", null, copy, "other\n", updating: false));
    }

    [Fact]
    public void Compare_Missing_FailsSayingHowToCreateIt()
    {
        var failure = Assert.ThrowsAny<XunitException>(() => Golden.AssertMatches("a.txt", Path.Combine(folder, "none.txt"), null, "x", updating: false));

        Assert.StartsWith("Golden file a.txt is missing; run the tests with PROVENANCE_UPDATE_GOLDEN=1", failure.Message, StringComparison.Ordinal);
    }
}
