using Provenance.Yaml;

namespace Provenance.Tests.Yaml;

/// <summary>The invalid-input corpus: one small file per failure kind in TestData/invalid, each with its whole expected message.</summary>
public partial class ProvenanceYamlTests
{
    /// <summary>File name and expected message; each message names the file as {file} (the path the test passes in).</summary>
    public static TheoryData<string, string> InvalidFiles => new()
    {
        { "alias-bomb.yaml", "{file}:6:8: aliases in this file expand to more than 10 times the nodes it spells out (GraphLimits.MaxAliasExpansion); write the values out instead of nesting aliases." },
        { "date-without-offset.yaml", "{file}:9:16: date '2020-11-09T13:00:00' has no UTC offset; write it with one, e.g. 2020-11-09T13:00:00+03:00 or 2020-11-09T10:00:00Z." },
        { "deep-nesting.yaml", "{file}:1:73: the input is nested more than 64 levels deep, the limit (GraphLimits.MaxNestingDepth); flatten it." },
        { "duplicate-id.yaml", "{file}:4:9: duplicate claim id 'downed'; it is already defined at {file}:2:9." },
        { "duplicate-key.yaml", "{file}:5:5: 'name' is given twice in source 'tass'; the first is at {file}:3:5; keep one." },
        { "empty-id.yaml", "{file}:2:9: source id is empty; give it an id of letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_'." },
        { "first-hand-not-last-hop.yaml", "{file}:23:25: 'first-hand: true' is only allowed on the last hop of a chain, but the citation of 'tass' has its own 'via'; move it to the last hop or drop the 'via'." },
        { "first-hand-on-report-hop.yaml", "{file}:26:25: 'first-hand' is only allowed on a citation of a source, not on the citation of report 'ru-mod-statement'; put it in the assertions of 'ru-mod-statement'." },
        { "impossible-date.yaml", "{file}:9:16: date '2020-02-30T13:00:00-05:00' does not exist: 2020-02 has 29 days; fix it." },
        { "malformed-id.yaml", "{file}:2:9: source id 'tass agency' is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most 200 characters)." },
        { "missing-mode.yaml", "{file}:13:9: the assertion of claim 'downed' in report 'zh' has neither 'mode' nor 'via'; add mode first-hand or unattributed, or the citations under 'via'." },
        { "missing-required-field.yaml", "{file}:2:5: source 'tass' has no 'name'; add it." },
        { "mode-contradicts-via.yaml", "{file}:17:15: report 'zh' asserts claim 'downed' as unattributed but also cites a source for it; use mode 'attributed'." },
        { "not-a-boolean.yaml", "{file}:20:25: 'first-hand' must be true or false, not 'yes'." },
        { "self-citation.yaml", "{file}:15:21: report 'zh' cites itself for claim 'downed'; a citation must point to another report or source." },
        {
            "several-problems.yaml",
            "The graph has 3 problems and was not loaded:\n"
            + "{file}:5:5: unknown field 'contry' in source 'tass'; did you mean 'country'?\n"
            + "{file}:8:11: unknown source kind 'blog'; use one of news-agency, outlet, broadcaster, government, military-unit, person, social-media, anonymous, other.\n"
            + "{file}:14:13: unknown source 'zerohedg'; did you mean 'zerohedge'?"
        },
        { "source-and-report-in-one-hop.yaml", "{file}:15:13: a citation has both 'source' and 'report'; keep one." },
        { "syntax-error.yaml", "{file}:4:4: invalid YAML: while parsing a block collection, did not find expected '-' indicator; fix the syntax at this position." },
        { "timeline.yaml", "{file}:26:21: report 'zh' (published 2020-11-09T13:00:00-05:00) cites report 'ru-mod-statement', published later (2020-11-10T09:00:00+03:00); fix one of the dates or the citation." },
        { "two-documents.yaml", "{file}:5:1: a graph file holds one YAML document, but this file has another after '---'; split it into separate files." },
        { "unknown-anchor.yaml", "{file}:3:11: alias '*tass-name' refers to no complete anchor before it; define '&tass-name' earlier." },
        { "unknown-enum-value.yaml", "{file}:4:11: unknown source kind 'newsagency'; did you mean 'news-agency'? Use one of news-agency, outlet, broadcaster, government, military-unit, person, social-media, anonymous, other." },
        { "unknown-field.yaml", "{file}:3:5: unknown field 'nmae' in source 'tass'; did you mean 'name'?" },
        { "unknown-report-reference.yaml", "{file}:24:21: unknown report 'ru-mod-statment'; did you mean 'ru-mod-statement'?" },
        { "unknown-source-reference.yaml", "{file}:18:21: unknown source 'tas'; did you mean 'tass'?" },
        { "via-under-report-hop.yaml", "{file}:27:15: a citation of report 'ru-mod-statement' cannot have its own 'via'; put that chain in the assertions of 'ru-mod-statement'." },
        { "wrong-type.yaml", "{file}:3:11: 'name' must be a string, not a list." },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Load_InvalidFile_ReportsExactMessage(string name, string expected)
    {
        var file = Data("invalid", name);

        var error = Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Load(file));

        Assert.Equal(expected.Replace("{file}", file, StringComparison.Ordinal), error.Message);
        Assert.Equal(file, error.FilePath);
    }

    [Fact]
    public void InvalidFiles_CoverEveryFileInTheCorpus()
    {
        var listed = InvalidFiles.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(Directory.GetFiles(Data("invalid")).Select(Path.GetFileName).Order(StringComparer.Ordinal), listed);
    }
}
