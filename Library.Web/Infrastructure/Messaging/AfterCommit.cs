namespace Library.Web.Infrastructure.Messaging;

/// <summary>Scoped: work a handler wants done only once its transaction has committed (e.g. telling live pages).</summary>
internal sealed class AfterCommit
{
    private readonly List<Func<Task>> _actions = [];

    public void Enqueue(Func<Task> action) => _actions.Add(action);

    public async Task RunAsync()
    {
        foreach (var action in _actions)
        {
            await action();
        }

        _actions.Clear();
    }
}
