using System.Globalization;
using Bunit;
using Library.Web.Components.Pages.Admin.Jobs;
using Library.Web.Components.Pages.Notices;
using Library.Web.Features.Notices;
using Library.Web.Infrastructure.Jobs;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Library.Tests.Components;

/// <summary>How one notice and one job run read, in English and Korean.</summary>
public sealed class NoticeAndJobRunRenderingTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();

    private static readonly NoticeView FeeNotice = new(
        Guid.NewGuid(), NoticeKind.LateFeeCharged, 7, "The Hobbit", 0, 9, 1_000, null, new DateTimeOffset(2026, 3, 25, 9, 0, 0, TimeSpan.Zero), IsRead: false);

    public NoticeAndJobRunRenderingTests()
    {
        _bunit.Services.AddLocalization();
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton(new Library.Web.Localization.LibraryDates(new Library.Domain.Lending.LibraryCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"))));
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only IAsyncDisposable.
    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    [Fact]
    public void Unread_fee_notice_shows_amount_title_days_and_a_mark_as_read_button()
    {
        using var _ = new CultureScope("en");
        var clicked = false;
        var card = _bunit.Render<NoticeCard>(p => p.Add(c => c.Notice, FeeNotice).Add(c => c.OnMarkRead, () => clicked = true));

        Assert.Contains("Late fee ₩1,000: The Hobbit", card.Markup);
        Assert.Contains("Returned 9 days late.", card.Markup);
        card.Find("[data-testid=mark-read]").Click();
        Assert.True(clicked);
    }

    [Fact]
    public void Read_overdue_notice_in_korean_has_no_mark_as_read_button()
    {
        using var _ = new CultureScope("ko");
        var notice = FeeNotice with
        {
            Kind = NoticeKind.LoanOverdue, Amount = 500, DaysOverdue = 1, IsRead = true,
            DueAt = new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero),
        };
        var card = _bunit.Render<NoticeCard>(p => p.Add(c => c.Notice, notice));

        Assert.Contains("연체: The Hobbit", card.Markup);
        Assert.Contains("₩500", card.Markup);
        Assert.Empty(card.FindAll("[data-testid=mark-read]"));
    }

    [Fact]
    public void Job_run_shows_result_counts_and_who_started_it()
    {
        using var _ = new CultureScope("en");
        var run = new JobRunView("overdue-sweep", "librarian@library.local", FeeNotice.CreatedAt, 42, true,
            new Dictionary<string, int> { ["checked"] = 3, ["flagged"] = 2 }, null, "node-a");

        var view = _bunit.Render<JobRunResult>(p => p.Add(c => c.Run, run));

        Assert.Equal("OK", view.Find("[data-testid=run-result]").TextContent.Trim());
        Assert.Equal("3 checked · 2 flagged overdue", view.Find("[data-testid=run-counts]").TextContent.Trim());
        Assert.Contains("librarian@library.local (Run now)", view.Find("[data-testid=run-by]").TextContent);
        Assert.Contains("Mar 25, 2026 18:00:00", view.Markup); // 09:00 UTC in the library's zone (Seoul)
    }

    [Fact]
    public void Run_history_names_the_node_that_ran_each_run_in_both_languages()
    {
        var runs = new[]
        {
            new JobRunView("overdue-sweep", JobTriggers.Schedule, FeeNotice.CreatedAt, 42, true, new Dictionary<string, int>(), null, "library-1/7"),
            new JobRunView("outbox-sweep", JobTriggers.Schedule, FeeNotice.CreatedAt, 3, true, new Dictionary<string, int>(), null, "library-2/9"),
        };

        using (new CultureScope("en"))
        {
            var view = _bunit.Render<JobRunHistory>(p => p.Add(c => c.Runs, runs));
            Assert.Contains("Node", view.FindAll("th").Select(th => th.TextContent.Trim()));
            Assert.Equal(["library-1/7", "library-2/9"], view.FindAll("[data-testid=run-node]").Select(td => td.TextContent.Trim()));
        }

        using (new CultureScope("ko"))
        {
            var view = _bunit.Render<JobRunHistory>(p => p.Add(c => c.Runs, runs));
            Assert.Contains("노드", view.FindAll("th").Select(th => th.TextContent.Trim()));
        }
    }

    [Fact]
    public void Failed_job_run_shows_the_error_in_korean()
    {
        using var _ = new CultureScope("ko");
        var run = new JobRunView("fee-reconciliation", JobTriggers.Schedule, FeeNotice.CreatedAt, 5, false,
            new Dictionary<string, int>(), "SqliteException: database is locked", "node-b");

        var view = _bunit.Render<JobRunResult>(p => p.Add(c => c.Run, run));

        Assert.Equal("실패", view.Find("[data-testid=run-result]").TextContent.Trim());
        Assert.Contains("일정", view.Find("[data-testid=run-by]").TextContent);
        Assert.Contains("database is locked", view.Markup);
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
