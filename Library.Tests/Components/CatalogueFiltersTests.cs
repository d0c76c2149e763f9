using AngleSharp.Dom;
using Bunit;
using Library.Web.Components.Pages.Catalog;
using Library.Web.Features.Catalog;

namespace Library.Tests.Components;

public sealed class CatalogueFiltersTests : PatronComponentTest
{
    private readonly List<CatalogFilter> _applied = [];

    private IRenderedComponent<CatalogueFilters> RenderWith(CatalogFilter filter) =>
        Render<CatalogueFilters>(p => p.Add(f => f.Filter, filter).Add(f => f.FilterChanged, f => _applied.Add(f)));

    private static IElement Input(IRenderedComponent<CatalogueFilters> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    [Fact]
    public void The_filters_from_the_url_are_shown_set_with_their_count()
    {
        var cut = RenderWith(new CatalogFilter(true, "Okonkwo", "Harrowgate", 1990, 2000));

        Assert.True(Input(cut, "filter-available").HasAttribute("checked") || Input(cut, "filter-available").IsChecked());
        Assert.Equal("Okonkwo", Input(cut, "filter-author").GetAttribute("value"));
        Assert.Equal("Harrowgate", Input(cut, "filter-publisher").GetAttribute("value"));
        Assert.Equal("1990", Input(cut, "filter-year-from").GetAttribute("value"));
        Assert.Equal("2000", Input(cut, "filter-year-to").GetAttribute("value"));
        Assert.Contains("Filters (4)", cut.Find("[data-testid=filters-toggle]").TextContent);
    }

    [Fact]
    public void Every_filter_input_has_a_label()
    {
        var cut = RenderWith(CatalogFilter.None);

        var labels = cut.FindAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.Contains("Available now", labels);
        Assert.Contains("Author", labels);
        Assert.Contains("Publisher", labels);
        Assert.Contains("Year from", labels);
        Assert.Contains("Year to", labels);
        Assert.Empty(cut.FindAll("[data-testid=filters-clear]"));
    }

    [Fact]
    public void Switching_available_now_on_asks_for_titles_on_the_shelf()
    {
        var cut = RenderWith(new CatalogFilter(Author: "Marsh"));

        Input(cut, "filter-available").Change(true);

        Assert.Equal(new CatalogFilter(true, "Marsh"), Assert.Single(_applied));
    }

    [Fact]
    public void A_year_range_that_ends_before_it_starts_is_marked_and_not_applied()
    {
        var cut = RenderWith(new CatalogFilter(YearTo: 2000));

        Input(cut, "filter-year-from").Change("2001");

        Assert.Empty(_applied);
        Assert.Contains("The first year must not be after the last.", cut.Markup);
    }

    [Fact]
    public void A_year_from_applies_the_range()
    {
        var cut = RenderWith(new CatalogFilter(YearTo: 2000));

        Input(cut, "filter-year-from").Change("1990");

        Assert.Equal(new CatalogFilter(YearFrom: 1990, YearTo: 2000), Assert.Single(_applied));
    }

    [Fact]
    public void Clear_filters_drops_them_all()
    {
        var cut = RenderWith(new CatalogFilter(true, "Marsh", null, 1990));

        cut.Find("[data-testid=filters-clear]").Click();

        Assert.Equal(CatalogFilter.None, Assert.Single(_applied));
    }
}
