namespace Provenance.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The input was invalid: a graph with errors, a missing file, an unknown id, an evidence excerpt not found.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line was wrong: an unknown command or option, a missing or malformed argument, a number out of range.</summary>
    public const int Usage = 2;

    /// <summary>An internal error: an exception the tool did not plan for (<c>EX_SOFTWARE</c> in sysexits.h).</summary>
    public const int Internal = 70;
}
