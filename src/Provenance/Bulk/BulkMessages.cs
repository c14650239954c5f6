namespace Provenance.Bulk;

/// <summary>Every message of the JSON Lines reader, in one place so their wording stays consistent.</summary>
internal static class BulkMessages
{
    public const string Types = "affiliation, source, claim, report, assertion or citation";

    public const string Header = "the first record must be the header {\"type\":\"provenance\",\"version\":1}; add it as line 1.";

    public static string InvalidJson(string detail) => $"the line is not valid JSON ({detail}); write one JSON object per line.";

    public const string Truncated = "the record ends before its JSON object is complete (a truncated line?); finish the object or remove the line.";

    public const string NotAnObject = "a record must be a JSON object on one line, like {\"type\":\"source\",...}.";

    public const string TrailingContent = "a line holds exactly one record; move what follows the object to its own line.";

    public const string InvalidUtf8 = "the line is not valid UTF-8; save the file as UTF-8.";

    public static string LineTooLong(long limit) =>
        $"the line is longer than {limit} bytes, the limit; raise GraphLimits.MaxScalarLength or split the record.";

    public static string FileTooLarge(long limit) =>
        $"the file is larger than {limit} bytes, the limit; raise GraphLimits.MaxFileBytes to load it.";

    public static string NoType() => $"the record has no 'type'; add \"type\" with one of {Types}.";

    public static string UnknownType(string type, string? suggestion) => suggestion is null
        ? $"unknown record type '{type}'; use one of {Types}."
        : $"unknown record type '{type}'; did you mean '{suggestion}'?";

    public static string UnknownKey(string key, string type, string? suggestion) => suggestion is null
        ? $"unknown key '{key}' in a {type} record; remove it or fix its spelling."
        : $"unknown key '{key}' in a {type} record; did you mean '{suggestion}'?";

    public static string DuplicateKey(string key) => $"key '{key}' appears twice in this record; keep one.";

    public static string MissingField(string type, string key) => $"the {type} record has no '{key}'; add it.";

    public static string NotAString(string key) => $"'{key}' must be a string.";

    public static string NotAStringArray(string key) => $"'{key}' must be an array of strings.";

    public static string UnknownEnum(string key, string value, IReadOnlyList<string> names) =>
        $"unknown {key} '{value}'; use one of {string.Join(", ", names)}.";

    public static string BadDate(string value) =>
        $"'{value}' is not a date and time with an offset; write ISO 8601 like 2020-11-09T13:00:00-05:00.";

    public static string BadVersion() => "the header's 'version' must be 1, the only version this library reads.";

    public static string TooLong(string key, int limit) =>
        $"'{key}' is longer than {limit} characters, the limit; shorten it or raise GraphLimits.MaxScalarLength.";

    public static string TooManyProblems(int count) => $"stopped after {count} problems; fix these and load again.";

    public static string HeaderNotFirst() => "the header record may only be the first record; remove this line.";
}
