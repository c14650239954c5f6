namespace Provenance.Internal;

/// <summary>
/// The code of every kind of problem (<see cref="GraphDiagnostic.Code"/>), in one place: each format reports the same
/// kind of problem with the same code and the same message from <see cref="ErrorMessages"/>.
/// </summary>
internal static class DiagnosticCodes
{
    public const string Syntax = "syntax";
    public const string Encoding = "encoding";
    public const string Limit = "limit";
    public const string Io = "io";
    public const string NotFound = "not-found";
    public const string WrongType = "wrong-type";
    public const string UnknownType = "unknown-type";
    public const string UnknownField = "unknown-field";
    public const string DuplicateKey = "duplicate-key";
    public const string MissingField = "missing-field";
    public const string UnknownEnum = "unknown-enum";
    public const string InvalidDate = "invalid-date";
    public const string MalformedId = "malformed-id";
    public const string DuplicateId = "duplicate-id";
    public const string UnknownReference = "unknown-reference";
    public const string TooManyProblems = "too-many-problems";

    // The YAML format's own.
    public const string MultipleDocuments = "multiple-documents";
    public const string UnknownAnchor = "unknown-anchor";
    public const string InvalidCitation = "invalid-citation";

    // The JSON Lines format's own.
    public const string Header = "header";
    public const string MissingHeader = "missing-header";
    public const string BadVersion = "bad-version";

    // PROV-JSON's own.
    public const string Structure = "structure";
    public const string UnknownPrefix = "unknown-prefix";
}

/// <summary>
/// Every message of the library's loaders and validation, in one place so their wording stays consistent: YAML, JSON
/// Lines, PROV-JSON and the builder word the same problem with the same sentence.
/// </summary>
internal static class ErrorMessages
{
    /// <summary>How messages name an element: <c>source 'tass'</c>, or <c>a source</c> when its id is not known.</summary>
    public static string Element(string what, string? id) =>
        !string.IsNullOrEmpty(id) ? $"{what} '{id}'" : $"{(what.Length > 0 && "aeiou".Contains(what[0], StringComparison.Ordinal) ? "an" : "a")} {what}";

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

    // YAML loading (Provenance.Yaml).
    public const string MultipleDocuments =
        "a graph file holds one YAML document, but this file has another after '---'; split it into separate files.";

    public static string Syntax(string parserMessage) =>
        $"invalid YAML: {(parserMessage.Length > 0 ? char.ToLowerInvariant(parserMessage[0]) + parserMessage[1..] : "").TrimEnd('.')}; fix the syntax at this position.";

    public const string ParserGaveUp = "the parser cannot read on from here";

    public static string AliasExpansion(int factor) =>
        $"aliases in this file expand to more than {factor} times the nodes it spells out (GraphLimits.MaxAliasExpansion); write the values out instead of nesting aliases.";

    public static string TooDeep(int limit) =>
        $"the input is nested more than {limit} levels deep, the limit (GraphLimits.MaxNestingDepth); flatten it.";

    public static string ScalarTooLong(int limit) =>
        $"this value is longer than {limit} characters, the limit (GraphLimits.MaxScalarLength); shorten it.";

    public static string FileTooLarge(long limit) =>
        $"the file is larger than {limit} bytes, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.";

    public static string TextTooLarge(long limit) =>
        $"the text is longer than {limit} characters, the limit (GraphLimits.MaxFileBytes); split it or raise the limit.";

    public static string UnknownAnchor(string anchor) =>
        $"alias '*{anchor}' refers to no complete anchor before it; define '&{anchor}' earlier.";

    public static string NotUtf8(byte value) =>
        $"the file is not valid UTF-8: byte 0x{value:X2} here does not start or continue a character (is it saved as Latin-1 or another legacy encoding?); save it as UTF-8.";

    public static string NotFound(string path) => $"no file or folder at '{path}'; check the path.";

    public static string NoYamlFiles(string folder) => $"folder '{folder}' holds no *.yaml or *.yml files; add one or pass a file.";

    public static string CannotRead(string path, string reason) => $"cannot read '{path}': {reason}";

    public static string WrongType(string field, string expected, string actual) =>
        $"'{field}' must be {expected}, not {actual}.";

    public static string WrongItemType(string list, string expected, string actual) =>
        $"an item of '{list}' must be {expected}, not {actual}.";

    /// <summary>How <see cref="WrongType"/> names what a JSON token is, in the words the YAML messages use.</summary>
    public static string Describe(System.Text.Json.JsonTokenType token) => token switch
    {
        System.Text.Json.JsonTokenType.StartArray => "a list",
        System.Text.Json.JsonTokenType.StartObject => "a mapping",
        System.Text.Json.JsonTokenType.String => "a string",
        System.Text.Json.JsonTokenType.Number => "a number",
        System.Text.Json.JsonTokenType.True or System.Text.Json.JsonTokenType.False => "a boolean",
        _ => "empty",
    };

    /// <summary>How messages name each model enumeration's values.</summary>
    public static string EnumNoun<TEnum>()
        where TEnum : struct, Enum => typeof(TEnum).Name switch
        {
            nameof(SourceKind) => "source kind",
            nameof(ReportKind) => "report kind",
            nameof(AssertionMode) => "assertion mode",
            nameof(CitationKind) => "citation kind",
            nameof(Hedge) => "hedge",
            _ => typeof(TEnum).Name,
        };

    public static string UnknownRecordType(string type, string? suggestion, string valid) => suggestion is null
        ? $"unknown record type '{type}'; use one of {valid}."
        : $"unknown record type '{type}'; did you mean '{suggestion}'?";

    public static string UndefinedEnum(string element, string field, int value) =>
        $"{element} has an undefined {field} {value}; use a defined value.";

    public static string TooManyProblems(int count) => $"stopped after {count} problems; fix these and load again.";

    public static string RootNotMapping(string actual) =>
        $"a graph file must be a mapping with the keys affiliations, sources, claims and reports, not {actual}.";

    public static string KeyNotString(string where) => $"a key in {where} must be a plain string, not a list or mapping.";

    public static string DuplicateKey(string key, string where, SourceLocation? first) => first is null
        ? $"'{key}' is given twice in {where}; keep one."
        : $"'{key}' is given twice in {where}; the first is at {first}; keep one.";

    public static string MissingField(string where, string field) => $"{where} has no '{field}'; add it.";

    public static string MissingMode(string where, string claim) =>
        $"the assertion of claim '{claim}' in {where} has neither 'mode' nor 'via'; add mode first-hand or unattributed, or the citations under 'via'.";

    public static string UnknownField(string key, string where, string? suggestion, IEnumerable<string> valid) => suggestion is null
        ? $"unknown field '{key}' in {where}; valid fields are {string.Join(", ", valid)}."
        : $"unknown field '{key}' in {where}; did you mean '{suggestion}'?";

    public static string UnknownEnumValue(string what, string value, string? suggestion, IEnumerable<string> valid) => suggestion is null
        ? $"unknown {what} '{value}'; use one of {string.Join(", ", valid)}."
        : $"unknown {what} '{value}'; did you mean '{suggestion}'? Use one of {string.Join(", ", valid)}.";

    public static string NotBoolean(string field, string value) => $"'{field}' must be true or false, not '{value}'.";

    public static string DateWithoutOffset(string value) =>
        $"date '{value}' has no UTC offset; write it with one, e.g. 2020-11-09T13:00:00+03:00 or 2020-11-09T10:00:00Z.";

    public static string DateMalformed(string value) =>
        $"date '{value}' is not an ISO 8601 date and time; write it as e.g. 2020-11-09T13:00:00+03:00.";

    public static string DateImpossible(string value, string reason) => $"date '{value}' does not exist: {reason}; fix it.";

    public static string HopSourceAndReport => "a citation has both 'source' and 'report'; keep one.";

    public static string HopNeitherSourceNorReport => "a citation needs 'source' (a source it cites) or 'report' (a report in the graph); add one.";

    public static string ViaUnderReportHop(string report) =>
        $"a citation of report '{report}' cannot have its own 'via'; put that chain in the assertions of '{report}'.";

    public static string FieldOnReportHop(string field, string report) =>
        $"'{field}' is only allowed on a citation of a source, not on the citation of report '{report}'; put it in the assertions of '{report}'.";

    public static string FirstHandNotLast(string source) =>
        $"'first-hand: true' is only allowed on the last hop of a chain, but the citation of '{source}' has its own 'via'; move it to the last hop or drop the 'via'.";

    public static string ChainTooLong(int limit) =>
        $"this citation chain is more than {limit} hops long, the limit (GraphLimits.MaxNestingDepth); shorten it.";

    // JSON Lines loading (Provenance.Bulk).
    public const string JsonLinesTypes = "affiliation, source, claim, report, assertion or citation";

    public const string JsonLinesHeader = "the first record must be the header {\"type\":\"provenance\",\"version\":1}; add it as line 1.";

    public static string InvalidJsonLine(string detail) => $"the line is not valid JSON ({detail}); write one JSON object per line.";

    public const string TruncatedRecord = "the record ends before its JSON object is complete (a truncated line?); finish the object or remove the line.";

    public const string RecordNotAnObject = "a record must be a JSON object on one line, like {\"type\":\"source\",...}.";

    public const string TrailingContent = "a line holds exactly one record; move what follows the object to its own line.";

    public const string LineNotUtf8 = "the line is not valid UTF-8; save the file as UTF-8.";

    public static string LineTooLong(long limit) =>
        $"the line is longer than {limit} bytes, the limit; raise GraphLimits.MaxScalarLength or split the record.";

    public static string NoRecordType() => $"the record has no 'type'; add \"type\" with one of {JsonLinesTypes}.";

    public static string BadVersion() => "the header's 'version' must be 1, the only version this library reads.";

    public static string HeaderNotFirst() => "the header record may only be the first record; remove this line.";

    // PROV-JSON import (Provenance.Prov).
    public const string ProvRecordTypes = "entity, activity, agent, a relation such as wasDerivedFrom, prefix or bundle";

    public static string NotJson(string reason, string path) =>
        $"the file is not valid JSON at {path}: {reason}; fix the syntax.";

    public static string ProvWrongType(string path, string expected, string actual) =>
        $"expected {expected} at {path}, found {actual}.";

    public static string UnknownPrefix(string path, string name, string prefix) =>
        $"'{name}' at {path} uses the prefix '{prefix}', which is not declared; declare it under \"prefix\".";

    public static string NoPrefix(string path, string name) =>
        $"'{name}' at {path} has no prefix and the document declares no default namespace; write it as prefix:name.";

    public const string ProvElement = "entity, activity or agent";

    public static string BlankElementId(string path, string id) =>
        $"element id '{id}' at {path} is a blank node id; an entity, activity or agent needs a qualified name.";

    public static string MissingFormal(string path, string attribute) =>
        $"the relation at {path} has no '{attribute}'; every relation of its type names it.";

    // Evidence checking (Provenance.Verification).
    public static string ArticlesDirectoryNotFound(string path) => $"the articles folder '{path}' does not exist; pass the folder that holds the article texts.";

    public static string ReportWithoutTitle(string report) =>
        $"report '{report}' has evidence or wording to check but no title to find its article by; give it the article's title.";

    public static string NoArticleForReport(string report) =>
        $"no article contains the title of report '{report}'; add the article's text to the folder or fix the title.";

    public static string SeveralArticlesForReport(string report, IEnumerable<string> articles) =>
        $"the title of report '{report}' occurs in several articles ({string.Join(", ", articles)}); make the title specific enough to match one.";

    public static string TextNotInArticle(string report, string field, string holder, string claim, string article) =>
        $"the {field} of '{holder}' for claim '{claim}' does not occur in article '{article}' of report '{report}'; copy it verbatim from the article.";

    public const string InstallGraphviz = "install Graphviz (apt-get install graphviz / brew install graphviz / choco install graphviz)";

    public static string DotNotFoundAt(string path) => $"Graphviz's dot was not found at '{path}'; {InstallGraphviz}, or fix GraphvizRendererOptions.DotPath.";

    public static string DotNotOnPath() => $"Graphviz's dot was not found on PATH; {InstallGraphviz}, or set GraphvizRendererOptions.DotPath.";

    public static string DotNotStarted(string path, string reason) =>
        $"Graphviz's dot at '{path}' could not be started ({reason}); {InstallGraphviz}, or set GraphvizRendererOptions.DotPath.";

    public static string DotTimedOut(TimeSpan timeout) =>
        $"Graphviz's dot did not finish within {timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s and was stopped; draw a smaller view or raise GraphvizRendererOptions.Timeout.";

    public static string DotFailed(int exitCode, string errors) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Graphviz's dot failed with exit code {exitCode}: ")
        + (errors.Length == 0 ? "it wrote no error message." : errors);
}
