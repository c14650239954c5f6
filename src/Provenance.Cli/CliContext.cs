using Spectre.Console;

namespace Provenance.Cli;

/// <summary>The streams and consoles one run of the tool writes to.</summary>
internal sealed class CliContext
{
    // Wide enough that tables written to a file or a pipe are not wrapped at an arbitrary width.
    private const int RedirectedWidth = 200;

    public CliContext(CliTerminal terminal)
    {
        Terminal = terminal;
        Out = terminal.Output;
        Error = terminal.Error;
        Console = CreateConsole(terminal.Output, terminal.OutputIsTerminal, terminal.NoColor);
        Progress = terminal.ErrorIsTerminal ? CreateConsole(terminal.Error, true, terminal.NoColor) : null;
    }

    public CliTerminal Terminal { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Tables and trees on standard output: colour only on a terminal and without <c>NO_COLOR</c>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress displays on standard error, only when it is a terminal.</summary>
    public IAnsiConsole? Progress { get; }

    /// <summary>Writes a line to standard output with a <c>\n</c> ending; control characters from graph text are escaped.</summary>
    public void WriteLine(string line)
    {
        Out.Write(Inert(line));
        Out.Write('\n');
    }

    /// <summary>Writes a line to standard error with a <c>\n</c> ending; control characters from graph text are escaped.</summary>
    public void WriteError(string line)
    {
        Error.Write(Inert(line));
        Error.Write('\n');
    }

    /// <summary>
    /// The text with terminal escapes, carriage returns and bidirectional-text controls written as <c>\uXXXX</c>, so
    /// that text from an untrusted graph file cannot move the cursor, recolour the terminal or disguise a line.
    /// Tabs and line feeds are kept.
    /// </summary>
    internal static string Inert(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\u0000', '\u0008') < 0 && span.IndexOfAnyInRange('\u000B', '\u001F') < 0
            && span.IndexOfAnyInRange('\u007F', '\u009F') < 0 && span.IndexOfAnyInRange('\u202A', '\u202E') < 0
            && span.IndexOfAnyInRange('\u2066', '\u2069') < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\t' or '\n' || !(char.IsControl(c) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.ToString();
    }

    /// <summary>Runs <paramref name="work"/> with a spinner on standard error when it is a terminal and <paramref name="show"/> holds.</summary>
    public T WithProgress<T>(string status, bool show, Func<T> work)
    {
        if (Progress is null || !show)
        {
            return work();
        }

        return Progress.Status().Start(Markup.Escape(status), _ => work());
    }

    private static IAnsiConsole CreateConsole(TextWriter writer, bool isTerminal, bool noColor)
    {
        var colour = isTerminal && !noColor;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = isTerminal },
        });

        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
