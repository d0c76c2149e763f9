using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Library.Bench;

/// <summary>
/// Issue 18, live patrons: ramps real Blazor circuits (headless Chromium pages on one title's book page and on the
/// catalogue), measures the app's working set per circuit and how long a borrow takes to show in every page.
/// </summary>
internal sealed class CircuitsScenario(BenchOptions options, Report report)
{
    private const string Password = "Bench-password-1234";
    private const long TwoGigabytes = 2L * 1024 * 1024 * 1024;
    private static readonly TimeSpan RampBudget = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan UpdateTimeout = TimeSpan.FromSeconds(5);
    private const long MinimumFreeMemoryBytes = 3L * 1024 * 1024 * 1024;

    private sealed record Step(int Circuits, long WorkingSet, List<double> FanOutMs, int NeverUpdated);

    public async Task RunAsync()
    {
        var dir = Path.Combine(options.WorkDirectory, "circuits-" + DateTime.UtcNow.ToString("HHmmss"));
        Directory.CreateDirectory(dir);
        await using var app = new AppProcess(options.AppDll, dir, 5390, options.Store, options.AppSettings);
        await app.StartAsync();
        using var handler = new SocketsHttpHandler { UseCookies = false };
        var patron = await Patron.RegisterAsync(app.BaseAddress, handler, "circuits@bench.local", Password);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var bookId = await FirstCatalogueTitleAsync(browser, app.BaseAddress);
        // Plenty of copies so every step's borrow succeeds and the badge text changes.
        app.Database.Execute($"UPDATE \"Books\" SET \"TotalCopies\" = 50, \"AvailableCopies\" = 50 WHERE \"Id\" = {bookId}");

        await Task.Delay(TimeSpan.FromSeconds(5));
        var idle = app.WorkingSetBytes();
        var steps = new List<Step>();
        var deadline = DateTime.UtcNow + RampBudget;
        await using var pages = new CircuitPages(browser, app.BaseAddress, bookId);
        foreach (var target in RampSteps(options.Circuits))
        {
            if (DateTime.UtcNow > deadline || FreeMemoryBytes() < MinimumFreeMemoryBytes)
            {
                break;
            }

            await pages.GrowToAsync(target, deadline);
            await Task.Delay(TimeSpan.FromSeconds(5)); // let the app's GC settle
            var workingSet = app.WorkingSetBytes();
            var (fanOut, never) = await BorrowAndObserveAsync(patron, pages, bookId);
            steps.Add(new Step(pages.Count, workingSet, fanOut, never));
            Console.WriteLine($"   step {pages.Count} circuits ({pages.Failed} failed to open): {workingSet / 1048576.0:N0} MB, fan-out p95 {Stats.Ms(Stats.Percentile(fanOut, 95))}, never {never}  [{Load()}]");
            if (pages.Count < target * 9 / 10) // more than a tenth failed to open: the machine holds no more
            {
                break;
            }
        }

        Print(idle, steps, pages.Failed);
    }

    private static IEnumerable<int> RampSteps(int max)
    {
        foreach (var n in new[] { 25, 50, 100, 200, 300, 400, 500, 600, 800, 1_000, 1_500, 2_000 }.Where(n => n < max))
        {
            yield return n;
        }

        yield return max;
    }

    /// <summary>The first title the catalogue shows, so catalogue pages and book pages watch the same title.</summary>
    private static async Task<int> FirstCatalogueTitleAsync(IBrowser browser, Uri baseAddress)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "/catalogue").ToString());
        var badge = await page.WaitForSelectorAsync("[data-testid^='stock-']");
        var testId = await badge!.GetAttributeAsync("data-testid");
        await page.CloseAsync();
        return int.Parse(testId!["stock-".Length..]);
    }

    /// <summary>Borrows one copy (then returns it); per page, the milliseconds from the borrow's response to the new availability rendered.</summary>
    private static async Task<(List<double> FanOutMs, int NeverUpdated)> BorrowAndObserveAsync(Patron patron, CircuitPages pages, int bookId)
    {
        await pages.ArmAsync();
        var response = await patron.Http.PostAsJsonAsync("/api/loans", new { bookId, quantity = 1 });
        var answeredAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(); // ms since the epoch, as the pages' Date.now()
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"borrow answered {(int)response.StatusCode}");
        }

        var waited = Stopwatch.StartNew();
        List<double?> changed;
        do
        {
            await Task.Delay(250);
            changed = await pages.ChangedAtAsync();
        }
        while (changed.Any(c => c is null) && waited.Elapsed < UpdateTimeout);

        var fanOut = changed.Where(c => c is not null).Select(c => Math.Max(0, c!.Value - answeredAt)).Order().ToList();
        var loanId = Patron.LoanId(await response.Content.ReadAsStringAsync());
        (await patron.Http.PostAsJsonAsync($"/api/loans/{loanId}/return", new { quantity = 1 })).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(1)); // the return's update reaches the pages before the next step arms
        return (fanOut, changed.Count(c => c is null));
    }

    private void Print(long idle, List<Step> steps, int failed)
    {
        report.Section($"Live patrons: real Blazor circuits (headless Chromium) on one title's book page and the catalogue ({options.Store.Name})");
        report.Row("app working set idle (no circuits)", $"{idle / 1048576.0:N0} MB");
        foreach (var step in steps)
        {
            report.Row($"{step.Circuits} circuits: working set / per circuit", $"{step.WorkingSet / 1048576.0:N0} MB / {(step.WorkingSet - idle) / 1024.0 / step.Circuits:N0} KB");
            report.Row($"{step.Circuits} circuits: fan-out p50 / p95 / max, never within 5 s",
                $"{Stats.Ms(Stats.Percentile(step.FanOutMs, 50))} / {Stats.Ms(Stats.Percentile(step.FanOutMs, 95))} / {Stats.Ms(step.FanOutMs.LastOrDefault())}, {step.NeverUpdated}");
        }

        report.Row("pages that failed to open", failed.ToString());
        report.Row("load average at the end", Load());
        if (steps.Count == 0)
        {
            return;
        }

        var last = steps[^1];
        // Linear model from the largest step: idle + N × per-circuit, per-circuit = (working set − idle) / N.
        var perCircuit = (double)(last.WorkingSet - idle) / last.Circuits;
        var at1000 = idle + 1_000 * perCircuit;
        report.Target("Live patrons: concurrent Blazor circuits held on one node", "≥ 1,000", $"{last.Circuits:N0} (this machine's ramp)", last.Circuits >= 1_000);
        report.Target($"Live patrons: server working set at {last.Circuits:N0} circuits", "< 2 GB", $"{last.WorkingSet / 1048576.0:N0} MB", last.WorkingSet < TwoGigabytes);
        report.Target("Live patrons: working set extrapolated to 1,000 circuits (idle + N × per circuit)", "< 2 GB",
            $"{at1000 / 1048576.0:N0} MB ({idle / 1048576.0:N0} MB + 1,000 × {perCircuit / 1024:N0} KB)", at1000 < TwoGigabytes);
        var p95 = Stats.Percentile(last.FanOutMs, 95);
        report.Target($"Live patrons: borrow → new availability rendered in every page, p95 at {last.Circuits:N0} circuits", "< 250 ms",
            $"{Stats.Ms(p95)} ({last.NeverUpdated} never within 5 s)", p95 < 250 && last.NeverUpdated == 0);
    }

    private static long FreeMemoryBytes()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
    }

    private static string Load() => "load " + File.ReadAllText("/proc/loadavg").Split(' ')[0..3].Aggregate((a, b) => a + " " + b);
}
