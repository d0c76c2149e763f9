using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ReferenceScenarioUiTests(BrowserFixture browser)
{
    [Fact]
    public async Task Borrow_4_then_21_days_later_return_3_and_the_dashboard_shows_1_on_loan_and_500_won()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        var book = await app.BookWithCopiesAsync(5);
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword, $"/books/{book.Id}");

        var bookPage = new BookPage(page);
        await Expect(bookPage.Availability).ToContainTextAsync($"{book.AvailableCopies} of {book.TotalCopies} available");
        await bookPage.BorrowAsync(4);
        await Expect(page.Snackbar()).ToContainTextAsync($"Borrowed 4 × “{book.Title}”");
        await Expect(bookPage.Availability).ToContainTextAsync($"{book.AvailableCopies - 4} of {book.TotalCopies} available");

        app.Clock.Advance(TimeSpan.FromDays(21)); // 14-day loan period: 7 days overdue
        await page.GotoAsync("/my-loans");
        await page.SignInIfAskedAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);
        var loans = new MyLoansPage(page);
        await Expect(loans.Row(book.Title)).ToContainTextAsync("7 days overdue");
        await Expect(loans.Row(book.Title)).ToContainTextAsync("Returning now costs ₩500");

        await loans.ReturnAsync(book.Title, 3, "7 days late: a late fee of ₩500 will be charged");
        await Expect(page.Snackbar()).ToContainTextAsync("Late fee charged: ₩500");
        await Expect(loans.Row(book.Title)).ToContainTextAsync("1 of 4");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        var dashboard = new DashboardPage(page);
        await Expect(dashboard.BooksOnLoan).ToHaveTextAsync("1");
        await Expect(dashboard.AccumulatedFees).ToHaveTextAsync("₩500");
    }
}
