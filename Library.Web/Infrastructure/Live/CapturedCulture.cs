using System.Globalization;

namespace Library.Web.Infrastructure.Live;

/// <summary>
/// The culture of the code that subscribed (a circuit: its request's culture), replayed around a callback that runs
/// on someone else's thread (the outbox dispatcher, a job, another user's request). Without it a live re-render would
/// use that thread's culture: English text and another date format on a Korean page.
/// </summary>
internal readonly record struct CapturedCulture(CultureInfo Culture, CultureInfo UICulture)
{
    public static CapturedCulture Current => new(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    /// <summary>Runs <paramref name="callback"/> in the captured culture; the caller's culture is back afterwards.</summary>
    public async Task RunAsync(Func<Task> callback)
    {
        // Set inside an async method: the change lives in this call's execution context only (and flows into
        // InvokeAsync, which runs or queues the render with the caller's context), so the caller keeps its own culture.
        CultureInfo.CurrentCulture = Culture;
        CultureInfo.CurrentUICulture = UICulture;
        await callback();
    }
}
