using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>An open catalogue follows the librarian's catalogue changes (CatalogueNotifier) without a reload.</summary>
[Collection(SecondBrowserCollection.Name)]
public sealed class LiveCatalogueTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    /// <summary>A word no demo title has, so a search for it lists only this test's books.</summary>
    private static string NewWord() => "lc" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Archived_and_removed_titles_leave_an_open_catalogue_and_restored_or_edited_ones_show_up()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        var kept = await librarian.CreateBookAsync(AdminApi.NewBook($"Kept {word}"));
        var archived = await librarian.CreateBookAsync(AdminApi.NewBook($"Archived {word}"));
        var removed = await librarian.CreateBookAsync(AdminApi.NewBook($"Removed {word}"));
        var page = await browser.NewPageAsync(app);
        var catalogue = new CataloguePage(page);
        await catalogue.OpenAsync(word);
        await Expect(catalogue.ResultCount).ToHaveTextAsync("3 titles");
        await page.MarkNotReloadedAsync();

        (await librarian.PostAsync($"/api/books/{archived.Id}/archive", null)).EnsureSuccessStatusCode();
        await Expect(catalogue.Title(archived.Title)).ToHaveCountAsync(0);
        await Expect(catalogue.ResultCount).ToHaveTextAsync("2 titles");

        (await librarian.DeleteAsync($"/api/books/{removed.Id}")).EnsureSuccessStatusCode();
        await Expect(catalogue.Title(removed.Title)).ToHaveCountAsync(0);
        await Expect(catalogue.ResultCount).ToHaveTextAsync("1 title");

        (await librarian.PostAsync($"/api/books/{archived.Id}/restore", null)).EnsureSuccessStatusCode();
        await Expect(catalogue.Title(archived.Title)).ToBeVisibleAsync();

        var edited = AdminApi.NewBook($"Renamed {word}") with { Isbn = kept.Isbn };
        (await librarian.PutAsJsonAsync($"/api/books/{kept.Id}", edited)).EnsureSuccessStatusCode();
        await Expect(catalogue.Title(edited.Title)).ToBeVisibleAsync();
        await Expect(catalogue.Title(kept.Title)).ToHaveCountAsync(0);
        await Expect(catalogue.ResultCount).ToHaveTextAsync("2 titles");
        Assert.True(await page.WasNotReloadedAsync());
    }

    [Fact]
    public async Task When_the_titles_of_the_last_page_leave_the_open_catalogue_shows_the_new_last_page()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        var books = new List<Api.Book>();
        for (var i = 1; i <= 11; i++)
        {
            books.Add(await librarian.CreateBookAsync(AdminApi.NewBook($"Shelf {word} {i:D2}")));
        }

        var page = await browser.NewPageAsync(app);
        var catalogue = new CataloguePage(page);
        await page.GotoAsync($"/catalogue?q={word}&size=10&page=2");
        await page.WaitForBlazorAsync();
        await Expect(page.GetByTestId("book-link")).ToHaveTextAsync([books[10].Title]);

        (await librarian.PostAsync($"/api/books/{books[10].Id}/archive", null)).EnsureSuccessStatusCode();

        await Expect(catalogue.ResultCount).ToHaveTextAsync("10 titles");
        await Expect(page.GetByTestId("book-link")).ToHaveCountAsync(10);
        await Expect(catalogue.NoResults).ToHaveCountAsync(0);
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2"));
    }
}
