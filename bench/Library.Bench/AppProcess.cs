using System.Diagnostics;

namespace Library.Bench;

/// <summary>
/// The published app as a child process on 127.0.0.1 with its own data directory. Its database is named after
/// <paramref name="databaseDirectory"/> (default: its data directory), so the nodes of a cluster can share one.
/// </summary>
internal sealed class AppProcess(
    string appDll, string dataDirectory, int port, BenchStore store, IReadOnlyDictionary<string, string> settings, string? databaseDirectory = null)
    : ILoadTarget
{
    private Process? _process;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{port}");

    public Database Database => new(store, databaseDirectory ?? dataDirectory);

    public BenchStore Store => store;

    public string DataDirectory => dataDirectory;

    /// <summary>The running app's process id (for its working set in /proc).</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The app is not running.");

    /// <summary>The app's resident memory now (VmRSS), in bytes.</summary>
    public long WorkingSetBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{ProcessId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            }
        }

        return 0;
    }

    /// <summary>From process start to the first answered readiness request, for the last <see cref="StartAsync"/>.</summary>
    public TimeSpan LastStartUp { get; private set; }

    /// <summary>CPU time (user + system) the app has used so far.</summary>
    public TimeSpan CpuTime()
    {
        var fields = File.ReadAllText($"/proc/{ProcessId}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks of 10 ms.
        return TimeSpan.FromMilliseconds((long.Parse(fields[11]) + long.Parse(fields[12])) * 10);
    }

    public async Task StartAsync()
    {
        var startedAt = Stopwatch.GetTimestamp();
        var info = new ProcessStartInfo("dotnet", [appDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
        };
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Database__Provider"] = store.Name;
        info.Environment["ConnectionStrings__Library"] = store.AppConnectionString(databaseDirectory ?? dataDirectory);
        info.Environment["Storage__DataDirectory"] = dataDirectory;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__")] = value;
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Log(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} during start-up.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    LastStartUp = Stopwatch.GetElapsedTime(startedAt);
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("The app did not become ready in 90 s.");
    }

    /// <summary>kill -9: no shutdown hooks, no flush.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            Process.Start("kill", ["-9", _process.Id.ToString()])!.WaitForExit();
            _process.WaitForExit();
        }
    }

    /// <summary>SIGTERM, as an orchestrator stops a pod.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (TimeoutException)
        {
            Kill();
        }

        _process?.Dispose();
    }

    private static void Log(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line) && Environment.GetEnvironmentVariable("BENCH_APP_LOG") == "1")
        {
            Console.Error.WriteLine("  [app] " + line);
        }
    }
}
