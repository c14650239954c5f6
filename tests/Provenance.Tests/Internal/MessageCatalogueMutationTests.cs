using System.Text.Json;
using Provenance.Internal;

namespace Provenance.Tests.Internal;

/// <summary>
/// The message catalogue's sentences, written out here rather than taken from the catalogue: the ones no test of the
/// value rules reached in the last mutation run of src/Provenance/Internal (tests/mutation-survivors/Internal.txt),
/// the article before an element named without an id, and the edge cases of the YAML syntax message and the
/// duplicate-key message without a first position.
/// </summary>
public class MessageCatalogueMutationTests
{
    [Theory]
    [InlineData("source", "tass", "source 'tass'")]
    [InlineData("source", null, "a source")]
    [InlineData("source", "", "a source")]
    [InlineData("report", null, "a report")]
    [InlineData("affiliation", null, "an affiliation")]
    [InlineData("assertion", "", "an assertion")]
    [InlineData("entity", null, "an entity")]
    [InlineData("item", null, "an item")]
    [InlineData("outlet", null, "an outlet")]
    [InlineData("usage", null, "an usage")]
    [InlineData("Affiliation", null, "a Affiliation")]
    [InlineData("", null, "a ")]
    [InlineData("affiliation", "x", "affiliation 'x'")]
    public void Element_WithoutId_TakesTheArticleOfItsFirstLetter(string what, string? id, string expected)
    {
        Assert.Equal(expected, ErrorMessages.Element(what, id));
    }

    [Theory]
    [InlineData("", "invalid YAML: ; fix the syntax at this position.")]
    [InlineData("X", "invalid YAML: x; fix the syntax at this position.")]
    [InlineData(".", "invalid YAML: ; fix the syntax at this position.")]
    [InlineData("While scanning a plain scalar, found unexpected ':'.", "invalid YAML: while scanning a plain scalar, found unexpected ':'; fix the syntax at this position.")]
    [InlineData("Mapping values are not allowed in this context...", "invalid YAML: mapping values are not allowed in this context; fix the syntax at this position.")]
    public void Syntax_ParserMessage_IsLowerCasedAndLosesItsFullStops(string parserMessage, string expected)
    {
        Assert.Equal(expected, ErrorMessages.Syntax(parserMessage));
    }

    [Fact]
    public void DuplicateKey_WithAndWithoutTheFirstPosition()
    {
        Assert.Equal("'kind' is given twice in source 'rt'; keep one.", ErrorMessages.DuplicateKey("kind", "source 'rt'", null));
        Assert.Equal(
            "'kind' is given twice in source 'rt'; the first is at g.yaml:4:5; keep one.",
            ErrorMessages.DuplicateKey("kind", "source 'rt'", new SourceLocation("g.yaml", 4, 5)));
    }

    [Theory]
    [InlineData(JsonTokenType.StartArray, "a list")]
    [InlineData(JsonTokenType.StartObject, "a mapping")]
    [InlineData(JsonTokenType.String, "a string")]
    [InlineData(JsonTokenType.Number, "a number")]
    [InlineData(JsonTokenType.True, "a boolean")]
    [InlineData(JsonTokenType.False, "a boolean")]
    [InlineData(JsonTokenType.Null, "empty")]
    [InlineData(JsonTokenType.None, "empty")]
    public void Describe_JsonToken_InTheWordsOfTheYamlMessages(JsonTokenType token, string expected)
    {
        Assert.Equal(expected, ErrorMessages.Describe(token));
    }

    [Fact]
    public void EnumNoun_NamesEachModelEnumeration()
    {
        Assert.Equal("source kind", ErrorMessages.EnumNoun<SourceKind>());
        Assert.Equal("report kind", ErrorMessages.EnumNoun<ReportKind>());
        Assert.Equal("assertion mode", ErrorMessages.EnumNoun<AssertionMode>());
        Assert.Equal("citation kind", ErrorMessages.EnumNoun<CitationKind>());
        Assert.Equal("hedge", ErrorMessages.EnumNoun<Hedge>());
        Assert.Equal("DayOfWeek", ErrorMessages.EnumNoun<DayOfWeek>());
    }

    [Fact]
    public void DotFailed_WithoutErrorOutput_SaysSo()
    {
        Assert.Equal("Graphviz's dot failed with exit code 1: it wrote no error message.", ErrorMessages.DotFailed(1, ""));
        Assert.Equal("Graphviz's dot failed with exit code -3: syntax error in line 2", ErrorMessages.DotFailed(-3, "syntax error in line 2"));
    }

    [Fact]
    public void DotTimedOut_GivesTheSecondsWithAtMostThreeDecimals()
    {
        Assert.Equal(
            "Graphviz's dot did not finish within 1.5 s and was stopped; draw a smaller view or raise GraphvizRendererOptions.Timeout.",
            ErrorMessages.DotTimedOut(TimeSpan.FromMilliseconds(1500)));
        Assert.Equal(
            "Graphviz's dot did not finish within 0.123 s and was stopped; draw a smaller view or raise GraphvizRendererOptions.Timeout.",
            ErrorMessages.DotTimedOut(TimeSpan.FromTicks(1_234_567)));
        Assert.Equal(
            "Graphviz's dot did not finish within 30 s and was stopped; draw a smaller view or raise GraphvizRendererOptions.Timeout.",
            ErrorMessages.DotTimedOut(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void SeveralArticlesForReport_ListsTheArticlesWithCommas()
    {
        Assert.Equal(
            "the title of report 'zh' occurs in several articles (a.txt, b.txt, c.txt); make the title specific enough to match one.",
            ErrorMessages.SeveralArticlesForReport("zh", ["a.txt", "b.txt", "c.txt"]));
    }

    public static TheoryData<string, string> Sentences => new()
    {
        {
            ErrorMessages.NotUtf8(0xE9),
            "the file is not valid UTF-8: byte 0xE9 here does not start or continue a character (is it saved as Latin-1 or another legacy encoding?); save it as UTF-8."
        },
        { ErrorMessages.NotUtf8(0x0A), "the file is not valid UTF-8: byte 0x0A here does not start or continue a character (is it saved as Latin-1 or another legacy encoding?); save it as UTF-8." },
        { ErrorMessages.NotFound("g/x.yaml"), "no file or folder at 'g/x.yaml'; check the path." },
        { ErrorMessages.NoYamlFiles("graphs"), "folder 'graphs' holds no *.yaml or *.yml files; add one or pass a file." },
        { ErrorMessages.CannotRead("g.yaml", "access denied"), "cannot read 'g.yaml': access denied" },
        { ErrorMessages.RootNotMapping("a list"), "a graph file must be a mapping with the keys affiliations, sources, claims and reports, not a list." },
        { ErrorMessages.KeyNotString("source 'rt'"), "a key in source 'rt' must be a plain string, not a list or mapping." },
        { ErrorMessages.HopNeitherSourceNorReport, "a citation needs 'source' (a source it cites) or 'report' (a report in the graph); add one." },
        { ErrorMessages.ChainTooLong(64), "this citation chain is more than 64 hops long, the limit (GraphLimits.MaxNestingDepth); shorten it." },
        { ErrorMessages.NoPrefix("$.entity", "zh"), "'zh' at $.entity has no prefix and the document declares no default namespace; write it as prefix:name." },
        { ErrorMessages.BlankElementId("$.entity", "_:b1"), "element id '_:b1' at $.entity is a blank node id; an entity, activity or agent needs a qualified name." },
        { ErrorMessages.MissingFormal("$.wasDerivedFrom._:d1", "prov:usedEntity"), "the relation at $.wasDerivedFrom._:d1 has no 'prov:usedEntity'; every relation of its type names it." },
        { ErrorMessages.ArticlesDirectoryNotFound("articles"), "the articles folder 'articles' does not exist; pass the folder that holds the article texts." },
        { ErrorMessages.ReportWithoutTitle("zh"), "report 'zh' has evidence or wording to check but no title to find its article by; give it the article's title." },
        { ErrorMessages.NoArticleForReport("zh"), "no article contains the title of report 'zh'; add the article's text to the folder or fix the title." },
        {
            ErrorMessages.TextNotInArticle("zh", "evidence", "zh~tass", "downed", "zh.txt"),
            "the evidence of 'zh~tass' for claim 'downed' does not occur in article 'zh.txt' of report 'zh'; copy it verbatim from the article."
        },
        {
            ErrorMessages.DotNotFoundAt("/opt/dot"),
            "Graphviz's dot was not found at '/opt/dot'; install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz), or fix GraphvizRendererOptions.DotPath."
        },
        {
            ErrorMessages.DotNotOnPath(),
            "Graphviz's dot was not found on PATH; install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz), or set GraphvizRendererOptions.DotPath."
        },
        {
            ErrorMessages.DotNotStarted("/opt/dot", "permission denied"),
            "Graphviz's dot at '/opt/dot' could not be started (permission denied); install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz), or set GraphvizRendererOptions.DotPath."
        },
    };

    [Theory]
    [MemberData(nameof(Sentences))]
    public void Message_IsTheCataloguedSentence(string actual, string expected)
    {
        Assert.Equal(expected, actual);
    }
}
