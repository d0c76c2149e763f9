using System.Security.Claims;
using Bunit;
using Library.Tests.TestSupport;
using Library.Web.Components.Pages.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Library.Tests.Components;

/// <summary>
/// The catalogue's "unavailable" state and its borrow-by-ISBN form, rendered with bunit on the real app's services
/// (real LendingService, real SQLite): what still works, "Try again", the ISBN check and a real borrow.
/// </summary>
public sealed class CatalogueUnavailableTests : PatronComponentTest, IClassFixture<LibraryApp>
{
    private readonly LibraryApp _app;
    private readonly AsyncServiceScope _scope;

    public CatalogueUnavailableTests(LibraryApp app)
    {
        _app = app;
        _scope = app.Services.CreateAsyncScope();
        Context.Services.AddFallbackServiceProvider(_scope.ServiceProvider);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _scope.DisposeAsync();
    }

    private async Task SignInAsync(string email)
    {
        var id = await _app.UserIdAsync(email);
        var auth = Context.AddAuthorization();
        auth.SetAuthorized(email);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
    }

    private IRenderedComponent<CatalogueUnavailable> RenderUnavailable(Action? onRetry = null) =>
        Render<CatalogueUnavailable>(p => p.Add(c => c.OnRetry, () => onRetry?.Invoke()));

    private IEnumerable<string> Snackbars() =>
        Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? string.Empty);

    [Fact]
    public async Task Says_what_still_works_links_my_loans_and_tries_again_on_request()
    {
        await SignInAsync(LibraryApp.PatronEmail);
        var retries = 0;
        var cut = RenderUnavailable(() => retries++);

        Assert.Equal("The catalogue is temporarily unavailable — you can still return books and borrow by ISBN.",
            cut.Find("[data-testid=catalogue-unavailable-message]").TextContent.Trim());
        Assert.Equal("/my-loans", cut.Find("[data-testid=catalogue-my-loans]").GetAttribute("href"));
        Assert.Contains("This page tries again by itself every 15 s.", cut.Markup);

        cut.Find("[data-testid=catalogue-try-again]").Click();

        Assert.Equal(1, retries);
    }

    [Theory]
    [InlineData("978-0-306-40615-6")] // check digit off by one (…615-7 is valid)
    [InlineData("12345")]
    public async Task An_isbn_with_a_wrong_check_digit_shows_a_message_and_borrows_nothing(string typed)
    {
        await SignInAsync(LibraryApp.Patron2Email);
        var patronId = await _app.UserIdAsync(LibraryApp.Patron2Email);
        var loansBefore = await _app.WithDbAsync(db => db.Loans.CountAsync(l => l.PatronId == patronId));
        var cut = RenderUnavailable();

        cut.Find("input[data-testid=isbn-input]").Input(typed);
        cut.Find("[data-testid=isbn-borrow]").Click();

        cut.WaitForAssertion(() => Assert.Contains("This is not a valid ISBN-10 or ISBN-13: check the digits.", cut.Find("[data-testid=borrow-by-isbn]").TextContent));
        Assert.Equal(loansBefore, await _app.WithDbAsync(db => db.Loans.CountAsync(l => l.PatronId == patronId)));
        Assert.Empty(Snackbars());
    }

    [Fact]
    public async Task An_empty_isbn_asks_for_one()
    {
        await SignInAsync(LibraryApp.Patron2Email);
        var cut = RenderUnavailable();

        cut.Find("[data-testid=isbn-borrow]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Enter the book's ISBN.", cut.Find("[data-testid=borrow-by-isbn]").TextContent));
    }

    [Fact]
    public async Task A_valid_isbn_borrows_the_book_and_says_so()
    {
        await SignInAsync(LibraryApp.PatronEmail);
        var book = await _app.WithDbAsync(db => db.Books.Where(b => !b.IsArchived && b.AvailableCopies >= 2)
            .OrderBy(b => b.Id).Skip(3).Select(b => new { b.Id, b.Isbn, b.Title, b.AvailableCopies }).FirstAsync());
        var cut = RenderUnavailable();

        cut.Find("input[data-testid=isbn-input]").Input(book.Isbn);
        cut.Find("[data-testid=isbn-borrow]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Snackbars(), m => m.StartsWith($"Borrowed 1 × “{book.Title}”.", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10));
        Assert.Equal(book.AvailableCopies - 1, await _app.WithDbAsync(db => db.Books.Where(b => b.Id == book.Id).Select(b => b.AvailableCopies).SingleAsync()));
        Assert.Equal(string.Empty, cut.Find("input[data-testid=isbn-input]").GetAttribute("value") ?? string.Empty);
    }

    [Fact]
    public async Task An_unknown_isbn_says_it_is_not_in_the_catalogue()
    {
        await SignInAsync(LibraryApp.Patron2Email);
        var cut = RenderUnavailable();

        cut.Find("input[data-testid=isbn-input]").Input("978-0-306-40615-7");
        cut.Find("[data-testid=isbn-borrow]").Click();

        cut.WaitForAssertion(() => Assert.Contains(Snackbars(), m => m == "No book with ISBN 978-0-306-40615-7 is in the catalogue."),
            TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Signed_out_visitors_get_a_sign_in_link_instead_of_the_form()
    {
        Context.AddAuthorization().SetNotAuthorized();
        var cut = RenderUnavailable();

        Assert.Equal("/account/login?returnUrl=%2Fcatalogue", cut.Find("[data-testid=isbn-sign-in]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=isbn-input]"));
    }
}
