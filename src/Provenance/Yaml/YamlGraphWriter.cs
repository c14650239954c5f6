using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Provenance.Internal;

namespace Provenance.Yaml;

/// <summary>
/// Writes a graph in the YAML format: deterministic (same graph, same text, <c>\n</c> line endings), defaults
/// left out, and each chain of implicit reports written back as the nested <c>via</c> it came from.
/// </summary>
/// <remarks>
/// An implicit report is written inline, as the hop <c>source: X</c> under its parent, when its id is
/// <c>P~X</c> for a report P of the same root, it has no details, it is cited by P, and every assertion of it
/// is either carried by one of P's hops (its mode and wording) or can be inferred again on load (mode unknown,
/// no wording, cited for that claim). Any other implicit report, e.g. one built in code or imported with
/// another id, is written in full in <c>reports</c> with <c>cited-in</c>, and citations of it are
/// <c>report:</c> hops. Inline chains are capped at <see cref="MaxInlineDepth"/> hops so the output stays
/// loadable under the default nesting limit.
/// </remarks>
internal sealed partial class YamlGraphWriter
{
    /// <summary>The deepest inline chain: 7 YAML levels for the report and its first hop, 2 per further hop (the graph, reports, report, assertions, assertion, via, hop), within the default limit of 64.</summary>
    public const int MaxInlineDepth = 16;

    private readonly CitationGraph graph;
    private readonly TextWriter output;
    private readonly bool[] inline;
    private readonly StringBuilder line = new(128);

    private YamlGraphWriter(CitationGraph graph, TextWriter output)
    {
        this.graph = graph;
        this.output = output;
        inline = InlineReports(graph);
    }

    public static void Write(CitationGraph graph, TextWriter output) => new YamlGraphWriter(graph, output).Write();

    private void Write()
    {
        var sections = 0;
        if (!graph.Affiliations.IsEmpty)
        {
            Section(ref sections, YamlKeys.Affiliations);
            foreach (var a in graph.Affiliations)
            {
                Field(2, YamlKeys.Id, a.Id, item: true);
                Field(2, YamlKeys.Name, a.Name);
                Optional(2, YamlKeys.Description, a.Description);
            }
        }

        if (!graph.Sources.IsEmpty)
        {
            Section(ref sections, YamlKeys.Sources);
            foreach (var s in graph.Sources)
            {
                Field(2, YamlKeys.Id, s.Id, item: true);
                Field(2, YamlKeys.Name, s.Name);
                Field(2, YamlKeys.Kind, ProvenanceNames.Of(s.Kind));
                List(2, YamlKeys.Aliases, s.Aliases);
                Optional(2, YamlKeys.Country, s.Country);
                Optional(2, YamlKeys.Affiliation, s.Affiliation);
                Optional(2, YamlKeys.Url, s.Url);
            }
        }

        if (!graph.Claims.IsEmpty)
        {
            Section(ref sections, YamlKeys.Claims);
            foreach (var c in graph.Claims)
            {
                Field(2, YamlKeys.Id, c.Id, item: true);
                Field(2, YamlKeys.Text, c.Text);
                List(2, YamlKeys.Contradicts, c.Contradicts);
            }
        }

        var first = true;
        for (var r = 0; r < graph.Reports.Length; r++)
        {
            if (inline[r])
            {
                continue;
            }

            if (first)
            {
                Section(ref sections, YamlKeys.Reports);
                first = false;
            }
            else
            {
                output.Write('\n');
            }

            WriteReport(graph.Reports[r]);
        }

        if (sections == 0)
        {
            output.Write("{}\n");
        }
    }

    private void WriteReport(Report report)
    {
        Field(2, YamlKeys.Id, report.Id, item: true);
        Field(2, YamlKeys.Source, report.Source);
        if (!report.IsImplicit || report.Kind != ReportKind.Other)
        {
            Field(2, YamlKeys.Kind, ProvenanceNames.Of(report.Kind));
        }

        Optional(2, YamlKeys.Title, report.Title);
        if (report.Published is { } published)
        {
            Raw(2, YamlKeys.Published, IsoDate.Format(published));
        }

        Optional(2, YamlKeys.Url, report.Url);
        Optional(2, YamlKeys.Language, report.Language);
        Optional(2, YamlKeys.CitedIn, report.CitedIn);

        var assertions = graph.AssertionsOf(report.Id);
        if (assertions.IsEmpty)
        {
            return;
        }

        Key(2, YamlKeys.Assertions);
        foreach (var a in assertions)
        {
            var via = Cites(report.Id, a.Claim);
            Field(4, YamlKeys.Claim, a.Claim, item: true);
            if (!(a.Mode == AssertionMode.Attributed && via.Count > 0))
            {
                Field(4, YamlKeys.Mode, ProvenanceNames.Of(a.Mode));
            }

            Optional(4, YamlKeys.Wording, a.Wording);
            WriteVia(4, via);
        }
    }

    /// <summary>Writes hops; recursion is bounded by <see cref="MaxInlineDepth"/>.</summary>
    private void WriteVia(int indent, List<Citation> via)
    {
        if (via.Count == 0)
        {
            return;
        }

        Key(indent, YamlKeys.Via);
        foreach (var c in via)
        {
            graph.TryGetReportIndex(c.To, out var to);
            var target = graph.Reports[to];
            var nested = inline[to] && Parent(target.Id) == c.From;
            if (nested)
            {
                Field(indent + 2, YamlKeys.Source, target.Source, item: true);
            }
            else
            {
                Field(indent + 2, YamlKeys.Report, target.Id, item: true);
            }

            Field(indent + 2, YamlKeys.Kind, ProvenanceNames.Of(c.Kind));
            if (c.Hedge != Hedge.None)
            {
                Field(indent + 2, YamlKeys.Hedge, ProvenanceNames.Of(c.Hedge));
            }

            Optional(indent + 2, YamlKeys.Evidence, c.Evidence);
            if (!nested)
            {
                continue;
            }

            graph.TryGetAssertion(target.Id, c.Claim, out var assertion);
            Optional(indent + 2, YamlKeys.Wording, assertion?.Wording);
            if (assertion?.Mode == AssertionMode.FirstHand)
            {
                Raw(indent + 2, YamlKeys.FirstHand, "true");
            }

            WriteVia(indent + 2, Cites(target.Id, c.Claim));
        }
    }

    private List<Citation> Cites(string from, string claim)
    {
        var result = new List<Citation>();
        foreach (var c in graph.CitationsFrom(from))
        {
            if (c.Claim == claim)
            {
                result.Add(c);
            }
        }

        return result;
    }

    /// <summary>The parent part of an implicit id <c>P~X</c>, or <see langword="null"/>.</summary>
    private static string? Parent(string id)
    {
        var cut = id.LastIndexOf(Ids.ImplicitSeparator);
        return cut > 0 ? id[..cut] : null;
    }

    private static bool[] InlineReports(CitationGraph graph)
    {
        var reports = graph.Reports;
        var inline = new bool[reports.Length];
        var depth = new int[reports.Length];

        // A parent's id is a strict prefix of its child's, so shorter ids are decided first.
        var order = Enumerable.Range(0, reports.Length).Where(i => reports[i].IsImplicit)
            .OrderBy(i => reports[i].Id.Length).ThenBy(i => i);
        foreach (var i in order)
        {
            var report = reports[i];
            // The parent looked up before the conditions, not as an out variable inside them: Stryker's mutants of that do
            // not compile, and its safe mode then drops every mutant of the method.
            var parentId = Parent(report.Id);
            var parent = -1;
            if (parentId is null
                || !graph.TryGetReportIndex(parentId, out parent)
                || report.Id[(parentId.Length + 1)..] != report.Source
                || report.Kind != ReportKind.Other
                || report.Title is not null || report.Published is not null || report.Url is not null || report.Language is not null
                || (reports[parent].CitedIn ?? reports[parent].Id) != report.CitedIn
                || !Expressible(graph, i, parent))
            {
                continue;
            }

            var d = (inline[parent] ? depth[parent] : 0) + 1;
            if (d <= MaxInlineDepth)
            {
                inline[i] = true;
                depth[i] = d;
            }
        }

        return inline;
    }

    private static bool Expressible(CitationGraph graph, int report, int parent)
    {
        var citedByParent = false;
        for (var k = graph.InStart[report]; k < graph.InStart[report + 1]; k++)
        {
            citedByParent |= graph.CitationFrom[graph.InCitations[k]] == parent;
        }

        if (!citedByParent)
        {
            return false;
        }

        for (var k = graph.AssertionStart[report]; k < graph.AssertionStart[report + 1]; k++)
        {
            var a = graph.Assertions[graph.ReportAssertions[k]];
            var claim = graph.AssertionClaim[graph.ReportAssertions[k]];
            bool carried = false, cited = false;
            for (var j = graph.InStart[report]; j < graph.InStart[report + 1]; j++)
            {
                var c = graph.InCitations[j];
                if (graph.CitationClaim[c] == claim)
                {
                    cited = true;
                    carried |= graph.CitationFrom[c] == parent;
                }
            }

            var ok = carried
                ? a.Mode != AssertionMode.Unattributed
                : cited && a.Mode == AssertionMode.Unknown && a.Wording is null;
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private void Section(ref int sections, string key)
    {
        if (sections++ > 0)
        {
            output.Write('\n');
        }

        output.Write(key);
        output.Write(":\n");
    }

    private void Key(int indent, string key)
    {
        Indent(indent, item: false);
        line.Append(key).Append(':');
        Flush();
    }

    private void Field(int indent, string key, string value, bool item = false)
    {
        Indent(indent, item);
        line.Append(key).Append(": ");
        Scalar(value, flow: false);
        Flush();
    }

    private void Optional(int indent, string key, string? value)
    {
        if (value is not null)
        {
            Field(indent, key, value);
        }
    }

    private void Raw(int indent, string key, string value)
    {
        Indent(indent, item: false);
        line.Append(key).Append(": ").Append(value);
        Flush();
    }

    private void List(int indent, string key, System.Collections.Immutable.ImmutableArray<string> values)
    {
        if (values.IsDefaultOrEmpty)
        {
            return;
        }

        if (values.All(v => IsPlain(v, flow: true)))
        {
            Indent(indent, item: false);
            line.Append(key).Append(": [").AppendJoin(", ", values).Append(']');
            Flush();
            return;
        }

        Key(indent, key);
        foreach (var v in values)
        {
            Indent(indent + 2, item: true);
            Scalar(v, flow: false);
            Flush();
        }
    }

    /// <summary>Indents to 2 spaces per level; an item starts with <c>- </c> in place of its level's last two spaces.</summary>
    private void Indent(int indent, bool item)
    {
        if (item)
        {
            line.Append(' ', (indent * 2) - 2).Append("- ");
        }
        else
        {
            line.Append(' ', indent * 2);
        }
    }

    private void Flush()
    {
        line.Append('\n');
        foreach (var chunk in line.GetChunks())
        {
            output.Write(chunk.Span);
        }

        line.Clear();
    }

    private void Scalar(string value, bool flow)
    {
        if (IsPlain(value, flow))
        {
            line.Append(value);
            return;
        }

        line.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': line.Append("\\\""); break;
                case '\\': line.Append("\\\\"); break;
                case '\0': line.Append("\\0"); break;
                case '\t': line.Append("\\t"); break;
                case '\n': line.Append("\\n"); break;
                case '\r': line.Append("\\r"); break;
                case '\u0085': line.Append("\\N"); break;
                case '\u00A0': line.Append("\\_"); break;
                case '\u2028': line.Append("\\L"); break;
                case '\u2029': line.Append("\\P"); break;
                case < ' ' or (>= '\u007F' and <= '\u009F') or '\uFEFF':
                    line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
                    {
                        line.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsHighSurrogate(c))
                    {
                        line.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        line.Append(c);
                    }

                    break;
            }
        }

        line.Append('"');
    }

    /// <summary>
    /// Whether a value can be written unquoted and read back as the same string by YamlDotNet and by editors
    /// (so no YAML 1.1 or 1.2 null, boolean, number or timestamp look-alike, no indicator in front, no
    /// <c>": "</c> or <c>" #"</c>, nothing but letters, digits, marks, punctuation, symbols and single spaces).
    /// </summary>
    internal static bool IsPlain(string value, bool flow)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ' || value[^1] == ':'
            || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
            || value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal)
            || value.Contains("  ", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (flow && c is ',' or '[' or ']' or '{' or '}' or ':' or '#')
            {
                return false;
            }

            if (c == ' ' || char.IsAsciiLetterOrDigit(c))
            {
                continue;
            }

            if (c < 128 ? char.IsControl(c) : !IsPlainUnicode(c))
            {
                return false;
            }
        }

        return !Special().IsMatch(value);
    }

    private static bool IsPlainUnicode(char c) => CharUnicodeInfo.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned => false,
        _ => true,
    };

    [GeneratedRegex(
        @"^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|=|<<"
        + @"|[-+]?(\.[0-9_]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?"
        + @"|[-+]?0x[0-9a-fA-F_]+|[-+]?0o?[0-7_]+|[-+]?0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"
        + @"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
        + @"|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?)$",
        RegexOptions.CultureInvariant)]
    private static partial Regex Special();
}
