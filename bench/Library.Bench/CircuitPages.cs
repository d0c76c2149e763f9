using Microsoft.Playwright;

namespace Library.Bench;

/// <summary>
/// Real Blazor circuits: headless Debian Chromium pages spread over several browser contexts, each page on the book page
/// of one title or on the catalogue, with a MutationObserver that stamps the wall clock when that title's availability
/// (<c>data-available</c> of its stock badge) changes.
/// </summary>
internal sealed class CircuitPages(IBrowser browser, Uri baseAddress, int bookId) : IAsyncDisposable
{
    private const int PagesPerContext = 50;

    // Records Date.now() (ms since the epoch, the machine's wall clock) at the first change.
    private const string ObserverScript = """
        (selector) => {
            window.__changedAt = null;
            const element = document.querySelector(selector);
            window.__before = element.getAttribute('data-available');
            new MutationObserver(() => {
                const now = document.querySelector(selector);
                if (window.__changedAt === null && now && now.getAttribute('data-available') !== window.__before) {
                    window.__changedAt = Date.now(); // the wall clock, as the bench's DateTimeOffset.UtcNow
                }
            }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-available'] });
        }
        """;

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];
    private readonly List<string> _selectors = [];

    public int Count => _pages.Count;

    public int Failed { get; private set; }

    /// <summary>Opens pages until <paramref name="target"/> circuits are open, alternating book page and catalogue.</summary>
    public async Task GrowToAsync(int target, DateTime deadline)
    {
        var opening = new List<Task>();
        using var gate = new SemaphoreSlim(8);
        for (var i = _pages.Count + opening.Count; i < target && DateTime.UtcNow < deadline; i++)
        {
            if (i % PagesPerContext == 0)
            {
                _contexts.Add(await browser.NewContextAsync());
            }

            var context = _contexts[^1];
            var onBookPage = i % 2 == 0;
            await gate.WaitAsync();
            opening.Add(OpenAsync(context, onBookPage).ContinueWith(_ => gate.Release(), TaskScheduler.Default));
        }

        await Task.WhenAll(opening);
    }

    private async Task OpenAsync(IBrowserContext context, bool onBookPage)
    {
        try
        {
            var page = await context.NewPageAsync();
            var selector = onBookPage ? "[data-testid='book-availability']" : $"[data-testid='stock-{bookId}']";
            await page.GotoAsync(new Uri(baseAddress, onBookPage ? $"/books/{bookId}" : "/catalogue").ToString(),
                new PageGotoOptions { Timeout = 60_000 });
            await page.WaitForFunctionAsync(
                "() => window.Blazor !== undefined && document.querySelector('[data-interactive=\"true\"]') !== null",
                null, new PageWaitForFunctionOptions { Timeout = 60_000 });
            await page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { Timeout = 60_000 });
            lock (_pages)
            {
                _pages.Add(page);
                _selectors.Add(selector);
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            Failed++;
        }
    }

    public async Task ArmAsync() =>
        await Task.WhenAll(_pages.Select((page, i) => page.EvaluateAsync(ObserverScript, _selectors[i])));

    /// <summary>Per page: when the new availability was rendered (ms since the epoch), or null when it never changed.</summary>
    public async Task<List<double?>> ChangedAtAsync() =>
        (await Task.WhenAll(_pages.Select(page => page.EvaluateAsync<double?>("() => window.__changedAt")))).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
