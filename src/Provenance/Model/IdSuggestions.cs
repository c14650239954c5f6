using Provenance.Internal;

namespace Provenance;

/// <summary>"Did you mean" for an id that is not in a graph, as the loaders use it in their messages. Thread-safe.</summary>
public static class IdSuggestions
{
    /// <summary>
    /// The known id closest to an unknown one, when it is close enough to be a likely typo: at most a third of its length
    /// in edits (at least one edit, and fewer than its length), where inserting, deleting or replacing a character or
    /// swapping two neighbouring ones is one edit and a change of letter case is a replacement (so <c>TASX</c> is four
    /// edits from <c>tass</c>). The loaders of every format use the same rule. The search is bounded: it looks at the
    /// first 100,000 candidates and fills at most 10,000,000 edit-distance cells, so a hostile id cannot make it slow.
    /// </summary>
    /// <param name="id">The unknown id.</param>
    /// <param name="known">The ids it may be a typo of, e.g. <c>graph.Claims.Select(c =&gt; c.Id)</c>.</param>
    /// <returns>The closest id, ties broken by ordinal order; <see langword="null"/> when none is close.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="known"/> is <see langword="null"/>.</exception>
    public static string? Closest(string id, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(known);
        return Ids.Suggest(id, known);
    }
}
