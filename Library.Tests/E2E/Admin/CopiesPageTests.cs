using System.Net;
using Library.Domain.Catalog.Copies;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>A librarian manages a title's copies and a patron's card from the admin pages; the catalogue's counts follow.</summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class CopiesPageTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Adding_two_copies_by_count_then_marking_one_damaged_leaves_one_more_available_than_before()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await page.WaitForRowsAsync("books-grid");
        await page.GetByLabel("Search title, author, publisher or ISBN").FillAsync(book.Title);
        await page.WaitForSingleRowAsync("books-grid");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Copies of {book.Title}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Copies of {book.Title}" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("copy-barcode")).ToHaveCountAsync(1);

        await page.GetByTestId("add-copies").ClickAsync();
        var add = page.GetByRole(AriaRole.Dialog);
        await add.GetByLabel("Number of copies").FillAsync("2");
        await add.GetByTestId("save-copies").ClickAsync();

        await Expect(page.GetByTestId("copy-barcode")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("title-counts")).ToHaveTextAsync("On the shelf: 3 of 3");
        var newest = await app.WithDbAsync(db => db.Copies.Where(c => c.BookId == book.Id).OrderByDescending(c => c.Id).Select(c => c.Barcode).FirstAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = $"Change status of {newest}" }).ClickAsync();
        var status = page.GetByRole(AriaRole.Dialog);
        await status.GetByText("Mark damaged").ClickAsync();
        await Expect(status.GetByTestId("status-effect")).ToContainTextAsync("leaves circulation until it is repaired");
        await status.GetByTestId("confirm-status").ClickAsync();

        await Expect(page.GetByTestId("title-counts")).ToHaveTextAsync("On the shelf: 2 of 2");
        await Expect(page.GetByTestId("count-Damaged")).ToHaveTextAsync("Damaged: 1");
        using var anonymous = app.CreateApiClient();
        var stored = await anonymous.GetJsonAsync<Api.Book>($"/api/books/{book.Id}");
        Assert.Equal((2, 2), (stored.AvailableCopies, stored.TotalCopies));
        Assert.Equal(CopyStatus.Damaged, await app.WithDbAsync(db => db.Copies.Where(c => c.Barcode == newest).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task Declaring_a_copy_on_loan_lost_says_who_is_charged_what_before_it_is_done()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 2));
        await patron.Client.BorrowNewAsync(book.Id);
        var onLoan = await app.WithDbAsync(db => db.Copies.Where(c => c.BookId == book.Id && c.Status == CopyStatus.OnLoan).Select(c => c.Barcode).SingleAsync());
        var patronName = await app.WithDbAsync(db => db.Users.Where(u => u.Id == patron.Id).Select(u => u.DisplayName).SingleAsync());
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await page.WaitForRowsAsync("books-grid");
        await page.GetByLabel("Search title, author, publisher or ISBN").FillAsync(book.Title);
        await page.WaitForSingleRowAsync("books-grid");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {book.Title}" }).ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog);
        await Expect(form.GetByText("Empty: the library's default, ₩20,000.")).ToBeVisibleAsync();
        await form.GetByLabel("Replacement cost (₩)").FillAsync("15000");
        await form.GetByTestId("save-book").ClickAsync();
        await Expect(form).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = $"Copies of {book.Title}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change status of {onLoan}" }).ClickAsync();
        var status = page.GetByRole(AriaRole.Dialog);

        // The only choice for a copy on loan, priced at the title's own replacement cost.
        await Expect(status.GetByTestId("status-effect"))
            .ToHaveTextAsync($"The loan closes for this copy and {patronName} is charged ₩15,000 (the replacement cost). The fee can be waived later.");
        await status.GetByTestId("confirm-status").ClickAsync();
        await Expect(page.GetByTestId("count-Lost")).ToHaveTextAsync("Lost: 1");
        var fee = await librarian.FeeForLoanAsync((await app.WithDbAsync(db => db.Loans.Where(l => l.BookId == book.Id).Select(l => l.Id).SingleAsync())));
        Assert.Equal((15_000L, "LostCopy"), (fee?.Amount, fee?.Kind));

        // The fees list says what the fee is for.
        await page.GotoAsync("/admin/fees");
        await page.WaitForRowsAsync("fees-grid");
        await page.GetByTestId("fees-search").FillAsync(book.Title);
        await page.WaitForSingleRowAsync("fees-grid");
        await Expect(page.GetByTestId("fee-kind")).ToHaveTextAsync("Lost copy");
    }

    [Fact]
    public async Task Replacing_a_card_shows_the_new_number_and_the_desk_no_longer_finds_the_old_one()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var old = await CardOfAsync(patron.Id);
        var page = await LibrarianSession.OpenAsync(browser, app, $"/admin/patrons/{patron.Id}");
        await page.WaitForBlazorAsync();
        await Expect(page.GetByTestId("patron-card")).ToContainTextAsync(old);

        await page.GetByTestId("replace-card").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Dialog);
        await Expect(confirm).ToContainTextAsync($"The old number {old} stops working at once");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Replace card", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("patron-card")).Not.ToContainTextAsync(old);
        var replacement = await CardOfAsync(patron.Id);
        await Expect(page.GetByTestId("patron-card")).ToContainTextAsync(replacement);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.GetAsync($"/api/desk/patrons/by-card/{old}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await librarian.GetAsync($"/api/desk/patrons/by-card/{replacement}")).StatusCode);

        // Scanning the new card into the patron search finds exactly that patron.
        await page.GotoAsync("/admin/patrons");
        await page.WaitForRowsAsync("patrons-grid");
        await page.GetByLabel("Search name or e-mail, or scan a library card").FillAsync(replacement);
        await page.WaitForSingleRowAsync("patrons-grid");
        await Expect(page.GetByTestId("patrons-grid")).ToContainTextAsync(patron.Email);
    }

    private Task<string> CardOfAsync(string patronId) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == patronId).Select(u => u.CardNumber!).SingleAsync());
}
