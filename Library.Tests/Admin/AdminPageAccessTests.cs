using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Library.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Admin;

/// <summary>
/// Every admin page × {anonymous, patron, librarian}, over plain HTTP with the real sign-in cookie and no redirects followed:
/// anonymous → 302 to /account/login; a patron → 302 to /account/access-denied, which answers 200 "Not allowed";
/// a librarian → 200 with the page's heading (prerendered). The admin pages are read from the app, so a new one needs a row.
/// </summary>
public sealed class AdminPageAccessTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    /// <summary>Route template → the h1 a librarian sees (null: any h1; the page belongs to another area).</summary>
    private static readonly Dictionary<string, string?> Pages = new()
    {
        ["/admin"] = "Administration",
        ["/admin/books"] = "Books",
        ["/admin/patrons"] = "Patrons",
        ["/admin/patrons/{Id}"] = "Demo Patron",
        ["/admin/loans"] = "Loans",
        ["/admin/fees"] = "Fees",
        ["/admin/audit"] = "Audit log",
        ["/admin/librarians"] = "Librarians",
        ["/admin/desk"] = "Circulation desk",
        ["/admin/holds"] = "Hold shelf",
        ["/admin/kiosks"] = "Self-check kiosks",
        ["/admin/calendar"] = "Library calendar",
        ["/admin/books/{BookId:int}/copies"] = null,
        ["/admin/labels"] = "Barcode labels",
        ["/admin/import"] = "Import titles",
        ["/admin/reports"] = "Reports",
        ["/admin/jobs"] = null,
    };

    /// <summary>Rows for pages another branch adds; they may be missing until that branch is merged.</summary>
    private static readonly HashSet<string> Optional = ["/admin/jobs"];

    [Fact]
    public void Every_admin_page_of_the_app_has_a_row()
    {
        var routes = AdminRoutes().ToHashSet();

        Assert.True(routes.IsSubsetOf(Pages.Keys), $"Add a row to AdminPageAccessTests.Pages for: {string.Join(", ", routes.Except(Pages.Keys))}");
        Assert.True(Pages.Keys.Except(Optional).ToHashSet().IsSubsetOf(routes),
            $"Rows without a page: {string.Join(", ", Pages.Keys.Except(Optional).Except(routes))}");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        using var anonymous = NewBrowserLikeClient();
        foreach (var url in await UrlsAsync())
        {
            var response = await anonymous.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
            Assert.Contains("ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location.Query, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_patron_gets_the_not_allowed_page()
    {
        using var patron = await SignInWithCookieAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);
        foreach (var url in await UrlsAsync())
        {
            var response = await patron.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.Equal("/account/access-denied", response.Headers.Location!.AbsolutePath);
            var page = await patron.GetAsync(response.Headers.Location);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Matches(@"<h1[^>]*>\s*Not allowed\s*</h1>", html);
            Assert.DoesNotContain("/admin/books", html); // the admin menu is hidden from patrons
        }
    }

    [Fact]
    public async Task A_librarian_gets_each_page_with_its_heading()
    {
        using var librarian = await SignInWithCookieAsync(LibraryApp.LibrarianEmail, LibraryApp.LibrarianPassword);
        foreach (var (route, url) in (await UrlsAsync()).Select((url, i) => (AdminRoutes().ElementAt(i), url)))
        {
            var response = await librarian.GetAsync(url);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            var heading = Pages[route] is { } text ? Regex.Escape(text) : "[^<]+";
            Assert.Matches($@"<h1[^>]*>\s*{heading}\s*</h1>", html);
            Assert.Contains("href=\"/admin/books\"", html); // the admin menu is there for librarians
        }
    }

    private IEnumerable<string> AdminRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata"))
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).Trim('/'))
            .Where(r => r == "/admin" || r.StartsWith("/admin/"))
            .Distinct()
            .Order();

    private async Task<List<string>> UrlsAsync()
    {
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);
        var bookId = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MinAsync(db.Books, b => b.Id));
        return AdminRoutes().Select(r => r.Replace("{Id}", patronId).Replace("{BookId:int}", bookId.ToString())).ToList();
    }

    /// <summary>Keeps cookies and shows redirects instead of following them.</summary>
    private HttpClient NewBrowserLikeClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.BaseAddress,
        };

    /// <summary>
    /// Signs in through Identity's cookie login with a session cookie, as the sign-in form does (a persistent cookie would carry
    /// an expiry from the test clock, which lies in the past for the client, so the client would drop it).
    /// </summary>
    private async Task<HttpClient> SignInWithCookieAsync(string email, string password)
    {
        var client = NewBrowserLikeClient();
        var response = await client.PostAsJsonAsync("/api/auth/login?useSessionCookies=true", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }
}
