namespace Provenance.Internal;

/// <summary>Every validation message, in one place so their wording stays consistent.</summary>
internal static class ErrorMessages
{
    public static string MalformedId(string what, string? id) => string.IsNullOrEmpty(id)
        ? $"{what} id is empty; give it an id of letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_'."
        : $"{what} id '{id}' is malformed; use letters, digits, '_', '.', '-', ':' or '/' starting with a letter, digit or '_' (at most {Ids.MaxLength} characters).";

    public static string DuplicateId(string what, string id, SourceLocation? first) => first is { } at
        ? $"duplicate {what} id '{id}'; it is already defined at {at}."
        : $"duplicate {what} id '{id}'; each {what} needs its own id.";

    public static string UnknownReference(string what, string id, string? suggestion) => suggestion is null
        ? $"unknown {what} '{id}'; define it or fix the reference."
        : $"unknown {what} '{id}'; did you mean '{suggestion}'?";

    public static string Empty(string what, string field) => $"{what} has an empty '{field}'; give it a value.";

    public static string SelfCitation(string report, string claim) =>
        $"report '{report}' cites itself for claim '{claim}'; a citation must point to another report or source.";

    public static string SelfContradiction(string claim) => $"claim '{claim}' contradicts itself; remove it from its own 'contradicts' list.";

    public static string DuplicateAssertion(string report, string claim) =>
        $"report '{report}' asserts claim '{claim}' more than once; merge the two assertions.";

    public static string DuplicateCitation(string from, string to, string claim) =>
        $"report '{from}' cites '{to}' for claim '{claim}' more than once; keep one citation.";

    public static string AttributedWithoutCitation(string report, string claim) =>
        $"report '{report}' asserts claim '{claim}' as attributed but cites nothing for it; add a citation or use mode 'unattributed'.";

    public static string CitationContradictsMode(string report, string claim, string mode) =>
        $"report '{report}' asserts claim '{claim}' as {mode} but also cites a source for it; use mode 'attributed'.";

    public static string UnknownModeOnExplicit(string report, string claim) =>
        $"report '{report}' asserts claim '{claim}' with mode 'unknown', which only implicit reports may have; use 'first-hand', 'attributed' or 'unattributed'.";

    public static string CitedReportDoesNotAssert(string to, string claim, string from) =>
        $"report '{from}' cites report '{to}' for claim '{claim}', but '{to}' does not assert that claim; add the assertion to '{to}'.";

    public static string ImplicitCitedInImplicit(string report, string citedIn) =>
        $"implicit report '{report}' is cited in '{citedIn}', which is itself implicit; name the explicit report whose text cites it.";

    public static string Timeline(string from, DateTimeOffset fromTime, string to, DateTimeOffset toTime) =>
        $"report '{from}' (published {fromTime:yyyy-MM-dd'T'HH:mm:sszzz}) cites report '{to}', published later ({toTime:yyyy-MM-dd'T'HH:mm:sszzz}); fix one of the dates or the citation.";

    public static string TooManyNodes(int limit) => $"the graph has more than {limit} nodes, the limit; raise GraphLimits.MaxNodes to load it.";

    public static string TooManyCitations(int limit) => $"the graph has more than {limit} citations, the limit; raise GraphLimits.MaxCitations to load it.";

    public static string ArticlesDirectoryNotFound(string path) => $"the articles folder '{path}' does not exist; pass the folder that holds the article texts.";

    public static string ReportWithoutTitle(string report) =>
        $"report '{report}' has evidence or wording to check but no title to find its article by; give it the article's title.";

    public static string NoArticleForReport(string report) =>
        $"no article contains the title of report '{report}'; add the article's text to the folder or fix the title.";

    public static string SeveralArticlesForReport(string report, IEnumerable<string> articles) =>
        $"the title of report '{report}' occurs in several articles ({string.Join(", ", articles)}); make the title specific enough to match one.";

    public static string TextNotInArticle(string report, string field, string holder, string claim, string article) =>
        $"the {field} of '{holder}' for claim '{claim}' does not occur in article '{article}' of report '{report}'; copy it verbatim from the article.";
}
