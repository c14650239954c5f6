using System.Text;
using Provenance.Bulk;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Tests.Hostile;

/// <summary>
/// The adversarial corpus for the JSON formats (issue 9): wrong encodings, NUL bytes, huge strings, deep nesting, duplicate
/// keys and truncation given to the JSON Lines loader and the PROV-JSON importer must fail with a
/// <see cref="GraphValidationException"/> whose first problem names the file, a line and a column, under the watchdog.
/// </summary>
public sealed class BulkAndProvHostileTests
{
    private static readonly Dictionary<string, Func<byte[], byte[]>> Hostile = new()
    {
        ["latin1-byte"] = valid => Insert(valid, valid.Length / 2, [0xE9]),
        ["invalid-utf8-ff"] = valid => Insert(valid, valid.Length / 3, [0xFF]),
        ["encoded-surrogate"] = valid => Insert(valid, valid.Length / 3, [0xED, 0xA0, 0x80]),
        ["utf16le-with-bom"] = valid => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(valid))],
        ["utf16be-without-bom"] = valid => Encoding.BigEndianUnicode.GetBytes(Encoding.UTF8.GetString(valid)),
        ["raw-nul"] = valid => Insert(valid, valid.Length / 2, [0x00]),
        ["nesting-100000-deep"] = valid => Encoding.UTF8.GetBytes(new string('[', 100_000) + new string(']', 100_000)),
        ["objects-100000-deep"] = valid => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100_000))),
        ["string-of-7-million-characters"] = valid => Encoding.UTF8.GetBytes("{\"type\":\"" + new string('x', 7_000_000) + "\"}\n"),
        ["truncated-in-half"] = valid => valid[..(valid.Length / 2)],
        ["cut-inside-a-string"] = valid => valid[..(Array.IndexOf(valid, (byte)'"', valid.Length / 2) + 3)],
        ["only-a-bom"] = valid => [0xEF, 0xBB, 0xBF],
        ["unclosed-string-to-the-end"] = valid => Encoding.UTF8.GetBytes("{\"type\": \"" + new string('y', 100_000)),
        ["number-with-a-million-digits"] = valid => Encoding.UTF8.GetBytes("{\"type\": " + new string('9', 1_000_000) + "}\n"),
        ["control-characters"] = valid => Encoding.UTF8.GetBytes("{\"type\u0001\": \"\u001B[31m\"}\n"),
    };

    public static TheoryData<string> Names => [.. Hostile.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void ProvenanceJsonLines_HostileInput_ThrowsWithPosition(string name)
    {
        var valid = Encoding.UTF8.GetBytes(ProvenanceJsonLines.Serialize(Sample()));

        var bytes = Hostile[name](valid);

        Check(name, () => ProvenanceJsonLines.Load(new MemoryStream(bytes), "hostile.jsonl"), () =>
        {
            var tried = ProvenanceJsonLines.TryLoad(new MemoryStream(bytes), "hostile.jsonl", out var graph, out var diagnostics);
            return (tried, graph, diagnostics.Length);
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void ProvJson_HostileInput_ThrowsWithPosition(string name)
    {
        var valid = Encoding.UTF8.GetBytes(Sample().ToProvJson());

        var bytes = Hostile[name](valid);

        Check(name, () => ProvJson.Import(new MemoryStream(bytes), "hostile.json").Graph, null);
    }

    [Fact]
    public void ProvenanceJsonLines_DuplicateKeyAndSelfCitation_ReportsBoth()
    {
        var text = ProvenanceJsonLines.Serialize(Sample());
        var lines = text.Split('\n').ToList();
        var source = lines.FindIndex(l => l.Contains("\"type\":\"source\"", StringComparison.Ordinal));
        lines[source] = lines[source].Replace("{\"type\":\"source\",", "{\"type\":\"source\",\"name\":\"twice\",", StringComparison.Ordinal);

        var error = HostileHarness.Run("duplicate key", () => Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(string.Join('\n', lines), "dup.jsonl")));

        Assert.Equal("duplicate-key", error.Diagnostics[0].Code);
        Assert.Equal(("dup.jsonl", source + 1), (error.FilePath, error.Line));
    }

    private static void Check(string name, Func<CitationGraph> load, Func<(bool Tried, CitationGraph? Graph, int Problems)>? tryLoad)
    {
        var (graph, error) = HostileHarness.Run(name, () => HostileHarness.Outcome(name, load));

        Assert.Null(graph);
        Assert.NotNull(error);
        Assert.True(error.Line >= 1 && error.Column >= 1, error.Message);
        var first = error.Diagnostics.Length == 1 ? error.Message : error.Message.Split('\n')[1];
        Assert.StartsWith($"{error.FilePath}:{error.Line}:{error.Column}: ", first, StringComparison.Ordinal);
        Assert.All(error.Message.Split('\n'), line => Assert.DoesNotContain('\u001B', line));
        if (tryLoad is not null)
        {
            var (tried, tryGraph, problems) = HostileHarness.Run(name, tryLoad);
            Assert.Equal((false, (CitationGraph?)null, error.Diagnostics.Length), (tried, tryGraph, problems));
        }
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    private static CitationGraph Sample() => ProvenanceYaml.Load(Path.Combine(AppContext.BaseDirectory, "TestData", "valid", "mi24-excerpt.yaml"));
}
