using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Library.Web.Infrastructure.Errors;

/// <summary>
/// Endpoint filter: a JSON body whose non-nullable string properties arrive as null (<c>{"email": null}</c>) answers 400
/// problem details naming the fields, before the handler runs. Identity's /api/auth handlers would otherwise pass the null on
/// and fail with a 500. Nullability comes from the request type's own annotations.
/// </summary>
internal sealed class RequiredBodyFields : IEndpointFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> RequiredStrings = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true)
            {
                continue;
            }

            foreach (var property in RequiredStrings.GetOrAdd(argument.GetType(), NonNullableStrings))
            {
                if (property.GetValue(argument) is null)
                {
                    var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                    errors[name] = [$"{name} is required."];
                }
            }
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : await next(context);
    }

    private static PropertyInfo[] NonNullableStrings(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.CanRead && nullability.Create(p).ReadState == NullabilityState.NotNull)
            .ToArray();
    }
}
