using Microsoft.Playwright;

namespace Library.Tests.TestSupport;

/// <summary>One headless Debian Chromium for the whole E2E collection (never a downloaded browser).</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the README test command (it installs Debian's chromium).");
        }

        // Assertions wait as long as actions do: on a loaded 2-core CI machine a circuit can take several seconds to start.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task<IPage> NewPageAsync(LibraryApp app, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        // The first page of a fresh app on a loaded machine (JIT, Razor, a cold database) can take longer than an action.
        context.SetDefaultNavigationTimeout(30_000);
        app.OnDispose(() => context.CloseAsync());
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// A second browser collection with its own Chromium, so two halves of the browser tests run side by side
/// (xunit runs collections in parallel, tests inside one collection one after another).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecondBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-2";
}

/// <summary>A third browser collection: the circulation pages (desk, copies, kiosk, calendar, history, renewals, holds).</summary>
[CollectionDefinition(Name)]
public sealed class ThirdBrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-3";
}
