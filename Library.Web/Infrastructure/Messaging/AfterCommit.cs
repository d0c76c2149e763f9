namespace Library.Web.Infrastructure.Messaging;

/// <summary>Scoped: work a handler wants done only once its transaction has committed (e.g. telling live pages).</summary>
internal sealed class AfterCommit
{
    private readonly List<Func<Task>> _actions = [];

    public void Enqueue(Func<Task> action) => _actions.Add(action);

    public int Count => _actions.Count;

    /// <summary>Forgets what was enqueued from <paramref name="index"/> on (the work that enqueued it was rolled back).</summary>
    public void DiscardFrom(int index) => _actions.RemoveRange(index, _actions.Count - index);

    public async Task RunAsync()
    {
        foreach (var action in _actions)
        {
            await action();
        }

        _actions.Clear();
    }
}
