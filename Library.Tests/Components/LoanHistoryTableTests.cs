using Bunit;
using Library.Tests.TestSupport;
using Library.Web.Components.Pages.Lending;
using Library.Web.Features.History;

namespace Library.Tests.Components;

public sealed class LoanHistoryTableTests : PatronComponentTest
{
    private static readonly DateTimeOffset Borrowed = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // 18:00 in Seoul

    private static LoanHistoryItem Item(string title, int daysOverdue = 0, long fee = 0, int lost = 0, int quantity = 1) =>
        new(Guid.NewGuid(), 7, title, quantity, lost, Borrowed, Borrowed.AddDays(14), Borrowed.AddDays(14 + daysOverdue), daysOverdue, fee);

    private readonly List<(int Page, int PageSize)> _requests = [];

    private Func<int, int, CancellationToken, Task<LoanHistoryPage>> Serve(int total, params LoanHistoryItem[] items) =>
        (page, pageSize, _) =>
        {
            _requests.Add((page, pageSize));
            return Task.FromResult(new LoanHistoryPage(items, total));
        };

    [Fact]
    public void Each_past_loan_shows_its_dates_days_late_and_fee_in_won_and_a_lost_copy_says_so()
    {
        var cut = Render<LoanHistoryTable>(p => p
            .Add(c => c.Load, Serve(3, Item("Quiet Rivers", daysOverdue: 7, fee: 1_500, quantity: 3), Item("Lost Maps", lost: 1, fee: 20_000), Item("On Time")))
            .Add(c => c.BookLink, i => $"/books/{i.BookId}"));

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=history-title]").Count));
        Assert.Equal(["Quiet Rivers", "Lost Maps", "On Time"], cut.FindAll("[data-testid=history-title]").Select(e => e.TextContent.Trim()));
        Assert.Equal("/books/7", cut.Find("[data-testid=history-title] a").GetAttribute("href"));
        Assert.Equal(["₩1,500", "₩20,000", "₩0"], cut.FindAll("[data-testid=history-fee]").Select(e => e.TextContent.Trim()));
        Assert.Equal(["7 days", "On time", "On time"], cut.FindAll("[data-testid=history-days]").Select(e => e.TextContent.Trim()));
        Assert.Equal("1 lost", cut.Find("[data-testid=history-lost]").TextContent.Trim());
        Assert.Equal("Mar 23, 2026", cut.FindAll("[data-testid=history-returned]")[0].TextContent.Trim());
        Assert.Contains("1-3 of 3", cut.Markup);
        Assert.Equal((1, 20), _requests[0]);
    }

    [Fact]
    public void The_next_page_asks_the_server_for_page_2()
    {
        var cut = Render<LoanHistoryTable>(p => p.Add(c => c.Load, Serve(45, Enumerable.Range(0, 20).Select(i => Item($"Book {i}")).ToArray())));
        cut.WaitForAssertion(() => Assert.Contains("1-20 of 45", cut.Markup));

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal((2, 20), _requests[^1]));
    }

    [Fact]
    public void No_past_loans_shows_the_empty_text()
    {
        var cut = Render<LoanHistoryTable>(p => p.Add(c => c.Load, Serve(0)).Add(c => c.EmptyText, "Nothing yet"));

        cut.WaitForAssertion(() => Assert.Equal("Nothing yet", cut.Find("[data-testid=no-history]").TextContent.Trim()));
    }

    [Fact]
    public void In_Korean_columns_days_and_dates_are_Korean()
    {
        using var korean = new UseCulture("ko-KR");
        var cut = Render<LoanHistoryTable>(p => p.Add(c => c.Load, Serve(1, Item("다람쥐", daysOverdue: 1, fee: 500, lost: 1, quantity: 2))));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=history-title]")));
        Assert.Contains("반납일", cut.Markup);
        Assert.Contains("연체 일수", cut.Markup);
        Assert.Equal("1일", cut.Find("[data-testid=history-days]").TextContent.Trim());
        Assert.Equal("1권 분실", cut.Find("[data-testid=history-lost]").TextContent.Trim());
        Assert.Equal("2026. 3. 17.", cut.Find("[data-testid=history-returned]").TextContent.Trim());
        Assert.Contains("전체 1건 중 1-1", cut.Markup);
    }
}
