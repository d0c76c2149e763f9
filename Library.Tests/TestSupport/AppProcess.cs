using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Library.Tests.TestSupport;

/// <summary>
/// The app as a container runs it: <c>dotnet Library.Web.dll</c> in its own process, configured only through
/// environment variables, with its console output captured. Stopped with SIGTERM like <c>docker stop</c>.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _dataDirectory;

    private AppProcess(Process process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseAddress { get; private set; } = default!;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>Everything the process wrote to stdout so far, one entry per line.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <param name="environment">Variables on top of the defaults (Production, container, empty database without demo data).</param>
    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var webOutput = WebBuildOutput();
        var dataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "library-tests", "process-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webOutput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(System.IO.Path.Combine(webOutput, "Library.Web.dll"));
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("DOTNET_RUNNING_IN_CONTAINER", StringComparison.OrdinalIgnoreCase) || key.Contains("__", StringComparison.Ordinal))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["DOTNET_RUNNING_IN_CONTAINER"] = "true";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["ConnectionStrings__Library"] = $"Data Source={System.IO.Path.Combine(dataDirectory, "library.db")}";
        start.Environment["Seed__Demo"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var app = new AppProcess(process, dataDirectory);
        process.OutputDataReceived += (_, e) => app.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => app.OnLine(e.Data);
        process.Exited += (_, _) =>
        {
            process.WaitForExit(); // until stdout and stderr are read to the end, so the message has the last lines
            app._listening.TrySetException(new InvalidOperationException(
                $"The app exited with {process.ExitCode} before listening:\n{string.Join('\n', app.Output)}"));
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(TimeSpan.FromSeconds(300));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>SIGTERM, then waits for a graceful exit (the console logger flushes everything on the way out).</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Kill(_process.Id, SigTerm);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop within 30 s of SIGTERM.");
        }
    }

    /// <summary><c>kill -9</c>: no shutdown, no flush, nothing in flight finishes (a crashed node or pod).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigKill);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        LibraryApp.TryDelete(_dataDirectory);
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }

        var listening = ListeningOn().Match(line);
        if (listening.Success)
        {
            _listening.TrySetResult(new Uri(listening.Groups[1].Value));
        }
    }

    /// <summary>Library.Web's own build output (same configuration as the tests), as `dotnet publish` would lay it out.</summary>
    private static string WebBuildOutput()
    {
        var relative = System.IO.Path.GetRelativePath(RepoRoot.PathOf("Library.Tests"), AppContext.BaseDirectory);
        var output = RepoRoot.PathOf("Library.Web", relative);
        return System.IO.File.Exists(System.IO.Path.Combine(output, "Library.Web.dll"))
            ? output
            : throw new InvalidOperationException($"Library.Web is not built at {output}");
    }

    private const int SigTerm = 15;
    private const int SigKill = 9;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningOn();
}
