using System.Collections.Immutable;

namespace Provenance.Prov;

/// <summary>
/// The outcome of a PROV-JSON import: the graph built from every record the mapping covers, and every record or
/// attribute it could not map, with the reason. Immutable, thread-safe.
/// </summary>
public sealed class ProvImportResult
{
    internal ProvImportResult(CitationGraph graph, ImmutableArray<UnmappedRecord> unmapped)
    {
        Graph = graph;
        Unmapped = unmapped;
    }

    /// <summary>The graph built from the mapped records.</summary>
    public CitationGraph Graph { get; }

    /// <summary>Every record or attribute that has no counterpart in the graph, in file order; empty for a document this library wrote.</summary>
    public ImmutableArray<UnmappedRecord> Unmapped { get; }
}

/// <summary>A PROV record, or one attribute of it, that an import could not map. Immutable, thread-safe.</summary>
/// <param name="RecordType">The PROV-JSON record type, e.g. <c>activity</c> or <c>wasDerivedFrom</c> (or <c>bundle</c>).</param>
/// <param name="Id">The record's id as written, e.g. <c>ex:article</c> or <c>_:id3</c>.</param>
/// <param name="Attribute">The attribute that was not mapped, or <see langword="null"/> when the whole record was not.</param>
/// <param name="Reason">One plain sentence saying why.</param>
/// <param name="Location">Where the record (or attribute) is written.</param>
public sealed record UnmappedRecord(string RecordType, string Id, string? Attribute, string Reason, SourceLocation Location)
{
    /// <summary>Formats the entry as <c>path:line:column: type id[ attribute]: reason</c>.</summary>
    /// <returns>The formatted entry.</returns>
    public override string ToString() =>
        Attribute is null ? $"{Location}: {RecordType} {Id}: {Reason}" : $"{Location}: {RecordType} {Id} {Attribute}: {Reason}";
}
