namespace Provenance;

/// <summary>One problem found in a graph or its input files. Immutable, thread-safe.</summary>
/// <param name="Location">Where the problem is, when it comes from a file.</param>
/// <param name="Code">A stable kebab-case code for the kind of problem (e.g. <c>unknown-reference</c>).</param>
/// <param name="Message">One plain sentence naming the offending value and, where possible, the fix.</param>
public sealed record GraphDiagnostic(SourceLocation? Location, string Code, string Message)
{
    /// <summary>Formats the problem as <c>path:line:column: message</c>, or the bare message when it has no location.</summary>
    /// <returns>The formatted problem.</returns>
    /// <remarks>
    /// Control characters, line and paragraph separators and bidirectional-text controls are written as <c>\uXXXX</c> escapes, so
    /// that a hostile value quoted in a message (an id holding a newline or a terminal escape sequence) cannot forge another
    /// problem line or rewrite the terminal it is printed on (issue 9); see <see cref="TerminalText.Escape"/>.
    /// </remarks>
    public override string ToString() => TerminalText.Escape(Location is { } at ? $"{at}: {Message}" : Message);
}
