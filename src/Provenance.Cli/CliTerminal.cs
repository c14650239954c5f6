namespace Provenance.Cli;

/// <summary>Where the tool writes and what it may assume about those streams.</summary>
/// <param name="Output">Standard output: results.</param>
/// <param name="Error">Standard error: problems and progress.</param>
/// <param name="OutputIsTerminal">Whether standard output is an interactive terminal (not redirected).</param>
/// <param name="ErrorIsTerminal">Whether standard error is an interactive terminal (not redirected).</param>
/// <param name="NoColor">Whether colour is switched off (the <c>NO_COLOR</c> convention).</param>
internal sealed record CliTerminal(TextWriter Output, TextWriter Error, bool OutputIsTerminal, bool ErrorIsTerminal, bool NoColor)
{
    /// <summary>The process's own console, with redirection and <c>NO_COLOR</c> detected.</summary>
    public static CliTerminal FromProcess() => new(
        Console.Out,
        Console.Error,
        !Console.IsOutputRedirected,
        !Console.IsErrorRedirected,
        !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>Two writers that are not terminals, as when both streams are redirected (and in tests).</summary>
    public static CliTerminal Redirected(TextWriter output, TextWriter error) => new(output, error, false, false, true);
}
