namespace Provenance.Yaml;

/// <summary>
/// The keys of the YAML graph format, per kind of mapping, in the order the writer emits them. The reader
/// accepts exactly these; the JSON Schema's property names are tested against them.
/// </summary>
internal static class YamlKeys
{
    public const string Affiliations = "affiliations";
    public const string Sources = "sources";
    public const string Claims = "claims";
    public const string Reports = "reports";

    public const string Id = "id";
    public const string Name = "name";
    public const string Description = "description";
    public const string Kind = "kind";
    public const string Aliases = "aliases";
    public const string Country = "country";
    public const string Affiliation = "affiliation";
    public const string Url = "url";
    public const string Text = "text";
    public const string Contradicts = "contradicts";
    public const string Source = "source";
    public const string Title = "title";
    public const string Published = "published";
    public const string Language = "language";
    public const string CitedIn = "cited-in";
    public const string Assertions = "assertions";
    public const string Claim = "claim";
    public const string Mode = "mode";
    public const string Wording = "wording";
    public const string Via = "via";
    public const string Report = "report";
    public const string Hedge = "hedge";
    public const string Evidence = "evidence";
    public const string FirstHand = "first-hand";

    public static readonly string[] Graph = [Affiliations, Sources, Claims, Reports];

    public static readonly string[] AffiliationKeys = [Id, Name, Description];

    public static readonly string[] SourceKeys = [Id, Name, Kind, Aliases, Country, Affiliation, Url];

    public static readonly string[] ClaimKeys = [Id, Text, Contradicts];

    public static readonly string[] ReportKeys = [Id, Source, Kind, Title, Published, Url, Language, CitedIn, Assertions];

    public static readonly string[] AssertionKeys = [Claim, Mode, Wording, Via];

    public static readonly string[] HopKeys = [Source, Report, Kind, Hedge, Evidence, Wording, FirstHand, Via];

    /// <summary>Every kind of mapping by the name the JSON Schema gives its definition.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByDefinition = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["graph"] = Graph,
        ["affiliation"] = AffiliationKeys,
        ["source"] = SourceKeys,
        ["claim"] = ClaimKeys,
        ["report"] = ReportKeys,
        ["assertion"] = AssertionKeys,
        ["citation"] = HopKeys,
    };
}
