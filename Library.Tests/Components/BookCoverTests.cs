using Bunit;
using Library.Web.Components.Pages.Catalog;
using Library.Web.Features.Catalog;
using Library.Web.Features.Covers;

namespace Library.Tests.Components;

public sealed class BookCoverTests : PatronComponentTest
{
    private static BookDto Book(int id, string title, string? cover) =>
        new(id, title, "Ada Author", "9780306406157", "Pub", 2001, null, 2, 1, cover);

    [Fact]
    public void The_catalogue_shows_a_titles_cover_and_the_initials_of_a_title_without_one()
    {
        var cut = Render<BookList>(p => p.Add(b => b.Items, [Book(7, "Quiet Rivers", "0123456789abcdef"), Book(8, "Loud Seas", null)]));

        var cover = cut.Find("[data-testid=cover-7]");
        Assert.Equal("IMG", cover.TagName);
        Assert.Equal("/api/books/7/cover?size=small&v=0123456789abcdef", cover.GetAttribute("src"));
        Assert.Equal("Quiet Rivers", cover.GetAttribute("alt"));
        Assert.Equal("lazy", cover.GetAttribute("loading"));
        Assert.NotNull(cover.GetAttribute("width"));
        Assert.NotNull(cover.GetAttribute("height"));

        Assert.Empty(cut.FindAll("[data-testid=cover-8]")); // no request for a cover that is not there
        var placeholder = cut.Find("[data-testid=cover-placeholder-8]");
        Assert.Equal("img", placeholder.GetAttribute("role"));
        Assert.Equal("Loud Seas", placeholder.GetAttribute("aria-label"));
        Assert.Equal("LS", placeholder.TextContent.Trim());
    }

    [Theory]
    [InlineData("The Hobbit", "TH")]
    [InlineData("dune", "D")]
    [InlineData("  war and peace ", "WA")]
    [InlineData("채식주의자", "채식")]
    [InlineData("소년이 온다", "소년")]
    [InlineData("1984", "1")]
    [InlineData("¿Qué? ¡Sí!", "QS")]
    [InlineData("", "?")]
    public void Initials_are_the_first_letters_of_two_words_or_two_korean_syllables(string title, string initials) =>
        Assert.Equal(initials, CoverPlaceholders.Initials(title));

    [Fact]
    public void The_placeholder_colour_follows_from_the_title_and_keeps_white_text_readable()
    {
        Assert.Equal(CoverPlaceholders.For("Quiet Rivers").Background, CoverPlaceholders.For("Quiet Rivers").Background);
        var colours = new[] { "Quiet Rivers", "Loud Seas", "채식주의자", "Dune", "Emma", "Ulysses" }.Select(t => CoverPlaceholders.For(t).Background);
        Assert.True(colours.Distinct().Count() > 1, "different titles get different colours");
        Assert.All(CoverPlaceholders.Palette, colour => Assert.True(ContrastWithWhite(colour) >= 4.5, $"{colour} on white text"));
    }

    private static double ContrastWithWhite(string hex)
    {
        static double Channel(int value)
        {
            var c = value / 255d;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var rgb = Convert.FromHexString(hex[1..]);
        var luminance = 0.2126 * Channel(rgb[0]) + 0.7152 * Channel(rgb[1]) + 0.0722 * Channel(rgb[2]);
        return 1.05 / (luminance + 0.05);
    }
}
