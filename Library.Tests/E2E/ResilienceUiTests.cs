using System.Net;
using System.Text.RegularExpressions;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Library.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>
/// What patrons see when parts of the library are under strain: a catalogue outage (the chaos switch) leaves returns and
/// borrowing by ISBN working and heals by itself; a throttled borrow shows "Busy — retrying in N s" and completes.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ResilienceUiTests(BrowserFixture browser)
{

    private static readonly (string Language, int Width)[] Looks = [("en", 1280), ("en", 375), ("ko", 1280), ("ko", 375)];

    private sealed record BookRow(int Id, string Isbn, string Title, int AvailableCopies);

    private static Task<List<BookRow>> BooksWithCopiesAsync(LibraryApp app, int minAvailable, int count) =>
        app.WithDbAsync(db => db.Books.Where(b => !b.IsArchived && b.AvailableCopies >= minAvailable).OrderBy(b => b.Id)
            .Select(b => new BookRow(b.Id, b.Isbn, b.Title, b.AvailableCopies)).Take(count).ToListAsync());

    private static Task<int> AvailableAsync(LibraryApp app, int bookId) =>
        app.WithDbAsync(db => db.Books.Where(b => b.Id == bookId).Select(b => b.AvailableCopies).SingleAsync());

    private static async Task UseLanguageAsync(IPage page, string language, int width)
    {
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync($"/culture/set?culture={language}&returnUrl=/");
    }

    [Fact]
    public async Task During_a_catalogue_outage_patrons_borrow_by_isbn_and_return_and_the_list_comes_back_by_itself()
    {
        await using var app = new LibraryApp()
            .With("Chaos:CatalogFailureRate", "1")
            .With("Catalog:Resilience:BreakDuration", "00:00:01")
            .With("Catalog:Resilience:PageRetryInterval", "00:00:02");
        await app.InitializeAsync();
        var books = await BooksWithCopiesAsync(app, minAvailable: 2, count: 2);
        var (toReturn, toBorrow) = (books[0], books[1]);
        using (var patron = await app.SignInPatronAsync())
        {
            Assert.Equal(HttpStatusCode.Created, (await patron.BorrowAsync(toReturn.Id, 1)).StatusCode);
        }

        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword, "/catalogue");
        var unavailable = page.GetByTestId("catalogue-unavailable-message");
        await Expect(unavailable).ToHaveTextAsync("The catalogue is temporarily unavailable — you can still return books and borrow by ISBN.");
        await Expect(page.GetByTestId("result-count")).ToHaveCountAsync(0);

        // Borrow by ISBN right there: a wrong check digit is caught first, then the real ISBN borrows.
        await page.WaitForBlazorAsync();
        var isbn = page.GetByLabel("ISBN", new() { Exact = true });
        await isbn.FillAsync("978-0-306-40615-6");
        await page.GetByTestId("isbn-borrow").ClickAsync();
        await Expect(page.GetByTestId("borrow-by-isbn")).ToContainTextAsync("This is not a valid ISBN-10 or ISBN-13: check the digits.");
        await isbn.FillAsync(toBorrow.Isbn);
        await page.GetByTestId("borrow-by-isbn").GetByLabel("Copies").FillAsync("1");
        await page.GetByTestId("isbn-borrow").ClickAsync();
        await Expect(page.Snackbar()).ToContainTextAsync($"Borrowed 1 × “{toBorrow.Title}”.");
        Assert.Equal(toBorrow.AvailableCopies - 1, await AvailableAsync(app, toBorrow.Id));

        // Returns work too: My loans is one click away.
        await page.GetByTestId("catalogue-my-loans").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/my-loans$"));
        await new MyLoansPage(page).ReturnAsync(toReturn.Title, 1, "On time");
        await Expect(page.Snackbar().Filter(new() { HasText = "Returned 1 ×" })).ToBeVisibleAsync();
        Assert.Equal(toReturn.AvailableCopies, await AvailableAsync(app, toReturn.Id));

        // The outage ends: the open page finds the catalogue again by itself (no reload, no click) once the breaker lets a read through.
        await page.GotoAsync("/catalogue");
        await Expect(unavailable).ToBeVisibleAsync();
        await page.WaitForBlazorAsync();
        app.Services.GetRequiredService<CatalogChaos>().FailureRate = 0;
        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("200 titles", new() { Timeout = 20_000 });
        await Expect(unavailable).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Search by title, author or ISBN")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Try_again_brings_the_list_back_once_the_catalogue_answers_and_the_outage_fits_both_languages_and_phones()
    {
        await using var app = new LibraryApp()
            .With("Chaos:CatalogFailureRate", "1")
            .With("Catalog:Resilience:BreakDuration", "00:00:01")
            // The page's own retry waits longer than this test runs, so only the click can bring the list back.
            .With("Catalog:Resilience:PageRetryInterval", "00:10:00");
        await app.InitializeAsync();
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword, "/catalogue");
        foreach (var (language, width) in Looks)
        {
            await UseLanguageAsync(page, language, width);
            await page.GotoAsync("/catalogue");
            await Expect(page.GetByTestId("catalogue-unavailable")).ToBeVisibleAsync();
            await page.WaitForBlazorAsync();
            Assert.True(await page.HorizontalOverflowAsync() <= 0, $"the unavailable catalogue scrolls sideways at {width} px ({language})");
            await page.SaveScreenshotAsync($"catalogue-unavailable-{language}-{width}", fullPage: true);
        }

        await UseLanguageAsync(page, "en", 1280);
        await page.GotoAsync("/catalogue");
        await page.WaitForBlazorAsync();
        var tryAgain = page.GetByTestId("catalogue-try-again");
        await tryAgain.ClickAsync(); // still failing: the page stays in its unavailable state
        await Expect(tryAgain).ToBeEnabledAsync();
        await Expect(page.GetByTestId("catalogue-unavailable-message")).ToBeVisibleAsync();

        app.Services.GetRequiredService<CatalogChaos>().FailureRate = 0;
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // the breaker's 1 s break ends; the next read is its trial
        await tryAgain.ClickAsync();

        await Expect(page.GetByTestId("result-count")).ToHaveTextAsync("200 titles");
        await Expect(page.GetByTestId("catalogue-unavailable")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_throttled_borrow_shows_the_busy_countdown_and_completes_by_itself()
    {
        // One borrow or return per patron every 3 s; a background client spends that allowance as soon as it comes back,
        // so the page's borrow is turned away (TooBusyException) until the client stops. The page clicks right after the
        // client has taken a freshly refilled token, so the bucket stays empty for the next ~3 s whatever the click costs.
        await using var app = new LibraryApp()
            .With("Lending:Throttle:PerPatronBurst", "1")
            .With("Lending:Throttle:PerPatronPerSecond", "1")
            .With("Lending:Throttle:PerPatronReplenishmentPeriod", "00:00:03");
        await app.InitializeAsync();
        var book = (await BooksWithCopiesAsync(app, minAvailable: 5, count: 1)).Single();
        using var patron = await app.SignInPatronAsync();
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);
        var borrowed = 0;
        foreach (var (language, width) in Looks)
        {
            await UseLanguageAsync(page, language, width);
            await page.GotoAsync($"/books/{book.Id}");
            await Expect(page.GetByTestId("book-title")).ToHaveTextAsync(book.Title);
            await page.WaitForBlazorAsync();

            using var hog = new CancellationTokenSource();
            var refillTaken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var hogging = SpendTheAllowanceAsync(patron, refillTaken, hog.Token);
            await refillTaken.Task.WaitAsync(TimeSpan.FromSeconds(15));
            await page.GetByTestId("borrow-button").ClickAsync();
            var busy = page.GetByTestId("busy-retry");
            await Expect(busy).ToBeVisibleAsync();
            await Expect(busy).ToContainTextAsync(language == "ko" ? new Regex(@"\d+초 후 다시 시도합니다") : new Regex(@"Busy — retrying in \d+ s"));
            await page.SaveScreenshotAsync($"busy-borrow-{language}-{width}");
            await hog.CancelAsync();
            await hogging;

            borrowed++;
            // The page's next attempt may still meet an empty bucket and wait one more period (≤ 3 s), up to MaxRetries.
            await Expect(page.Snackbar().Filter(new() { HasText = book.Title }).Last).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Expect(busy).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("book-availability")).ToContainTextAsync((book.AvailableCopies - borrowed).ToString());
        }

        Assert.Equal(book.AvailableCopies - borrowed, await AvailableAsync(app, book.Id));
    }

    /// <summary>
    /// Borrows a book that does not exist, over and over: each call takes the patron's token, then answers 404 (or 429
    /// when the bucket is empty). <paramref name="refillTaken"/> completes at the first 404 after a 429: a token that was
    /// just refilled has been spent, so the next one is a whole replenishment period away.
    /// </summary>
    private static async Task SpendTheAllowanceAsync(HttpClient patron, TaskCompletionSource refillTaken, CancellationToken stop)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var sawEmptyBucket = false;
        while (!stop.IsCancellationRequested && DateTime.UtcNow < deadline)
        {
            using var response = await patron.BorrowAsync(987_654, 1);
            Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests });
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                sawEmptyBucket = true;
            }
            else if (sawEmptyBucket)
            {
                refillTaken.TrySetResult();
            }

            try
            {
                await Task.Delay(2, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
