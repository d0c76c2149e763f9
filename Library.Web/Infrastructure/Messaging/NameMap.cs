namespace Library.Web.Infrastructure.Messaging;

/// <summary>A one-to-one map between stable stored names and CLR types; adding a name or a type twice is a start-up error.</summary>
internal sealed class NameMap
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _names = [];

    public IReadOnlyDictionary<string, Type> All => _types;

    /// <summary>Adds the pair; adding the very same pair again is allowed (a handler subscribing to several events).</summary>
    public void Add(string name, Type type)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxLength)
        {
            throw new ArgumentException($"A stored name must be 1–{MaxLength} characters, got '{name}' for {type.Name}.", nameof(name));
        }

        if (_names.TryGetValue(type, out var existing) && existing != name)
        {
            throw new InvalidOperationException($"{type.FullName} is registered as '{existing}' and as '{name}'; a type has one name.");
        }

        if (_types.TryGetValue(name, out var other) && other != type)
        {
            throw new InvalidOperationException($"The name '{name}' is taken by {other.FullName}; {type.FullName} needs its own.");
        }

        _types[name] = type;
        _names[type] = name;
    }

    public string? NameOf(Type type) => _names.GetValueOrDefault(type);

    public Type? TypeOf(string name) => _types.GetValueOrDefault(name);

    /// <summary>The stored columns (OutboxMessages.Type, ProcessedEvents.Handler) hold at most this many characters.</summary>
    public const int MaxLength = 200;
}
