using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Library.Web.Features.Admin.Books;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Persistence;

/// <summary>
/// The admin searches and the catalogue's author/publisher filters find text anywhere in a name with case ignored in every
/// script (SQLite's own LIKE and lower() fold ASCII only), and treat % and _ typed by a librarian as the characters themselves.
/// </summary>
public sealed class CaseInsensitiveSearchTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Theory]
    [InlineData("émile")]
    [InlineData("ÉMILE")]
    [InlineData("Émile")]
    public async Task The_admin_book_search_finds_an_accented_capital_whichever_case_is_typed(string typed)
    {
        var tag = Tag();
        var book = await CreateAsync(title: $"Germinal {tag}", author: $"Émile Zola {tag}");

        Assert.Equal([book.Id], await AdminSearchAsync($"{typed} zola {tag}"));
    }

    [Fact]
    public async Task The_admin_book_search_folds_cyrillic_and_matches_korean_inside_words()
    {
        var tag = Tag();
        var russian = await CreateAsync(title: $"Война и мир {tag}", author: "Лев Толстой", publisher: $"Издательство АСТ {tag}");
        var korean = await CreateAsync(title: $"다람쥐 헌 쳇바퀴 {tag}", author: "김작가");

        Assert.Equal([russian.Id], await AdminSearchAsync($"ВОЙНА И МИР {tag}"));
        Assert.Equal([russian.Id], await AdminSearchAsync($"издательство аст {tag}"));
        Assert.Equal([korean.Id], await AdminSearchAsync($"람쥐 헌 쳇바퀴 {tag}"));
    }

    [Fact]
    public async Task Percent_and_underscore_typed_in_a_search_are_literal()
    {
        var tag = Tag();
        var percent = await CreateAsync(title: $"{tag} 100% Sure");
        await CreateAsync(title: $"{tag} 1000 Sure");
        var underscore = await CreateAsync(title: $"{tag} snake_case");
        await CreateAsync(title: $"{tag} snakexcase");

        Assert.Equal([percent.Id], await AdminSearchAsync($"{tag} 100%"));
        Assert.Equal([underscore.Id], await AdminSearchAsync($"{tag} SNAKE_CASE"));
        Assert.Empty(await AdminSearchAsync($"{tag} %sure"));
    }

    [Fact]
    public async Task The_catalogue_author_and_publisher_filters_ignore_case_in_every_script()
    {
        var tag = Tag();
        var book = await CreateAsync(title: $"Nana {tag}", author: $"Émile Zola {tag}", publisher: $"Издательство {tag}");
        using var anonymous = app.CreateApiClient();

        async Task<int[]> FilterAsync(string query) =>
            (await anonymous.GetJsonAsync<Api.BookPage>($"/api/books?pageSize=100&{query}")).Items.Select(b => b.Id).ToArray();

        Assert.Equal([book.Id], await FilterAsync($"author={Uri.EscapeDataString($"émile zola {tag}")}"));
        Assert.Equal([book.Id], await FilterAsync($"publisher={Uri.EscapeDataString($"ИЗДАТЕЛЬСТВО {tag}")}"));
        Assert.Empty(await FilterAsync($"author={Uri.EscapeDataString($"émile_zola {tag}")}"));
    }

    [Fact]
    public async Task The_author_filter_finds_part_of_a_name_in_every_script_and_never_an_archived_title()
    {
        var tag = Tag();
        var korean = await CreateAsync(title: $"쳇바퀴 {tag}", author: $"김다람작가 {tag}");
        var french = await CreateAsync(title: $"Thérèse {tag}", author: $"ÉMILE Zola {tag}");
        var archived = await CreateAsync(title: $"Archived {tag}", author: $"김다람작가 {tag}");
        using var librarian = await app.SignInLibrarianAsync();
        (await librarian.PostAsync($"/api/books/{archived.Id}/archive", null)).EnsureSuccessStatusCode();
        using var anonymous = app.CreateApiClient();

        async Task<int[]> AuthorAsync(string author) =>
            (await anonymous.GetJsonAsync<Api.BookPage>($"/api/books?pageSize=100&author={Uri.EscapeDataString(author)}"))
            .Items.Select(b => b.Id).ToArray();

        Assert.Equal([korean.Id], await AuthorAsync($"다람작가 {tag}"));
        Assert.Equal([korean.Id], await AuthorAsync($"람작가 {tag}"));
        Assert.Contains(korean.Id, await AuthorAsync("다람작"));
        Assert.DoesNotContain(archived.Id, await AuthorAsync("다람작"));
        Assert.Contains(korean.Id, await AuthorAsync("람작"));
        Assert.Equal([french.Id], await AuthorAsync($"mile zola {tag}"));
        Assert.Equal([french.Id], await AuthorAsync($"émile ZOLA {tag}"));
        Assert.Empty(await AuthorAsync($"zola émile {tag}"));
    }

    [Fact]
    public async Task The_patron_and_audit_searches_ignore_case_beyond_ascii()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var tag = Tag();
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == patron.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, $"Ärger Øystein {tag}")));

        var found = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.PatronRow>>(
            $"/api/admin/patrons?search={Uri.EscapeDataString($"ärger øystein {tag}")}");
        await librarian.CreateBookAsync();
        var audit = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>("/api/admin/audit?actor=LIBRARIAN%40LIBRARY");

        Assert.Equal([patron.Id], found.Items.Select(p => p.Id));
        Assert.NotEmpty(audit.Items);
        Assert.All(audit.Items, a => Assert.Equal(LibraryApp.LibrarianEmail, a.ActorEmail));
    }

    private static string Tag() => "q" + Guid.NewGuid().ToString("N")[..7];

    private async Task<Api.Book> CreateAsync(string title, string author = "Test Author", string? publisher = null)
    {
        using var librarian = await app.SignInLibrarianAsync();
        return await librarian.CreateBookAsync(AdminApi.NewBook(title) with { Author = author, Publisher = publisher });
    }

    private async Task<int[]> AdminSearchAsync(string search)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<AdminBookQueries>();
        var page = await queries.SearchAsync(search, BookStatusFilter.All, onLoanOnly: false, sortBy: null, descending: false, 1, 100, CancellationToken.None);
        return page.Items.Select(b => b.Id).ToArray();
    }
}
