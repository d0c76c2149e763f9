using Library.Tests.TestSupport;
using Microsoft.Playwright;

namespace Library.Tests.E2E.Admin;

/// <summary>Opens admin pages as the demo librarian, signing in through the real form once per app and reusing the cookie.</summary>
internal static class LibrarianSession
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<Uri, string> StorageStates = new();

    public static async Task<IPage> OpenAsync(BrowserFixture browser, LibraryApp app, string path, string locale = "en-US", int width = 1280)
    {
        var state = await StorageStateAsync(browser, app);
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            StorageState = state,
        });
        context.SetDefaultTimeout(15_000);
        app.OnDispose(() => context.CloseAsync());
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    private static async Task<string> StorageStateAsync(BrowserFixture browser, LibraryApp app)
    {
        await Gate.WaitAsync();
        try
        {
            if (!StorageStates.TryGetValue(app.BaseAddress, out var state))
            {
                var page = await browser.NewPageAsync(app);
                await page.SignInAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);
                state = await page.Context.StorageStateAsync();
                await page.Context.CloseAsync();
                StorageStates[app.BaseAddress] = state;
            }

            return state;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Waits until the grid shows rows, which happens only once the interactive circuit is up.</summary>
    public static Task WaitForRowsAsync(this IPage page, string gridTestId) =>
        Assertions.Expect(page.GetByTestId(gridTestId).Locator("tbody tr.mud-table-row").First).ToBeVisibleAsync();

    /// <summary>Waits until a search has narrowed the grid to one row (so a click does not land on a row being replaced).</summary>
    public static Task WaitForSingleRowAsync(this IPage page, string gridTestId) =>
        Assertions.Expect(page.GetByTestId(gridTestId).Locator("tbody tr.mud-table-row")).ToHaveCountAsync(1);
}
