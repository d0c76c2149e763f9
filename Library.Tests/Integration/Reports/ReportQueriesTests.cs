using System.Net;
using System.Text;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using static Library.Tests.Integration.Reports.ReportsFixture;

namespace Library.Tests.Integration.Reports;

/// <summary>The reports over <see cref="ReportsFixture"/>'s known February, through <c>/api/admin/reports/{name}</c> and its CSV.</summary>
public sealed class ReportQueriesTests(ReportsFixture app) : IClassFixture<ReportsFixture>
{
    private const string February = "from=2026-02-01&to=2026-02-28";

    public sealed record DayRow(DateOnly Day, int Loans, int Returns);

    public sealed record HourRow(DayOfWeek Day, int Hour, int Loans);

    public sealed record Top(int Rank, int BookId, string Title, string Author, int Loans);

    public sealed record OverdueRow(DateOnly Day, int Overdue);

    public sealed record MonthRow(int Year, int Month, long Charged, long Paid, long Waived);

    public sealed record NeverItem(int BookId, string Title);

    public sealed record NeverPage(int TotalCount, List<NeverItem> Items);

    private static DateOnly Feb(int day) => new(2026, 2, day);

    [Fact]
    public async Task Loans_and_returns_are_counted_per_library_day()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var days = await librarian.GetJsonAsync<List<DayRow>>($"/api/admin/reports/loans-returns?{February}");

        Assert.Equal(28, days.Count);
        Assert.Equal(Feb(1), days[0].Day);
        var busy = days.Where(d => d.Loans > 0 || d.Returns > 0).ToList();
        Assert.Equal([new DayRow(Feb(2), 2, 0), new DayRow(Feb(3), 1, 0), new DayRow(Feb(4), 0, 1), new DayRow(Feb(8), 0, 1), new DayRow(Feb(10), 1, 0), new DayRow(Feb(21), 0, 1)], busy);
    }

    [Fact]
    public async Task Busiest_hours_use_library_time_monday_first()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var hours = await librarian.GetJsonAsync<List<HourRow>>($"/api/admin/reports/busiest-hours?{February}");

        Assert.Equal(168, hours.Count);
        Assert.Equal(new HourRow(DayOfWeek.Monday, 0, 0), hours[0]);
        Assert.Equal([new HourRow(DayOfWeek.Monday, 10, 2), new HourRow(DayOfWeek.Tuesday, 14, 1), new HourRow(DayOfWeek.Tuesday, 23, 1)], hours.Where(h => h.Loans > 0));
    }

    [Fact]
    public async Task Top_titles_are_ordered_by_loans_in_the_period()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var top = await librarian.GetJsonAsync<List<Top>>($"/api/admin/reports/top-titles?{February}");

        Assert.Equal([(1, app.A.Id, app.A.Title, 3), (2, app.B.Id, app.B.Title, 1)], top.Select(t => (t.Rank, t.BookId, t.Title, t.Loans)));
        var january = await librarian.GetJsonAsync<List<Top>>("/api/admin/reports/top-titles?from=2026-01-01&to=2026-01-31");
        Assert.Equal([app.C.Id], january.Select(t => t.BookId));
    }

    [Fact]
    public async Task Overdue_loans_are_counted_at_the_end_of_each_day()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var days = await librarian.GetJsonAsync<List<OverdueRow>>($"/api/admin/reports/overdue?{February}");

        int Expected(int day) => day switch { <= 5 => 1, 6 or 7 => 2, <= 10 => 1, _ => 2 };
        Assert.Equal(Enumerable.Range(1, 28).Select(d => new OverdueRow(Feb(d), Expected(d))), days);
        // Starting mid-period gives the same counts (the count before the period is computed, not assumed zero).
        var fromSeventh = await librarian.GetJsonAsync<List<OverdueRow>>("/api/admin/reports/overdue?from=2026-02-07&to=2026-02-12");
        Assert.Equal(Enumerable.Range(7, 6).Select(d => new OverdueRow(Feb(d), Expected(d))), fromSeventh);
    }

    [Fact]
    public async Task Fees_are_summed_per_library_month_charged_and_settled()
    {
        using var librarian = await app.SignInLibrarianAsync();
        Assert.Equal([new MonthRow(2026, 2, 5_000, 1_000, 2_000)], await librarian.GetJsonAsync<List<MonthRow>>($"/api/admin/reports/fees?{February}"));
        Assert.Equal([new MonthRow(2026, 1, 1_000, 0, 0), new MonthRow(2026, 2, 5_000, 1_000, 2_000)],
            await librarian.GetJsonAsync<List<MonthRow>>("/api/admin/reports/fees?from=2026-01-15&to=2026-02-28"));
    }

    [Fact]
    public async Task Never_borrowed_lists_titles_without_any_loan()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var all = await librarian.GetJsonAsync<NeverPage>("/api/admin/reports/never-borrowed?pageSize=100");
        var page = await librarian.GetJsonAsync<NeverPage>("/api/admin/reports/never-borrowed?page=1&pageSize=2");

        var ids = new List<int>();
        for (var p = 1; p <= (all.TotalCount + 99) / 100; p++)
        {
            ids.AddRange((await librarian.GetJsonAsync<NeverPage>($"/api/admin/reports/never-borrowed?page={p}&pageSize=100")).Items.Select(i => i.BookId));
        }

        Assert.Contains(app.D.Id, ids);
        Assert.DoesNotContain(app.A.Id, ids);
        Assert.DoesNotContain(app.C.Id, ids);
        Assert.Equal(all.TotalCount, ids.Count);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(all.Items.Take(2).Select(i => i.BookId), page.Items.Select(i => i.BookId));
    }

    [Fact]
    public async Task Csv_has_the_same_numbers_with_headers_in_the_requested_language()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var response = await librarian.GetAsync($"/api/admin/reports/loans-returns.csv?{February}&culture=ko");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("날짜,대출,반납", lines[0]);
        Assert.Equal(29, lines.Length);
        Assert.Contains("2026-02-02,2,0", lines);
        Assert.Contains("2026-02-21,0,1", lines);

        var top = await librarian.GetStringAsync($"/api/admin/reports/top-titles.csv?{February}");
        Assert.Contains($"1,{app.A.Title},Test Author,3", top);
        var fees = await librarian.GetStringAsync($"/api/admin/reports/fees.csv?{February}");
        Assert.Contains("2026-02,5000,1000,2000", fees);
        Assert.Contains(app.D.Title, await librarian.GetStringAsync("/api/admin/reports/never-borrowed.csv"));
    }

    [Theory]
    [InlineData("/api/admin/reports/overdue?from=2026-02-10&to=2026-02-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/reports/overdue?from=2025-01-01&to=2026-02-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/reports/overdue?from=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/reports/overdue?to=2030-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/reports/fees.csv?to=2030-01-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/reports/never-borrowed?pageSize=1000", HttpStatusCode.BadRequest)]
    [InlineData("/api/admin/reports/no-such-report", HttpStatusCode.NotFound)]
    [InlineData("/api/admin/reports/no-such-report.csv", HttpStatusCode.NotFound)]
    [InlineData("/api/admin/reports/overdue", HttpStatusCode.OK)]
    public async Task Bad_periods_are_400_and_unknown_reports_404(string url, HttpStatusCode expected)
    {
        using var librarian = await app.SignInLibrarianAsync();
        var response = await librarian.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }
}
