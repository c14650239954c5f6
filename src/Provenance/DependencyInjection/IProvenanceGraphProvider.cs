namespace Provenance;

/// <summary>Gives the graph that <see cref="ProvenanceOptions.GraphPath"/> names, loaded once, on first use.</summary>
public interface IProvenanceGraphProvider
{
    /// <summary>The loaded graph. The first access loads it; every access, from any thread, returns the same instance.</summary>
    /// <exception cref="InvalidOperationException"><see cref="ProvenanceOptions.GraphPath"/> is not set.</exception>
    /// <exception cref="GraphValidationException">The graph files are malformed or inconsistent (every later access throws it again).</exception>
    CitationGraph Graph { get; }
}
