namespace Provenance;

/// <summary>One problem found in a graph or its input files. Immutable, thread-safe.</summary>
/// <param name="Location">Where the problem is, when it comes from a file.</param>
/// <param name="Code">A stable kebab-case code for the kind of problem (e.g. <c>unknown-reference</c>).</param>
/// <param name="Message">One plain sentence naming the offending value and, where possible, the fix.</param>
public sealed record GraphDiagnostic(SourceLocation? Location, string Code, string Message)
{
    /// <summary>Formats the problem as <c>path:line:column: message</c>, or the bare message when it has no location.</summary>
    /// <returns>The formatted problem.</returns>
    public override string ToString() => Location is { } at ? $"{at}: {Message}" : Message;
}
