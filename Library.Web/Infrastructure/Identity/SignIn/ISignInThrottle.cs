namespace Library.Web.Infrastructure.Identity.SignIn;

/// <summary>
/// Limits failed sign-ins per client address and per account, for the sign-in page and /api/auth/login alike.
/// One small seam so the in-process counters can move to a shared store (Redis) when the app runs on several nodes.
/// </summary>
public interface ISignInThrottle
{
    /// <summary>Counts an attempt before the password is checked. Null when it may go ahead, else how long to wait.</summary>
    TimeSpan? TryBegin(string clientAddress, string account);

    /// <summary>A successful sign-in gives the attempt back (only failures use up the budget).</summary>
    void Succeeded(string clientAddress, string account);
}

/// <summary>Sign-in limits (section "SignIn:Throttle").</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn:Throttle";

    /// <summary>Failures one client address may make per window; the next attempt answers 429.</summary>
    public int FailuresPerAddress { get; set; } = 10;

    /// <summary>Failures per account per window, from any address; below the lockout threshold (5) on purpose.</summary>
    public int FailuresPerAccount { get; set; } = 4;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
