using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace Provenance.Tests;

/// <summary>
/// Lists the public surface of the Provenance assembly by reflection and compares it with Golden/PublicApi.txt,
/// so every API change is a visible diff in review.
/// </summary>
/// <remarks>
/// After an intended API change, regenerate the golden file and commit it:
/// <c>PROVENANCE_UPDATE_GOLDEN=1 dotnet test tests/Provenance.Tests --filter FullyQualifiedName~PublicApiTests</c>.
/// With that variable set the test rewrites tests/Provenance.Tests/Golden/PublicApi.txt in the source tree
/// (found by walking up to Provenance.sln) instead of comparing.
/// </remarks>
public class PublicApiTests
{
    [Fact]
    public void PublicApi_MatchesGoldenFile()
    {
        Golden.AssertMatches("tests/Provenance.Tests/Golden/PublicApi.txt", Describe(typeof(CitationGraph).Assembly), copiedAs: Path.Combine("Golden", "PublicApi.txt"));
    }

    [Fact]
    public void Describe_KnownRecord_ListsItsHeaderAndEveryMember()
    {
        // Written by hand from the declaration of Affiliation, not produced by Describe.
        const string expected = """
            sealed record Provenance.Affiliation : System.IEquatable<Provenance.Affiliation>
              bool Equals(Provenance.Affiliation? other)
              ctor(string Id, string Name)
              override bool Equals(object? obj)
              override int GetHashCode()
              override string ToString()
              static bool op_Equality(Provenance.Affiliation? left, Provenance.Affiliation? right)
              static bool op_Inequality(Provenance.Affiliation? left, Provenance.Affiliation? right)
              string Id { get; init; }
              string Name { get; init; }
              string? Description { get; init; }
              void Deconstruct(out string Id, out string Name)

            """;

        Assert.Contains("\n" + expected.ReplaceLineEndings("\n") + "sealed record Provenance.Assertion", "\n" + Describe(typeof(CitationGraph).Assembly), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EveryExportedType_HasAHeaderLine()
    {
        var headers = Describe(typeof(CitationGraph).Assembly).Split('\n').Where(l => l.Length > 0 && l[0] != ' ').ToList();

        Assert.Equal(typeof(CitationGraph).Assembly.GetExportedTypes().Length, headers.Count);
    }

    /// <summary>One line per public type, then one indented line per public or protected member; all sorted ordinally.</summary>
    internal static string Describe(Assembly assembly)
    {
        var text = new StringBuilder();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            text.Append(Header(type)).Append('\n');
            foreach (var member in Members(type).Order(StringComparer.Ordinal))
            {
                text.Append("  ").Append(member).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Header(Type type)
    {
        var kind = type.IsEnum ? "enum"
            : type.IsInterface ? "interface"
            : type.IsValueType ? (type.GetMethod("<Clone>$") is not null || type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null ? "record struct" : "struct")
            : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
            : type.GetMethod("<Clone>$") is not null ? "record"
            : "class";
        var modifiers = type is { IsAbstract: true, IsSealed: true } ? "static "
            : type.IsAbstract && !type.IsInterface ? "abstract "
            : type.IsSealed && !type.IsValueType && !type.IsEnum && kind != "delegate" ? "sealed "
            : "";
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && kind != "delegate")
        {
            bases.Add(Name(b));
        }

        if (!type.IsEnum)
        {
            bases.AddRange(type.GetInterfaces().Select(i => Name(i)).Order(StringComparer.Ordinal));
        }
        return $"{modifiers}{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
    }

    private static IEnumerable<string> Members(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        static bool Visible(MethodBase? m) => m is not null && (m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly);
        var nullability = new NullabilityInfoContext();

        if (type.IsEnum)
        {
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                yield return $"{field.Name} = {Convert.ToInt64(field.GetRawConstantValue(), CultureInfo.InvariantCulture)}";
            }

            yield break;
        }

        foreach (var member in type.GetMembers(all))
        {
            if (member.Name.StartsWith('<'))
            {
                continue;
            }

            switch (member)
            {
                case ConstructorInfo c when Visible(c) && !type.IsAbstract || (member is ConstructorInfo c2 && c2.IsFamily):
                    yield return $"{Access((MethodBase)member)}ctor({Parameters((MethodBase)member, nullability)})";
                    break;
                case MethodInfo m when Visible(m) && !m.IsSpecialName:
                    var generic = m.IsGenericMethod ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : "";
                    var constraints = string.Concat(m.GetGenericArguments().Select(Constraint));
                    yield return $"{Access(m)}{Modifiers(m)}{Name(m.ReturnType, nullability.Create(m.ReturnParameter))} {m.Name}{generic}({Parameters(m, nullability)}){constraints}";
                    break;
                case MethodInfo op when Visible(op) && op.IsSpecialName && op.Name.StartsWith("op_", StringComparison.Ordinal):
                    yield return $"{Access(op)}{Modifiers(op)}{Name(op.ReturnType)} {op.Name}({Parameters(op, nullability)})";
                    break;
                case PropertyInfo p when Visible(p.GetMethod) || Visible(p.SetMethod):
                    var accessors = new List<string>();
                    if (Visible(p.GetMethod))
                    {
                        accessors.Add("get;");
                    }

                    if (Visible(p.SetMethod))
                    {
                        var init = p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Any(t => t == typeof(IsExternalInit));
                        accessors.Add(init ? "init;" : "set;");
                    }

                    var indexer = p.GetIndexParameters().Length > 0 ? $"this[{string.Join(", ", p.GetIndexParameters().Select(i => Name(i.ParameterType) + " " + i.Name))}]" : p.Name;
                    yield return $"{Access(p.GetMethod ?? p.SetMethod!)}{Modifiers(p.GetMethod ?? p.SetMethod!)}{Name(p.PropertyType, nullability.Create(p))} {indexer} {{ {string.Join(" ", accessors)} }}";
                    break;
                case FieldInfo f when f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly:
                    var prefix = f.IsLiteral ? "const " : f.IsStatic ? (f.IsInitOnly ? "static readonly " : "static ") : f.IsInitOnly ? "readonly " : "";
                    var value = f.IsLiteral ? " = " + Literal(f.GetRawConstantValue()) : "";
                    yield return $"{(f.IsFamily ? "protected " : "")}{prefix}{Name(f.FieldType, nullability.Create(f))} {f.Name}{value}";
                    break;
                case EventInfo e when Visible(e.AddMethod):
                    yield return $"{Access(e.AddMethod!)}{Modifiers(e.AddMethod!)}event {Name(e.EventHandlerType!, nullability.Create(e))} {e.Name}";
                    break;
            }
        }
    }

    private static string Access(MethodBase m) => m.IsFamily || m.IsFamilyOrAssembly ? "protected " : "";

    private static string Modifiers(MethodInfo m) =>
        m.IsStatic ? "static "
        : m.IsAbstract && !m.DeclaringType!.IsInterface ? "abstract "
        : m.IsVirtual && !m.IsFinal && m.GetBaseDefinition() == m && !m.DeclaringType!.IsInterface ? "virtual "
        : m.IsVirtual && m.GetBaseDefinition() != m ? "override "
        : "";

    private static string Constraint(Type argument)
    {
        var parts = new List<string>();
        var flags = argument.GenericParameterAttributes;
        if (flags.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
        {
            parts.Add("struct");
        }
        else if (flags.HasFlag(GenericParameterAttributes.ReferenceTypeConstraint))
        {
            parts.Add("class");
        }

        parts.AddRange(argument.GetGenericParameterConstraints().Where(t => t != typeof(ValueType)).Select(t => Name(t)));
        if (flags.HasFlag(GenericParameterAttributes.DefaultConstructorConstraint) && !flags.HasFlag(GenericParameterAttributes.NotNullableValueTypeConstraint))
        {
            parts.Add("new()");
        }

        return parts.Count == 0 ? "" : $" where {argument.Name} : {string.Join(", ", parts)}";
    }

    private static string Parameters(MethodBase method, NullabilityInfoContext nullability)
    {
        var extension = method.IsDefined(typeof(ExtensionAttribute), false);
        return string.Join(", ", method.GetParameters().Select((p, i) =>
        {
            var prefix = (i == 0 && extension ? "this " : "")
                + (p.IsDefined(typeof(ParamArrayAttribute), false) ? "params " : "")
                + (p.ParameterType.IsByRef ? p.IsOut ? "out " : p.IsIn ? "in " : "ref " : "");
            var type = p.ParameterType.IsByRef ? p.ParameterType.GetElementType()! : p.ParameterType;
            var value = p.HasDefaultValue ? " = " + Literal(p.RawDefaultValue) : "";
            return $"{prefix}{Name(type, nullability.Create(p))} {p.Name}{value}";
        }));
    }

    private static string Literal(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Name(Type type, NullabilityInfo? nullability = null)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!, nullability);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Name(underlying, nullability?.GenericTypeArguments.FirstOrDefault()) + "?";
        }

        var mark = nullability is { ReadState: NullabilityState.Nullable } && !type.IsValueType ? "?" : "";
        if (type.IsArray)
        {
            return Name(type.GetElementType()!, nullability?.ElementType) + "[]" + mark;
        }

        if (type.IsGenericParameter)
        {
            return type.Name + mark;
        }

        var keyword = type.IsEnum ? null : Type.GetTypeCode(type) switch
        {
            TypeCode.String => "string",
            TypeCode.Int32 => "int",
            TypeCode.Int64 => "long",
            TypeCode.Boolean => "bool",
            TypeCode.Double => "double",
            TypeCode.Char => "char",
            TypeCode.Byte => "byte",
            _ when type == typeof(object) => "object",
            _ when type == typeof(void) => "void",
            _ => null,
        };
        if (keyword is not null)
        {
            return keyword + mark;
        }

        var name = (type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name);
        if (type.IsGenericType)
        {
            var arguments = type.GetGenericArguments();
            var argumentNullability = nullability?.GenericTypeArguments;
            name = name[..name.IndexOf('`', StringComparison.Ordinal)]
                + "<" + string.Join(", ", arguments.Select((a, i) => Name(a, argumentNullability is { Length: > 0 } n && i < n.Length ? n[i] : null))) + ">";
        }

        return name + mark;
    }
}
