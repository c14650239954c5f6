namespace Provenance.Tests.Model;

public class IdSuggestionsTests
{
    [Theory]
    [InlineData("az-mistak", "az-mistake")]
    [InlineData("AZ-MISTAKE", null)]
    [InlineData("Az-mistake", "az-mistake")]
    [InlineData("az-mistkae", "az-mistake")]
    [InlineData("tas", "tass")]
    [InlineData("helicopter-colour", null)]
    public void Closest_Typo_SuggestsTheNearestId(string wrong, string? expected)
    {
        Assert.Equal(expected, IdSuggestions.Closest(wrong, ["az-mistake", "az-apology", "tass", "rt"]));
    }

    /// <summary>Issue 13: a change of letter case costs an edit, as the docs say, so four changed letters are too many for four letters.</summary>
    [Theory]
    [InlineData("TASX", null)]
    [InlineData("TASS", null)]
    [InlineData("Tass", "tass")]
    [InlineData("tasx", "tass")]
    [InlineData("atss", "tass")]
    public void Closest_LetterCase_CountsAsAnEdit_Issue13(string wrong, string? expected)
    {
        Assert.Equal(expected, IdSuggestions.Closest(wrong, ["tass"]));
    }

    [Fact]
    public void Closest_WholeWordReplaced_SuggestsNothing()
    {
        Assert.Null(IdSuggestions.Closest("a", ["b"]));
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
