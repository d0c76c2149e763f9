using Bunit;
using Library.Domain.Lending.Holds;
using Library.Web.Components.Pages.Admin.Holds;
using Library.Web.Components.Pages.Catalog;
using Library.Web.Components.Pages.Dashboard;
using Library.Web.Components.Pages.Lending;
using Library.Web.Features.Dashboard;
using Library.Web.Features.Lending.Holds;

namespace Library.Tests.Components;

/// <summary>The holds UI as the patron and the librarian see it: the book page's hold states, My holds, the hold shelf.</summary>
public sealed class HoldComponentsTests : PatronComponentTest
{
    // 15:30 UTC on 12 March is 00:30 on 13 March in Seoul (the library's zone in these tests).
    private static readonly DateTimeOffset Deadline = new(2026, 3, 12, 15, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Placed = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    private static HoldDto Waiting(int position, string title = "Dune", int bookId = 7) =>
        new(Guid.NewGuid(), bookId, HoldStatus.Waiting, position, null, title, Placed);

    private static HoldDto Ready(string title = "Dune", int bookId = 7) =>
        new(Guid.NewGuid(), bookId, HoldStatus.Ready, 0, Deadline, title, Placed);

    private IRenderedComponent<HoldControl> RenderHold(
        int available, int waiting, HoldDto? mine = null, bool signedIn = true, bool blocked = false,
        Action? onPlace = null, Action<HoldDto>? onCancel = null) =>
        Render<HoldControl>(p => p
            .Add(c => c.Available, available)
            .Add(c => c.HoldsWaiting, waiting)
            .Add(c => c.MyHold, mine)
            .Add(c => c.SignedIn, signedIn)
            .Add(c => c.Blocked, blocked)
            .Add(c => c.OnPlace, () => onPlace?.Invoke())
            .Add(c => c.OnCancel, (HoldDto h) => onCancel?.Invoke(h)));

    [Fact]
    public void With_none_left_a_patron_can_place_a_hold_and_sees_how_many_wait()
    {
        var placed = 0;
        var cut = RenderHold(available: 0, waiting: 3, onPlace: () => placed++);

        Assert.Equal("3 patrons waiting", cut.Find("[data-testid=hold-waiting]").TextContent);
        cut.Find("[data-testid=hold-place]").Click();

        Assert.Equal(1, placed);
    }

    [Fact]
    public void One_patron_waiting_reads_singular_and_an_empty_queue_says_you_would_be_first()
    {
        Assert.Equal("1 patron waiting", RenderHold(available: 0, waiting: 1).Find("[data-testid=hold-waiting]").TextContent);
        Assert.Contains("you would be first", RenderHold(available: 0, waiting: 0).Find("[data-testid=hold-waiting]").TextContent);
    }

    [Fact]
    public void With_copies_on_the_shelf_there_is_nothing_to_reserve()
    {
        var cut = RenderHold(available: 2, waiting: 0);

        Assert.Empty(cut.FindAll("[data-testid=hold-control]"));
    }

    [Fact]
    public void A_blocked_patron_cannot_place_a_hold()
    {
        var cut = RenderHold(available: 0, waiting: 0, blocked: true);

        Assert.True(cut.Find("[data-testid=hold-place]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_visitor_who_is_not_signed_in_sees_the_queue_but_no_hold_button()
    {
        var cut = RenderHold(available: 0, waiting: 2, signedIn: false);

        Assert.Equal("2 patrons waiting", cut.Find("[data-testid=hold-waiting]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=hold-place]"));
    }

    [Fact]
    public void A_waiting_hold_shows_its_place_in_the_queue_and_can_be_cancelled()
    {
        var cancelled = new List<HoldDto>();
        var mine = Waiting(position: 2);
        var cut = RenderHold(available: 0, waiting: 3, mine: mine, onCancel: cancelled.Add);

        Assert.Contains("You are number 2 in the queue.", cut.Find("[data-testid=hold-position]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=hold-place]"));
        cut.Find("[data-testid=hold-cancel]").Click();

        Assert.Equal([mine], cancelled);
    }

    [Fact]
    public void A_ready_hold_shows_the_pickup_deadline_in_the_library_time_zone()
    {
        var cut = RenderHold(available: 0, waiting: 0, mine: Ready());

        Assert.Contains("A copy waits for you until Mar 13, 2026.", cut.Find("[data-testid=hold-ready]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=hold-waiting]"));
    }

    [Fact]
    public void The_position_changes_live_when_someone_ahead_leaves_the_queue()
    {
        var cut = RenderHold(available: 0, waiting: 3, mine: Waiting(position: 3));

        cut.Render(p => p.Add(c => c.MyHold, Waiting(position: 2)).Add(c => c.HoldsWaiting, 2));

        Assert.Contains("You are number 2 in the queue.", cut.Find("[data-testid=hold-position]").TextContent);
        Assert.Equal("2 patrons waiting", cut.Find("[data-testid=hold-waiting]").TextContent);
    }

    [Fact]
    public void The_borrow_control_lends_the_copy_held_for_the_patron_although_none_is_on_the_shelf()
    {
        var borrowed = new List<int>();
        var cut = Render<BorrowControl>(p => p
            .Add(c => c.Available, 0).Add(c => c.HeldForYou, 1).Add(c => c.LoanLimit, 10).Add(c => c.LoanPeriodDays, 14)
            .Add(c => c.SignedIn, true).Add(c => c.OnBorrow, (int q) => borrowed.Add(q)));

        Assert.Empty(cut.FindAll("[data-testid=borrow-none-left]"));
        Assert.Contains("You can borrow up to 1 now.", cut.Markup);
        cut.Find("[data-testid=borrow-button]").Click();

        Assert.Equal([1], borrowed);
    }

    [Fact]
    public void My_holds_lists_ready_ones_with_their_deadline_and_a_borrow_button_and_waiting_ones_with_their_place()
    {
        var borrowed = new List<HoldDto>();
        var cancelled = new List<HoldDto>();
        var ready = Ready("Dune");
        var waiting = Waiting(4, "Solaris", bookId: 9);
        var cut = Render<HoldList>(p => p
            .Add(c => c.Holds, [ready, waiting])
            .Add(c => c.OnBorrow, (HoldDto h) => borrowed.Add(h))
            .Add(c => c.OnCancel, (HoldDto h) => cancelled.Add(h)));

        var rows = cut.FindAll("tr.hold-row");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Ready for pickup", rows[0].TextContent);
        Assert.Contains("A copy waits for you until Mar 13, 2026.", rows[0].TextContent);
        Assert.Contains("You are number 4 in the queue.", rows[1].TextContent);
        Assert.Single(rows[1].QuerySelectorAll("[data-testid=hold-cancel]"));
        Assert.Empty(rows[1].QuerySelectorAll("[data-testid=hold-borrow]"));

        cut.Find("[data-testid=hold-borrow]").Click();
        cut.FindAll("[data-testid=hold-cancel]")[1].Click();

        Assert.Equal([ready], borrowed);
        Assert.Equal([waiting], cancelled);
        Assert.Equal("Cancel hold on “Solaris”", cut.FindAll("[data-testid=hold-cancel]")[1].GetAttribute("aria-label"));
    }

    [Fact]
    public void The_hold_shelf_says_what_to_pull_for_whom_until_when_and_marks_past_deadline_rows()
    {
        var cancelled = new List<HoldShelfEntry>();
        var late = new HoldShelfEntry(Guid.NewGuid(), 7, "Dune", "C-000123", "Returns cart", "p1", "Kim Min-ji", "L-0001", Placed, Placed.AddDays(3), true);
        var onTime = new HoldShelfEntry(Guid.NewGuid(), 9, "Solaris", "C-000456", null, "p2", "Lee Jun", null, Placed, Deadline, false);
        var cut = Render<HoldShelfTable>(p => p.Add(c => c.Entries, [late, onTime]).Add(c => c.OnCancel, (HoldShelfEntry e) => cancelled.Add(e)));

        var rows = cut.FindAll("tbody tr");
        Assert.Contains("hold-past-deadline", rows[0].ClassName);
        Assert.Contains("Past deadline", rows[0].TextContent);
        Assert.Contains("C-000123", rows[0].TextContent);
        Assert.Contains("Kim Min-ji", rows[0].TextContent);
        Assert.Contains("Card L-0001", rows[0].TextContent);
        Assert.DoesNotContain("Past deadline", rows[1].TextContent);
        Assert.Contains("Mar 13, 2026", rows[1].TextContent);
        Assert.Contains("No card", rows[1].TextContent);

        rows[1].QuerySelector("[data-testid=shelf-cancel]")!.Click();

        Assert.Equal([onTime], cancelled);
    }

    [Fact]
    public void An_empty_hold_shelf_says_so()
    {
        var cut = Render<HoldShelfTable>(p => p.Add(c => c.Entries, []));

        Assert.Equal("Nothing is on the hold shelf.", cut.Find("[data-testid=shelf-empty]").TextContent);
    }

    [Fact]
    public void The_dashboard_shows_holds_ready_and_waiting_and_highlights_ready_ones()
    {
        var cut = Render<DashboardCards>(p => p.Add(c => c.Dashboard, new DashboardDto(1, 0, 0, HoldsWaiting: 2, HoldsReady: 1)));

        Assert.Equal("1", cut.Find("[data-testid=holds-ready]").TextContent.Trim());
        Assert.Equal("2", cut.Find("[data-testid=holds-waiting]").TextContent.Trim());
        Assert.Contains("Pick them up before the deadline.", cut.Markup);
        Assert.Single(cut.FindAll(".dashboard-card-success"));
        Assert.Equal("/holds", cut.FindAll("a").Single(a => a.TextContent == "See my holds").GetAttribute("href"));
    }
}
