using System.Reflection;

namespace Library.Tests.Architecture;

/// <summary>Types a type depends on through its signature: base types, interfaces, fields, properties, methods, constructors.</summary>
internal static class TypeDependencies
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IEnumerable<Type> TypesIn(string namespacePrefix, params Assembly[] assemblies) =>
        assemblies.SelectMany(a => a.GetTypes()).Where(t => t.Namespace?.StartsWith(namespacePrefix) == true);

    public static IEnumerable<Type> Of(Type type)
    {
        var direct = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            direct.Add(baseType);
        }

        direct.AddRange(type.GetInterfaces());
        direct.AddRange(type.GetFields(All).Select(f => f.FieldType));
        direct.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        foreach (var method in type.GetMethods(All))
        {
            direct.Add(method.ReturnType);
            direct.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method.GetMethodBody() is { } body)
            {
                direct.AddRange(body.LocalVariables.Select(v => v.LocalType));
            }
        }

        foreach (var constructor in type.GetConstructors(All))
        {
            direct.AddRange(constructor.GetParameters().Select(p => p.ParameterType));
        }

        return direct.SelectMany(Expand).Distinct();
    }

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            return Expand(type.GetElementType()!);
        }

        return type.IsGenericType
            ? new[] { type.GetGenericTypeDefinition() }.Concat(type.GetGenericArguments().SelectMany(Expand))
            : [type];
    }
}
