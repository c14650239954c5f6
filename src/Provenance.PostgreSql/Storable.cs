namespace Provenance.PostgreSql;

/// <summary>
/// What PostgreSQL cannot hold exactly: a NUL character in text, and a time finer than a microsecond. Found before anything is
/// written and reported as diagnostics (code <c>unstorable</c>), so a value is stored exactly or rejected, never altered.
/// </summary>
internal static class Storable
{
    public const string Code = "unstorable";

    public static List<GraphDiagnostic> Check(
        IEnumerable<Affiliation> affiliations,
        IEnumerable<Source> sources,
        IEnumerable<Claim> claims,
        IEnumerable<Report> reports,
        IEnumerable<Assertion> assertions,
        IEnumerable<Citation> citations)
    {
        var problems = new List<GraphDiagnostic>();
        void Text(string what, string field, string? value)
        {
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                problems.Add(new GraphDiagnostic(null, Code, PostgreSqlMessages.NulCharacter(what, field)));
            }
        }

        foreach (var a in affiliations)
        {
            var what = $"affiliation '{Shown(a.Id)}'";
            Text(what, "id", a.Id);
            Text(what, "name", a.Name);
            Text(what, "description", a.Description);
        }

        foreach (var s in sources)
        {
            var what = $"source '{Shown(s.Id)}'";
            Text(what, "id", s.Id);
            Text(what, "name", s.Name);
            Text(what, "country", s.Country);
            Text(what, "affiliation", s.Affiliation);
            Text(what, "url", s.Url);
            foreach (var alias in s.Aliases.IsDefault ? [] : s.Aliases)
            {
                Text(what, "aliases", alias);
            }
        }

        foreach (var c in claims)
        {
            var what = $"claim '{Shown(c.Id)}'";
            Text(what, "id", c.Id);
            Text(what, "text", c.Text);
            foreach (var other in c.Contradicts.IsDefault ? [] : c.Contradicts)
            {
                Text(what, "contradicts", other);
            }
        }

        foreach (var r in reports)
        {
            var what = $"report '{Shown(r.Id)}'";
            Text(what, "id", r.Id);
            Text(what, "source", r.Source);
            Text(what, "title", r.Title);
            Text(what, "url", r.Url);
            Text(what, "language", r.Language);
            Text(what, "citedIn", r.CitedIn);
            if (r.Published is { } published && published.UtcTicks % TimeSpan.TicksPerMicrosecond != 0)
            {
                problems.Add(new GraphDiagnostic(null, Code, PostgreSqlMessages.SubMicrosecond(Shown(r.Id))));
            }
        }

        foreach (var a in assertions)
        {
            var what = $"the assertion of '{Shown(a.Claim)}' by '{Shown(a.Report)}'";
            Text(what, "report", a.Report);
            Text(what, "claim", a.Claim);
            Text(what, "wording", a.Wording);
        }

        foreach (var c in citations)
        {
            var what = $"the citation from '{Shown(c.From)}' to '{Shown(c.To)}'";
            Text(what, "from", c.From);
            Text(what, "to", c.To);
            Text(what, "claim", c.Claim);
            Text(what, "evidence", c.Evidence);
        }

        return problems;
    }

    /// <summary>
    /// Whether <see cref="Check"/> could find a problem in <paramref name="graph"/>: false only when no text of it holds a NUL
    /// and no time is finer than a microsecond. Reads the graph's columns (its text buffer in one scan) instead of making
    /// every record, so an import of a clean graph pays almost nothing for the check.
    /// </summary>
    public static bool MayHoldUnstorable(CitationGraph graph)
    {
        if (graph.TextContainsNul)
        {
            return true;
        }

        if (Check(Items(graph.Affiliations.Length, i => graph.Affiliations[i]), Items(graph.Sources.Length, i => graph.Sources[i]), Items(graph.Claims.Length, i => graph.Claims[i]), [], [], []).Count > 0)
        {
            return true;
        }

        // Implicit report ids are made of explicit report ids and source ids, both checked; every other id names one of those.
        for (var i = 0; i < graph.Reports.Length; i++)
        {
            if ((!graph.IsImplicit(i) && graph.ReportId(i).Contains('\0', StringComparison.Ordinal))
                || (graph.Published(i) is { } published && published.UtcTicks % TimeSpan.TicksPerMicrosecond != 0))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<T> Items<T>(int count, Func<int, T> item)
    {
        for (var i = 0; i < count; i++)
        {
            yield return item(i);
        }
    }

    /// <summary>An id as a message shows it: the NUL escaped (the diagnostic escapes other control characters itself), long ones cut.</summary>
    private static string Shown(string? id)
    {
        var text = (id ?? "").Replace("\0", "\\u0000", StringComparison.Ordinal);
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
