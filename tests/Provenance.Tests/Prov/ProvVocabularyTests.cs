using Provenance.Prov;

namespace Provenance.Tests.Prov;

public class ProvVocabularyTests
{
    [Theory]
    [InlineData("tass", "tass")]
    [InlineData("zh~tass~ru-mod", "zh%7Etass%7Eru-mod")]
    [InlineData("ns:x/y", "ns%3Ax%2Fy")]
    [InlineData("a.b.", "a.b%2E")]
    [InlineData("_1-x", "_1-x")]
    [InlineData("café", "caf%C3%A9")]
    [InlineData("🚁", "%F0%9F%9A%81")]
    public void EscapeLocalName_Id_PercentEncodesAllButSafeCharacters(string id, string expected)
    {
        Assert.Equal(expected, ProvVocabulary.EscapeLocalName(id));
        Assert.Equal(id, ProvVocabulary.UnescapeLocalName(expected));
    }

    [Theory]
    [InlineData("a%7")]
    [InlineData("a%zz")]
    [InlineData("%C3")]
    public void UnescapeLocalName_Malformed_ReturnsNull(string local)
    {
        Assert.Null(ProvVocabulary.UnescapeLocalName(local));
    }

    [Fact]
    public void EscapeLocalName_RandomIds_RoundTripAndUseOnlySafeCharacters()
    {
        const int seed = 4242;
        var random = new Random(seed);
        const string alphabet = "abcXYZ019_.-:/~";
        for (var i = 0; i < 2000; i++)
        {
            var id = new string([.. Enumerable.Range(0, random.Next(1, 20)).Select(_ => alphabet[random.Next(alphabet.Length)])]);

            var local = ProvVocabulary.EscapeLocalName(id);

            Assert.True(local.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' or '%') && !local.EndsWith('.'), $"seed {seed}, id '{id}': '{local}'");
            Assert.True(id == ProvVocabulary.UnescapeLocalName(local), $"seed {seed}, id '{id}': '{local}' does not decode back");
        }
    }
}
