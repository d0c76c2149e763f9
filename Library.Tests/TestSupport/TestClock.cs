namespace Library.Tests.TestSupport;

/// <summary>
/// Real time flowing from a fixed start (09:00 UTC = 18:00 in the library's default zone Asia/Seoul, so no short test crosses
/// a library midnight), which a test can move forward.
/// Timers stay real, so hosted services and Quartz behave as in production.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private long _offsetTicks;

    public TestClock(DateTimeOffset? start = null)
    {
        _offsetTicks = ((start ?? DefaultStart) - TimeProvider.System.GetUtcNow()).Ticks;
    }

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
