namespace Library.Web.Infrastructure.Persistence;

/// <summary>The gate of a store with real concurrent writers (PostgreSQL): nothing to wait for.</summary>
internal sealed class NoWriteGate : IWriteGate
{
    private static readonly IDisposable Nothing = new Open();

    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Nothing);

    private sealed class Open : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
