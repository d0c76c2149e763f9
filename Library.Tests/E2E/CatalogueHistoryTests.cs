using System.Text.RegularExpressions;
using Library.Tests.Admin;
using Library.Tests.E2E.Pages;
using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

/// <summary>The catalogue's search, filters and pages live in the URL and in the browser's history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CatalogueHistoryTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    private static readonly PageGetByLabelOptions Exact = new() { Exact = true };

    private static string NewWord() => "hx" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Back_returns_to_the_previous_page_of_results_then_to_the_unfiltered_list()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        for (var i = 1; i <= 25; i++)
        {
            await librarian.CreateBookAsync(AdminApi.NewBook($"Shelf {word} {i:D2}"));
        }

        var page = await browser.NewPageAsync(app);
        var catalogue = new CataloguePage(page);
        await page.GotoAsync("/catalogue");
        await page.WaitForBlazorAsync();
        await Expect(page.GetByTestId("book-link")).ToHaveCountAsync(20);
        var unfiltered = await catalogue.ResultCount.TextContentAsync();

        await page.GetByLabel("Search by title, author or ISBN").FillAsync(word);
        await Expect(catalogue.ResultCount).ToHaveTextAsync("25 titles");
        await Expect(page).ToHaveURLAsync(new Regex($"q={word}"));
        await page.Locator("nav button").Filter(new() { HasTextRegex = new Regex("^2$") }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Expect(page.GetByTestId("book-link")).ToHaveTextAsync([$"Shelf {word} 21", $"Shelf {word} 22", $"Shelf {word} 23", $"Shelf {word} 24", $"Shelf {word} 25"]);

        await page.GoBackAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("page=2"));
        await Expect(page).ToHaveURLAsync(new Regex($"/catalogue\\?q={word}$"));
        await Expect(page.GetByTestId("book-link").First).ToHaveTextAsync($"Shelf {word} 01");
        await Expect(page.GetByTestId("book-link")).ToHaveCountAsync(20);

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/catalogue$"));
        await Expect(catalogue.ResultCount).ToHaveTextAsync(unfiltered!);
        await Expect(page.GetByLabel("Search by title, author or ISBN")).ToHaveValueAsync(string.Empty);
    }

    [Fact]
    public async Task A_filtered_url_opened_directly_shows_its_filters_set_and_the_matching_titles()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        await librarian.CreateBookAsync(AdminApi.NewBook($"Kept {word}") with { Author = "Ngozi Okonkwo", Publisher = "Harrowgate Press", Year = 1995 });
        await librarian.CreateBookAsync(AdminApi.NewBook($"Too old {word}") with { Author = "Ngozi Okonkwo", Publisher = "Harrowgate Press", Year = 1970 });
        await librarian.CreateBookAsync(AdminApi.NewBook($"Other author {word}") with { Author = "Pell Marsh", Publisher = "Harrowgate Press", Year = 1995 });
        var page = await browser.NewPageAsync(app);

        await page.GotoAsync($"/catalogue?q={word}&available=true&author=okonkwo&publisher=Harrowgate&yearFrom=1990&yearTo=2000");
        await page.WaitForBlazorAsync();

        await Expect(page.GetByTestId("book-link")).ToHaveTextAsync([$"Kept {word}"]);
        await Expect(page.GetByLabel("Available now", Exact)).ToBeCheckedAsync();
        await Expect(page.GetByLabel("Author", Exact)).ToHaveValueAsync("okonkwo");
        await Expect(page.GetByLabel("Publisher", Exact)).ToHaveValueAsync("Harrowgate");
        await Expect(page.GetByLabel("Year from", Exact)).ToHaveValueAsync("1990");
        await Expect(page.GetByLabel("Year to", Exact)).ToHaveValueAsync("2000");
        await page.SaveScreenshotAsync("catalogue-filters-en-1366");

        await page.GetByLabel("Year from", Exact).FillAsync("1960");
        await page.GetByLabel("Year from", Exact).PressAsync("Tab");
        await Expect(page).ToHaveURLAsync(new Regex("yearFrom=1960"));
        await Expect(page.GetByTestId("book-link")).ToHaveCountAsync(2);
        await page.GoBackAsync();
        await Expect(page.GetByTestId("book-link")).ToHaveTextAsync([$"Kept {word}"]);
        await Expect(page.GetByLabel("Year from", Exact)).ToHaveValueAsync("1990");
    }

    [Fact]
    public async Task A_misspelt_search_offers_the_right_spelling_as_a_link_that_runs_it()
    {
        var page = await browser.NewPageAsync(app);
        var catalogue = new CataloguePage(page);
        await catalogue.OpenAsync("Clokmaker");

        await Expect(catalogue.NoResults).ToBeVisibleAsync();
        await page.GetByTestId("did-you-mean-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("q=Clockmaker"));
        await Expect(catalogue.Title("The Wandering Clockmaker")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Korean_at_phone_width_folds_the_filters_behind_a_button()
    {
        var page = await browser.NewPageAsync(app, "ko-KR");
        await page.SetViewportSizeAsync(375, 800);
        await page.GotoAsync("/catalogue?q=람쥐&available=true&culture=ko-KR");
        await page.WaitForBlazorAsync();

        await Expect(page.GetByTestId("book-link").Filter(new() { HasText = "다람쥐" }).First).ToBeVisibleAsync();
        await Expect(page.GetByLabel("저자", Exact)).ToBeHiddenAsync();
        await page.GetByTestId("filters-toggle").ClickAsync();
        await Expect(page.GetByLabel("저자", Exact)).ToBeVisibleAsync();
        await page.SaveScreenshotAsync("catalogue-filters-ko-375", fullPage: true);
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
    }
}
