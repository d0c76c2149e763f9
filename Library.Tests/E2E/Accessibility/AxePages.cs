using Library.Tests.E2E.Admin;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E.Accessibility;

internal enum Visitor { Anonymous, Patron, Librarian }

/// <summary>
/// One page the axe run checks. <see cref="Path"/> may contain {book} and {patron} (filled in from <see cref="AxeDemoData"/>);
/// <see cref="Ready"/> waits for what makes the page complete (rows, a dialog) after the page has loaded.
/// </summary>
internal sealed record AxePage(string Name, Visitor Visitor, string Path, bool Phone = false, Func<IPage, Task>? Ready = null);

/// <summary>The pages the accessibility run covers. Add a row here for a new page.</summary>
internal static class AxePages
{
    public static readonly AxePage[] All =
    [
        new("home", Visitor.Patron, "/", Phone: true),
        new("catalogue", Visitor.Patron, "/catalogue", Phone: true, Ready: p => Expect(p.GetByTestId("book-link").First).ToBeVisibleAsync()),
        new("book", Visitor.Patron, "/books/{book}", Phone: true, Ready: p => Expect(p.GetByTestId("book-title")).ToBeVisibleAsync()),
        new("my-loans", Visitor.Patron, "/my-loans", Phone: true, Ready: p => Expect(p.GetByTestId("return-button").First).ToBeVisibleAsync()),
        new("book-hold-ready", Visitor.Patron, "/books/{heldbook}", Phone: true, Ready: p => Expect(p.GetByTestId("hold-ready")).ToBeVisibleAsync()),
        new("my-holds", Visitor.Patron, "/holds", Phone: true, Ready: p => Expect(p.GetByTestId("hold-borrow").First).ToBeVisibleAsync()),
        new("dashboard", Visitor.Patron, "/dashboard", Phone: true, Ready: p => Expect(p.GetByTestId("activity-list")).ToBeVisibleAsync()),
        new("notifications", Visitor.Patron, "/notifications", Phone: true, Ready: p => Expect(p.GetByTestId("notice-list")).ToBeVisibleAsync()),
        new("history", Visitor.Patron, "/history", Phone: true, Ready: p => Expect(p.GetByTestId("history-list")).ToBeVisibleAsync()),
        new("sign-in", Visitor.Anonymous, "/account/login"),
        new("register", Visitor.Anonymous, "/account/register"),
        new("access-denied", Visitor.Patron, "/account/access-denied"),
        new("forgot-password", Visitor.Anonymous, "/account/forgot-password"),
        new("account", Visitor.Patron, "/account/manage", Phone: true),
        new("account-password", Visitor.Patron, "/account/manage/password"),
        new("account-email", Visitor.Patron, "/account/manage/email"),
        new("account-sessions", Visitor.Patron, "/account/manage/sessions"),
        new("account-delete", Visitor.Patron, "/account/manage/delete"),
        new("admin", Visitor.Librarian, "/admin"),
        new("admin-reports", Visitor.Librarian, "/admin/reports", Phone: true, Ready: p => Expect(p.GetByTestId("report-fees")).ToBeVisibleAsync()),
        new("admin-books", Visitor.Librarian, "/admin/books", Ready: p => p.WaitForRowsAsync("books-grid")),
        new("admin-import", Visitor.Librarian, "/admin/import", Phone: true),
        new("admin-book-dialog", Visitor.Librarian, "/admin/books", Ready: async p =>
        {
            await p.WaitForRowsAsync("books-grid");
            await p.GetByTestId("add-book").ClickAsync();
            await Expect(p.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        }),
        new("admin-cover-dialog", Visitor.Librarian, "/admin/books", Phone: true, Ready: async p =>
        {
            await p.WaitForRowsAsync("books-grid");
            await p.GetByTestId("book-cover").First.ClickAsync();
            await Expect(p.GetByRole(AriaRole.Dialog).GetByTestId("cover-dialog")).ToBeVisibleAsync();
        }),
        new("admin-patrons", Visitor.Librarian, "/admin/patrons", Ready: p => p.WaitForRowsAsync("patrons-grid")),
        new("admin-patron", Visitor.Librarian, "/admin/patrons/{patron}", Ready: p => Expect(p.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync()),
        new("admin-copies", Visitor.Librarian, "/admin/books/{book}/copies", Phone: true,
            Ready: p => Expect(p.GetByTestId("copy-barcode").First).ToBeVisibleAsync()),
        new("admin-copy-status", Visitor.Librarian, "/admin/books/{book}/copies", Ready: async p =>
        {
            await p.GetByTestId("change-status").First.ClickAsync();
            await Expect(p.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        }),
        new("admin-add-copies", Visitor.Librarian, "/admin/books/{book}/copies", Ready: async p =>
        {
            await p.GetByTestId("add-copies").ClickAsync();
            await Expect(p.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        }),
        new("admin-hold-queue", Visitor.Librarian, "/admin/books/{heldbook}/copies", Phone: true,
            Ready: p => Expect(p.GetByTestId("queue-cancel").First).ToBeVisibleAsync()),
        new("admin-hold-shelf", Visitor.Librarian, "/admin/holds", Phone: true, Ready: p => Expect(p.GetByTestId("shelf-cancel").First).ToBeVisibleAsync()),
        new("admin-cancel-hold", Visitor.Librarian, "/admin/holds", Ready: async p =>
        {
            await p.GetByTestId("shelf-cancel").First.ClickAsync();
            await Expect(p.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        }),
        new("admin-labels", Visitor.Librarian, "/admin/labels?book={book}", Ready: p => Expect(p.GetByTestId("label").First).ToBeVisibleAsync()),
        new("admin-loans", Visitor.Librarian, "/admin/loans", Ready: p => p.WaitForRowsAsync("loans-grid")),
        new("admin-fees", Visitor.Librarian, "/admin/fees", Ready: p => p.WaitForRowsAsync("fees-grid")),
        new("admin-audit", Visitor.Librarian, "/admin/audit", Ready: p => p.WaitForRowsAsync("audit-grid")),
        new("admin-librarians", Visitor.Librarian, "/admin/librarians",
            Ready: p => Expect(p.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync()),
        new("admin-calendar", Visitor.Librarian, "/admin/calendar", Phone: true,
            Ready: p => Expect(p.GetByTestId("upcoming-dates")).ToBeVisibleAsync()),
        new("admin-jobs", Visitor.Librarian, "/admin/jobs", Ready: p => Expect(p.GetByTestId("jobs-table")).ToBeVisibleAsync()),
        new("admin-jobs-snackbar", Visitor.Librarian, "/admin/jobs", Ready: async p =>
        {
            await p.Locator("[data-testid^='run-now-']").First.ClickAsync();
            // MudBlazor fades snackbars in to an opacity of 0.95; check contrast once the fade has finished.
            await Expect(p.Locator(".mud-snackbar")).ToHaveCSSAsync("opacity", new System.Text.RegularExpressions.Regex(@"^(0\.95|1)$"));
            // A loaded machine can still be painting the fade's last frame when axe reads the colours.
            await p.WaitForTimeoutAsync(300);
        }),
    ];

    public static TheoryData<string, string, int> Cases()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var language in new[] { "en", "ko" })
        {
            foreach (var page in All)
            {
                cases.Add(page.Name, language, 1366);
            }

            // Phone width in Korean only: its longer labels are the ones that wrap and overlap first.
            foreach (var page in All.Where(p => p.Phone && language == "ko"))
            {
                cases.Add(page.Name, language, 375);
            }
        }

        return cases;
    }
}
