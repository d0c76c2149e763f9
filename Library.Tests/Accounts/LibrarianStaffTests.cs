using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Accounts;

/// <summary>Librarians invite, promote and demote librarians; never themselves, never the last one; every change audited.</summary>
public sealed partial class LibrarianStaffTests
{
    private sealed record Invitation(string Outcome);

    private sealed record LibrarianRow(string Id, string DisplayName, string Email);

    [Fact]
    public async Task Invite_promote_and_demote_librarians_with_self_and_last_librarian_refused_and_audited()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var head = await app.SignInLibrarianAsync();
        var headId = await app.UserIdAsync(LibraryApp.LibrarianEmail);

        var self = await head.PostAsync($"/api/admin/librarians/{headId}/demote", null);
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
        Assert.Contains("LibrarianCannotDemoteThemselves", await self.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await head.PostAsJsonAsync($"/api/admin/patrons/{headId}/block", new { reason = "test" })).StatusCode);

        // A new address: an account is created and mailed a set-password link.
        var invited = await head.PostAsJsonAsync("/api/admin/librarians", new { email = "new.staff@library.example" });
        Assert.Equal("Created", (await invited.ReadAsync<Invitation>()).Outcome);
        var pickup = Path.Combine(app.DataDirectory, "mail-pickup");
        string? link = null;
        await Eventually.HoldsAsync(() =>
        {
            link = Directory.Exists(pickup)
                ? Directory.GetFiles(pickup, "*.eml").Select(f => MimeKit.MimeMessage.Load(f).TextBody ?? string.Empty).Select(m => SetPasswordLink().Match(m))
                    .FirstOrDefault(m => m.Success)?.Value
                : null;
            return Task.FromResult(link is not null);
        }, "the invitation mail");
        using var browser = new WebSession(app.BaseAddress);
        var set = await browser.SubmitFormAsync(new Uri(link!).PathAndQuery, "set-password", new Dictionary<string, string> { ["Input.Password"] = "staff password of my own" });
        Assert.Contains("set-password-done", await set.Content.ReadAsStringAsync());
        using var newStaff = await app.SignInApiAsync("new.staff@library.example", "staff password of my own");
        Assert.Equal(HttpStatusCode.OK, (await newStaff.GetAsync("/api/admin/overview")).StatusCode);

        // An existing patron is promoted.
        var promoted = await head.PostAsJsonAsync("/api/admin/librarians", new { email = LibraryApp.Patron2Email });
        Assert.Equal("Promoted", (await promoted.ReadAsync<Invitation>()).Outcome);
        using var second = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);
        var list = await second.GetFromJsonAsync<List<LibrarianRow>>("/api/admin/librarians");
        Assert.Equal(3, list!.Count);

        // Demote the new staff member; then the two remaining demote each other at once: one of them must stay.
        var newStaffId = await app.UserIdAsync("new.staff@library.example");
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsync($"/api/admin/librarians/{newStaffId}/demote", null)).StatusCode);
        var secondId = await app.UserIdAsync(LibraryApp.Patron2Email);
        var both = await Task.WhenAll(head.PostAsync($"/api/admin/librarians/{secondId}/demote", null), second.PostAsync($"/api/admin/librarians/{headId}/demote", null));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        Assert.Contains("LastLibrarianCannotBeRemoved", await both.Single(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadAsStringAsync());

        var audited = await app.WithDbAsync(db => db.Set<Library.Web.Features.Admin.Audit.AuditEntry>()
            .Where(e => e.EntityType == "Librarian").Select(e => e.Action).ToListAsync());
        Assert.Equal(["Librarian.Demoted", "Librarian.Demoted", "Librarian.Invited", "Librarian.Promoted"], audited.Order());
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/account/set-password\?email=[^\s""<>&]+&(amp;)?code=[A-Za-z0-9_\-]+")]
    private static partial Regex SetPasswordLink();
}
