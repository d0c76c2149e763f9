using System.Net.Http.Json;
using Library.Domain.Catalog;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration;

/// <summary>Catalogue search as a client sees it: word prefixes over title and author, ISBN prefixes, an index that follows edits.</summary>
public sealed class CatalogSearchTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    private async Task<Api.BookPage> SearchAsync(string search, int pageSize = 100)
    {
        using var client = app.CreateApiClient();
        return (await client.GetFromJsonAsync<Api.BookPage>($"/api/books?pageSize={pageSize}&search={Uri.EscapeDataString(search)}", Api.Json))!;
    }

    [Fact]
    public async Task Each_word_matches_as_a_prefix_of_a_title_or_author_word()
    {
        var page = await SearchAsync("weary dev");

        Assert.NotEmpty(page.Items);
        Assert.Equal(page.Items.Count, page.TotalCount);
        Assert.All(page.Items, b => Assert.Contains("Weary Developer", b.Title));
        Assert.Contains(page.Items, b => b.Title == "Network Security for the Weary Developer");
    }

    [Fact]
    public async Task Words_may_come_from_title_and_author_together_in_any_case()
    {
        var page = await SearchAsync("DENHOLM netw");

        var book = Assert.Single(page.Items);
        Assert.Equal("Network Security for the Weary Developer", book.Title);
    }

    [Fact]
    public async Task Korean_word_prefixes_match()
    {
        var page = await SearchAsync("꿀벌");

        Assert.Contains(page.Items, b => b.Title == "꿀벌은 어떻게 세상을 바꾸었나");
    }

    [Theory]
    [InlineData("979-9532")]
    [InlineData("97995320902")]
    [InlineData("9799532090238")]
    public async Task Isbn_prefixes_match_with_or_without_hyphens(string search)
    {
        var page = await SearchAsync(search);

        Assert.Contains(page.Items, b => b.Isbn == "9799532090238");
        Assert.All(page.Items, b => Assert.StartsWith(search.Replace("-", string.Empty), b.Isbn));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("NEAR(a b")]
    [InlineData("title:coal OR *")]
    [InlineData("-- ; DROP TABLE Books")]
    public async Task Search_syntax_in_the_text_is_taken_literally(string search)
    {
        using var client = app.CreateApiClient();

        var response = await client.GetAsync($"/api/books?search={Uri.EscapeDataString(search)}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, (await SearchAsync(string.Empty)).TotalCount);
    }

    [Fact]
    public async Task Nothing_found_is_an_empty_page()
    {
        var page = await SearchAsync("zzqxv");

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task The_index_follows_new_renamed_and_deleted_titles()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var book = Book.Create(new BookDetails("Quokkas of Rottnest", "Mirabel Fenwick", "9780306406157", null, 2001, null), ["QK1", "QK2"], new DateOnly(2026, 1, 1), DateTimeOffset.UtcNow);
            db.Books.Add(book);
            await db.SaveChangesAsync();
            return book.Id;
        });
        Assert.Equal(id, Assert.Single((await SearchAsync("quokk")).Items).Id);

        await app.WithDbAsync(db => db.Books.Where(b => b.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Title, "Wombats of Tasmania")));
        Assert.Empty((await SearchAsync("quokk")).Items);
        Assert.Equal(id, Assert.Single((await SearchAsync("wombat fenw")).Items).Id);

        await app.WithDbAsync(db => db.Books.Where(b => b.Id == id).ExecuteDeleteAsync());
        Assert.Empty((await SearchAsync("wombat")).Items);
    }

    [Fact]
    public async Task A_word_in_thousands_of_titles_pages_in_title_order_whichever_way_the_page_is_read()
    {
        await using var big = new LibraryApp();
        await big.InitializeAsync();
        await big.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TestStore.Provider == TestStore.PostgreSql
            ? "INSERT INTO \"Books\" (\"Title\", \"Author\", \"Isbn\", \"Publisher\", \"Year\", \"Description\", \"TotalCopies\", \"AvailableCopies\", \"IsArchived\") " +
              "SELECT 'Common Thread ' || lpad((2499 - i)::text, 4, '0'), 'Ann Weaver', '978' || lpad(i::text, 10, '0'), NULL, 1950 + i % 50, NULL, 2, 2, false " +
              "FROM generate_series(0, 2499) AS i"
            : "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2499) " +
              "INSERT INTO Books (Title, Author, Isbn, Publisher, Year, Description, TotalCopies, AvailableCopies, IsArchived) " +
              "SELECT printf('Common Thread %04d', 2499 - i), 'Ann Weaver', printf('978%010d', i), NULL, 1950 + i % 50, NULL, 2, 2, 0 FROM n"));
        using var client = big.CreateApiClient();

        async Task<List<string>> TitlesAsync(int page) =>
            (await client.GetFromJsonAsync<Api.BookPage>($"/api/books?search=common%20thr&page={page}&pageSize=20", Api.Json))!
                .Items.Select(b => b.Title).ToList();

        // Page 1 and 30 walk the title index (many matches, early pages); page 120 sorts the matches: same order either way.
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Common Thread {i:D4}"), await TitlesAsync(1));
        Assert.Equal(Enumerable.Range(580, 20).Select(i => $"Common Thread {i:D4}"), await TitlesAsync(30));
        Assert.Equal(Enumerable.Range(2380, 20).Select(i => $"Common Thread {i:D4}"), await TitlesAsync(120));
        Assert.Equal(2500, (await client.GetFromJsonAsync<Api.BookPage>("/api/books?search=common%20thr", Api.Json))!.TotalCount);
        Assert.Empty(await TitlesAsync(126));
    }
}
