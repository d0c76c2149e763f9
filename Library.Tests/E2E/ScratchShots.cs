using Library.Tests.TestSupport;
using Microsoft.Playwright;

namespace Library.Tests.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ScratchShots(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Shots()
    {
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(4);
        var loan = await (await patron.BorrowAsync(book.Id, 4)).ReadAsync<Api.Loan>();
        var other = await patron.FindBookWithCopiesAsync(1, 1);
        await patron.BorrowAsync(other.Id, 1);
        app.Clock.Advance(TimeSpan.FromDays(21));
        using var p2 = await app.SignInPatronAsync();
        await p2.ReturnAsync(loan.Id, 1);
        await app.WaitForOutboxAsync();
        foreach (var locale in new[] { "en-US", "ko-KR" })
        {
            foreach (var width in new[] { 1280, 375 })
            {
                var page = await browser.NewPageAsync(app);
                await page.SetViewportSizeAsync(width, 900);
                await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);
                if (locale == "ko-KR") { await page.GotoAsync("/culture/set?culture=ko&returnUrl=/"); }
                foreach (var (name, url) in new[] { ("catalogue", "/catalogue"), ("book", $"/books/{book.Id}"), ("myloans", "/my-loans"), ("dashboard", "/dashboard"), ("search", "/catalogue?q=weary") })
                {
                    await page.GotoAsync(url);
                    await page.WaitForTimeoutAsync(1500);
                    await page.ScreenshotAsync(new() { Path = $"/tmp/scratch/shots/{name}-{locale}-{width}.png", FullPage = true });
                }
                await page.GotoAsync("/my-loans");
                await page.WaitForTimeoutAsync(1000);
                await page.GetByTestId("return-button").First.ClickAsync();
                await page.WaitForTimeoutAsync(800);
                await page.ScreenshotAsync(new() { Path = $"/tmp/scratch/shots/return-{locale}-{width}.png" });
                await page.Context.CloseAsync();
            }
        }
    }
}
