using System.Globalization;

namespace Provenance.Prov;

/// <summary>How an attribute value is typed in PROV.</summary>
internal enum ProvValueKind
{
    /// <summary>A plain string (<c>xsd:string</c>).</summary>
    String,

    /// <summary>A qualified name (<c>prov:QUALIFIED_NAME</c>), e.g. <c>'pv:Claim'</c>.</summary>
    QualifiedName,

    /// <summary>A URI (<c>xsd:anyURI</c>).</summary>
    AnyUri,
}

/// <summary>One attribute-value pair of a PROV record.</summary>
internal readonly record struct ProvAttribute(string Name, ProvValueKind Kind, string Value);

/// <summary>
/// One PROV record in the order and shape both writers use: its type (the PROV-JSON key and PROV-N keyword), its
/// identifier (null for a relation, which gets a blank id in PROV-JSON), its formal attributes in PROV-N order
/// (null values print as <c>-</c>) and its other attributes, sorted by name.
/// </summary>
internal sealed record ProvRecord(string Type, string? Id, (string Name, string? Value)[] Formal, ProvAttribute[] Attributes);

/// <summary>The PROV form of a citation graph: the mapping documented in the README's "W3C PROV" section.</summary>
internal static class ProvDocument
{
    public const string Pv = "pv";
    public const string SourcePrefix = "source";
    public const string ReportPrefix = "report";
    public const string ClaimPrefix = "claim";
    public const string AffiliationPrefix = "affiliation";

    /// <summary>The prefixes every document declares, sorted by prefix.</summary>
    public static readonly (string Prefix, string Uri)[] Prefixes =
    [
        (AffiliationPrefix, ProvVocabulary.AffiliationNamespace),
        (ClaimPrefix, ProvVocabulary.ClaimNamespace),
        (Pv, ProvVocabulary.Namespace),
        (ReportPrefix, ProvVocabulary.ReportNamespace),
        (SourcePrefix, ProvVocabulary.SourceNamespace),
    ];

    /// <summary>Record types in output order (ordinal, as PROV-JSON keys are written); relations get blank ids in this order.</summary>
    public static readonly string[] TypeOrder =
        ["actedOnBehalfOf", "agent", "entity", "wasAttributedTo", "wasDerivedFrom", "wasGeneratedBy", "wasInfluencedBy"];

    public static string Q(string prefix, string id) => prefix + ":" + ProvVocabulary.EscapeLocalName(id);

    /// <summary>
    /// The PROV-DM type of a source kind: organisations for agencies, outlets, broadcasters, government bodies and
    /// units; a person for a person; none for the rest (a social-media account or an anonymous source is neither).
    /// </summary>
    public static string? AgentType(SourceKind kind) => kind switch
    {
        SourceKind.Person => "prov:Person",
        SourceKind.NewsAgency or SourceKind.Outlet or SourceKind.Broadcaster or SourceKind.Government or SourceKind.MilitaryUnit => "prov:Organization",
        _ => null,
    };

    /// <summary>An xsd:dateTime in the form Python's <c>datetime.isoformat()</c> writes: seconds, a fraction only when non-zero, and the offset.</summary>
    public static string FormatTime(DateTimeOffset time)
    {
        var fraction = time.Ticks % TimeSpan.TicksPerSecond;
        var format = fraction == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : fraction % 10 == 0 ? "yyyy-MM-dd'T'HH:mm:ss.ffffff" : "yyyy-MM-dd'T'HH:mm:ss.fffffff";
        return time.ToString(format, CultureInfo.InvariantCulture) + time.ToString("zzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Lists the records of a graph, grouped by <see cref="TypeOrder"/>, each group in graph order.</summary>
    public static List<ProvRecord> Records(CitationGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var delegations = new List<ProvRecord>();
        var agents = new List<ProvRecord>();
        var entities = new List<ProvRecord>();
        var attributions = new List<ProvRecord>();
        var derivations = new List<ProvRecord>();
        var generations = new List<ProvRecord>();
        var influences = new List<ProvRecord>();

        foreach (var a in graph.Affiliations)
        {
            var attributes = new List<ProvAttribute>
            {
                new("prov:label", ProvValueKind.String, a.Name),
                new("prov:type", ProvValueKind.QualifiedName, "pv:Affiliation"),
            };
            if (a.Description is { } description)
            {
                attributes.Add(new("pv:description", ProvValueKind.String, description));
            }

            agents.Add(Element("agent", Q(AffiliationPrefix, a.Id), attributes));
        }

        foreach (var s in graph.Sources)
        {
            var attributes = new List<ProvAttribute>
            {
                new("prov:label", ProvValueKind.String, s.Name),
                new("pv:kind", ProvValueKind.String, ProvenanceNames.Of(s.Kind)),
            };
            if (AgentType(s.Kind) is { } type)
            {
                attributes.Add(new("prov:type", ProvValueKind.QualifiedName, type));
            }

            for (var i = 0; i < s.Aliases.Length; i++)
            {
                attributes.Add(new(AliasAttribute(i), ProvValueKind.String, s.Aliases[i]));
            }

            if (s.Country is { } country)
            {
                attributes.Add(new("pv:country", ProvValueKind.String, country));
            }

            if (s.Url is { } url)
            {
                attributes.Add(new("pv:url", ProvValueKind.AnyUri, url));
            }

            agents.Add(Element("agent", Q(SourcePrefix, s.Id), attributes));
            if (s.Affiliation is { } affiliation)
            {
                delegations.Add(Relation("actedOnBehalfOf", ("prov:delegate", Q(SourcePrefix, s.Id)), ("prov:responsible", Q(AffiliationPrefix, affiliation)), ("prov:activity", null)));
            }
        }

        foreach (var c in graph.Claims)
        {
            var attributes = new List<ProvAttribute>
            {
                new("prov:type", ProvValueKind.QualifiedName, "pv:Claim"),
                new("pv:text", ProvValueKind.String, c.Text),
            };
            for (var i = 0; i < c.Contradicts.Length; i++)
            {
                attributes.Add(new(ContradictsAttribute(i), ProvValueKind.QualifiedName, Q(ClaimPrefix, c.Contradicts[i])));
            }

            entities.Add(Element("entity", Q(ClaimPrefix, c.Id), attributes));
        }

        foreach (var r in graph.Reports)
        {
            var id = Q(ReportPrefix, r.Id);
            var attributes = new List<ProvAttribute>
            {
                new("prov:type", ProvValueKind.QualifiedName, r.IsImplicit ? "pv:ImplicitReport" : "pv:Report"),
                new("pv:kind", ProvValueKind.String, ProvenanceNames.Of(r.Kind)),
            };
            Optional(attributes, "prov:label", ProvValueKind.String, r.Title);
            Optional(attributes, "pv:url", ProvValueKind.AnyUri, r.Url);
            Optional(attributes, "pv:language", ProvValueKind.String, r.Language);
            Optional(attributes, "pv:citedIn", ProvValueKind.QualifiedName, r.CitedIn is null ? null : Q(ReportPrefix, r.CitedIn));
            entities.Add(Element("entity", id, attributes));
            attributions.Add(Relation("wasAttributedTo", ("prov:entity", id), ("prov:agent", Q(SourcePrefix, r.Source))));
            if (r.Published is { } published)
            {
                generations.Add(Relation("wasGeneratedBy", ("prov:entity", id), ("prov:activity", null), ("prov:time", FormatTime(published))));
            }
        }

        foreach (var a in graph.Assertions)
        {
            var attributes = new List<ProvAttribute>
            {
                new("prov:type", ProvValueKind.QualifiedName, "pv:Assertion"),
                new("pv:mode", ProvValueKind.String, ProvenanceNames.Of(a.Mode)),
            };
            Optional(attributes, "pv:wording", ProvValueKind.String, a.Wording);
            influences.Add(Relation("wasInfluencedBy", [("prov:influencee", Q(ReportPrefix, a.Report)), ("prov:influencer", Q(ClaimPrefix, a.Claim))], attributes));
        }

        foreach (var c in graph.Citations)
        {
            var attributes = new List<ProvAttribute>();
            if (c.Kind == CitationKind.DirectQuote)
            {
                attributes.Add(new("prov:type", ProvValueKind.QualifiedName, "prov:Quotation"));
            }

            if (graph.TryGetAssertion(c.To, c.Claim, out var cited) && cited.Mode == AssertionMode.FirstHand)
            {
                attributes.Add(new("prov:type", ProvValueKind.QualifiedName, "prov:PrimarySource"));
            }

            attributes.Add(new("pv:claim", ProvValueKind.QualifiedName, Q(ClaimPrefix, c.Claim)));
            Optional(attributes, "pv:evidence", ProvValueKind.String, c.Evidence);
            Optional(attributes, "pv:hedge", ProvValueKind.String, c.Hedge == Hedge.None ? null : ProvenanceNames.Of(c.Hedge));
            attributes.Add(new("pv:kind", ProvValueKind.String, ProvenanceNames.Of(c.Kind)));
            derivations.Add(Relation(
                "wasDerivedFrom",
                [("prov:generatedEntity", Q(ReportPrefix, c.From)), ("prov:usedEntity", Q(ReportPrefix, c.To)), ("prov:activity", null), ("prov:generation", null), ("prov:usage", null)],
                attributes));
        }

        return [.. delegations, .. agents, .. entities, .. attributions, .. derivations, .. generations, .. influences];
    }

    public static string AliasAttribute(int index) => "pv:alias_" + (index + 1).ToString(CultureInfo.InvariantCulture);

    public static string ContradictsAttribute(int index) => "pv:contradicts_" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static void Optional(List<ProvAttribute> attributes, string name, ProvValueKind kind, string? value)
    {
        if (value is not null)
        {
            attributes.Add(new(name, kind, value));
        }
    }

    private static ProvRecord Element(string type, string id, List<ProvAttribute> attributes) =>
        new(type, id, [], Sorted(attributes));

    private static ProvRecord Relation(string type, params (string Name, string? Value)[] formal) => new(type, null, formal, []);

    private static ProvRecord Relation(string type, (string Name, string? Value)[] formal, List<ProvAttribute> attributes) =>
        new(type, null, formal, Sorted(attributes));

    // Stable sort by name keeps multi-valued attributes (prov:type) in the order added.
    private static ProvAttribute[] Sorted(List<ProvAttribute> attributes) =>
        [.. attributes.OrderBy(a => a.Name, StringComparer.Ordinal)];
}
