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

    /// <summary>Writes a line to standard output with a <c>\n</c> ending.</summary>
    public void WriteLine(string line)
    {
        Out.Write(line);
        Out.Write('\n');
    }

    /// <summary>Writes a line to standard error with a <c>\n</c> ending.</summary>
    public void WriteError(string line)
    {
        Error.Write(line);
        Error.Write('\n');
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
