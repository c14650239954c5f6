using Provenance.Bulk;
using Provenance.Internal;
using Provenance.Yaml;

namespace Provenance.Tests.Internal;

/// <summary>
/// The shared value rules pinned at their edges: the date parser's shape checks at the end of the text, the bounds of
/// every date and time field and of the offset, the order of its reasons, the ends of the representable range, and the
/// did-you-mean's candidate limit, work budget, ties and transpositions. Tests written against the mutants that survived
/// (or were not reached in) the last mutation run of src/Provenance/Internal (tests/mutation-survivors/Internal.txt).
/// </summary>
public class ValueRulesMutationTests
{
    private const string Malformed = "is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00.";

    public static TheoryData<string> CutShort => new()
    {
        // Each ends where the parser still expects a character: reading on would run past the text.
        "2020-11-09T1",
        "2020-11-09T12",
        "2020-11-09T12:",
        "2020-11-09T12:3",
        "2020-11-09T12:30:",
        "2020-11-09T12:30:0",
        "2020-11-09T12:30+0",
        "2020-11-09T12:30+03",
        "2020-11-09T12:30+03:",
        "2020-11-09T12:30+03:0",
        "2020-11-09T12:30:00.",
    };

    [Theory]
    [MemberData(nameof(CutShort))]
    public void Parse_TextCutShort_IsMalformedNotAnException(string text)
    {
        Assert.Equal(DateProblem.Malformed, IsoDate.Parse(text, out var value, out var reason));
        Assert.Equal(default, value);
        Assert.Null(reason);
        Assert.False(IsoDate.TryParse(text, out _, out var error));
        Assert.Equal($"date '{text}' {Malformed}", error);
    }

    public static TheoryData<string> WrongSeparators => new()
    {
        "2020-11-09T12.30Z",
        "2020-11-09T12-30:00Z",
        "2020-11-09Tab:30Z",
        "2020-11-09T1a:30Z",
        "2020-11-09T12:30:0aZ",
        "2020-11-09T12:30+03-00",
        "2020-11-09T12:30+03.00",
        "2020-11-09T12:30+ab:00",
        "2020-11-09T12:30+0a:00",
        "2020-11-09T12:30+03:0a",
        "2020-1a-09T12:30Z",
        "2a20-11-09T12:30Z",
        "2020-11-0aT12:30Z",
    };

    [Theory]
    [MemberData(nameof(WrongSeparators))]
    public void Parse_NonDigitOrWrongSeparator_IsMalformed(string text)
    {
        Assert.Equal(DateProblem.Malformed, IsoDate.Parse(text, out _, out var reason));
        Assert.Null(reason);
    }

    [Fact]
    public void Parse_DateOfExactlyTenCharacters_LacksAnOffsetRatherThanBeingMalformed()
    {
        Assert.Equal(DateProblem.NoOffset, IsoDate.Parse("2020-11-09", out _, out _));
        Assert.Equal(DateProblem.Malformed, IsoDate.Parse("2020-11-9", out _, out _));
        Assert.False(IsoDate.TryParse("2020-11-09", out _, out var error));
        Assert.Equal("date '2020-11-09' has no UTC offset; write it with one, e.g. 2020-11-09T13:00:00+03:00 or 2020-11-09T10:00:00Z.", error);
    }

    [Theory]
    [InlineData("2020-11-09Z")]
    [InlineData("2020-11-09z")]
    [InlineData("2020-11-09+03:00")]
    [InlineData("2020-11-09T18:00:00.5")]
    [InlineData("2020-11-09T18:00")]
    public void Parse_DateWithoutTimeOrTimeWithoutOffset_HasNoOffset(string text)
    {
        Assert.Equal(DateProblem.NoOffset, IsoDate.Parse(text, out var value, out var reason));
        Assert.Equal(default, value);
        Assert.Null(reason);
    }

    [Fact]
    public void TryParse_ValidDate_GivesTheValueAndAnEmptyError()
    {
        Assert.True(IsoDate.TryParse("2020-11-09T18:00:00.5+03:00", out var value, out var error));
        Assert.Equal("", error);
        Assert.Equal(new DateTimeOffset(2020, 11, 9, 18, 0, 0, 500, TimeSpan.FromHours(3)), value);
        Assert.Equal("", IsoDate.Message("2020-11-09T18:00:00Z", DateProblem.None, null));
    }

    [Theory]
    [InlineData("2020-11-09T18:00:00+14:00", 14 * 60)]
    [InlineData("2020-11-09T18:00:00-14:00", -14 * 60)]
    [InlineData("2020-11-09T18:00:00+13:59", (13 * 60) + 59)]
    [InlineData("2020-11-09T18:00:00+00:59", 59)]
    [InlineData("2020-11-09T18:00:00-00:59", -59)]
    [InlineData("2020-11-09T18:00:00-05:30", -(5 * 60) - 30)]
    [InlineData("2020-11-09T18:00:00-00:00", 0)]
    public void Parse_OffsetUpToFourteenHours_IsKeptWithItsSign(string text, int minutes)
    {
        Assert.Equal(DateProblem.None, IsoDate.Parse(text, out var value, out var reason));
        Assert.Null(reason);
        Assert.Equal(TimeSpan.FromMinutes(minutes), value.Offset);
        Assert.Equal(new DateTime(2020, 11, 9, 18, 0, 0), value.DateTime);
    }

    [Theory]
    [InlineData("2020-11-09T18:00:00+14:01", "offset +14:01 is beyond ±14:00")]
    [InlineData("2020-11-09T18:00:00-14:01", "offset -14:01 is beyond ±14:00")]
    [InlineData("2020-11-09T18:00:00+15:00", "offset +15:00 is beyond ±14:00")]
    [InlineData("2020-11-09T18:00:00+00:60", "offset +00:60 is beyond ±14:00")]
    [InlineData("2020-11-09T18:00:00-13:60", "offset -13:60 is beyond ±14:00")]
    public void Parse_OffsetBeyondFourteenHours_IsImpossible(string text, string expected)
    {
        Assert.Equal(DateProblem.Impossible, IsoDate.Parse(text, out var value, out var reason));
        Assert.Equal(expected, reason);
        Assert.Equal(default, value);
        Assert.False(IsoDate.TryParse(text, out _, out var error));
        Assert.Equal($"date '{text}' does not exist: {expected}; fix it.", error);
    }

    [Theory]
    [InlineData("0000-01-01T00:00:00Z", "year 0 does not exist")]
    [InlineData("2020-00-01T00:00:00Z", "there is no month 0")]
    [InlineData("2020-13-01T00:00:00Z", "there is no month 13")]
    [InlineData("2020-11-00T00:00:00Z", "2020-11 has 30 days")]
    [InlineData("2020-11-31T00:00:00Z", "2020-11 has 30 days")]
    [InlineData("2021-02-29T00:00:00Z", "2021-02 has 28 days")]
    [InlineData("1900-02-29T00:00:00Z", "1900-02 has 28 days")]
    [InlineData("0099-02-30T00:00:00Z", "0099-02 has 28 days")]
    [InlineData("2020-11-09T24:00:00Z", "there is no hour 24")]
    [InlineData("2020-11-09T23:60:00Z", "there is no minute 60")]
    [InlineData("2020-11-09T23:59:60Z", "there is no second 60")]
    [InlineData("2020-11-09T23:59:99.5Z", "there is no second 99")]
    public void Parse_FieldOutOfRange_NamesTheFieldThatDoesNotExist(string text, string expected)
    {
        Assert.Equal(DateProblem.Impossible, IsoDate.Parse(text, out _, out var reason));
        Assert.Equal(expected, reason);
        Assert.False(IsoDate.TryParse(text, out _, out var error));
        Assert.Equal($"date '{text}' does not exist: {expected}; fix it.", error);
    }

    [Theory]
    [InlineData("2020-02-29T23:59:59Z")]
    [InlineData("2000-02-29T00:00:00Z")]
    [InlineData("2020-12-31T23:59:59.9999999Z")]
    [InlineData("2020-01-01T00:00:00Z")]
    [InlineData("0002-01-01T00:00:00Z")]
    public void Parse_LastAndFirstValueOfEachField_Exists(string text)
    {
        Assert.Equal(DateProblem.None, IsoDate.Parse(text, out var value, out var reason));
        Assert.Null(reason);
        Assert.Equal(text.Replace("Z", "+00:00", StringComparison.Ordinal), IsoDate.Format(value));
    }

    [Fact]
    public void Parse_ImpossibleDateWithAnImpossibleOffset_ReportsTheDate()
    {
        const string text = "2020-02-30T00:00:00+15:00";

        Assert.Equal(DateProblem.Impossible, IsoDate.Parse(text, out _, out var reason));
        Assert.Equal("2020-02 has 29 days", reason);
    }

    [Fact]
    public void Parse_RangeEnds_OneDayInsideDateTimeAreAcceptedAndNoTickBeyond()
    {
        Assert.Equal(DateProblem.None, IsoDate.Parse("0001-01-02T00:00:00Z", out var first, out _));
        Assert.Equal(DateTime.MinValue.AddDays(1).Ticks, first.UtcTicks);
        Assert.Equal(DateProblem.None, IsoDate.Parse("9999-12-30T23:59:59.9999999Z", out var last, out _));
        Assert.Equal(DateTime.MaxValue.AddDays(-1).Ticks, last.UtcTicks);

        // An offset moves the UTC instant the other way: east of Greenwich is earlier, west is later.
        Assert.Equal(DateProblem.None, IsoDate.Parse("0001-01-02T00:01:00+00:01", out var east, out _));
        Assert.Equal(DateTime.MinValue.AddDays(1).Ticks, east.UtcTicks);
        Assert.Equal(DateProblem.None, IsoDate.Parse("9999-12-30T23:58:59.9999999-00:01", out var west, out _));
        Assert.Equal(DateTime.MaxValue.AddDays(-1).Ticks, west.UtcTicks);
    }

    [Theory]
    [InlineData("0001-01-02T00:00:00+00:01")]
    [InlineData("0001-01-01T23:59:59.9999999Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-30T23:59:59.9999999-00:01")]
    [InlineData("9999-12-31T00:00:00Z")]
    [InlineData("9999-12-31T23:00:00-14:00")]
    public void Parse_BeyondTheRangeEnds_IsOutOfRange(string text)
    {
        Assert.Equal(DateProblem.Impossible, IsoDate.Parse(text, out var value, out var reason));
        Assert.Equal("it is out of range", reason);
        Assert.Equal(default, value);
        Assert.False(IsoDate.TryParse(text, out _, out var error));
        Assert.Equal($"date '{text}' does not exist: it is out of range; fix it.", error);
    }

    [Fact]
    public void Parse_YearOne_IsAYearThatExists()
    {
        Assert.Equal(DateProblem.None, IsoDate.Parse("0001-06-15T12:00:00Z", out var value, out var reason));
        Assert.Null(reason);
        Assert.Equal(1, value.Year);
    }

    [Theory]
    [InlineData("2020-11-09T24:00:00Z", "does not exist: there is no hour 24; fix it.")]
    [InlineData("0001-01-01T00:00:00Z", "does not exist: it is out of range; fix it.")]
    [InlineData("2020-11-09T18:00+03", "is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00.")]
    [InlineData("2020-11-09", "has no UTC offset; write it with one, e.g. 2020-11-09T13:00:00+03:00 or 2020-11-09T10:00:00Z.")]
    public void Load_EdgeDate_SameMessageAtThePublishedValueInYamlAndJsonLines(string date, string problem)
    {
        var yaml = $"""
            sources:
              - id: rt
                name: RT
                kind: broadcaster
            reports:
              - id: r1
                source: rt
                kind: article
                published: {date}

            """;
        var jsonLines = $$"""
            {"type":"provenance","version":1}
            {"type":"source","id":"rt","name":"RT","kind":"broadcaster"}
            {"type":"report","id":"r1","source":"rt","kind":"article","published":"{{date}}"}

            """;

        var fromYaml = Assert.Single(Assert.Throws<GraphValidationException>(() => ProvenanceYaml.Parse(yaml, "g.yaml")).Diagnostics);
        var fromJsonLines = Assert.Single(Assert.Throws<GraphValidationException>(() => ProvenanceJsonLines.Parse(jsonLines, "g.jsonl")).Diagnostics);

        Assert.Equal(new GraphDiagnostic(new SourceLocation("g.yaml", 9, 16), "invalid-date", $"date '{date}' {problem}"), fromYaml);
        Assert.Equal(new GraphDiagnostic(new SourceLocation("g.jsonl", 3, 71), "invalid-date", $"date '{date}' {problem}"), fromJsonLines);
    }

    [Fact]
    public void FieldLocations_FromNoLocation_IsNoLocations()
    {
        Assert.Null(FieldLocations.From(null));

        var at = new SourceLocation("g.yaml", 3, 5);
        var locations = FieldLocations.From(at);
        Assert.NotNull(locations);
        Assert.Equal(at, locations.Element);
        Assert.Equal(at, locations.Of("name"));
        Assert.Equal(new SourceLocation("g.yaml", 4, 7), locations.Set("name", new SourceLocation("g.yaml", 4, 7)).Of("name"));
        Assert.Equal(at, locations.Of("kind"));
    }

    [Fact]
    public void Suggest_TheLastCandidateLookedAt_IsThe100000th()
    {
        Assert.Equal(100_000, Ids.SuggestionCandidates);

        // Names far shorter than the typo are skipped without work, so only the last candidate is ever measured.
        var atTheLimit = Enumerable.Repeat("x", Ids.SuggestionCandidates - 1).Append("abcdeg");
        var pastTheLimit = Enumerable.Repeat("x", Ids.SuggestionCandidates).Append("abcdeg");

        Assert.Equal("abcdeg", Ids.Suggest("abcdef", atTheLimit));
        Assert.Null(Ids.Suggest("abcdef", pastTheLimit));
    }

    [Fact]
    public void Suggest_WorkSpent_IsOneCellPerPairOfPrefixes()
    {
        var cells = 1000L;

        Assert.Equal("abcdeg", Ids.Suggest("abcdef", ["abcdeg"], ref cells));
        Assert.Equal(1000 - (7 * 7), cells);

        cells = 1000L;
        Assert.Equal("abcdefg", Ids.Suggest("abcdef", ["abcdefg"], ref cells));
        Assert.Equal(1000 - (7 * 8), cells);

        cells = 1000L;
        Assert.Equal("abcde", Ids.Suggest("abcdef", ["abcde", "abcdefgh", "a"], ref cells));
        Assert.Equal(1000 - (7 * 6) - (7 * 9), cells);
    }

    [Fact]
    public void Suggest_NameTooMuchLongerOrShorter_CostsNoWork()
    {
        var cells = 1000L;

        Assert.Null(Ids.Suggest("abc", ["abcdefghijkl", "abcdef", ""], ref cells));
        Assert.Equal(1000, cells);
    }

    [Fact]
    public void Suggest_BudgetJustEnough_StillSuggests()
    {
        var cells = 49L;

        Assert.Equal("abcdeg", Ids.Suggest("abcdef", ["abcdeg"], ref cells));
        Assert.Equal(0, cells);
    }

    [Fact]
    public void Suggest_BudgetOneCellShort_SuggestsNothingAndLeavesNoBudget()
    {
        var cells = 48L;

        Assert.Null(Ids.Suggest("abcdef", ["abcdeg"], ref cells));
        Assert.Equal(0, cells);

        // Once spent, even an exact match is not looked for.
        Assert.Null(Ids.Suggest("abcdef", ["abcdeg"], ref cells));
        Assert.Equal(0, cells);
    }

    [Fact]
    public void Suggest_BudgetRunsOutMidway_SuggestsNothingEvenIfAnEarlierNameMatched()
    {
        var cells = 60L;

        Assert.Null(Ids.Suggest("abcdef", ["abcdeg", "abcdeh"], ref cells));
        Assert.Equal(0, cells);
    }

    [Theory]
    [InlineData(new[] { "bat", "cap" }, "bat")]
    [InlineData(new[] { "cap", "bat" }, "bat")]
    [InlineData(new[] { "cap", "bat", "cab" }, "bat")]
    [InlineData(new[] { "cut", "cap", "cot" }, "cap")]
    public void Suggest_Tie_GoesToTheOrdinallyFirstName(string[] known, string expected)
    {
        Assert.Equal(expected, Ids.Suggest("cat", known));
    }

    [Fact]
    public void Suggest_TieBetweenEqualNames_KeepsTheFirst()
    {
        var first = new string("outlet".AsSpan());
        var second = new string("outlet".AsSpan());
        Assert.NotSame(first, second);

        Assert.Same(first, Ids.Suggest("outlt", [first, second]));
        Assert.Same(second, Ids.Suggest("outlt", [second, first]));
    }

    [Fact]
    public void Suggest_CloserNameLater_Wins()
    {
        Assert.Equal("abcdef", Ids.Suggest("abcdef", ["abcdxy", "abcdeg", "abcdef", "abcdeh"]));
        Assert.Equal("abcdeg", Ids.Suggest("abcdefg", ["abcxyzg", "abcdeg"]));
    }

    [Fact]
    public void Suggest_Transposition_IsOneEditNotLess()
    {
        // "abcdfe" is one swap from "abcdef" and "abcdeg" one substitution: a tie, so the ordinally first wins.
        Assert.Equal("abcdeg", Ids.Suggest("abcdef", ["abcdfe", "abcdeg"]));
        Assert.Equal("abcdeg", Ids.Suggest("abcdef", ["abcdeg", "abcdfe"]));
        Assert.Equal("bacdef", Ids.Suggest("abcdef", ["bacdef", "bbcdef"]));
        Assert.Equal("ba", Ids.Suggest("ab", ["ba"]));
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("a", "A")]
    [InlineData("a", "")]
    [InlineData("", "x")]
    public void Suggest_DistanceAsLongAsTheName_IsNoSuggestion(string wrong, string known)
    {
        var cells = 1000L;

        Assert.Null(Ids.Suggest(wrong, [known], ref cells));
        Assert.Equal(1000 - ((wrong.Length + 1) * (known.Length + 1)), cells);
    }

    [Theory]
    [InlineData("ab", "ax", "ax")]
    [InlineData("abcdefghi", "abcxyzghi", "abcxyzghi")]
    [InlineData("abcdefghi", "abwxyzghi", null)]
    [InlineData("abcdefgh", "abcxyfgh", "abcxyfgh")]
    [InlineData("abcdefgh", "abcxyzgh", null)]
    public void Suggest_AtMostAThirdOfTheLength_IsAcceptedAndOneMoreIsNot(string wrong, string known, string? expected)
    {
        Assert.Equal(expected, Ids.Suggest(wrong, [known]));
    }
}
