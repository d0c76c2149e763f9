namespace Library.Web.Infrastructure.Messaging;

/// <summary>Which handler types subscribe to which event type; filled at startup by AddEventHandler.</summary>
internal sealed class EventHandlerRegistry
{
    private readonly Dictionary<Type, List<Type>> _handlers = [];

    public void Add(Type eventType, Type handlerType)
    {
        if (!_handlers.TryGetValue(eventType, out var list))
        {
            _handlers[eventType] = list = [];
        }

        if (!list.Contains(handlerType))
        {
            list.Add(handlerType);
        }
    }

    public IReadOnlyList<Type> HandlersFor(Type eventType) =>
        _handlers.TryGetValue(eventType, out var list) ? list : [];

    public static string NameOf(Type handlerType) => handlerType.Name;
}
