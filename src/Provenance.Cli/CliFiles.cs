using System.Text;
using Provenance.Bulk;
using Provenance.Prov;
using Provenance.Yaml;

namespace Provenance.Cli;

/// <summary>
/// Writing the files a command produces: UTF-8 without a byte-order mark, <c>\n</c> line endings as generated. A file that
/// cannot be written is an input error in the one file-error format, <c>path: error: cannot write: reason</c>.
/// </summary>
internal static class CliFiles
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, or to standard output when <paramref name="path"/> is null.</summary>
    public static void WriteText(CliContext context, string? path, string text)
    {
        if (path is null)
        {
            context.Out.Write(text);
            return;
        }

        Guard(path, () => File.WriteAllText(path, text, Utf8));
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>.</summary>
    public static void WriteBytes(string path, byte[] bytes) => Guard(path, () => File.WriteAllBytes(path, bytes));

    /// <summary>Creates a folder (and its parents) if missing.</summary>
    public static void CreateFolder(string path) => Guard(path, () => Directory.CreateDirectory(path));

    /// <summary>Writes a graph in <paramref name="format"/> to <paramref name="path"/>, counting the bytes on <paramref name="step"/>.</summary>
    public static void SaveGraph(CitationGraph graph, string path, GraphFormat format, CliProgress.Step step) => Guard(path, () =>
    {
        using var stream = new CountingStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 65536), step);
        switch (format)
        {
            case GraphFormat.JsonLines:
                ProvenanceJsonLines.Save(graph, stream);
                break;
            case GraphFormat.ProvJson:
                ProvJson.Export(graph, stream);
                break;
            default:
                ProvenanceYaml.Save(graph, stream);
                break;
        }
    });

    /// <summary>Writes text to <paramref name="path"/> through <paramref name="write"/>, as UTF-8 without a byte-order mark, counting the bytes on <paramref name="step"/>.</summary>
    public static void WriteWith(string path, CliProgress.Step step, Action<TextWriter> write) => Guard(path, () =>
    {
        using var stream = new CountingStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 65536), step);
        using var writer = new StreamWriter(stream, Utf8, 65536) { NewLine = "\n" };
        write(writer);
    });

    /// <summary>The extension of an output path, lower-case, without the dot.</summary>
    public static string Extension(string path) => Path.GetExtension(path).TrimStart('.').ToLowerInvariant();

    /// <summary>The problem line for a file that cannot be read or written.</summary>
    public static string Problem(string path, string what, Exception e) => $"{path}: error: {what}: {e.Message}";

    private static void Guard(string path, Action write)
    {
        var existed = Path.Exists(path);
        try
        {
            write();
        }
        catch (Exception e)
        {
            // A half-written file would look like a result: remove what this write created, whatever stopped it.
            if (!existed && File.Exists(path))
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
                {
                    // The original failure is the one to report.
                }
            }

            if (e is IOException or UnauthorizedAccessException)
            {
                throw CliException.Input(Problem(path, "cannot write", e));
            }

            throw;
        }
    }
}
