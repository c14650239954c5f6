namespace Provenance.Graphviz;

/// <summary>Graphviz's <c>dot</c> failed, or ran past its timeout. The message holds what <c>dot</c> wrote to standard error.</summary>
public class GraphvizException : ProvenanceException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One plain sentence saying what went wrong.</param>
    /// <param name="exitCode"><c>dot</c>'s exit code, when it exited on its own.</param>
    /// <param name="standardError">What <c>dot</c> wrote to standard error.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GraphvizException(string message, int? exitCode, string standardError, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary><c>dot</c>'s exit code; <see langword="null"/> when it never ran or was stopped.</summary>
    public int? ExitCode { get; }

    /// <summary>What <c>dot</c> wrote to standard error, trimmed; empty when nothing.</summary>
    public string StandardError { get; }
}

/// <summary>Graphviz's <c>dot</c> is not installed, not on <c>PATH</c>, or cannot be started. The message names the package to install.</summary>
public sealed class GraphvizNotFoundException : GraphvizException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">One plain sentence saying what is missing and how to install it.</param>
    /// <param name="innerException">The cause, if any.</param>
    public GraphvizNotFoundException(string message, Exception? innerException = null)
        : base(message, null, "", innerException)
    {
    }
}
