using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Provenance;

/// <summary>
/// The wire names (kebab-case, as written in YAML, JSON and on the command line) of the model's enumerations.
/// Immutable, thread-safe.
/// </summary>
public static class ProvenanceNames
{
    private static readonly FrozenDictionary<Type, (string[] Names, FrozenDictionary<string, int> Values)> Tables =
        new[] { typeof(SourceKind), typeof(ReportKind), typeof(AssertionMode), typeof(CitationKind), typeof(Hedge), typeof(ChainEndKind), typeof(DeadEndReason) }
            .ToFrozenDictionary(t => t, Build);

    /// <summary>Returns the wire name of an enumeration value, e.g. <c>news-agency</c> for <see cref="SourceKind.NewsAgency"/>.</summary>
    /// <typeparam name="TEnum">One of the model's enumerations.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The wire name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a defined value of a model enumeration.</exception>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var names = Table<TEnum>().Names;
        var index = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        if ((uint)index >= (uint)names.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Not a defined value.");
        }

        return names[index];
    }

    /// <summary>Parses a wire name (case-sensitive, kebab-case) into an enumeration value.</summary>
    /// <typeparam name="TEnum">One of the model's enumerations.</typeparam>
    /// <param name="name">The wire name.</param>
    /// <param name="value">The value, when the name is known.</param>
    /// <returns><see langword="true"/> when <paramref name="name"/> is a wire name of <typeparamref name="TEnum"/>.</returns>
    public static bool TryParse<TEnum>(string? name, [NotNullWhen(true)] out TEnum? value)
        where TEnum : struct, Enum
    {
        if (name is not null && Table<TEnum>().Values.TryGetValue(name, out var index))
        {
            value = (TEnum)Enum.ToObject(typeof(TEnum), index);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Lists every wire name of an enumeration, in declaration order.</summary>
    /// <typeparam name="TEnum">One of the model's enumerations.</typeparam>
    /// <returns>The wire names.</returns>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Table<TEnum>().Names;

    private static (string[] Names, FrozenDictionary<string, int> Values) Table<TEnum>()
        where TEnum : struct, Enum =>
        Tables.TryGetValue(typeof(TEnum), out var table)
            ? table
            : throw new ArgumentException($"{typeof(TEnum).Name} is not a Provenance enumeration.", nameof(TEnum));

    private static (string[] Names, FrozenDictionary<string, int> Values) Build(Type type)
    {
        var names = Enum.GetNames(type).Select(Kebab).ToArray();
        return (names, names.Select((n, i) => (n, i)).ToFrozenDictionary(p => p.n, p => p.i, StringComparer.Ordinal));
    }

    private static string Kebab(string pascal)
    {
        var builder = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
