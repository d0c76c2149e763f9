using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>
/// Measures (does not assert) how long search-as-you-type takes in Chromium: from the last key up to the result count showing
/// the new search's matches, and the same minus the search box's debounce. Figures go to the test output (notes/search.md).
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class SearchAsYouTypeTimingTests(BrowserFixture browser, LibraryApp app, ITestOutputHelper output) : IClassFixture<LibraryApp>
{
    private const double Debounce = 300;

    [Fact]
    public async Task Typing_a_search_shows_its_results()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var words = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var word = "ty" + Guid.NewGuid().ToString("N")[..6];
            words.Add(word);
            await librarian.CreateBookAsync(AdminApi.NewBook($"Timing {word} one"));
            await librarian.CreateBookAsync(AdminApi.NewBook($"Timing {word} two"));
        }

        var page = await browser.NewPageAsync(app);
        await page.GotoAsync("/catalogue");
        await page.WaitForBlazorAsync();
        var search = page.GetByTestId("catalogue-search");
        var samples = new List<double>();
        foreach (var word in words)
        {
            await search.FillAsync(string.Empty);
            await Expect(page.GetByTestId("book-link")).ToHaveCountAsync(20);
            await page.EvaluateAsync(
                "() => { window.__lastKey = 0; window.__shown = 0;" +
                " document.querySelector('[data-testid=catalogue-search]').addEventListener('keyup', () => window.__lastKey = performance.now());" +
                " new MutationObserver(() => { if (!window.__shown && document.querySelector('[data-testid=result-count]').textContent.trim() === '2 titles') window.__shown = performance.now(); })" +
                ".observe(document.body, { subtree: true, childList: true, characterData: true }); }");
            await search.PressSequentiallyAsync(word, new() { Delay = 40 });
            await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("2 titles");
            samples.Add(await page.EvaluateAsync<double>("() => window.__shown - window.__lastKey"));
        }

        samples.Sort();
        output.WriteLine($"last key → results visible, ms: {string.Join(", ", samples.Select(s => s.ToString("F0")))}; " +
                         $"median {samples[samples.Count / 2]:F0} (debounce {Debounce:F0}, so {samples[samples.Count / 2] - Debounce:F0} after it)");
        Console.WriteLine($"[timing] last key → results: {string.Join(", ", samples.Select(s => s.ToString("F0")))} ms");
    }
}
