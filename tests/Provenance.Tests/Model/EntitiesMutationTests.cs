using System.Collections.Immutable;

namespace Provenance.Tests.Model;

public class EntitiesMutationTests
{
    private static readonly Source Tass = new("tass", "TASS", SourceKind.NewsAgency)
    {
        Aliases = ["ТАСС", "ITAR-TASS"],
        Country = "RU",
        Affiliation = "ru-state",
        Url = "https://tass.com",
    };

    private static readonly Report Article = new("zh", "zerohedge", ReportKind.Article)
    {
        Title = "Mi-24 down",
        Published = new DateTimeOffset(2020, 11, 9, 13, 0, 0, TimeSpan.FromHours(-5)),
        Url = "https://zh.example/1",
        Language = "en",
        CitedIn = "other",
    };

    private static readonly Claim Downed = new("downed", "A Russian Mi-24 was shot down.") { Contradicts = ["landed", "intact"] };

    public static TheoryData<Source> SourcesDifferingInOneMember() =>
    [
        new Source("tas", "TASS", SourceKind.NewsAgency) { Aliases = Tass.Aliases, Country = "RU", Affiliation = "ru-state", Url = "https://tass.com" },
        new Source("tass", "TАSS", SourceKind.NewsAgency) { Aliases = Tass.Aliases, Country = "RU", Affiliation = "ru-state", Url = "https://tass.com" },
        Tass with { Kind = SourceKind.Outlet },
        Tass with { Country = "UA" },
        Tass with { Affiliation = null },
        Tass with { Url = "https://tass.ru" },
        Tass with { Aliases = ["ТАСС"] },
        Tass with { Aliases = ["ITAR-TASS", "ТАСС"] },
    ];

    [Fact]
    public void Source_EqualsACopyBuiltFromFreshValues_AndNotNull()
    {
        var copy = new Source("tass", "TASS", SourceKind.NewsAgency)
        {
            Aliases = ImmutableArray.Create("ТАСС", "ITAR-TASS"),
            Country = "RU",
            Affiliation = "ru-state",
            Url = "https://tass.com",
        };

        Assert.True(Tass.Equals(copy));
        Assert.Equal(Tass.GetHashCode(), copy.GetHashCode());
        Assert.False(Tass.Equals((Source?)null));
        Assert.False(Tass.Equals((object?)null));
    }

    [Theory]
    [MemberData(nameof(SourcesDifferingInOneMember))]
    public void Source_DifferingInOneMember_IsNotEqual(Source other)
    {
        Assert.False(Tass.Equals(other));
        Assert.False(other.Equals(Tass));
    }

    public static TheoryData<Report> ReportsDifferingInOneMember() =>
    [
        new Report("zh2", "zerohedge", ReportKind.Article) { Title = Article.Title, Published = Article.Published, Url = Article.Url, Language = "en", CitedIn = "other" },
        new Report("zh", "tass", ReportKind.Article) { Title = Article.Title, Published = Article.Published, Url = Article.Url, Language = "en", CitedIn = "other" },
        new Report("zh", "zerohedge", ReportKind.Post) { Title = Article.Title, Published = Article.Published, Url = Article.Url, Language = "en", CitedIn = "other" },
        Article with { Title = "Mi-24 landed" },
        Article with { Url = "https://zh.example/2" },
        Article with { Language = "ru" },
        Article with { CitedIn = null },
        Article with { Published = null },
        Article with { Published = Article.Published!.Value.AddMinutes(1) },
        Article with { Published = Article.Published!.Value.ToOffset(TimeSpan.Zero) },
    ];

    [Fact]
    public void Report_EqualsACopy_AndNotNull()
    {
        var copy = new Report("zh", "zerohedge", ReportKind.Article)
        {
            Title = "Mi-24 down",
            Published = new DateTimeOffset(2020, 11, 9, 18, 0, 0, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(-5)),
            Url = "https://zh.example/1",
            Language = "en",
            CitedIn = "other",
        };

        Assert.True(Article.Equals(copy));
        Assert.False(Article.Equals((Report?)null));
        Assert.True(new Report("a", "b", ReportKind.Other).Equals(new Report("a", "b", ReportKind.Other)));
    }

    [Theory]
    [MemberData(nameof(ReportsDifferingInOneMember))]
    public void Report_DifferingInOneMember_IsNotEqual(Report other)
    {
        Assert.False(Article.Equals(other));
        Assert.False(other.Equals(Article));
    }

    [Fact]
    public void Claim_EqualsACopy_AndNotNull_NorOneDifferingInOneMember()
    {
        Assert.True(Downed.Equals(new Claim("downed", "A Russian Mi-24 was shot down.") { Contradicts = ImmutableArray.Create("landed", "intact") }));
        Assert.False(Downed.Equals((Claim?)null));
        Assert.False(Downed.Equals(Downed with { Id = "down" }));
        Assert.False(Downed.Equals(Downed with { Text = "A Mi-24 was shot down." }));
        Assert.False(Downed.Equals(Downed with { Contradicts = ["landed"] }));
        Assert.False(Downed.Equals(Downed with { Contradicts = ["intact", "landed"] }));
        Assert.False(Downed.Equals(new Claim("downed", "A Russian Mi-24 was shot down.")));
    }

    [Fact]
    public void DefaultArrays_AreTakenAsEmpty()
    {
        var claim = new Claim("downed", "Shot down.") { Contradicts = default };
        Assert.False(claim.Contradicts.IsDefault);
        Assert.Empty(claim.Contradicts);
        Assert.Equal(new Claim("downed", "Shot down."), claim);
        Assert.False((claim with { Contradicts = default }).Contradicts.IsDefault);

        var source = new Source("tass", "TASS", SourceKind.NewsAgency) { Aliases = default };
        Assert.False(source.Aliases.IsDefault);
        Assert.Empty(source.Aliases);
        Assert.Equal(new Source("tass", "TASS", SourceKind.NewsAgency).GetHashCode(), source.GetHashCode());
    }

    [Theory]
    [InlineData("MaxFileBytes")]
    [InlineData("MaxNodes")]
    [InlineData("MaxCitations")]
    [InlineData("MaxAliasExpansion")]
    [InlineData("MaxNestingDepth")]
    [InlineData("MaxScalarLength")]
    public void GraphLimits_Validate_RejectsEachLimitAtZero_NamingIt(string limit)
    {
        var limits = new GraphLimits();
        typeof(GraphLimits).GetProperty(limit)!.SetValue(limits, limit == "MaxFileBytes" ? (object)0L : 0);

        var error = Assert.Throws<ArgumentOutOfRangeException>(limits.Validate);

        Assert.Equal(limit, error.ParamName);
        new GraphLimits().Validate();
    }

    [Fact]
    public void ProvenanceNames_Of_AnUndefinedValue_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ProvenanceNames.Of((SourceKind)9));
        Assert.Equal("value", error.ParamName);
        Assert.Equal((SourceKind)9, error.ActualValue);
        Assert.StartsWith("Not a defined value.", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ProvenanceNames.Of((Hedge)(-1)));
        Assert.Equal("other", ProvenanceNames.Of((SourceKind)8));
    }

    [Fact]
    public void ProvenanceNames_OfAnotherEnumeration_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ProvenanceNames.All<DayOfWeek>());
        Assert.Equal("TEnum", error.ParamName);
        Assert.Equal("DayOfWeek is not a Provenance enumeration. (Parameter 'TEnum')", error.Message);
        Assert.Throws<ArgumentException>(() => ProvenanceNames.Of(DayOfWeek.Monday));
    }

    [Fact]
    public void GraphValidationException_WithoutDiagnostics_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new GraphValidationException([]));
        Assert.Equal("diagnostics", error.ParamName);
        Assert.Equal("At least one diagnostic is required. (Parameter 'diagnostics')", error.Message);
    }
}
