using System.Net;
using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

/// <summary>
/// Search as a forgiving patron sees it through the API: words found inside other words (trigram index, Korean too),
/// whole words ranked before word starts before the rest, and "did you mean" when nothing matches.
/// </summary>
public sealed class ForgivingSearchTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    private async Task<Api.BookPage> SearchAsync(string query)
    {
        using var client = app.CreateApiClient();
        return (await client.GetFromJsonAsync<Api.BookPage>($"/api/books?pageSize=100&{query}", Api.Json))!;
    }

    private Task<Api.BookPage> SearchTextAsync(string search) => SearchAsync("search=" + Uri.EscapeDataString(search));

    /// <summary>A word no demo title has, so a search for it lists only this test's books.</summary>
    private static string NewWord() => "fz" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Part_of_a_word_finds_the_title()
    {
        var page = await SearchTextAsync("lockmak");

        Assert.Contains(page.Items, b => b.Title == "The Wandering Clockmaker");
        Assert.Contains(page.Items, b => b.Title == "A Clockmaker for Marrowby");
        Assert.All(page.Items, b => Assert.Contains("lockmak", (b.Title + " " + b.Author).ToLowerInvariant()));
    }

    [Fact]
    public async Task Two_Korean_syllables_inside_a_word_find_the_title()
    {
        var page = await SearchTextAsync("람쥐");

        Assert.Contains(page.Items, b => b.Title == "비 오는 날의 다람쥐");
        Assert.Contains(page.Items, b => b.Title == "잠이 안 오는 다람쥐");
    }

    [Fact]
    public async Task A_misspelt_word_finds_nothing_but_suggests_the_right_spelling()
    {
        var page = await SearchTextAsync("Clokmaker");

        Assert.Empty(page.Items);
        Assert.Equal("Clockmaker", page.Suggestion);
        Assert.NotEmpty((await SearchTextAsync(page.Suggestion!)).Items);
    }

    [Fact]
    public async Task A_mistyped_Korean_syllable_suggests_the_word()
    {
        var page = await SearchTextAsync("다람줘");

        Assert.Empty(page.Items);
        Assert.Equal("다람쥐", page.Suggestion);
    }

    [Fact]
    public async Task Only_the_misspelt_word_is_respelt_and_gibberish_gets_no_suggestion()
    {
        Assert.Equal("wandering Clockmaker", (await SearchTextAsync("wandering Clokmaker")).Suggestion);
        Assert.Null((await SearchTextAsync("zzqxv")).Suggestion);
        Assert.Null((await SearchTextAsync("clockmaker")).Suggestion);
    }

    [Fact]
    public async Task Whole_words_come_before_word_starts_before_words_found_inside_others()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        // By title alone the order would be A, B, C: the ranking puts the whole word first and the infix last.
        await librarian.CreateBookAsync(AdminApi.NewBook($"A Book of Inner{word}"));
        await librarian.CreateBookAsync(AdminApi.NewBook($"B Book of {word}s"));
        await librarian.CreateBookAsync(AdminApi.NewBook($"C Book of {word}"));

        var titles = (await SearchTextAsync(word)).Items.Select(b => b.Title);

        Assert.Equal([$"C Book of {word}", $"B Book of {word}s", $"A Book of Inner{word}"], titles);
    }

    [Fact]
    public async Task The_trigram_index_follows_new_renamed_and_deleted_titles()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook($"Hidden{word}treasure"));
        Assert.Equal(book.Id, Assert.Single((await SearchTextAsync(word[2..] + "trea")).Items).Id);

        await app.WithDbAsync(db => db.Books.Where(b => b.Id == book.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Title, $"Open{word}map")));
        Assert.Empty((await SearchTextAsync(word[2..] + "trea")).Items);
        Assert.Equal(book.Id, Assert.Single((await SearchTextAsync(word[2..] + "ma")).Items).Id);

        await app.WithDbAsync(db => db.Books.Where(b => b.Id == book.Id).ExecuteDeleteAsync());
        Assert.Empty((await SearchTextAsync(word[2..])).Items);
    }

    [Fact]
    public async Task Filters_narrow_the_search_alone_and_together()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        var old = await librarian.CreateBookAsync(AdminApi.NewBook($"Old {word}") with { Author = "Ngozi Okonkwo", Publisher = "Harrowgate Press", Year = 1971 });
        var mid = await librarian.CreateBookAsync(AdminApi.NewBook($"Mid {word}") with { Author = "Ngozi Okonkwo", Publisher = "Bluewater Books", Year = 1995 });
        var gone = await librarian.CreateBookAsync(AdminApi.NewBook($"Gone {word}") with { Author = "Pell Marsh", Publisher = "Harrowgate Press", Year = 2010 });
        await app.WithDbAsync(db => db.Books.Where(b => b.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.AvailableCopies, 0)));

        async Task<int[]> IdsAsync(string filters) =>
            (await SearchAsync($"search={word}&{filters}")).Items.Select(b => b.Id).Order().ToArray();

        Assert.Equal(new[] { old.Id, mid.Id }, await IdsAsync("available=true"));
        Assert.Equal(new[] { old.Id, mid.Id }, await IdsAsync("author=okonk"));
        Assert.Equal(new[] { old.Id, gone.Id }, await IdsAsync("publisher=harrowgate"));
        Assert.Equal(new[] { mid.Id, gone.Id }, await IdsAsync("yearFrom=1995"));
        Assert.Equal(new[] { old.Id, mid.Id }, await IdsAsync("yearTo=1995"));
        Assert.Equal(new[] { mid.Id }, await IdsAsync("yearFrom=1990&yearTo=2000"));
        Assert.Equal(new[] { old.Id }, await IdsAsync("available=true&publisher=Harrowgate%20Press"));
        Assert.Equal(new[] { gone.Id }, await IdsAsync("publisher=harrowgate&yearFrom=2000&author=marsh"));
        Assert.Empty(await IdsAsync("author=okonkwo&available=true&yearFrom=2000"));
    }

    [Fact]
    public async Task Filters_work_without_a_search_and_the_sort_applies()
    {
        using var client = app.CreateApiClient();

        var page = (await client.GetFromJsonAsync<YearPage>("/api/books?pageSize=100&publisher=bluewater&sort=Year&desc=true", Api.Json))!;

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, b => Assert.Equal("Bluewater Books", b.Publisher));
        Assert.Equal(page.Items.Select(b => b.Year).OrderDescending(), page.Items.Select(b => b.Year));
    }

    [Theory]
    [InlineData("yearFrom=2001&yearTo=2000", "yearFrom")]
    [InlineData("sort=Colour", "sort")]
    [InlineData("yearFrom=abc", null)]
    public async Task Bad_filters_answer_400_with_problem_details(string query, string? field)
    {
        using var client = app.CreateApiClient();

        var response = await client.GetAsync($"/api/books?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (field is not null)
        {
            var problem = await response.ReadAsync<AdminApi.ValidationProblem>();
            Assert.True(problem.Errors.ContainsKey(field), string.Join(", ", problem.Errors.Keys));
        }
    }

    private sealed record YearBook(int Id, string? Publisher, int? Year);

    private sealed record YearPage(List<YearBook> Items);
}
