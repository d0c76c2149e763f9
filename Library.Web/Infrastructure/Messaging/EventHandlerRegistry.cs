namespace Library.Web.Infrastructure.Messaging;

/// <summary>
/// Which handler types subscribe to which event type, and each handler's stable name (stored in
/// <c>ProcessedEvents.Handler</c>, so renaming the class never re-applies events); filled at start-up by AddEventHandler.
/// </summary>
internal sealed class EventHandlerRegistry
{
    private readonly Dictionary<Type, List<Type>> _handlers = [];
    private readonly Dictionary<Type, List<Type>> _liveHandlers = [];
    private readonly NameMap _names = new();

    public void Add(Type eventType, Type handlerType, string name)
    {
        _names.Add(name, handlerType);
        AddTo(_handlers, eventType, handlerType);
    }

    public void AddLive(Type eventType, Type handlerType, string name)
    {
        _names.Add(name, handlerType);
        AddTo(_liveHandlers, eventType, handlerType);
    }

    /// <summary>Every handler's name (state-changing and live: one namespace).</summary>
    public IReadOnlyDictionary<string, Type> Names => _names.All;

    /// <summary>Handlers that change state: run in the delivery transaction, once per event id.</summary>
    public IReadOnlyList<Type> HandlersFor(Type eventType) =>
        _handlers.TryGetValue(eventType, out var list) ? list : [];

    /// <summary>Handlers that only push to live clients: run after commit, no record.</summary>
    public IReadOnlyList<Type> LiveHandlersFor(Type eventType) =>
        _liveHandlers.TryGetValue(eventType, out var list) ? list : [];

    public string NameOf(Type handlerType) => _names.NameOf(handlerType)
        ?? throw new InvalidOperationException($"{handlerType.FullName} is not a registered event handler.");

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
}
