using System.Collections.Concurrent;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>
/// With the Content-Security-Policy on, Chromium reports no violation on any main page (anonymous, patron, librarian) and the
/// interactive pages still work (the circuit connects, a borrow goes through). Violations are collected from the page's
/// <c>securitypolicyviolation</c> events and from Chromium's console messages.
/// </summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Anonymous_pages_report_no_violation()
    {
        var (page, violations) = await WatchedPageAsync();

        foreach (var url in new[] { "/account/login", "/account/register", "/account/access-denied", "/not-found", "/", "/catalogue" })
        {
            // Signed out, some of these are static server-rendered pages: wait for blazor.web.js, not for a circuit.
            // The first page of a fresh app on a loaded machine can take a while.
            await page.GotoAsync(url, new() { Timeout = 60_000 });
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }


        Assert.True(violations.IsEmpty, string.Join("\n", violations));
    }

    [Fact]
    public async Task Patron_pages_report_no_violation_and_borrowing_still_works()
    {
        var (page, violations) = await WatchedPageAsync();
        await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);
        using var anonymous = app.CreateApiClient();
        var book = await anonymous.FindBookWithCopiesAsync(2, skip: 20);

        foreach (var url in new[] { "/", "/catalogue?q=the", "/my-loans", "/dashboard", "/notifications", $"/books/{book.Id}" })
        {
            await OpenAsync(page, url);
        }

        await page.GetByLabel("Copies").FillAsync("1");
        await page.GetByTestId("borrow-button").ClickAsync();
        await Expect(page.GetByTestId("book-availability")).ToContainTextAsync((book.AvailableCopies - 1).ToString());

        Assert.True(violations.IsEmpty, string.Join("\n", violations));
    }

    [Fact]
    public async Task Librarian_pages_report_no_violation()
    {
        var (page, violations) = await WatchedPageAsync();
        await page.SignInAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);

        foreach (var url in new[] { "/admin", "/admin/books", "/admin/patrons", $"/admin/patrons/{patronId}", "/admin/loans", "/admin/fees", "/admin/audit", "/admin/jobs" })
        {
            await OpenAsync(page, url);
        }

        await page.SaveScreenshotAsync("csp-admin-jobs");
        Assert.True(violations.IsEmpty, string.Join("\n", violations));
    }

    private async Task<(IPage Page, ConcurrentQueue<string> Violations)> WatchedPageAsync()
    {
        var violations = new ConcurrentQueue<string>();
        var page = await browser.NewPageAsync(app);
        await page.Context.ExposeFunctionAsync("reportCspViolation", (string text) => violations.Enqueue(text));
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => window.reportCspViolation(" +
            "location.pathname + ': ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue(page.Url + ": " + message.Text);
            }
        };
        return (page, violations);
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForBlazorAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
