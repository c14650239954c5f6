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

    /// <summary>
    /// The closest of a few valid names (keys or enumeration values) to a misspelt one, counting a swap of two
    /// neighbouring letters as one edit (<c>nmae</c> is one edit from <c>name</c>); <see langword="null"/> when none is close.
    /// </summary>
    public static string? Suggest(string wrong, IEnumerable<string> valid)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var budget = Math.Max(2, wrong.Length / 3);
        var lower = wrong.ToLowerInvariant();
        foreach (var candidate in valid)
        {
            // The distance is at least the difference in length, so a far longer value (a hostile 1,000,000-character
            // key) is skipped without filling its table.
            if (Math.Abs(candidate.Length - wrong.Length) > budget)
            {
                continue;
            }

            var d = Distance(lower, candidate);
            if (d < bestDistance)
            {
                (best, bestDistance) = (candidate, d);
            }
        }

        return bestDistance <= budget && bestDistance < wrong.Length ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
