using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Library.Bench;

internal sealed class Scenarios(BenchOptions options, Report report)
{
    private const string Password = "Bench-password-1234";
    private static int _nextPort = 5300;

    private AppProcess NewApp(string name, IReadOnlyDictionary<string, string>? extra = null)
    {
        var dir = Path.Combine(options.WorkDirectory, name + "-" + DateTime.UtcNow.ToString("HHmmss"));
        Directory.CreateDirectory(dir);
        var settings = new Dictionary<string, string>(options.AppSettings);
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            settings[k] = v;
        }

        return new AppProcess(options.AppDll, dir, Interlocked.Increment(ref _nextPort), options.Store, settings);
    }

    private ClusterTarget NewCluster(string name)
    {
        var dir = Path.Combine(options.WorkDirectory, name + "-cluster-" + DateTime.UtcNow.ToString("HHmmss"));
        Directory.CreateDirectory(dir);
        var port = Interlocked.Add(ref _nextPort, options.Nodes + 1) - options.Nodes;
        return new ClusterTarget(options, dir, port);
    }

    // No cookies: the API clients are bearer-token clients, and a shared cookie jar would pin every patron to the node
    // of the first proxy affinity cookie (--cluster).
    private static SocketsHttpHandler NewHandler() => new()
    {
        UseCookies = false,
        MaxConnectionsPerServer = 512,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    };

    private static async Task<List<Patron>> RegisterPatronsAsync(ILoadTarget app, SocketsHttpHandler handler, int count, string prefix)
    {
        var patrons = new ConcurrentBag<Patron>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
            patrons.Add(await Patron.RegisterAsync(app.BaseAddress, handler, $"{prefix}{i}@bench.local", Password)));
        return patrons.OrderBy(p => p.Email).ToList();
    }

    private static async Task<List<int>> BookIdsAsync(HttpClient http)
    {
        var ids = new List<int>();
        for (var page = 1; ; page++)
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync($"/api/books?page={page}&pageSize=100"));
            var items = doc.RootElement.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetInt32()).ToList();
            ids.AddRange(items);
            if (items.Count < 100)
            {
                return ids;
            }
        }
    }

    /// <summary>100 users borrow and return through the API for the configured duration.</summary>
    public async Task ReferenceLoadAsync()
    {
        await using ILoadTarget app = options.Cluster ? NewCluster("load") : NewApp("load");
        await app.StartAsync();
        using var handler = NewHandler();
        var patrons = await RegisterPatronsAsync(app, handler, options.Users, "load");
        var books = await BookIdsAsync(patrons[0].Http);
        var probe = new EventDeliveryProbe((await RegisterPatronsAsync(app, handler, 1, "probe"))[0], app.Database, books);
        var recorder = new LoadRecorder();
        var stopAt = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var cpuBefore = (app as AppProcess)?.CpuTime();
        var probing = Task.Run(() => probe.RunAsync(stopAt));

        await Task.WhenAll(patrons.Select((patron, index) => Task.Run(async () =>
        {
            var random = new Random(index);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var bookId = books[random.Next(books.Count)];
                var borrowed = await recorder.TimeAsync(() => patron.Http.PostAsJsonAsync("/api/loans", new { bookId, quantity = 1 }));
                if (borrowed is null)
                {
                    continue;
                }

                if (borrowed.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    await Task.Delay(borrowed.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                    continue;
                }

                if (borrowed.StatusCode != HttpStatusCode.Created)
                {
                    continue;
                }

                var loanId = Patron.LoanId(await borrowed.Content.ReadAsStringAsync());
                HttpResponseMessage? returned;
                do
                {
                    returned = await recorder.TimeAsync(() => patron.Http.PostAsJsonAsync($"/api/loans/{loanId}/return", new { quantity = 1 }));
                    if (returned?.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        await Task.Delay(returned.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                    }
                }
                while (returned?.StatusCode == HttpStatusCode.TooManyRequests && Stopwatch.GetTimestamp() < stopAt);
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var appCpu = (app as AppProcess)?.CpuTime() - cpuBefore;
        var db = app.Database;
        var backlog = db.PendingOutbox();
        await probing;
        var drain = Stopwatch.StartNew();
        await db.WaitForOutboxAsync(TimeSpan.FromSeconds(60));
        drain.Stop();
        var sorted = recorder.SortedLatencies();

        var shape = options.Cluster ? $"{options.Nodes} nodes on PostgreSQL + Redis behind the YARP proxy" : $"1 node on {options.Store.Name}";
        report.Section($"Reference load: {options.Users} users, {elapsed:0} s, borrow + return through the API ({shape})");
        report.Row("requests", recorder.Total.ToString("N0"));
        report.Row("availability (non-5xx, non-dropped)", $"{recorder.Availability:0.00} %");
        report.Row("throughput", $"{recorder.Total / elapsed:N0} requests/s ({recorder.Ok / elapsed:N0}/s answered 2xx)");
        report.Row("latency p50 / p95 / p99", $"{Stats.Ms(Stats.Percentile(sorted, 50))} / {Stats.Ms(Stats.Percentile(sorted, 95))} / {Stats.Ms(Stats.Percentile(sorted, 99))}");
        report.Row("latency max", Stats.Ms(sorted.LastOrDefault()));
        report.Row("2xx / 409 (no copies left) / 429 / other 4xx", $"{recorder.Ok:N0} / {recorder.Conflicts:N0} / {recorder.Throttled:N0} / {recorder.Other:N0}");
        report.Row("5xx / dropped", $"{recorder.ServerErrors} / {recorder.Dropped}");
        report.Row("oversell (books whose stock disagrees with loans)", db.StockMismatches().ToString());
        report.Row("dashboards differing from a rebuild", db.DashboardMismatches().ToString());
        // Events not yet delivered when the load stopped: a growing backlog would mean the figures above borrow time
        // from the dashboards and live updates.
        report.Row("outbox backlog when the load stopped / drained in", $"{backlog:N0} events / {drain.Elapsed.TotalSeconds:0.0} s");
        if (appCpu is { } cpu)
        {
            report.Row("app CPU during the load (2 cores = 200 %) / per request", $"{100 * cpu.TotalSeconds / elapsed:0} % / {cpu.TotalMilliseconds / Math.Max(1, recorder.Total):0.00} ms");
        }

        var delivery = probe.Sorted();
        report.Row("event delivery, response → dashboard row updated: p50 / p95 / max", $"{Stats.Ms(Stats.Percentile(delivery, 50))} / {Stats.Ms(Stats.Percentile(delivery, 95))} / {Stats.Ms(delivery.LastOrDefault())} ({delivery.Count} samples, {probe.Missed} not within 5 s)");

        var operations = recorder.Ok / elapsed;
        var p99 = Stats.Percentile(sorted, 99);
        var mismatches = db.StockMismatches();
        var dashboards = db.DashboardMismatches();
        var where = $"{options.Store.Name}{(options.Cluster ? $", {options.Nodes} nodes" : "")}";
        report.Target($"Reference load ({where}): successful borrow/return operations per second", "≥ 5,000 (stretch 10,000)", $"{operations:N0}/s ({recorder.Throttled:N0} × 429 reported apart)", operations >= 5000);
        report.Target($"Reference load ({where}): p99", "< 50 ms", Stats.Ms(p99), p99 < 50);
        // Events keep up when the few in flight at the stop drain at once; a growing backlog takes seconds to drain.
        report.Target($"Reference load ({where}): 5xx / outbox drained after the stop / stock mismatches / dashboards ≠ rebuild", "0 / < 1 s / 0 / 0",
            $"{recorder.ServerErrors + recorder.Dropped} / {backlog} events in {drain.Elapsed.TotalSeconds:0.0} s / {mismatches} / {dashboards}",
            recorder.ServerErrors + recorder.Dropped == 0 && drain.Elapsed < TimeSpan.FromSeconds(1) && mismatches == 0 && dashboards == 0);
        var deliveryP95 = Stats.Percentile(delivery, 95);
        report.Target($"Event delivery under the load ({where}): commit → dashboard row, p95", "< 20 ms", Stats.Ms(deliveryP95), deliveryP95 < 20 && probe.Missed == 0);

        await RaceAsync(app, patrons);
    }

    /// <summary>200 concurrent borrows for a title with 5 copies.</summary>
    private async Task RaceAsync(ILoadTarget app, List<Patron> patrons)
    {
        var db = app.Database;
        // A title with every copy on the shelf; copies are rows since the copies issue, so its count is what the race is for.
        var bookId = (int)db.Scalar("SELECT MIN(\"Id\") FROM \"Books\" b WHERE b.\"AvailableCopies\" > 0 AND b.\"AvailableCopies\" = b.\"TotalCopies\" AND NOT EXISTS (SELECT 1 FROM \"Loans\" l WHERE l.\"BookId\" = b.\"Id\" AND l.\"Status\" = 0)");
        var copies = db.Scalar($"SELECT \"AvailableCopies\" FROM \"Books\" WHERE \"Id\" = {bookId}");
        var before = db.Scalar($"SELECT COUNT(*) FROM \"Loans\" WHERE \"BookId\" = {bookId}");
        var gate = new TaskCompletionSource();
        var tasks = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await gate.Task;
            return await patrons[i % patrons.Count].Http.PostAsJsonAsync("/api/loans", new { bookId, quantity = 1 });
        })).ToList();
        gate.SetResult();
        var responses = await Task.WhenAll(tasks);
        var loans = db.Scalar($"SELECT COUNT(*) FROM \"Loans\" WHERE \"BookId\" = {bookId}") - before;

        report.Section($"Race: 200 concurrent borrows of a title with {copies} copies");
        report.Row("201 Created / 409 Conflict / 429 / other", $"{responses.Count(r => r.StatusCode == HttpStatusCode.Created)} / {responses.Count(r => r.StatusCode == HttpStatusCode.Conflict)} / {responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests)} / {responses.Count(r => (int)r.StatusCode >= 500)}");
        report.Row("loans created", loans.ToString());
        var left = db.Scalar($"SELECT \"AvailableCopies\" FROM \"Books\" WHERE \"Id\" = {bookId}");
        report.Row("available copies afterwards", left.ToString());
        report.Target($"Race: 200 borrows of a title with {copies} copies", $"{copies} loans, 0 left", $"{loans} loans, {left} left", loans == copies && left == 0);
    }

    /// <summary>Time from a borrow's HTTP response to a /hubs/stock client receiving the new count.</summary>
    public async Task LiveLatencyAsync()
    {
        // This measures push latency, not throttling: one patron borrows and returns back to back.
        await using var app = NewApp("live", new Dictionary<string, string> { ["Lending:Throttle:PerPatronBurst"] = "100000", ["Lending:Throttle:PerPatronPerSecond"] = "100000" });
        await app.StartAsync();
        using var handler = NewHandler();
        var patron = (await RegisterPatronsAsync(app, handler, 1, "live"))[0];
        var books = await BookIdsAsync(patron.Http);
        var arrivals = new ConcurrentDictionary<(int BookId, int Available), long>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/stock")).Build();
        hub.On<JsonElement>("stockChanged", level =>
            arrivals.TryAdd((level.GetProperty("bookId").GetInt32(), level.GetProperty("availableCopies").GetInt32()), Stopwatch.GetTimestamp()));
        await hub.StartAsync();

        var samples = new List<double>();
        var db = app.Database;
        const int warmUp = 20;
        for (var i = 0; i < options.LiveSamples + warmUp; i++)
        {
            var bookId = books[i % books.Count];
            var available = (int)db.Scalar($"SELECT \"AvailableCopies\" FROM \"Books\" WHERE \"Id\" = {bookId}");
            if (available == 0)
            {
                continue;
            }

            var response = await patron.Http.PostAsJsonAsync("/api/loans", new { bookId, quantity = 1 });
            var answered = Stopwatch.GetTimestamp();
            if (response.StatusCode != HttpStatusCode.Created)
            {
                continue;
            }

            var key = (bookId, available - 1);
            var deadline = answered + 2 * Stopwatch.Frequency;
            while (!arrivals.ContainsKey(key) && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(1);
            }

            if (i < warmUp)
            {
                // JIT and connection warm-up: not counted.
            }
            else if (arrivals.TryGetValue(key, out var arrived))
            {
                samples.Add(Math.Max(0, Stopwatch.GetElapsedTime(answered, arrived).TotalMilliseconds));
            }
            else
            {
                samples.Add(2000);
            }

            var loanId = Patron.LoanId(await response.Content.ReadAsStringAsync());
            await patron.Http.PostAsJsonAsync($"/api/loans/{loanId}/return", new { quantity = 1 });
            arrivals.Clear();
        }

        samples.Sort();
        report.Section($"Live update: borrow response → /hubs/stock message ({samples.Count} borrows)");
        report.Row("p50 / p95 / max", $"{Stats.Ms(Stats.Percentile(samples, 50))} / {Stats.Ms(Stats.Percentile(samples, 95))} / {Stats.Ms(samples.LastOrDefault())}");
        report.Row("messages not received within 2 s", samples.Count(s => s >= 2000).ToString());
    }

    /// <summary>Catalogue search through the API with 100,000 titles.</summary>
    public async Task CatalogSearchAsync()
    {
        var app = NewApp("search");
        await app.StartAsync();
        await app.StopAsync();
        var added = CatalogGenerator.Fill(app.Store, app.DataDirectory, options.Titles);
        await using var restarted = app;
        await restarted.StartAsync();
        using var handler = NewHandler();
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = restarted.BaseAddress };
        var terms = CatalogGenerator.SearchTerms();
        for (var i = 0; i < 20; i++)
        {
            await http.GetAsync($"/api/books?search={Uri.EscapeDataString(terms[i % terms.Count])}");
        }

        var samples = new List<double>();
        long totalHits = 0;
        for (var i = 0; i < options.SearchSamples; i++)
        {
            var term = terms[i % terms.Count];
            var started = Stopwatch.GetTimestamp();
            var body = await http.GetStringAsync($"/api/books?search={Uri.EscapeDataString(term)}&page=1&pageSize=20");
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            using var doc = JsonDocument.Parse(body);
            totalHits += doc.RootElement.GetProperty("totalCount").GetInt64();
        }

        samples.Sort();
        var count = restarted.Database.Scalar("SELECT COUNT(*) FROM \"Books\"");
        report.Section($"Catalogue search via GET /api/books?search= ({count:N0} titles, {samples.Count} searches)");
        report.Row("p50 / p95 / p99", $"{Stats.Ms(Stats.Percentile(samples, 50))} / {Stats.Ms(Stats.Percentile(samples, 95))} / {Stats.Ms(Stats.Percentile(samples, 99))}");
        report.Row("titles added for the run / mean hits per search", $"{added:N0} / {totalHits / Math.Max(1, samples.Count):N0}");
        var searchP95 = Stats.Percentile(samples, 95);
        report.Target($"Search at {count:N0} titles ({options.Store.Name}): GET /api/books?search=, p95", "< 10 ms", Stats.Ms(searchP95), searchP95 < 10);
    }

    /// <summary>kill -9 in the middle of a burst; after restart nothing acknowledged is lost and every event is delivered once.</summary>
    public async Task CrashRunAsync()
    {
        var app = NewApp("crash");
        await app.StartAsync();
        using var handler = NewHandler();
        var patrons = await RegisterPatronsAsync(app, handler, 20, "crash");
        var books = await BookIdsAsync(patrons[0].Http);
        var ackedLoans = new ConcurrentBag<Guid>();
        var ackedReturns = new ConcurrentBag<Guid>();
        var errors = 0;
        using var cts = new CancellationTokenSource();

        var workers = patrons.Select((patron, index) => Task.Run(async () =>
        {
            var random = new Random(index);
            while (!cts.IsCancellationRequested)
            {
                try
                {
                    var borrowed = await patron.Http.PostAsJsonAsync("/api/loans", new { bookId = books[random.Next(books.Count)], quantity = 1 }, cts.Token);
                    if (borrowed.StatusCode != HttpStatusCode.Created)
                    {
                        continue;
                    }

                    var loanId = Patron.LoanId(await borrowed.Content.ReadAsStringAsync(cts.Token))!.Value;
                    ackedLoans.Add(loanId);
                    var returned = await patron.Http.PostAsJsonAsync($"/api/loans/{loanId}/return", new { quantity = 1 }, cts.Token);
                    if (returned.StatusCode == HttpStatusCode.OK)
                    {
                        ackedReturns.Add(loanId);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref errors);
                    await Task.Delay(50);
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        app.Kill();
        await Task.Delay(500);
        await cts.CancelAsync();
        await Task.WhenAll(workers);

        await using var restarted = app;
        await restarted.StartAsync();
        var db = restarted.Database;
        await db.WaitForOutboxAsync(TimeSpan.FromSeconds(60));
        var lostLoans = ackedLoans.Count(id => !db.LoanExists(id));
        var lostReturns = ackedReturns.Count(id => db.ReturnsOf(id) != 1);

        report.Section("Crash run: kill -9 after 3 s of borrow/return from 20 patrons, then restart");
        report.Row("acknowledged borrows / returns before the kill", $"{ackedLoans.Count:N0} / {ackedReturns.Count:N0}");
        report.Row("requests cut off by the kill", errors.ToString());
        report.Row("acknowledged borrows lost / returns lost", $"{lostLoans} / {lostReturns}");
        report.Row("outbox messages pending / parked as failed after restart", $"{db.PendingOutbox()} / {db.FailedOutbox()}");
        report.Row("outbox messages delivered / handler deliveries recorded", $"{db.Scalar("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"ProcessedAt\" IS NOT NULL"):N0} / {db.Scalar("SELECT COUNT(*) FROM \"ProcessedEvents\""):N0}");
        report.Row("duplicate fees (more than one per return)", db.Scalar("SELECT COUNT(*) FROM (SELECT \"ReturnId\" FROM \"Fees\" GROUP BY \"ReturnId\" HAVING COUNT(*) > 1) AS d").ToString());
        var duplicates = db.Scalar("SELECT COUNT(*) FROM (SELECT \"ReturnId\" FROM \"Fees\" GROUP BY \"ReturnId\" HAVING COUNT(*) > 1) AS d");
        var (oversell, dashboards) = (db.StockMismatches(), db.DashboardMismatches());
        report.Row("oversell / dashboards differing from a rebuild", $"{oversell} / {dashboards}");
        report.Target($"Crash safety ({options.Store.Name}): kill -9 mid-burst, restart", "0 acknowledged lost, 0 duplicate fees, 0 oversell, 0 dashboards ≠ rebuild",
            $"{lostLoans + lostReturns} lost of {ackedLoans.Count + ackedReturns.Count}, {duplicates} / {oversell} / {dashboards}",
            lostLoans + lostReturns == 0 && duplicates == 0 && oversell == 0 && dashboards == 0);
    }
}
