using System.Text;
using Library.Tests.Admin;
using Library.Tests.E2E.Admin;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.Integration.Covers;

/// <summary>
/// A librarian gives a title a cover through the admin dialog; the catalogue then shows it, and the initials placeholder for a
/// title without one. With LIBRARY_TEST_SHOTS=dir the test also saves screenshots (English and Korean, 1280 and 375 px).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoverUiTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    private static readonly string? Shots = Environment.GetEnvironmentVariable("LIBRARY_TEST_SHOTS");

    [Fact]
    public async Task A_cover_uploaded_in_the_dialog_shows_in_the_catalogue_next_to_the_initials_of_a_title_without_one()
    {
        var word = "Cov" + Guid.NewGuid().ToString("N")[..6];
        using var librarian = await app.SignInLibrarianAsync();
        var withCover = await librarian.CreateBookAsync(AdminApi.NewBook($"{word} Quiet Rivers"));
        var without = await librarian.CreateBookAsync(AdminApi.NewBook($"{word} Loud Seas"));

        var admin = await LibrarianSession.OpenAsync(browser, app, "/admin/books");
        await admin.WaitForRowsAsync("books-grid");
        await admin.GetByLabel("Search title, author, publisher or ISBN").FillAsync(withCover.Title);
        await admin.WaitForSingleRowAsync("books-grid");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Cover of {withCover.Title}" }).ClickAsync();
        var dialog = admin.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("cover-none")).ToBeVisibleAsync();
        var file = dialog.GetByLabel("Choose an image");

        await file.SetInputFilesAsync(new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = Encoding.UTF8.GetBytes("not a picture at all") });
        await Expect(dialog.GetByTestId("cover-error")).ToHaveTextAsync("This file is not an image. Choose a JPEG, PNG or WebP file.");
        await ShotAsync(admin, "dialog-error-en-1280");

        await file.SetInputFilesAsync(new FilePayload { Name = "cover.png", MimeType = "image/png", Buffer = TestImages.Png(600, 900) });
        await Expect(dialog.GetByTestId($"cover-{withCover.Id}")).ToBeVisibleAsync();
        await Expect(dialog.GetByTestId("cover-error")).ToHaveCountAsync(0);
        await Expect(dialog.GetByTestId("cover-remove")).ToBeVisibleAsync();
        await ShotAsync(admin, "dialog-en-1280");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();

        var catalogue = await browser.NewPageAsync(app);
        var violations = new System.Collections.Concurrent.ConcurrentQueue<string>();
        catalogue.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Enqueue(message.Text);
            }
        };
        await catalogue.GotoAsync($"/catalogue?q={word}");
        var cover = catalogue.GetByTestId($"cover-{withCover.Id}");
        await Expect(cover).ToBeVisibleAsync();
        await Expect(cover).ToHaveAttributeAsync("alt", withCover.Title);
        Assert.True(await cover.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 160"), "the small thumbnail loaded");
        var placeholder = catalogue.GetByTestId($"cover-placeholder-{without.Id}");
        await Expect(placeholder).ToHaveTextAsync(CoverInitials(without.Title));
        await Expect(catalogue.GetByTestId($"cover-{without.Id}")).ToHaveCountAsync(0);
        await ShotAsync(catalogue, "catalogue-en-1280");
        Assert.True(violations.IsEmpty, "the CSP (img-src 'self') lets covers load: " + string.Join("\n", violations));

        if (Shots is not null)
        {
            await MoreShotsAsync(word, withCover.Id);
        }
    }

    private static string CoverInitials(string title) => Library.Web.Features.Covers.CoverPlaceholders.Initials(title);

    /// <summary>Only for looking at the pages: phone width and Korean.</summary>
    private async Task MoreShotsAsync(string word, int bookId)
    {
        foreach (var (locale, width) in new[] { ("en-US", 375), ("ko-KR", 1280), ("ko-KR", 375) })
        {
            var tag = $"{locale[..2]}-{width}";
            var page = await browser.NewPageAsync(app, locale);
            await page.SetViewportSizeAsync(width, 900);
            await page.GotoAsync($"/catalogue?q={word}");
            await Expect(page.GetByTestId($"cover-{bookId}")).ToBeVisibleAsync();
            await ShotAsync(page, $"catalogue-{tag}");
            await page.GotoAsync($"/books/{bookId}");
            await Expect(page.GetByTestId("book-title")).ToBeVisibleAsync();
            await ShotAsync(page, $"book-{tag}");

            var admin = await LibrarianSession.OpenAsync(browser, app, "/admin/books", locale, width);
            await admin.WaitForRowsAsync("books-grid");
            await admin.GetByTestId("book-cover").First.ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
            await Task.Delay(500); // the dialog's opening animation, for the picture only
            await ShotAsync(admin, $"dialog-{tag}", fullPage: false);
        }

        var english = await browser.NewPageAsync(app);
        await english.GotoAsync($"/books/{bookId}");
        await Expect(english.GetByTestId("book-title")).ToBeVisibleAsync();
        await ShotAsync(english, "book-en-1280");
    }

    private static async Task ShotAsync(IPage page, string name, bool fullPage = true)
    {
        if (Shots is not null)
        {
            Directory.CreateDirectory(Shots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = fullPage });
        }
    }
}
