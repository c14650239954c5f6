namespace Provenance.Cli.Tests;

/// <summary>One terminal-safety routine for library diagnostics and CLI text (issue 15): nothing in a graph can rewrite the terminal.</summary>
public class TerminalSafetyTests
{
    public static TheoryData<char> Unsafe() =>
    [
        '\u001B', '\u0007', '\r', '\n', '\t', '\u007F', '\u0085', '\u009B',
        '\u2028', '\u2029', '\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
    ];

    [Theory]
    [MemberData(nameof(Unsafe))]
    public void Inert_UnsafeCharacter_IsEscapedLikeTheLibrary(char c)
    {
        var text = $"a{c}b";
        var escaped = $"a\\u{(int)c:X4}b";

        Assert.Equal(escaped, CliContext.Inert(text));
        Assert.Equal(escaped, TerminalText.Escape(text));
        Assert.Equal(escaped, Spectre.Console.Markup.Remove(CliFormat.Text(text)));
        Assert.Equal(escaped, new GraphDiagnostic(null, "x", text).ToString());
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("ТАСС, 中文, עברית, emoji 🚁")]
    public void Inert_SafeText_Unchanged(string text) => Assert.Same(text, CliContext.Inert(text));

    [Theory]
    [InlineData("claims")]
    [InlineData("sources")]
    [InlineData("single-source")]
    [InlineData("trace")]
    public void Commands_GraphTextWithSeparatorsAndBidiMarks_PrintedEscaped(string command)
    {
        using var temp = new TestFiles.TempFolder();
        var path = temp.File("g.yaml");
        File.WriteAllText(path, """
            sources:
              - id: s
                name: "Name\u2028forged\u200Eline"
                kind: government
              - id: o
                name: Outlet
                kind: outlet
            claims:
              - id: c
                text: "Claim\u2029with\u200Fmarks\u202Eand\u001B[31mescape"
            reports:
              - id: r
                source: s
                kind: statement
                assertions:
                  - claim: c
                    mode: first-hand
            """);
        string[] args = command == "trace" ? [command, path, "c"] : [command, path];

        var run = CliRun.Of(args);

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var c in "\u2028\u2029\u200E\u200F\u202E\u001B")
        {
            Assert.DoesNotContain(c, run.Output);
        }

        Assert.Contains(command == "sources" || command == "single-source" ? "Name\\u2028forged\\u200Eline" : "Claim\\u2029with\\u200Fmarks\\u202Eand\\u001B[31mescape", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_GraphTextWithSeparatorsAndBidiMarks_EscapedByTheJsonEncoder()
    {
        using var temp = new TestFiles.TempFolder();
        var path = temp.File("g.yaml");
        File.WriteAllText(path, """
            sources:
              - id: s
                name: "N"
                kind: government
            claims:
              - id: c
                text: "a\u2028b\u200Ec\u202Ed\u001Be"
            reports:
              - id: r
                source: s
                kind: statement
                assertions:
                  - claim: c
                    mode: first-hand
            """);

        var run = CliRun.Of("claims", path, "--json");

        Assert.Contains("a\\u2028b\\u200Ec\\u202Ed\\u001Be", run.Output, StringComparison.Ordinal);
    }
}
