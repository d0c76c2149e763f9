using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>
/// The cross-role story in two browsers: the librarian works in the admin panel while the patron's own browser
/// (catalogue, my loans, dashboard) follows every change live, without reloading.
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

        // The patron is already looking for the title before it exists.
        var patronPage = await browser.NewPageAsync(app);
        await patronPage.SignInAsync(patron.Email, AdminApi.NewPatronPassword, $"/catalogue?q={Uri.EscapeDataString(title)}");
        await patronPage.WaitForBlazorAsync();
        var catalogue = new CataloguePage(patronPage);
        await Expect(catalogue.NoResults).ToContainTextAsync($"No titles match “{title}”");
        await patronPage.MarkNotReloadedAsync();

        // 1. The librarian adds a book; it appears in the patron's open catalogue without a reload.
        await page.WaitForRowsAsync("books-grid");
        await page.GetByTestId("add-book").ClickAsync();
        var form = page.GetByRole(AriaRole.Dialog);
        await form.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await form.GetByLabel("Author", new() { Exact = true }).FillAsync("Cross Role");
        await form.GetByLabel("ISBN", new() { Exact = true }).FillAsync(AdminApi.NewIsbn());
        await form.GetByLabel("Total copies", new() { Exact = true }).FillAsync("2");
        await form.GetByTestId("save-book").ClickAsync();
        await Expect(page.GetByText($"\"{title}\" was added to the catalogue.")).ToBeVisibleAsync();
        await Expect(catalogue.Title(title)).ToBeVisibleAsync();
        await Expect(catalogue.ResultCount).ToHaveTextAsync("1 title");
        await Expect(patronPage.GetByTestId("book-list")).ToContainTextAsync("2 of 2 available");
        Assert.True(await patronPage.WasNotReloadedAsync());

        // 2. The patron borrows it from the catalogue and keeps the dashboard open in a second tab.
        await catalogue.Title(title).ClickAsync();
        await new BookPage(patronPage).BorrowAsync(1);
        await Expect(patronPage.Snackbar()).ToContainTextAsync($"Borrowed 1 × “{title}”");
        var loan = Assert.Single(await patron.Client.GetJsonAsync<List<Api.Loan>>("/api/me/loans"));
        var dashboardTab = await patronPage.Context.NewPageAsync();
        await dashboardTab.GotoAsync("/dashboard");
        var dashboard = new DashboardPage(dashboardTab);
        await Expect(dashboard.BooksOnLoan).ToHaveTextAsync("1");
        await Expect(dashboard.AccumulatedFees).ToHaveTextAsync("₩0");
        await dashboardTab.MarkNotReloadedAsync();

        // 3. The librarian sets the due date 10 days back (the loan is backdated first: a due date before the borrow day is refused).
        await app.BackdateLoanAsync(loan.Id);
        await page.GotoAsync("/admin/loans");
        await page.WaitForRowsAsync("loans-grid");
        await page.GetByLabel("Search patron or book").FillAsync(title);
        await page.WaitForSingleRowAsync("loans-grid");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Change due date of {title}" }).ClickAsync();
        var dueDialog = page.GetByRole(AriaRole.Dialog);
        // The date input takes ISO days, read as library-local (Seoul) days; the app shows them as "Feb 20, 2026".
        var tenDaysBackInSeoul = TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).AddDays(-10);
        var tenDaysBack = tenDaysBackInSeoul.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tenDaysBackShown = tenDaysBackInSeoul.ToString("MMM d, yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        await dueDialog.GetByLabel("New due date").FillAsync(tenDaysBack);
        await Expect(dueDialog.GetByText("the loan will be 10 days overdue")).ToBeVisibleAsync();
        await dueDialog.GetByTestId("save-due-date").ClickAsync();
        await Expect(page.GetByText($"\"{title}\" is now due {tenDaysBackShown}.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("loans-grid").GetByText("10 days overdue")).ToBeVisibleAsync();

        // 4. The patron returns it through My loans; the dialog states ₩1,000 (8–14 days late) before the return,
        //    and the fee reaches the open dashboard and the librarian's fees list.
        await patronPage.GotoAsync("/my-loans");
        var myLoans = new MyLoansPage(patronPage);
        await Expect(myLoans.Row(title)).ToContainTextAsync("10 days overdue");
        await myLoans.ReturnAsync(title, 1, "10 days late: a late fee of ₩1,000 will be charged");
        await Expect(patronPage.Snackbar()).ToContainTextAsync("Late fee charged: ₩1,000");
        await Expect(dashboard.AccumulatedFees).ToHaveTextAsync("₩1,000");
        await Expect(dashboard.BooksOnLoan).ToHaveTextAsync("0");
        await page.GotoAsync("/admin/fees");
        await page.GetByLabel("Search patron or book").FillAsync(title);
        var feeRow = page.GetByTestId("fees-grid").Locator("tbody tr.mud-table-row").Filter(new() { HasText = title });
        await Expect(feeRow.GetByTestId("fee-amount")).ToHaveTextAsync("₩1,000");

        // 5. The librarian waives it, with a reason; the patron's open dashboard drops it.
        await feeRow.GetByRole(AriaRole.Button, new() { Name = "Waive" }).ClickAsync();
        var waiveDialog = page.GetByRole(AriaRole.Dialog);
        await waiveDialog.GetByTestId("confirm-waive").ClickAsync();
        await Expect(waiveDialog.GetByText("Enter the reason for the waiver.")).ToBeVisibleAsync();
        await waiveDialog.GetByLabel("Reason").FillAsync("Patron arranged an extension by phone");
        await waiveDialog.GetByTestId("confirm-waive").ClickAsync();
        await Expect(page.GetByText("Fee of ₩1,000 waived.")).ToBeVisibleAsync();
        await Expect(feeRow).ToHaveCountAsync(0);
        await Expect(dashboard.AccumulatedFees).ToHaveTextAsync("₩0");
        Assert.True(await dashboardTab.WasNotReloadedAsync());
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
