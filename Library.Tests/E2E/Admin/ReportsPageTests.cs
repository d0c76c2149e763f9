using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Admin;

/// <summary>The reports page in Korean: charts with Korean headings, their numbers as tables, live when a loan happens, fits a phone.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ReportsPageTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_librarian_sees_the_reports_in_korean_with_tables_of_numbers_that_follow_new_loans()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook("보고서 시험 도서", copies: 3));
        await patron.Client.BorrowNewAsync(book.Id);

        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/reports", locale: "ko-KR");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "보고서", Level = 1 })).ToBeVisibleAsync();
        foreach (var heading in new[] { "일별 대출 및 반납", "연체 대출 추이", "요일·시간대별 대출", "인기 도서 10", "월별 수수료", "한 번도 대출되지 않은 도서" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 2 })).ToBeVisibleAsync();
        }

        var loans = page.GetByTestId("report-loans-returns");
        await Expect(loans.Locator("svg").First).ToBeVisibleAsync();
        var table = loans.GetByRole(AriaRole.Table);
        await Expect(table.Locator("caption")).ToHaveTextAsync("도서관 기준 일별 대출 시작 및 반납 건수");
        await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = "대출" })).ToBeVisibleAsync();
        var total = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "합계" });
        await Expect(total).ToHaveTextAsync("합계10");
        await Expect(page.GetByTestId("report-top-titles")).ToContainTextAsync("보고서 시험 도서");
        await Expect(page.GetByTestId("report-loans-returns-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"/api/admin/reports/loans-returns\.csv\?from=\d{4}-\d{2}-\d{2}&to="));
        await page.SaveScreenshotAsync("reports-ko-1280", fullPage: true);

        // A new loan elsewhere shows up without a reload.
        await patron.Client.BorrowNewAsync(book.Id);
        await Expect(total).ToHaveTextAsync("합계20", new() { Timeout = 20_000 });
    }

    [Theory]
    [InlineData("ko-KR")]
    [InlineData("en-US")]
    public async Task The_reports_stack_on_a_phone_without_scrolling_sideways(string locale)
    {
        var wide = await LibrarianSession.OpenAsync(browser, app, "/admin/reports", locale: locale);
        await Expect(wide.GetByTestId("report-fees")).ToBeVisibleAsync();
        await wide.SaveScreenshotAsync($"reports-{locale}-1280", fullPage: true);

        var page = await LibrarianSession.OpenAsync(browser, app, "/admin/reports", locale: locale, width: 375);
        await Expect(page.GetByTestId("report-fees")).ToBeVisibleAsync();

        await page.SaveScreenshotAsync($"reports-{locale}-375", fullPage: true);
        Assert.True(await page.HorizontalOverflowAsync() <= 0, "/admin/reports scrolls sideways at 375 px");
        // Each report renders when its query answers; measure once both are on screen.
        await Expect(page.GetByTestId("report-loans-returns")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("report-overdue")).ToBeVisibleAsync();
        var first = await page.GetByTestId("report-loans-returns").BoundingBoxAsync();
        var second = await page.GetByTestId("report-overdue").BoundingBoxAsync();
        Assert.True(second!.Y >= first!.Y + first.Height, "the reports are stacked on a phone");
    }
}
