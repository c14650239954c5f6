using System.Globalization;

namespace Provenance;

/// <summary>A position in an input file: 1-based line and column. Immutable, thread-safe.</summary>
/// <param name="File">The file's path as the user gave it.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Formats the position as <c>path:line:column</c>, the form editors and CI logs link to.</summary>
    /// <returns>The formatted position.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
