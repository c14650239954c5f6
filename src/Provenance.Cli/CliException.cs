namespace Provenance.Cli;

/// <summary>A problem the tool reports on standard error and turns into an exit code, without a stack trace.</summary>
internal sealed class CliException : Exception
{
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException(int exitCode, IReadOnlyList<string> lines)
        : base(string.Join("\n", lines))
    {
        ExitCode = exitCode;
        Lines = lines;
    }

    /// <summary>The exit code to return.</summary>
    public int ExitCode { get; }

    /// <summary>The lines to print, each already formatted; when null, the message is printed, after <c>error: </c> unless it already names a file.</summary>
    public IReadOnlyList<string>? Lines { get; }

    /// <summary>An input problem (exit code 1). A message of the form <c>path: error: ...</c> is printed as is.</summary>
    public static CliException Input(string message) => new(ExitCodes.InvalidInput, message);

    /// <summary>A usage problem (exit code 2).</summary>
    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
