namespace Provenance.Internal;

/// <summary>Where an element and each of its fields were written, so that a problem points at the offending value.</summary>
internal sealed class FieldLocations(SourceLocation? element)
{
    private Dictionary<string, SourceLocation>? fields;

    public SourceLocation? Element { get; } = element;

    public FieldLocations Set(string field, SourceLocation location)
    {
        (fields ??= new Dictionary<string, SourceLocation>(StringComparer.Ordinal))[field] = location;
        return this;
    }

    /// <summary>The field's own position, else the element's.</summary>
    public SourceLocation? Of(string field) =>
        fields is not null && fields.TryGetValue(field, out var at) ? at : Element;

    public static FieldLocations? From(SourceLocation? element) => element is null ? null : new FieldLocations(element);
}
