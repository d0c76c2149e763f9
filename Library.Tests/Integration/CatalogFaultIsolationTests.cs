using System.Net;
using System.Net.Http.Json;
using Library.Tests.TestSupport;
using Library.Web.Features.Catalog;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration;

public sealed class CatalogFaultIsolationTests
{
    [Fact]
    public async Task With_the_catalogue_failing_borrow_by_isbn_and_return_still_work_and_the_breaker_closes_when_the_fault_ends()
    {
        await using var app = new LibraryApp()
            .With("Chaos:CatalogFailureRate", "1")
            .With("Catalog:Resilience:BreakDuration", "00:00:01");
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var (bookId, isbn) = await app.WithDbAsync(db => Task.FromResult(db.Books.Where(b => b.AvailableCopies >= 2).Select(b => new { b.Id, b.Isbn }).AsEnumerable().Select(b => (b.Id, b.Isbn)).First()));

        // The catalogue fails: every search answers 503 problem details with Retry-After; the circuit opens.
        for (var i = 0; i < 6; i++)
        {
            var search = await patron.GetAsync("/api/books?search=garden");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, search.StatusCode);
            Assert.Equal("application/problem+json", search.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(search.Headers.RetryAfter);
        }

        // Lending does not depend on the catalogue's search: borrow by ISBN (hyphenated, as printed on the book) and return.
        var hyphenated = isbn.Length == 13 ? $"{isbn[..3]}-{isbn[3..]}" : isbn;
        var borrowed = await patron.PostAsJsonAsync("/api/loans", new { isbn = hyphenated, quantity = 2 });
        Assert.Equal(HttpStatusCode.Created, borrowed.StatusCode);
        var loan = await borrowed.ReadAsync<Api.Loan>();
        Assert.Equal(bookId, loan.BookId);
        var returned = await patron.ReturnAsync(loan.Id, 1);
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await patron.GetAsync($"/api/books/{bookId}")).StatusCode);

        // The fault is removed: after the break the breaker lets a trial through and closes again.
        app.Services.GetRequiredService<CatalogChaos>().FailureRate = 0;
        HttpStatusCode status = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i < 50 && status != HttpStatusCode.OK; i++)
        {
            await Task.Delay(100);
            status = (await patron.GetAsync("/api/books?search=garden")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task The_chaos_switch_is_ignored_in_production()
    {
        await using var app = new ProductionApp().With("Chaos:CatalogFailureRate", "1");
        await app.InitializeAsync();
        using var anonymous = app.CreateApiClient();

        var search = await anonymous.GetAsync("/api/books?search=garden");

        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.False(app.Services.GetRequiredService<CatalogChaos>().IsAllowed);
    }

    private sealed class ProductionApp : LibraryApp
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
        }
    }
}
