using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>
/// A Korean page that re-renders because of someone else's change (another browser, the API, a librarian) stays Korean,
/// dates included. Live callbacks run on the thread of whoever made the change; before the fix they rendered in its culture.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveUpdatesStayKoreanTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    private async Task<IPage> KoreanPageAsync(string? email = null, string? password = null)
    {
        var page = await browser.NewPageAsync(app);
        if (email is not null)
        {
            await page.SignInAsync(email, password!);
        }

        await page.UseKoreanAsync();
        return page;
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForBlazorAsync();
    }

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task The_catalogue_and_the_book_page_stay_Korean_when_someone_borrows_and_a_librarian_edits_the_title()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var input = AdminApi.NewBook(copies: 3);
        var book = await librarian.CreateBookAsync(input);
        var catalogue = await KoreanPageAsync();
        await OpenAsync(catalogue, $"/catalogue?q={book.Isbn}");
        var bookPage = await KoreanPageAsync();
        await OpenAsync(bookPage, $"/books/{book.Id}");
        await Expect(catalogue.GetByTestId($"stock-{book.Id}")).ToContainTextAsync("3권 중 3권 대출 가능");

        using var patron = await app.SignInPatronAsync();
        await patron.BorrowNewAsync(book.Id, 1);

        await Expect(catalogue.GetByTestId($"stock-{book.Id}")).ToContainTextAsync("3권 중 2권 대출 가능");
        await Expect(bookPage.GetByTestId("book-availability")).ToContainTextAsync("3권 중 2권 대출 가능");
        await Expect(Heading(catalogue)).ToHaveTextAsync("도서 목록");

        var renamed = input with { Title = "고친 제목 " + Guid.NewGuid().ToString("N")[..6] };
        (await librarian.PutAsJsonAsync($"/api/books/{book.Id}", renamed)).EnsureSuccessStatusCode();

        await Expect(catalogue.GetByTestId("book-link")).ToContainTextAsync(renamed.Title);
        await Expect(Heading(catalogue)).ToHaveTextAsync("도서 목록");
        await Expect(catalogue.GetByTestId($"stock-{book.Id}")).ToContainTextAsync("3권 중 2권 대출 가능");
        await Expect(bookPage.GetByTestId("book-availability")).ToContainTextAsync("3권 중 2권 대출 가능");
    }

    [Fact]
    public async Task My_loans_and_the_dashboard_stay_Korean_with_Korean_dates_through_a_loan_made_elsewhere_and_an_own_return()
    {
        using var reader = await app.NewPatronAsync();
        var book = await app.BookWithCopiesAsync(3, skip: 3);
        var loans = await KoreanPageAsync(reader.Email, AdminApi.NewPatronPassword);
        await OpenAsync(loans, "/my-loans");
        var dashboard = await KoreanPageAsync(reader.Email, AdminApi.NewPatronPassword);
        await OpenAsync(dashboard, "/dashboard");

        var loan = await reader.Client.BorrowNewAsync(book.Id, 2);

        var row = new MyLoansPage(loans).Row(book.Title);
        await Expect(row).ToContainTextAsync("2권 중 2권");
        var dueDay = TimeZoneInfo.ConvertTime(loan.DueAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"));
        await Expect(row).ToContainTextAsync($"{dueDay.Year}. {dueDay.Month}. {dueDay.Day}.");
        await Expect(Heading(loans)).ToHaveTextAsync("내 대출");
        await Expect(loans.GetByRole(AriaRole.Columnheader, new() { Name = "반납 예정일" })).ToBeVisibleAsync();
        await Expect(dashboard.GetByTestId("books-on-loan")).ToHaveTextAsync("2");
        await Expect(Heading(dashboard)).ToHaveTextAsync("대시보드");

        await row.GetByTestId("return-button").ClickAsync();
        var dialog = loans.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("반납할 권수").FillAsync("1");
        await Expect(dialog.GetByTestId("return-fee")).ToContainTextAsync("연체료가 없습니다");
        await dialog.GetByTestId("return-confirm").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        await Expect(row).ToContainTextAsync("2권 중 1권");
        await Expect(dashboard.GetByTestId("books-on-loan")).ToHaveTextAsync("1");
        await Expect(Heading(loans)).ToHaveTextAsync("내 대출");
        await Expect(row).ToContainTextAsync($"{dueDay.Year}. {dueDay.Month}. {dueDay.Day}.");
        await Expect(row.GetByTestId("return-button")).ToHaveTextAsync("반납");
        await Expect(Heading(dashboard)).ToHaveTextAsync("대시보드");
        await loans.SaveScreenshotAsync("my-loans-ko-after-live-return");
    }

    [Fact]
    public async Task The_notification_bell_and_the_admin_loans_grid_stay_Korean_when_a_loan_becomes_overdue()
    {
        using var reader = await app.NewPatronAsync();
        var book = await app.BookWithCopiesAsync(2, skip: 7);
        var patronPage = await KoreanPageAsync(reader.Email, AdminApi.NewPatronPassword);
        await OpenAsync(patronPage, "/catalogue");
        var admin = await KoreanPageAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);
        await OpenAsync(admin, "/admin/loans");
        await Expect(admin.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-interactive", "true");
        var loan = await reader.Client.BorrowNewAsync(book.Id, 1);
        await Expect(admin.GetByRole(AriaRole.Row).Filter(new() { HasText = reader.Email })).ToBeVisibleAsync();

        using var librarian = await app.SignInLibrarianAsync();
        await app.BackdateLoanAsync(loan.Id);
        (await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(-3))).EnsureSuccessStatusCode();

        await Expect(patronPage.GetByTestId("notification-bell")).ToHaveAttributeAsync("data-unread", "1");
        await Expect(patronPage.GetByTestId("notification-bell")).ToHaveAttributeAsync("aria-label", "알림, 읽지 않음 1개");
        await Expect(Heading(patronPage)).ToHaveTextAsync("도서 목록");
        var adminRow = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = reader.Email });
        await Expect(adminRow).ToContainTextAsync("3일");
        await Expect(admin.GetByRole(AriaRole.Columnheader, new() { Name = "반납 기한" })).ToBeVisibleAsync();
        await Expect(Heading(admin)).ToHaveTextAsync("대출 관리");
    }
}
