using Bunit;
using Library.Web.Components.Pages.Catalog;
using Library.Web.Features.Catalog;

namespace Library.Tests.Components;

public sealed class BookListTests : PatronComponentTest
{
    private static BookDto Book(int id, string title, int available, int total) =>
        new(id, title, "Ada Author", "9780306406157", "Pub", 2001, null, total, available);

    [Fact]
    public void Each_row_links_to_the_book_and_shows_available_of_total()
    {
        var cut = Render<BookList>(p => p.Add(b => b.Items, [Book(7, "Quiet Rivers", 3, 5), Book(8, "Loud Seas", 1, 1)]));

        var links = cut.FindAll("[data-testid=book-link]");
        Assert.Equal(["Quiet Rivers", "Loud Seas"], links.Select(l => l.TextContent.Trim()));
        Assert.Equal("/books/7", links[0].GetAttribute("href"));
        Assert.Contains("3 of 5 available", cut.Find("[data-testid=stock-7]").TextContent);
        Assert.Contains("stock-available", cut.Find("[data-testid=stock-7]").ClassName);
    }

    [Fact]
    public void A_title_with_no_copies_left_says_none_left_in_the_warning_style()
    {
        var cut = Render<BookList>(p => p.Add(b => b.Items, [Book(9, "Gone Book", 0, 2)]));

        var badge = cut.Find("[data-testid=stock-9]");
        Assert.Contains("None left of 2", badge.TextContent);
        Assert.Contains("stock-none", badge.ClassName);
        Assert.Equal("0", badge.GetAttribute("data-available"));
    }

    [Fact]
    public void No_matches_names_the_search()
    {
        var cut = Render<BookList>(p => p.Add(b => b.Items, []).Add(b => b.Search, "zzqxv"));

        Assert.Contains("No titles match “zzqxv”.", cut.Find("[data-testid=no-results]").TextContent);
    }

    [Fact]
    public void An_empty_catalogue_says_so()
    {
        var cut = Render<BookList>(p => p.Add(b => b.Items, []));

        Assert.Contains("The catalogue is empty.", cut.Find("[data-testid=no-results]").TextContent);
    }

    [Fact]
    public void While_loading_the_list_is_marked_busy()
    {
        var cut = Render<BookList>(p => p.Add(b => b.Items, []).Add(b => b.Loading, true));

        Assert.Equal("true", cut.Find("[data-testid=book-list]").GetAttribute("aria-busy"));
    }
}
