using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

/// <summary>
/// The search as the fast path reads it (issue 11): pages that cross rank tiers, the indexes holding only listed titles
/// (archiving and restoring), and two Korean syllables anywhere, even at the very end of a title or author.
/// </summary>
public sealed class SearchTiersTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    private async Task<Api.BookPage> SearchAsync(string query)
    {
        using var client = app.CreateApiClient();
        return (await client.GetFromJsonAsync<Api.BookPage>($"/api/books?{query}", Api.Json))!;
    }

    private static string NewWord() => "fz" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>Two Hangul syllables no demo title has.</summary>
    private static string NewSyllables()
    {
        var random = Random.Shared;
        return new string([(char)(0xAC00 + random.Next(11172)), (char)(0xAC00 + random.Next(11172))]);
    }

    [Fact]
    public async Task Pages_of_two_run_through_whole_words_then_word_starts_then_the_rest_in_either_direction()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        string[] whole = [$"Alpha {word}", $"Delta {word}", $"Golf {word}"];
        string[] starts = [$"Bravo {word}ing", $"Echo {word}s", $"Hotel {word}ed"];
        string[] inside = [$"Charlie Pre{word}", $"Foxtrot Un{word}", $"India Re{word}ing"];
        foreach (var title in whole.Concat(starts).Concat(inside))
        {
            await librarian.CreateBookAsync(AdminApi.NewBook(title));
        }

        async Task<List<string>> ReadAllAsync(string extra)
        {
            var titles = new List<string>();
            for (var page = 1; page <= 6; page++)
            {
                var result = await SearchAsync($"search={word}&pageSize=2&page={page}{extra}");
                Assert.Equal(9, result.TotalCount);
                titles.AddRange(result.Items.Select(b => b.Title));
            }

            return titles;
        }

        Assert.Equal([.. whole, .. starts, .. inside], await ReadAllAsync(string.Empty));
        Assert.Equal([.. whole.Reverse(), .. starts.Reverse(), .. inside.Reverse()], await ReadAllAsync("&desc=true"));
    }

    [Fact]
    public async Task A_filter_counts_and_pages_each_tier_too()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        var old = await librarian.CreateBookAsync(AdminApi.NewBook($"Old {word}s") with { Year = 1960 });
        await librarian.CreateBookAsync(AdminApi.NewBook($"Older {word}") with { Year = 1961 });
        await librarian.CreateBookAsync(AdminApi.NewBook($"New {word}") with { Year = 2020 });
        var inside = await librarian.CreateBookAsync(AdminApi.NewBook($"Oldest Pre{word}") with { Year = 1950 });

        var first = await SearchAsync($"search={word}&yearTo=1970&pageSize=2");
        var second = await SearchAsync($"search={word}&yearTo=1970&pageSize=2&page=2");

        Assert.Equal(3, first.TotalCount);
        Assert.Equal([$"Older {word}", old.Title], first.Items.Select(b => b.Title));
        Assert.Equal([inside.Title], second.Items.Select(b => b.Title));
    }

    [Fact]
    public async Task Archiving_takes_a_title_out_of_search_and_restoring_brings_it_back_as_it_is_now()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var word = NewWord();
        var renamed = NewWord();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook($"Shelved {word}"));
        Assert.Equal(1, (await SearchAsync($"search={word}")).TotalCount);

        (await librarian.PostAsync($"/api/books/{book.Id}/archive", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await SearchAsync($"search={word}")).TotalCount);
        Assert.Equal(0, (await SearchAsync($"search={word[3..]}")).TotalCount);

        // Renamed while archived: restoring lists it under its new title only.
        await app.WithDbAsync(db => db.Books.Where(b => b.Id == book.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.Title, $"Shelved {renamed}")));
        (await librarian.PostAsync($"/api/books/{book.Id}/restore", null)).EnsureSuccessStatusCode();

        Assert.Equal(0, (await SearchAsync($"search={word}")).TotalCount);
        Assert.Equal(book.Id, Assert.Single((await SearchAsync($"search={renamed}")).Items).Id);
        Assert.Equal(book.Id, Assert.Single((await SearchAsync($"search={renamed[3..]}")).Items).Id);
    }

    [Fact]
    public async Task Two_Korean_syllables_are_found_inside_and_at_the_very_end_of_a_title_or_author()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var syllables = NewSyllables();
        var inside = await librarian.CreateBookAsync(AdminApi.NewBook($"숲 속의 가{syllables}나 이야기"));
        var titleEnd = await librarian.CreateBookAsync(AdminApi.NewBook($"숲 속의 가{syllables}"));
        var authorEnd = await librarian.CreateBookAsync(AdminApi.NewBook("숲 속의 모험") with { Author = $"김{syllables}" });

        var page = await SearchAsync($"search={Uri.EscapeDataString(syllables)}");
        var filtered = await SearchAsync($"search={Uri.EscapeDataString(syllables)}&yearFrom=2000");

        Assert.Equal(new[] { inside.Id, titleEnd.Id, authorEnd.Id }.Order(), page.Items.Select(b => b.Id).Order());
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(3, filtered.TotalCount);
    }
}
