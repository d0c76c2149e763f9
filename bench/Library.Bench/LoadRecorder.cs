using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Library.Bench;

/// <summary>Counts every request by outcome and keeps its latency.</summary>
internal sealed class LoadRecorder
{
    private readonly ConcurrentBag<double> _latencies = [];
    private int _total;
    private int _ok;
    private int _conflicts;
    private int _throttled;
    private int _serverErrors;
    private int _dropped;
    private int _other;

    public int Total => _total;
    public int Ok => _ok;
    public int Conflicts => _conflicts;
    public int Throttled => _throttled;
    public int ServerErrors => _serverErrors;
    public int Dropped => _dropped;
    public int Other => _other;

    public async Task<HttpResponseMessage?> TimeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await send();
            _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Interlocked.Increment(ref _total);
            var code = (int)response.StatusCode;
            if (code is >= 200 and < 300)
            {
                Interlocked.Increment(ref _ok);
            }
            else if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Interlocked.Increment(ref _conflicts);
            }
            else if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _throttled);
            }
            else if (code >= 500)
            {
                Interlocked.Increment(ref _serverErrors);
            }
            else
            {
                Interlocked.Increment(ref _other);
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            Interlocked.Increment(ref _total);
            Interlocked.Increment(ref _dropped);
            return null;
        }
    }

    public double[] SortedLatencies()
    {
        var all = _latencies.ToArray();
        Array.Sort(all);
        return all;
    }

    /// <summary>Share of requests that got an answer that is not a server error.</summary>
    public double Availability => _total == 0 ? double.NaN : 100.0 * (_total - _serverErrors - _dropped) / _total;
}
