using System.CommandLine;
using System.Globalization;
using Provenance.Verification;

namespace Provenance.Cli.Commands;

/// <summary><c>provenance check-evidence &lt;graph&gt; --articles &lt;dir&gt;</c>: every evidence excerpt and wording found in its article.</summary>
internal static class CheckEvidenceCommand
{
    // Graph files above this size are not searched for problem positions; their problems name the file only.
    private const long LocateLimitBytes = 64L * 1024 * 1024;

    public static Command Create(CliContext context)
    {
        var graphArgument = CommandTree.GraphArgument();
        var articles = new Option<string>("--articles")
        {
            Description = "The folder of article texts (*.txt), one file per article; a report is matched to the article containing its title.",
            Required = true,
        };
        var command = new Command(CommandTree.CheckEvidenceName, "Check that every evidence excerpt and wording in the graph occurs verbatim in the article it was copied from.")
        {
            graphArgument,
            articles,
        };
        command.SetAction(int (parse) =>
        {
            var path = parse.GetRequiredValue(graphArgument);
            var folder = parse.GetRequiredValue(articles);
            if (!Directory.Exists(folder))
            {
                throw CliException.Input($"{folder}: error: no such folder; pass the folder that holds the article texts with --articles.");
            }

            var graph = GraphInput.Load(context, path);
            var result = EvidenceChecker.Check(graph, folder);
            var locator = new Locator(path);
            foreach (var problem in result.Problems)
            {
                context.WriteError($"{locator.Find(problem)}: error: {problem.Message} Text: \"{problem.Text}\"");
            }

            var summary = string.Create(
                CultureInfo.InvariantCulture,
                $"{path}: {result.CheckedTexts} evidence excerpts and wordings checked in {result.Matches.Length} report{(result.Matches.Length == 1 ? "" : "s")} matched to articles");
            if (result.IsValid)
            {
                context.WriteLine(summary + ": all found.");
                return ExitCodes.Success;
            }

            context.WriteError(string.Create(CultureInfo.InvariantCulture, $"{summary}: {result.Problems.Length} problem{(result.Problems.Length == 1 ? "" : "s")}."));
            return ExitCodes.InvalidInput;
        });
        return command;
    }

    /// <summary>
    /// Finds where a problem's text is written in the graph's files: the line of the report's id, then the first line after it
    /// holding the text (or its first line), as <c>path:line:column</c>; the graph's path alone when it cannot be found.
    /// The graph is not kept with positions once built, so this searches the text, as an editor's "find" would.
    /// </summary>
    private sealed class Locator
    {
        private readonly string graphPath;
        private readonly List<(string File, string[] Lines)> files = [];

        public Locator(string graphPath)
        {
            this.graphPath = graphPath;
            IEnumerable<string> paths = Directory.Exists(graphPath)
                ? Directory.EnumerateFiles(graphPath, "*", SearchOption.AllDirectories)
                    .Where(p => ProvenanceGraph.FormatOfExtension(p) == GraphFormat.Yaml)
                    .Select(p => Path.Join(graphPath, Path.GetRelativePath(graphPath, p).Replace('\\', '/')))
                    .Order(StringComparer.Ordinal)
                : [graphPath];
            foreach (var file in paths)
            {
                try
                {
                    if (new FileInfo(file).Length <= LocateLimitBytes)
                    {
                        files.Add((file, File.ReadAllLines(file)));
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // The graph was just read; a file gone since only costs the position.
                }
            }
        }

        public string Find(EvidenceProblem problem)
        {
            var needle = (problem.Text.ReplaceLineEndings("\n").Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? "").Trim();
            foreach (var (file, lines) in files)
            {
                var start = Array.FindIndex(lines, l => DeclaresReport(l, problem.Report));
                if (start < 0)
                {
                    continue;
                }

                // The next element at the same indentation as the report's id ends the search.
                var idAt = lines[start].IndexOf("id:", StringComparison.Ordinal);
                var sibling = idAt > 0 && lines[start].Contains("- ", StringComparison.Ordinal) ? lines[start][..(idAt + 3)] : null;
                if (needle.Length > 0)
                {
                    for (var i = start; i < lines.Length; i++)
                    {
                        var column = lines[i].IndexOf(needle, StringComparison.Ordinal);
                        if (column >= 0)
                        {
                            return string.Create(CultureInfo.InvariantCulture, $"{file}:{i + 1}:{column + 1}");
                        }

                        if (i > start && (DeclaresAnyReport(lines[i]) || (sibling is not null && lines[i].StartsWith(sibling, StringComparison.Ordinal))))
                        {
                            break;
                        }
                    }
                }

                var at = lines[start].IndexOf(problem.Report, StringComparison.Ordinal);
                return string.Create(CultureInfo.InvariantCulture, $"{file}:{start + 1}:{at + 1}");
            }

            return graphPath;
        }

        private static bool DeclaresReport(string line, string report)
        {
            var trimmed = line.TrimStart(' ', '-', '\t');
            return trimmed == $"id: {report}" || trimmed == $"id: '{report}'" || trimmed == $"id: \"{report}\""
                || (line.Contains("\"type\":\"report\"", StringComparison.Ordinal) && line.Contains($"\"id\":\"{report}\"", StringComparison.Ordinal));
        }

        private static bool DeclaresAnyReport(string line) => line.Contains("\"type\":\"report\"", StringComparison.Ordinal);
    }
}
