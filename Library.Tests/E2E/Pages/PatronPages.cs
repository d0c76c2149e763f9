using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Pages;

/// <summary>Page objects for the patron pages: what a patron reads and clicks, by role, label or test id.</summary>
public sealed class CataloguePage(IPage page)
{
    public ILocator ResultCount => page.GetByTestId("result-count");
    public ILocator NoResults => page.GetByTestId("no-results");

    /// <summary>The listed title's link (the row's other cells are its siblings).</summary>
    public ILocator Title(string title) => page.GetByTestId("book-link").Filter(new() { HasText = title });

    public async Task OpenAsync(string search)
    {
        await page.GotoAsync($"/catalogue?q={Uri.EscapeDataString(search)}");
        await page.WaitForBlazorAsync();
    }
}

public sealed class BookPage(IPage page)
{
    public ILocator Availability => page.GetByTestId("book-availability");

    public async Task OpenAsync(int bookId)
    {
        await page.GotoAsync($"/books/{bookId}");
        await page.WaitForBlazorAsync();
    }

    public async Task BorrowAsync(int quantity)
    {
        await page.WaitForBlazorAsync();
        await page.GetByLabel("Copies").FillAsync(quantity.ToString());
        await page.GetByTestId("borrow-button").ClickAsync();
    }
}

public sealed class MyLoansPage(IPage page)
{
    public ILocator Row(string title) => page.GetByRole(AriaRole.Row).Filter(new() { HasText = title });

    public async Task ReturnAsync(string title, int quantity, string expectedFeeStatement)
    {
        await page.WaitForBlazorAsync();
        await Row(title).GetByTestId("return-button").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Copies to return").FillAsync(quantity.ToString());
        await Expect(dialog.GetByTestId("return-fee")).ToContainTextAsync(expectedFeeStatement);
        await dialog.GetByTestId("return-confirm").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }
}

public sealed class DashboardPage(IPage page)
{
    public ILocator BooksOnLoan => page.GetByTestId("books-on-loan");
    public ILocator AccumulatedFees => page.GetByTestId("accumulated-fees");
    public ILocator OverdueLoans => page.GetByTestId("overdue-loans");
}

public static class PatronPageExtensions
{
    /// <summary>When the app sent the browser to the sign-in form (e.g. the cookie expired), signs in there, as a patron would.</summary>
    public static async Task SignInIfAskedAsync(this IPage page, string email, string password)
    {
        if (!page.Url.Contains("/account/login"))
        {
            return;
        }

        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    /// <summary>Marks the loaded document, so <see cref="WasNotReloadedAsync"/> can tell that a change arrived live, not by a reload.</summary>
    public static Task MarkNotReloadedAsync(this IPage page) => page.EvaluateAsync("() => window.__notReloaded = true");

    public static Task<bool> WasNotReloadedAsync(this IPage page) => page.EvaluateAsync<bool>("() => window.__notReloaded === true");

    public static ILocator Snackbar(this IPage page) => page.Locator(".mud-snackbar");

    /// <summary>Switches the UI language through the app's own culture switch (a cookie), like the header links.</summary>
    public static Task UseKoreanAsync(this IPage page) => page.GotoAsync("/culture/set?culture=ko&returnUrl=/");

    public static Task<int> HorizontalOverflowAsync(this IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    public static async Task<Api.Book> BookWithCopiesAsync(this LibraryApp app, int minAvailable, int skip = 0)
    {
        using var client = app.CreateApiClient();
        return await client.FindBookWithCopiesAsync(minAvailable, skip);
    }
}
