using Bunit;
using Library.Web.Components.Pages.Dashboard;
using Library.Web.Features.Dashboard;

namespace Library.Tests.Components;

public sealed class DashboardCardsTests : PatronComponentTest
{
    [Fact]
    public void Shows_books_on_loan_fees_in_won_and_overdue_loans()
    {
        var cut = Render<DashboardCards>(p => p.Add(c => c.Dashboard, new DashboardDto(1, 500, 0)));

        Assert.Equal("1", cut.Find("[data-testid=books-on-loan]").TextContent.Trim());
        Assert.Equal("₩500", cut.Find("[data-testid=accumulated-fees]").TextContent.Trim());
        Assert.Equal("0", cut.Find("[data-testid=overdue-loans]").TextContent.Trim());
    }

    [Fact]
    public void Large_fees_get_thousands_separators()
    {
        var cut = Render<DashboardCards>(p => p.Add(c => c.Dashboard, new DashboardDto(12, 1_234_500, 3)));

        Assert.Equal("₩1,234,500", cut.Find("[data-testid=accumulated-fees]").TextContent.Trim());
    }

    [Fact]
    public void Fees_owed_and_overdue_loans_are_highlighted_only_when_there_are_some()
    {
        var clear = Render<DashboardCards>(p => p.Add(c => c.Dashboard, new DashboardDto(0, 0, 0)));
        var owing = Render<DashboardCards>(p => p.Add(c => c.Dashboard, new DashboardDto(2, 500, 1)));

        Assert.Empty(clear.FindAll(".dashboard-card-warning, .dashboard-card-error"));
        Assert.DoesNotContain("Pay at the front desk.", clear.Markup);
        Assert.Single(owing.FindAll(".dashboard-card-warning"));
        Assert.Single(owing.FindAll(".dashboard-card-error"));
        Assert.Contains("Pay at the front desk.", owing.Markup);
    }

    [Fact]
    public void Recent_activity_describes_each_event_in_words()
    {
        var at = new DateTimeOffset(2026, 3, 23, 9, 0, 0, TimeSpan.Zero);
        var cut = Render<RecentActivity>(p => p.Add(c => c.Items,
        [
            new ActivityDto(Guid.NewGuid(), "FeeCharged", 7, "Quiet Rivers", 0, 500, at),
            new ActivityDto(Guid.NewGuid(), "Returned", 7, "Quiet Rivers", 3, 0, at),
            new ActivityDto(Guid.NewGuid(), "Borrowed", 7, "Quiet Rivers", 4, 0, at.AddDays(-21)),
        ]));

        var text = cut.Find("[data-testid=activity-list]").TextContent;
        Assert.Contains("Late fee ₩500 for “Quiet Rivers”", text);
        Assert.Contains("Returned 3 × “Quiet Rivers”", text);
        Assert.Contains("Borrowed 4 × “Quiet Rivers”", text);
    }

    [Fact]
    public void No_activity_yet_points_to_the_catalogue()
    {
        var cut = Render<RecentActivity>(p => p.Add(c => c.Items, []));

        Assert.Contains("borrow a book from the catalogue", cut.Find("[data-testid=activity-none]").TextContent);
    }
}
