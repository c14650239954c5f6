namespace Provenance;

/// <summary>The file formats <see cref="ProvenanceGraph"/> reads and writes.</summary>
public enum GraphFormat
{
    /// <summary>The YAML graph format: one file (<c>.yaml</c>, <c>.yml</c>) or a folder of them.</summary>
    Yaml,

    /// <summary>The bulk format: JSON Lines (<c>.jsonl</c>), one record per line.</summary>
    JsonLines,

    /// <summary>W3C PROV-JSON (<c>.json</c>), as written by <see cref="Prov.ProvJson.Export(CitationGraph, Stream)"/>.</summary>
    ProvJson,
}
