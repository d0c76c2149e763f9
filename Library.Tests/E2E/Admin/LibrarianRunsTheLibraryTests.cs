using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>
/// The librarian's half of the cross-role story runs in the browser; the patron's half goes through the patron API here.
/// Steps marked PATRON PAGE are where the patron's browser (catalogue, dashboard) joins once those pages exist.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LibrarianRunsTheLibraryTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Librarian_adds_a_book_moves_a_due_date_back_and_waives_the_late_fee_with_a_reason()
    {
        using var patron = await app.NewPatronAsync();
        var title = "Cross-role " + Guid.NewGuid().ToString("N")[..6];
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        // PATRON PAGE: open the patron's /catalogue in a second browser context here, before the book exists.

        // 1. The librarian adds a book; the catalogue lists it.
        await page.WaitForRowsAsync("books-grid");
        await page.GetByTestId("add-book").ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog);
        await form.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel("Author", new() { Exact = true }).FillAsync("Cross Role");
        await form.GetByLabel("ISBN", new() { Exact = true }).FillAsync(AdminApi.NewIsbn());
        await form.GetByLabel("Total copies", new() { Exact = true }).FillAsync("2");
        await form.GetByTestId("save-book").ClickAsync();
        await Expect(page.GetByText($"\"{title}\" was added to the catalogue.")).ToBeVisibleAsync();
        var listed = await patron.Client.GetJsonAsync<Api.BookPage>($"/api/books?search={Uri.EscapeDataString(title)}");
        var book = Assert.Single(listed.Items);
        Assert.Equal(2, book.AvailableCopies);
        // PATRON PAGE: Expect(catalogue.GetByText(title)).ToBeVisibleAsync() — appears without a reload (CatalogueNotifier).

        // 2. The patron borrows it; the librarian sets the due date 10 days back.
        var loan = await patron.Client.BorrowNewAsync(book.Id);
        await page.GotoAsync("/admin/loans");
        await page.WaitForRowsAsync("loans-grid");
        await page.GetByLabel("Search patron or book").FillAsync(title);
        await page.WaitForSingleRowAsync("loans-grid");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change due date of {title}" }).ClickAsync();
        var dueDialog = page.GetByRole(AriaRole.Dialog);
        var tenDaysBack = app.Clock.GetUtcNow().AddDays(-10).ToString("yyyy-MM-dd");
        await dueDialog.GetByLabel("New due date").FillAsync(tenDaysBack);
        await Expect(dueDialog.GetByText("the loan will be 10 days overdue")).ToBeVisibleAsync();
        await dueDialog.GetByTestId("save-due-date").ClickAsync();
        await Expect(page.GetByText($"\"{title}\" is now due {tenDaysBack}.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("loans-grid").GetByText("10 days overdue")).ToBeVisibleAsync();

        // 3. The patron returns it: ₩1,000 (8–14 days late), on the patron's dashboard and in the admin fees list.
        var returned = await (await patron.Client.ReturnAsync(loan.Id, 1)).ReadAsync<Api.ReturnResponse>();
        Assert.Equal((10, 1000L), (returned.DaysOverdue, returned.LateFeeCharged));
        Assert.Equal(1000, (await patron.Client.DashboardWhenAsync(d => d.AccumulatedFees == 1000)).AccumulatedFees);
        // PATRON PAGE: Expect(dashboard.GetByText("₩1,000")).ToBeVisibleAsync() on the patron's open /dashboard.
        await page.GotoAsync("/admin/fees");
        await page.GetByLabel("Search patron or book").FillAsync(title);
        var feeRow = page.GetByTestId("fees-grid").Locator("tbody tr.mud-table-row").Filter(new() { HasText = title });
        await Expect(feeRow.GetByTestId("fee-amount")).ToHaveTextAsync("₩1,000");

        // 4. The librarian waives it with a reason; the dashboard drops it.
        await feeRow.GetByRole(AriaRole.Button, new() { Name = "Waive" }).ClickAsync();
        var waiveDialog = page.GetByRole(AriaRole.Dialog);
        await waiveDialog.GetByTestId("confirm-waive").ClickAsync();
        await Expect(waiveDialog.GetByText("Enter the reason for the waiver.")).ToBeVisibleAsync();
        await waiveDialog.GetByLabel("Reason").FillAsync("Patron arranged an extension by phone");
        await waiveDialog.GetByTestId("confirm-waive").ClickAsync();
        await Expect(page.GetByText("Fee of ₩1,000 waived.")).ToBeVisibleAsync();
        await Expect(feeRow).ToHaveCountAsync(0);
        Assert.Equal(0, (await patron.Client.DashboardWhenAsync(d => d.AccumulatedFees == 0)).AccumulatedFees);
        // PATRON PAGE: Expect(dashboard.GetByText("₩1,000")).ToHaveCountAsync(0) — drops live (DashboardNotifier).
        using var librarianApi = await app.SignInLibrarianAsync();
        var waived = await librarianApi.FeeForLoanAsync(loan.Id, "Waived");
        Assert.Equal("Patron arranged an extension by phone", waived!.WaiverReason);
    }

    [Fact]
    public async Task An_open_books_page_follows_changes_made_elsewhere_without_a_reload()
    {
        using var librarianApi = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var title = "Live " + Guid.NewGuid().ToString("N")[..6];
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await page.WaitForRowsAsync("books-grid");
        await page.GetByLabel("Search title, author, publisher or ISBN").FillAsync(title);
        await Expect(page.GetByText("No books match.")).ToBeVisibleAsync();

        var book = await librarianApi.CreateBookAsync(AdminApi.NewBook(title, copies: 3));
        var row = page.GetByTestId("books-grid").Locator("tbody tr.mud-table-row").Filter(new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();

        await patron.Client.BorrowNewAsync(book.Id, 2);
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("1"); // on the shelf
        await Expect(row.Locator("td").Nth(6)).ToHaveTextAsync("2"); // on loan
    }
}
