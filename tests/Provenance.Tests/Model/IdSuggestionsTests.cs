namespace Provenance.Tests.Model;

public class IdSuggestionsTests
{
    [Theory]
    [InlineData("az-mistak", "az-mistake")]
    [InlineData("AZ-MISTAKE", "az-mistake")]
    [InlineData("tas", "tass")]
    [InlineData("helicopter-colour", null)]
    public void Closest_Typo_SuggestsTheNearestId(string wrong, string? expected)
    {
        Assert.Equal(expected, IdSuggestions.Closest(wrong, ["az-mistake", "az-apology", "tass", "rt"]));
    }

    [Fact]
    public void Closest_Tie_TakesTheOrdinallyFirst()
    {
        Assert.Equal("ab", IdSuggestions.Closest("aa", ["ac", "ab"]));
    }

    [Fact]
    public void Closest_NullArguments_ThrowNamingThem()
    {
        Assert.Equal("id", Assert.Throws<ArgumentNullException>(() => IdSuggestions.Closest(null!, [])).ParamName);
        Assert.Equal("known", Assert.Throws<ArgumentNullException>(() => IdSuggestions.Closest("x", null!)).ParamName);
    }
}
