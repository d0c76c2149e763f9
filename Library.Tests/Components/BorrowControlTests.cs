using Bunit;
using Library.Web.Components.Pages.Catalog;
using Library.Web.Features.Lending;

namespace Library.Tests.Components;

public sealed class BorrowControlTests : PatronComponentTest
{
    private IRenderedComponent<BorrowControl> RenderControl(
        int available, int allowance = 10, bool signedIn = true, bool busy = false, Action<int>? onBorrow = null,
        PatronBlock? block = null, DateTimeOffset? nextDueBackAt = null) =>
        Render<BorrowControl>(p => p
            .Add(c => c.Block, block)
            .Add(c => c.NextDueBackAt, nextDueBackAt)
            .Add(c => c.Available, available)
            .Add(c => c.Allowance, allowance)
            .Add(c => c.LoanLimit, 10)
            .Add(c => c.LoanPeriodDays, 14)
            .Add(c => c.SignedIn, signedIn)
            .Add(c => c.Busy, busy)
            .Add(c => c.SignInUrl, "/account/login?returnUrl=%2Fbooks%2F7")
            .Add(c => c.OnBorrow, (int q) => onBorrow?.Invoke(q)));

    private static bool IsDisabled(AngleSharp.Dom.IElement element) => element.HasAttribute("disabled");

    [Fact]
    public void Quantity_is_limited_to_what_is_on_the_shelf_and_borrow_sends_it()
    {
        var borrowed = new List<int>();
        var cut = RenderControl(available: 3, onBorrow: borrowed.Add);

        var input = cut.Find("input[data-testid=borrow-quantity]");
        Assert.Contains("You can borrow up to 3 now. Loans last 14 days.", cut.Markup);
        input.Input("2");
        cut.Find("[data-testid=borrow-button]").Click();

        Assert.Equal([2], borrowed);
    }

    [Fact]
    public void The_loan_limit_caps_the_quantity_below_the_stock()
    {
        var cut = RenderControl(available: 8, allowance: 2);
        Assert.Contains("You can borrow up to 2 now.", cut.Markup);

        cut.Find("input[data-testid=borrow-quantity]").Input("3");

        Assert.Contains("Your loan limit is 10 copies, so you can borrow 2 more now.", cut.Markup);
        Assert.True(IsDisabled(cut.Find("[data-testid=borrow-button]")));
    }

    [Fact]
    public void None_left_disables_borrowing_and_says_why()
    {
        var cut = RenderControl(available: 0);

        Assert.Contains("No copies are on the shelf right now.", cut.Find("[data-testid=borrow-none-left]").TextContent);
        Assert.True(IsDisabled(cut.Find("[data-testid=borrow-button]")));
        Assert.True(IsDisabled(cut.Find("input[data-testid=borrow-quantity]")));
    }

    [Fact]
    public void At_the_loan_limit_borrowing_is_disabled_with_the_limit_named()
    {
        var cut = RenderControl(available: 4, allowance: 0);

        Assert.Contains("You already have 10 copies on loan, the most allowed.", cut.Find("[data-testid=borrow-limit]").TextContent);
        Assert.True(IsDisabled(cut.Find("[data-testid=borrow-button]")));
    }

    [Fact]
    public void When_stock_drops_below_the_chosen_quantity_a_message_shows_and_borrow_is_disabled()
    {
        var borrowed = new List<int>();
        var cut = RenderControl(available: 5, onBorrow: borrowed.Add);
        cut.Find("input[data-testid=borrow-quantity]").Input("4");

        cut.Render(p => p.Add(c => c.Available, 2)); // someone else borrowed meanwhile (live update)

        Assert.Contains("Only 2 on the shelf right now: choose between 1 and 2.", cut.Markup);
        var button = cut.Find("[data-testid=borrow-button]");
        Assert.True(IsDisabled(button));
        button.Click();
        Assert.Empty(borrowed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void Less_than_one_copy_shows_a_message_and_disables_borrow(string typed)
    {
        var cut = RenderControl(available: 3);

        cut.Find("input[data-testid=borrow-quantity]").Input(typed);

        Assert.Contains("Choose at least 1 copy.", cut.Markup);
        Assert.True(IsDisabled(cut.Find("[data-testid=borrow-button]")));
    }

    [Fact]
    public void While_a_borrow_runs_the_button_is_disabled()
    {
        var cut = RenderControl(available: 3, busy: true);

        Assert.True(IsDisabled(cut.Find("[data-testid=borrow-button]")));
    }

    [Fact]
    public void Signed_out_patrons_get_a_sign_in_link_that_comes_back_here()
    {
        var cut = RenderControl(available: 3, signedIn: false);

        var link = cut.Find("[data-testid=borrow-sign-in]");
        Assert.Equal("/account/login?returnUrl=%2Fbooks%2F7", link.GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=borrow-button]"));
    }

    [Theory]
    [InlineData("9", "Only 3 on the shelf right now: choose between 1 and 3.")]
    [InlineData("99", "Only 3 on the shelf right now: choose between 1 and 3.")]
    public void Too_many_copies_says_the_shelf_is_the_limit(string typed, string reason)
    {
        var cut = RenderControl(available: 3, allowance: 8);

        cut.Find("input[data-testid=borrow-quantity]").Input(typed);

        Assert.Contains(reason, cut.Markup);
        Assert.DoesNotContain("You can borrow up to", cut.Markup);
        Assert.True(IsDisabled(cut.Find("[data-testid=borrow-button]")));
    }

    [Theory]
    [InlineData("9")]
    [InlineData("99")]
    public void Too_many_copies_says_the_loan_limit_is_the_limit(string typed)
    {
        var cut = RenderControl(available: 20, allowance: 8);

        cut.Find("input[data-testid=borrow-quantity]").Input(typed);

        Assert.Contains("Your loan limit is 10 copies, so you can borrow 8 more now.", cut.Markup);
        Assert.True(IsDisabled(cut.Find("[data-testid=borrow-button]")));
    }

    [Fact]
    public void A_blocked_patron_sees_the_reason_and_cannot_borrow()
    {
        var cut = RenderControl(available: 5, allowance: 8, block: new PatronBlock("Unpaid fees."));

        Assert.Equal("Your library card is blocked: Unpaid fees. Please contact a librarian.",
            cut.Find("[data-testid=borrow-blocked]").TextContent.Trim());
        Assert.DoesNotContain("You can borrow up to", cut.Markup);
        Assert.True(IsDisabled(cut.Find("[data-testid=borrow-button]")));
        Assert.True(IsDisabled(cut.Find("input[data-testid=borrow-quantity]")));
    }

    [Fact]
    public void None_left_says_when_the_next_copy_is_due_back()
    {
        var cut = RenderControl(available: 0, nextDueBackAt: new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero));

        Assert.Contains("The next copy is due back on Mar 16, 2026.", cut.Find("[data-testid=borrow-none-left]").TextContent);
    }
}
