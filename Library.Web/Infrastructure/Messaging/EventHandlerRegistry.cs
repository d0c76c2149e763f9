namespace Library.Web.Infrastructure.Messaging;

/// <summary>Which handler types subscribe to which event type; filled at startup by AddEventHandler.</summary>
internal sealed class EventHandlerRegistry
{
    private readonly Dictionary<Type, List<Type>> _handlers = [];
    private readonly Dictionary<Type, List<Type>> _liveHandlers = [];

    public void Add(Type eventType, Type handlerType) => AddTo(_handlers, eventType, handlerType);

    public void AddLive(Type eventType, Type handlerType) => AddTo(_liveHandlers, eventType, handlerType);

    /// <summary>Handlers that change state: run in the delivery transaction, once per event id.</summary>
    public IReadOnlyList<Type> HandlersFor(Type eventType) =>
        _handlers.TryGetValue(eventType, out var list) ? list : [];

    /// <summary>Handlers that only push to live clients: run after commit, no record.</summary>
    public IReadOnlyList<Type> LiveHandlersFor(Type eventType) =>
        _liveHandlers.TryGetValue(eventType, out var list) ? list : [];

    private static void AddTo(Dictionary<Type, List<Type>> map, Type eventType, Type handlerType)
    {
        if (!map.TryGetValue(eventType, out var list))
        {
            map[eventType] = list = [];
        }

        if (!list.Contains(handlerType))
        {
            list.Add(handlerType);
        }
    }

    public static string NameOf(Type handlerType) => handlerType.Name;
}
