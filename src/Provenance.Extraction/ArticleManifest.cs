using System.Collections.Immutable;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Provenance.Extraction;

/// <summary>
/// Reads an article manifest: <c>articles: [{file, source, title?, published?, url?, language?}]</c>, with files
/// relative to the manifest's folder.
/// </summary>
public static class ArticleManifest
{
    private static readonly string[] Keys = ["file", "source", "title", "published", "url", "language"];

    /// <summary>The articles of the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="ExtractionInputException">The manifest is missing, not YAML, or not of the manifest's shape (the message names file:line:column).</exception>
    public static ImmutableArray<DraftArticle> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = AttributionExtractor.ReadText(path);
        return Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>The articles of manifest text <paramref name="yaml"/>, relative files resolved against <paramref name="baseDirectory"/>.</summary>
    public static ImmutableArray<DraftArticle> Parse(string yaml, string fileName, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw Error(fileName, e.Start, "not valid YAML: " + e.Message + "; a manifest is 'articles:' with a list of {file, source, ...}.");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ExtractionInputException(fileName, "1:1: a manifest is a mapping with the key 'articles'; write 'articles:' followed by a list of {file, source, title?, published?, url?, language?}.");
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("articles"), out var list) || list is not YamlSequenceNode articles)
        {
            throw Error(fileName, root.Start, "the manifest has no 'articles' list; add 'articles:' followed by a list of {file, source, ...}.");
        }

        var result = ImmutableArray.CreateBuilder<DraftArticle>();
        foreach (var node in articles)
        {
            if (node is not YamlMappingNode map)
            {
                throw Error(fileName, node.Start, "an article is a mapping {file, source, title?, published?, url?, language?}.");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (key, value) in map.Children)
            {
                var name = (key as YamlScalarNode)?.Value ?? "";
                if (!Keys.Contains(name))
                {
                    throw Error(fileName, key.Start, $"unknown key '{name}'; an article has {string.Join(", ", Keys)}.");
                }

                if (value is not YamlScalarNode { Value: { } scalar })
                {
                    throw Error(fileName, value.Start, $"'{name}' must be a single value.");
                }

                values[name] = scalar;
            }

            if (!values.TryGetValue("file", out var file) || file.Length == 0)
            {
                throw Error(fileName, map.Start, "the article has no 'file'; add the path of its text file.");
            }

            if (!values.TryGetValue("source", out var source) || source.Length == 0)
            {
                throw Error(fileName, map.Start, "the article has no 'source'; add the id of its publisher.");
            }

            DateTimeOffset? published = null;
            if (values.TryGetValue("published", out var date))
            {
                if (!DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) || !HasOffset(date))
                {
                    throw Error(fileName, map.Start, $"'published' '{date}' is not an ISO 8601 time with an offset; write e.g. 2020-11-09T13:00:00-05:00.");
                }

                published = parsed;
            }

            result.Add(new DraftArticle(Path.IsPathRooted(file) ? file : Path.Combine(baseDirectory, file), source)
            {
                Title = values.GetValueOrDefault("title"),
                Published = published,
                Url = values.GetValueOrDefault("url"),
                Language = values.GetValueOrDefault("language"),
            });
        }

        return result.ToImmutable();
    }

    private static bool HasOffset(string date) =>
        date.Contains('T', StringComparison.Ordinal) && (date.EndsWith('Z') || date.EndsWith('z') || (date.Length > 6 && date[^6] is '+' or '-' && date[^3] == ':'));

    private static ExtractionInputException Error(string fileName, Mark mark, string problem) =>
        new(fileName, string.Create(CultureInfo.InvariantCulture, $"{mark.Line}:{mark.Column}: {problem}"));
}
