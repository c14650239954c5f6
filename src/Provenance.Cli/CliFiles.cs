using System.Text;

namespace Provenance.Cli;

/// <summary>Writing the files a command produces: UTF-8 without a byte-order mark, <c>\n</c> line endings as generated.</summary>
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

        File.WriteAllText(path, text, Utf8);
    }

    /// <summary>The extension of an output path, lower-case, without the dot.</summary>
    public static string Extension(string path) => Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
}
