using System.Collections.Immutable;

namespace Provenance;

/// <summary>The base of every exception the Provenance library throws on purpose.</summary>
public class ProvenanceException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">One plain sentence saying what is wrong.</param>
    public ProvenanceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">One plain sentence saying what is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ProvenanceException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// A graph, or the files it was loaded from, is malformed or inconsistent. Every problem found is listed in
/// <see cref="Diagnostics"/>; no graph was built.
/// </summary>
public sealed class GraphValidationException : ProvenanceException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="diagnostics">Every problem, at least one.</param>
    /// <param name="innerException">The parser's exception, when a single syntax error caused it.</param>
    /// <exception cref="ArgumentException"><paramref name="diagnostics"/> is empty.</exception>
    public GraphValidationException(IEnumerable<GraphDiagnostic> diagnostics, Exception? innerException = null)
        : this(diagnostics.ToImmutableArray(), innerException)
    {
    }

    private GraphValidationException(ImmutableArray<GraphDiagnostic> diagnostics, Exception? innerException)
        : base(Format(diagnostics), innerException)
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every problem found, in file order.</summary>
    public ImmutableArray<GraphDiagnostic> Diagnostics { get; }

    /// <summary>The file of the first problem, when it has a location.</summary>
    public string? FilePath => Diagnostics[0].Location?.File;

    /// <summary>The 1-based line of the first problem, or 0 when it has no location.</summary>
    public int Line => Diagnostics[0].Location?.Line ?? 0;

    /// <summary>The 1-based column of the first problem, or 0 when it has no location.</summary>
    public int Column => Diagnostics[0].Location?.Column ?? 0;

    private static string Format(ImmutableArray<GraphDiagnostic> diagnostics)
    {
        if (diagnostics.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one diagnostic is required.", nameof(diagnostics));
        }

        return diagnostics.Length == 1
            ? diagnostics[0].ToString()
            : $"The graph has {diagnostics.Length} problems and was not loaded:\n" + string.Join("\n", diagnostics);
    }
}
