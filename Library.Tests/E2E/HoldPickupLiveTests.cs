using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Library.Web.Features.Lending.Holds;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>The holds scenario of the circulation issue, in a real browser.</summary>
[Collection(ThirdBrowserCollection.Name)]
public sealed class HoldPickupLiveTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_hold_on_a_title_with_none_left_turns_ready_live_when_a_copy_comes_back_and_its_patron_borrows_it()
    {
        // Patron B has the title's only copy.
        var book = await app.BookWithCopiesAsync(1, skip: 17);
        await app.PutCopiesOnShelfAsync(book.Id, 1);
        using var patronB = await app.SignInPatronAsync();
        var loan = await (await patronB.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();

        // Patron A finds none left and places a hold.
        var page = await browser.NewPageAsync(app);
        await page.SignInAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword, $"/books/{book.Id}");
        await page.WaitForBlazorAsync();
        await Expect(page.GetByTestId("borrow-none-left")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("hold-waiting")).ToContainTextAsync("No one is waiting yet");
        await page.GetByRole(AriaRole.Button, new() { Name = "Place a hold" }).ClickAsync();
        await Expect(page.GetByTestId("hold-position")).ToContainTextAsync("You are number 1 in the queue.");
        await Expect(page.GetByTestId("hold-waiting")).ToHaveTextAsync("1 patron waiting");
        await Expect(page.GetByTestId("borrow-button")).ToBeDisabledAsync();
        await page.EvaluateAsync("() => window.__notReloaded = true");

        // Patron B returns the copy: it goes to the hold shelf for A, not back on the shelf.
        (await patronB.ReturnAsync(loan.Id, 1)).EnsureSuccessStatusCode();

        await Expect(page.GetByTestId("hold-ready")).ToContainTextAsync("A copy waits for you until");
        await Expect(page.GetByTestId("book-availability")).ToContainTextAsync("None left");
        await Expect(page.GetByTestId("borrow-none-left")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.__notReloaded === true"));

        await new BookPage(page).BorrowAsync(1);

        await Expect(page.GetByText($"Borrowed 1 × “{book.Title}”")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("hold-ready")).ToBeHiddenAsync();
        await page.GotoAsync("/my-loans");
        await Expect(new MyLoansPage(page).Row(book.Title)).ToContainTextAsync("1 of 1");
        await page.GotoAsync("/holds");
        await Expect(page.GetByTestId("no-holds")).ToBeVisibleAsync();

        // The book page's queue subscription ended with it (My holds with no holds follows no title).
        var notifier = app.Services.GetRequiredService<HoldQueueNotifier>();
        await Eventually.HoldsAsync(() => Task.FromResult(notifier.SubscriberCount == 0), "hold queue subscriptions disposed");
    }
}
