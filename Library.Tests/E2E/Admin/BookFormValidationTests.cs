using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>Each invalid input in the book dialog shows its message next to the field, keeps the dialog open and saves nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BookFormValidationTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData("Title", "", "Enter the title.")]
    [InlineData("Author", "  ", "Enter the author.")]
    [InlineData("ISBN", "", "Enter the ISBN.")]
    [InlineData("ISBN", "978-0-306-40615-8", "This is not a valid ISBN-10 or ISBN-13: check the digits.")]
    [InlineData("ISBN", "existing", "already has the ISBN")]
    [InlineData("Year", "1200", "The year must be between 1450 and 2027.")]
    [InlineData("Year", "2100", "The year must be between 1450 and 2027.")]
    [InlineData("Total copies", "-1", "The number of copies cannot be negative.")]
    [InlineData("Replacement cost (₩)", "-500", "The replacement cost must be between ₩0 and ₩10,000,000.")]
    public async Task Invalid_input_shows_its_message_and_saves_nothing(string field, string value, string message)
    {
        if (value == "existing")
        {
            using var anonymous = app.CreateApiClient();
            value = (await anonymous.GetJsonAsync<Api.BookPage>("/api/books?pageSize=1")).Items[0].Isbn;
        }

        var before = await app.WithDbAsync(db => db.Books.CountAsync());
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await page.WaitForRowsAsync("books-grid");
        await page.GetByTestId("add-book").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await FillAsync(dialog, new Dictionary<string, string>
        {
            ["Title"] = "Validation " + Guid.NewGuid().ToString("N")[..6], ["Author"] = "Someone", ["ISBN"] = AdminApi.NewIsbn(),
            ["Year"] = "2001", ["Total copies"] = "2", [field] = value,
        });

        await dialog.GetByTestId("save-book").ClickAsync();

        await Expect(dialog.GetByText(message)).ToBeVisibleAsync();
        await Expect(dialog).ToBeVisibleAsync();
        Assert.Equal(before, await app.WithDbAsync(db => db.Books.CountAsync()));
    }

    [Fact]
    public async Task Lowering_total_copies_below_the_copies_on_loan_explains_why_and_changes_nothing()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 3));
        await patron.Client.BorrowNewAsync(book.Id, 2);
        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await page.WaitForRowsAsync("books-grid");
        await page.GetByLabel("Search title, author, publisher or ISBN").FillAsync(book.Title);
        await page.WaitForSingleRowAsync("books-grid");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit {book.Title}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByText("2 copies are on loan now")).ToBeVisibleAsync();

        await FillAsync(dialog, new Dictionary<string, string> { ["Title"] = "Renamed", ["Total copies"] = "1" });
        await dialog.GetByTestId("save-book").ClickAsync();

        await Expect(dialog.GetByText("2 copies are on loan, so the total cannot be less than 2.")).ToBeVisibleAsync();
        var stored = await app.WithDbAsync(db => db.Books.AsNoTracking().SingleAsync(b => b.Id == book.Id));
        Assert.Equal((book.Title, 3), (stored.Title, stored.TotalCopies));
    }

    private static async Task FillAsync(ILocator dialog, Dictionary<string, string> values)
    {
        foreach (var (label, value) in values)
        {
            await dialog.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        }
    }
}
