namespace Provenance.Prov;

/// <summary>Every PROV import message, in one place so their wording stays consistent.</summary>
internal static class ProvErrors
{
    public static string NotJson(string reason, string path) =>
        $"the file is not valid JSON at {path}: {reason}; fix the syntax.";

    public static string TooLong(string path, int limit) =>
        $"the string at {path} is longer than {limit} characters, the limit; raise GraphLimits.MaxScalarLength to load it.";

    public static string TooDeep(string path, int limit) =>
        $"the value at {path} is nested deeper than {limit} levels, the limit; PROV-JSON needs at most 8.";

    public static string TooLarge(long limit) =>
        $"the file is larger than {limit} bytes, the limit; raise GraphLimits.MaxFileBytes to load it.";

    public static string DuplicateKey(string path, string key, SourceLocation first) =>
        $"duplicate key '{key}' at {path}; it is already used at {first.Line}:{first.Column}.";

    public static string WrongType(string path, string expected, string actual) =>
        $"expected {expected} at {path}, found {actual}.";

    public static string UnknownRecordType(string path, string key, string? suggestion) => suggestion is null
        ? $"unknown PROV-JSON record type '{key}' at {path}; use entity, activity, agent, a relation such as wasDerivedFrom, prefix or bundle."
        : $"unknown PROV-JSON record type '{key}' at {path}; did you mean '{suggestion}'?";

    public static string UnknownPrefix(string path, string name, string prefix) =>
        $"'{name}' at {path} uses the prefix '{prefix}', which is not declared; declare it under \"prefix\".";

    public static string NoPrefix(string path, string name) =>
        $"'{name}' at {path} has no prefix and the document declares no default namespace; write it as prefix:name.";

    public static string UnknownReference(string path, string name, string? suggestion) => suggestion is null
        ? $"'{name}' at {path} is not declared as an entity, activity or agent; declare it or fix the reference."
        : $"'{name}' at {path} is not declared as an entity, activity or agent; did you mean '{suggestion}'?";

    public static string BadTime(string path, string value) =>
        $"'{value}' at {path} is not an xsd:dateTime; write it like 2020-11-09T13:00:00-05:00.";

    public static string BadEnum(string path, string value, IEnumerable<string> allowed) =>
        $"'{value}' at {path} is not a known value; use one of {string.Join(", ", allowed)}.";

    public static string BlankElementId(string path, string id) =>
        $"element id '{id}' at {path} is a blank node id; an entity, activity or agent needs a qualified name.";

    public static string MissingFormal(string path, string attribute) =>
        $"the relation at {path} has no '{attribute}'; every relation of its type names it.";
}
