using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Library.Bench;

/// <summary>
/// The librarian reports (GET /api/admin/reports/{name}) over a large library: <c>--titles</c> titles (default 100,000) and
/// <c>--loans</c> loans (default 1,000,000) written straight into the database, then each report timed for the last 30 days
/// and for the last 365 days.
/// </summary>
internal sealed class ReportsScenario(BenchOptions options, Report report)
{
    private const int Samples = 30;

    public async Task RunAsync()
    {
        var dir = Path.Combine(options.WorkDirectory, "reports-" + DateTime.UtcNow.ToString("HHmmss"));
        Directory.CreateDirectory(dir);
        await using var app = new AppProcess(options.AppDll, dir, 5400 + Random.Shared.Next(500), options.Store, options.AppSettings);
        await app.StartAsync();
        await app.StopAsync();
        var started = Stopwatch.GetTimestamp();
        CatalogGenerator.Fill(app.Store, dir, options.Titles);
        var counts = LoanGenerator.Fill(app.Store, dir, options.Loans, DateTimeOffset.UtcNow);
        var filled = Stopwatch.GetElapsedTime(started);
        if (app.Store.IsPostgreSql)
        {
            app.Database.Execute("ANALYZE");
        }
        else
        {
            app.Database.Execute("PRAGMA optimize; ANALYZE;");
        }

        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var login = await http.PostAsJsonAsync("/api/auth/login", new { email = "librarian@library.local", password = "Librarian!123" });
        login.EnsureSuccessStatusCode();
        using (var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync()))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        }

        var titles = app.Database.Scalar("SELECT COUNT(*) FROM \"Books\"");
        var loans = app.Database.Scalar("SELECT COUNT(*) FROM \"Loans\"");
        report.Section($"Reports via GET /api/admin/reports/{{name}} on {app.Store.Name} ({titles:N0} titles, {loans:N0} loans, {Samples} requests each)");
        report.Row("generated loans / returns / fees, time", $"{counts.Loans:N0} / {counts.Returns:N0} / {counts.Fees:N0}, {filled.TotalSeconds:0} s");
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime);
        foreach (var days in new[] { 30, 365 })
        {
            var query = $"from={today.AddDays(1 - days):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
            foreach (var name in new[] { "loans-returns", "busiest-hours", "top-titles", "overdue", "fees" })
            {
                await MeasureAsync(http, $"{name}, {days} days", $"/api/admin/reports/{name}?{query}");
            }
        }

        await MeasureAsync(http, "never-borrowed (count + first page)", "/api/admin/reports/never-borrowed?page=1&pageSize=20");
        await MeasureAsync(http, "loans-returns.csv, 365 days", $"/api/admin/reports/loans-returns.csv?from={today.AddDays(-364):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
    }

    private async Task MeasureAsync(HttpClient http, string label, string url)
    {
        for (var i = 0; i < 3; i++)
        {
            (await http.GetAsync(url)).EnsureSuccessStatusCode();
        }

        var samples = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(url);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        samples.Sort();
        report.Row($"{label}: p50 / p95", $"{Stats.Ms(Stats.Percentile(samples, 50))} / {Stats.Ms(Stats.Percentile(samples, 95))}");
    }
}
