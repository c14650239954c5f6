using System.Collections.Immutable;
using System.Text;
using Provenance.Internal;

namespace Provenance.Verification;

/// <summary>
/// Checks a graph's verbatim texts against the articles they were copied from: every <see cref="Citation.Evidence"/>
/// and every <see cref="Assertion.Wording"/> of an explicit report, and of the implicit reports cited inside it,
/// must occur in that report's article.
/// </summary>
/// <remarks>
/// <para>
/// Matching rule: an explicit report (one with no <see cref="Report.CitedIn"/>) is matched to the one article whose
/// text contains the report's <see cref="Report.Title"/>. Texts are compared ordinally after whitespace
/// normalisation (see <see cref="Normalize"/>), so a title that wraps over lines or holds a no-break space still
/// matches; quotation marks, apostrophes and case are compared exactly.
/// </para>
/// <para>
/// A report that has neither evidence nor wording to check is skipped. A report that has some but no title, a
/// title found in no article, or a title found in more than one article, is a problem. Evidence of a citation
/// belongs to the explicit report the citing report is (or is cited in); wording of an assertion belongs to the
/// explicit report the asserting report is (or is cited in).
/// </para>
/// <para>Results are deterministic: problems are ordered by report (graph order), then field, then graph order.</para>
/// </remarks>
public static class EvidenceChecker
{
    /// <summary>The file pattern <see cref="Check(CitationGraph, string)"/> reads articles with.</summary>
    public const string DefaultSearchPattern = "*.txt";

    /// <summary>Checks a graph against the article texts in a folder: every <c>*.txt</c> file directly in it, read as UTF-8.</summary>
    /// <param name="graph">The graph to check.</param>
    /// <param name="articlesDirectory">The folder holding one text file per article.</param>
    /// <returns>The matches and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="articlesDirectory"/> is <see langword="null"/>.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="articlesDirectory"/> does not exist.</exception>
    /// <exception cref="IOException">An article could not be read.</exception>
    public static EvidenceCheckResult Check(CitationGraph graph, string articlesDirectory) =>
        Check(graph, articlesDirectory, DefaultSearchPattern);

    /// <summary>Checks a graph against the article texts in a folder: every file directly in it that matches a pattern, read as UTF-8.</summary>
    /// <param name="graph">The graph to check.</param>
    /// <param name="articlesDirectory">The folder holding one text file per article.</param>
    /// <param name="searchPattern">The file-name pattern (as for <see cref="Directory.GetFiles(string, string)"/>), e.g. <c>*.txt</c>.</param>
    /// <returns>The matches and the problems found. Each article is named by its file name.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="articlesDirectory"/> does not exist.</exception>
    /// <exception cref="IOException">An article could not be read.</exception>
    public static EvidenceCheckResult Check(CitationGraph graph, string articlesDirectory, string searchPattern)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(articlesDirectory);
        ArgumentNullException.ThrowIfNull(searchPattern);
        if (!Directory.Exists(articlesDirectory))
        {
            throw new DirectoryNotFoundException(ErrorMessages.ArticlesDirectoryNotFound(articlesDirectory));
        }

        var files = Directory.GetFiles(articlesDirectory, searchPattern, SearchOption.TopDirectoryOnly);
        Array.Sort(files, StringComparer.Ordinal);
        var articles = files.Select(f => new ArticleText(Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8)));
        return Check(graph, articles);
    }

    /// <summary>Checks a graph against article texts held in memory.</summary>
    /// <param name="graph">The graph to check.</param>
    /// <param name="articles">The articles; their names only label the matches and problems.</param>
    /// <returns>The matches and the problems found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="graph"/> or <paramref name="articles"/> is <see langword="null"/>, or holds <see langword="null"/>.</exception>
    public static EvidenceCheckResult Check(CitationGraph graph, IEnumerable<ArticleText> articles)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(articles);
        var texts = new List<(string Name, string Text)>();
        foreach (var article in articles)
        {
            ArgumentNullException.ThrowIfNull(article, nameof(articles));
            texts.Add((article.Name, Normalize(article.Text)));
        }

        // Group the texts to check by the explicit report that holds them, in graph order.
        var work = new Dictionary<string, List<(EvidenceField Field, string Text, string Claim, string Holder)>>(StringComparer.Ordinal);
        List<(EvidenceField, string, string, string)> For(string reportId)
        {
            var root = graph.GetReport(reportId).CitedIn ?? reportId;
            if (!work.TryGetValue(root, out var list))
            {
                work[root] = list = [];
            }

            return list;
        }

        foreach (var c in graph.Citations)
        {
            if (!string.IsNullOrWhiteSpace(c.Evidence))
            {
                For(c.From).Add((EvidenceField.Evidence, c.Evidence, c.Claim, $"{c.From} -> {c.To}"));
            }
        }

        foreach (var a in graph.Assertions)
        {
            if (!string.IsNullOrWhiteSpace(a.Wording))
            {
                For(a.Report).Add((EvidenceField.Wording, a.Wording, a.Claim, a.Report));
            }
        }

        var matches = ImmutableArray.CreateBuilder<ArticleMatch>();
        var problems = ImmutableArray.CreateBuilder<EvidenceProblem>();
        var checkedTexts = 0;
        foreach (var report in graph.Reports)
        {
            // Only explicit reports hold texts (an implicit report's go to its root). Plain conditions rather than an out
            // variable or a pattern inside a compound one: a mutant of those does not compile, and Stryker's safe mode
            // then drops every mutant of this method.
            if (!work.TryGetValue(report.Id, out var items))
            {
                continue;
            }

            var article = Match(report, texts, problems);
            if (article is null)
            {
                continue;
            }

            var found = article.Value;

            matches.Add(new ArticleMatch(report.Id, found.Name));
            foreach (var (field, text, claim, holder) in items.OrderBy(i => i.Field))
            {
                checkedTexts++;
                if (!found.Text.Contains(Normalize(text), StringComparison.Ordinal))
                {
                    problems.Add(new EvidenceProblem(
                        report.Id, field, text, EvidenceProblemKind.NotInArticle, claim, holder,
                        ErrorMessages.TextNotInArticle(report.Id, Name(field), holder, claim, found.Name)));
                }
            }
        }

        return new EvidenceCheckResult(matches.ToImmutable(), problems.ToImmutable(), checkedTexts);
    }

    /// <summary>
    /// Normalises whitespace for comparison: every run of white-space characters (as <see cref="char.IsWhiteSpace(char)"/>
    /// defines them, which includes line breaks, tabs and no-break spaces) becomes one ordinary space, and leading
    /// and trailing white space is removed. Nothing else changes.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var ch in text)
        {
            if (char.IsWhiteSpace(ch))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(ch);
        }

        return builder.ToString();
    }

    private static (string Name, string Text)? Match(Report report, List<(string Name, string Text)> texts, ImmutableArray<EvidenceProblem>.Builder problems)
    {
        var title = report.Title is null ? "" : Normalize(report.Title);
        if (title.Length == 0)
        {
            problems.Add(new EvidenceProblem(
                report.Id, EvidenceField.Title, report.Title ?? "", EvidenceProblemKind.NoTitle, null, report.Id,
                ErrorMessages.ReportWithoutTitle(report.Id)));
            return null;
        }

        var found = texts.Where(t => t.Text.Contains(title, StringComparison.Ordinal)).ToList();
        if (found.Count == 1)
        {
            return found[0];
        }

        problems.Add(found.Count == 0
            ? new EvidenceProblem(report.Id, EvidenceField.Title, report.Title!, EvidenceProblemKind.NoArticle, null, report.Id,
                ErrorMessages.NoArticleForReport(report.Id))
            : new EvidenceProblem(report.Id, EvidenceField.Title, report.Title!, EvidenceProblemKind.AmbiguousArticle, null, report.Id,
                ErrorMessages.SeveralArticlesForReport(report.Id, found.Select(f => f.Name))));
        return null;
    }

    private static string Name(EvidenceField field) => field == EvidenceField.Evidence ? "evidence" : "wording";
}

/// <summary>The text of one article, for <see cref="EvidenceChecker"/>. Immutable, thread-safe.</summary>
/// <param name="Name">A label for the article, e.g. its file name.</param>
/// <param name="Text">The article's full text.</param>
public sealed record ArticleText(string Name, string Text);

/// <summary>An explicit report and the article it was matched to. Immutable, thread-safe.</summary>
/// <param name="Report">The report's id.</param>
/// <param name="Article">The article's name.</param>
public sealed record ArticleMatch(string Report, string Article);

/// <summary>Which text of a report a problem is about.</summary>
public enum EvidenceField
{
    /// <summary>The report's title, used to find its article.</summary>
    Title,

    /// <summary>A citation's <see cref="Citation.Evidence"/>.</summary>
    Evidence,

    /// <summary>An assertion's <see cref="Assertion.Wording"/> (of the report itself or of an implicit report cited in it).</summary>
    Wording,
}

/// <summary>What is wrong with a text the <see cref="EvidenceChecker"/> looked at.</summary>
public enum EvidenceProblemKind
{
    /// <summary>The report has evidence or wording to check but no title to find its article by.</summary>
    NoTitle,

    /// <summary>The report's title occurs in no article.</summary>
    NoArticle,

    /// <summary>The report's title occurs in more than one article.</summary>
    AmbiguousArticle,

    /// <summary>An evidence excerpt or wording does not occur in the report's article.</summary>
    NotInArticle,
}

/// <summary>One problem found by the <see cref="EvidenceChecker"/>. Immutable, thread-safe.</summary>
/// <param name="Report">The id of the explicit report the text belongs to.</param>
/// <param name="Field">Which text it is.</param>
/// <param name="Text">The text as written in the graph.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Claim">The claim the evidence or wording is for; <see langword="null"/> for a title problem.</param>
/// <param name="Holder">
/// Where the text sits: for evidence, the citation as <c>from -> to</c>; for wording, the id of the asserting report
/// (the explicit report or an implicit report cited in it); for a title problem, the report's id.
/// </param>
/// <param name="Message">One sentence saying what is wrong and how to fix it.</param>
public sealed record EvidenceProblem(
    string Report,
    EvidenceField Field,
    string Text,
    EvidenceProblemKind Kind,
    string? Claim,
    string Holder,
    string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Report}: {Message} Text: \"{Text}\"";
}

/// <summary>What <see cref="EvidenceChecker"/> found. Immutable, thread-safe.</summary>
public sealed class EvidenceCheckResult
{
    internal EvidenceCheckResult(ImmutableArray<ArticleMatch> matches, ImmutableArray<EvidenceProblem> problems, int checkedTexts)
    {
        Matches = matches;
        Problems = problems;
        CheckedTexts = checkedTexts;
    }

    /// <summary>The explicit reports with something to check that were matched to an article, in graph order.</summary>
    public ImmutableArray<ArticleMatch> Matches { get; }

    /// <summary>Every problem found, ordered by report (graph order), then field (evidence before wording), then graph order.</summary>
    public ImmutableArray<EvidenceProblem> Problems { get; }

    /// <summary>How many evidence excerpts and wordings were looked up in a matched article.</summary>
    public int CheckedTexts { get; }

    /// <summary>Whether no problem was found.</summary>
    public bool IsValid => Problems.IsEmpty;
}
