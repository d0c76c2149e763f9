using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>A librarian on a phone (375 px, Korean) can use every admin list without the page scrolling sideways.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class AdminOnAPhoneTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData("/admin/books", "books-grid")]
    [InlineData("/admin/patrons", "patrons-grid")]
    [InlineData("/admin/loans", "loans-grid")]
    [InlineData("/admin/fees", "fees-grid")]
    [InlineData("/admin/audit", "audit-grid")]
    public async Task Admin_lists_fit_a_phone_in_korean(string path, string grid)
    {
        // Something in every list: a new book (audit entry), lent to a patron (loan), returned 10 days late (fee).
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 3));
        var loan = await patron.Client.BorrowNewAsync(book.Id, 2);
        await app.BackdateLoanAsync(loan.Id);
        (await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(-10))).EnsureSuccessStatusCode();
        (await patron.Client.ReturnAsync(loan.Id, 1)).EnsureSuccessStatusCode();

        var page = await LibrarianSession.OpenAsync(browser, app, path, locale: "ko-KR", width: 375);
        await page.WaitForRowsAsync(grid);

        await page.SaveScreenshotAsync($"admin-{grid}-ko-375");
        Assert.True(await page.HorizontalOverflowAsync() <= 0, $"{path} scrolls sideways at 375 px");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ko");
    }
}
