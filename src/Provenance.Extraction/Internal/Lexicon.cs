namespace Provenance.Extraction.Internal;

/// <summary>Hand-written word lists: reporting verbs and phrases, hedges, anonymous sources, pronouns.</summary>
internal static class Lexicon
{
    /// <summary>Reporting verbs in their inflected forms, lower case.</summary>
    public static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "saying", "told", "tell", "tells", "telling", "added", "adds", "adding", "wrote", "writes",
        "write", "writing", "asked", "asks", "ask", "noted", "notes", "noting", "reported", "reports", "reporting",
        "announced", "announces", "announcing", "suggested", "suggests", "argued", "argues", "arguing", "claimed",
        "claims", "claiming", "confirmed", "confirms", "confirming", "stated", "states", "stating", "declared",
        "declares", "explained", "explains", "acknowledged", "acknowledges", "insisted", "insists", "warned", "warns",
        "tweeted", "tweets", "posted", "continued", "recalled", "denied", "denies", "admitted", "admits", "replied",
        "responded", "predicted", "believes", "believe", "believed", "thinks", "think", "thought", "according",
        "citing", "cited", "cites", "quoted", "quoting", "alleged", "alleges", "alleging", "accused", "accuses",
        "described", "describes", "called", "calls", "calling", "urged", "urges", "promised", "promises", "vowed",
        "vows", "pointed", "emphasized", "stressed", "indicated", "indicates", "revealed", "reveals", "showed",
        "shows", "show", "found", "finds", "estimated", "estimates", "concluded", "contended", "complained",
        "criticized", "praised", "defended", "agreed", "agrees", "disputed", "questioned", "wondered", "hoped",
        "hopes", "expects", "expected", "wants", "wanted", "want", "feels", "felt", "knows", "knew", "know",
        "argue", "suggest", "claim", "deny", "admit", "insist", "warn", "announce", "confirm", "declined", "refused",
        "reportedly", "allegedly", "purportedly", "apparently", "quipped", "joked", "mused", "boasted", "charged",
        "countered", "observed", "remarked", "told", "informed", "speculated", "assured", "maintained", "maintains",
        "signaled", "hinted", "implied", "conceded", "concedes", "testified", "reiterated", "repeated", "echoed",
        "blasted", "slammed", "attacked", "mocked", "dismissed", "rejected", "endorsed", "supported", "opposed",
    };

    /// <summary>Hedge words and the hedge label they give.</summary>
    public static readonly Dictionary<string, string> Hedges = new(StringComparer.Ordinal)
    {
        ["reportedly"] = "reportedly",
        ["unconfirmed"] = "unconfirmed",
        ["alleged"] = "alleged",
        ["allegedly"] = "alleged",
        ["purported"] = "purported",
        ["purportedly"] = "purported",
        ["apparently"] = "apparently",
        ["unverified"] = "unconfirmed",
        ["rumored"] = "unconfirmed",
        ["rumoured"] = "unconfirmed",
        ["supposedly"] = "purported",
    };

    /// <summary>Heads of noun phrases that name no one: "Russian sources", "early reports", "locals".</summary>
    public static readonly HashSet<string> AnonymousHeads = new(StringComparer.Ordinal)
    {
        "sources", "source", "reports", "report", "locals", "residents", "witnesses", "eyewitnesses", "officials",
        "observers", "experts", "analysts", "media", "insiders", "people", "users", "accounts", "bloggers",
        "footage", "videos", "video", "rumors", "rumours", "sites", "channels", "outlets",
    };

    public static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "its",
    };

    public static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
    };
}
