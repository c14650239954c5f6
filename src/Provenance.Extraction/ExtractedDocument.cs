using System.Collections.Immutable;

namespace Provenance.Extraction;

/// <summary>The attributions found in one text. Immutable, thread-safe.</summary>
/// <param name="File">The file the text came from, or null for text given directly.</param>
/// <param name="Text">The decoded text the offsets refer to (no newline normalisation).</param>
/// <param name="Attributions">The attributions, in text order of their cues; <see cref="Attribution.Cites"/> indexes this list.</param>
public sealed record ExtractedDocument(string? File, string Text, ImmutableArray<Attribution> Attributions);
