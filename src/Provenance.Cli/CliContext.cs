using Spectre.Console;

namespace Provenance.Cli;

/// <summary>The streams and consoles one run of the tool writes to, and the settings its command line chose.</summary>
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

        // Progress is decoration: none when standard error is redirected or colour (and with it animation) is switched off.
        // The caller has already established that standard error is a terminal, so the display is forced on rather than detected.
        Progress = terminal.ErrorIsTerminal && !terminal.NoColor
            ? AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(terminal.Error),
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.Detect,
                Interactive = InteractionSupport.Yes,
            })
            : null;
    }

    public CliTerminal Terminal { get; }

    /// <summary>Standard output.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>Tables and trees on standard output: colour only on a terminal and without <c>NO_COLOR</c>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Progress displays on standard error, only when it is a terminal and <c>NO_COLOR</c> is not set.</summary>
    public IAnsiConsole? Progress { get; }

    /// <summary>How graphs are loaded: the limits and rules the command line chose (the tool's defaults until it is parsed).</summary>
    public GraphLoadOptions LoadOptions { get; set; } = CliSettings.DefaultLoadOptions();

    /// <summary>Whether <c>--verbose</c> was given: internal errors print their stack trace.</summary>
    public bool Verbose { get; set; }

    /// <summary>Above this many bytes of input, loading shows progress on a terminal.</summary>
    public long ProgressThresholdBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Writes a line to standard output with a <c>\n</c> ending; unsafe characters are escaped (see <see cref="Inert"/>).</summary>
    public void WriteLine(string line)
    {
        Out.Write(Inert(line));
        Out.Write('\n');
    }

    /// <summary>Writes a line to standard error with a <c>\n</c> ending; unsafe characters are escaped (see <see cref="Inert"/>).</summary>
    public void WriteError(string line)
    {
        Error.Write(Inert(line));
        Error.Write('\n');
    }

    /// <summary>
    /// The text with terminal escapes, line breaks, line and paragraph separators and bidirectional-text controls written as
    /// <c>\uXXXX</c>, so that text from an untrusted graph file cannot move the cursor, recolour the terminal, forge a line or
    /// disguise one: the library's <see cref="TerminalText.Escape"/>, the one routine for diagnostics and CLI text.
    /// </summary>
    internal static string Inert(string text) => TerminalText.Escape(text);

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
