using System.Diagnostics;

namespace Library.Bench;

/// <summary>
/// Start-up to the first answered request, on a missing database (created, migrated, demo data seeded) and on an existing
/// one, and the idle working set after the app has settled.
/// </summary>
internal sealed class StartupScenario(BenchOptions options, Report report)
{
    public async Task RunAsync()
    {
        var dir = Path.Combine(options.WorkDirectory, "startup-" + DateTime.UtcNow.ToString("HHmmss"));
        Directory.CreateDirectory(dir);
        await using var app = new AppProcess(options.AppDll, dir, 5900 + Random.Shared.Next(90), options.Store, options.AppSettings);
        await app.StartAsync();
        var fresh = app.LastStartUp;
        await app.StopAsync();
        var warm = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            await app.StartAsync();
            warm.Add(app.LastStartUp.TotalMilliseconds);
            if (i < 2)
            {
                await app.StopAsync();
            }
        }

        var settled = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(15));
        var idle = app.WorkingSetBytes();
        var cpuBefore = app.CpuTime();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idleCpu = (app.CpuTime() - cpuBefore).TotalMilliseconds / 10_000 * 100;
        warm.Sort();

        report.Section($"Start-up and idle ({options.Store.Name})");
        report.Row("process start → first answered request, new database (create, migrate, seed)", $"{fresh.TotalMilliseconds:N0} ms");
        report.Row("process start → first answered request, existing database (median of 3)", $"{warm[1]:N0} ms (min {warm[0]:N0}, max {warm[2]:N0})");
        report.Row("idle working set 15 s after start / idle CPU", $"{idle / 1024.0 / 1024:N0} MB / {idleCpu:0.0} %");
        report.Target($"Start-up ({options.Store.Name}): process start → first answered request", "measured and reported", $"{fresh.TotalMilliseconds:N0} ms new database, {warm[1]:N0} ms existing", null);
        report.Target($"Idle working set ({options.Store.Name})", "measured and reported", $"{idle / 1024.0 / 1024:N0} MB", null);
    }
}
