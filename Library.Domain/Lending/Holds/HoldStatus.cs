namespace Library.Domain.Lending.Holds;

public enum HoldStatus
{
    /// <summary>In the title's queue, first come, first served.</summary>
    Waiting = 0,

    /// <summary>A copy waits on the hold shelf for the patron until the pickup deadline.</summary>
    Ready = 1,

    /// <summary>The patron borrowed the held copy.</summary>
    Fulfilled = 2,

    Cancelled = 3,

    /// <summary>Not picked up by the deadline.</summary>
    Expired = 4,
}
