using System.Net;
using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Dashboard;
using Library.Web.Features.Lending;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration.Renewals;

/// <summary>Renewing through the API: the due date moves a loan period on, at most twice, never when overdue, blocked or not yours.</summary>
public sealed class RenewalApiTests
{
    private sealed record RenewedLoan(Guid Id, int BookId, DateTimeOffset DueAt, string Status, int Renewals);

    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    [Fact]
    public async Task Renewing_moves_the_due_date_14_days_on_twice_then_the_limit_refuses_with_its_rule_code()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(1);
        var loan = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();

        var first = await patron.PostAsync($"/api/loans/{loan.Id}/renew", null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var renewed = await first.ReadAsync<RenewedLoan>();
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 23, 59, 59, 999, Seoul), renewed.DueAt);
        Assert.Equal(1, renewed.Renewals);

        var second = await (await patron.PostAsync($"/api/loans/{loan.Id}/renew", null)).ReadAsync<RenewedLoan>();
        Assert.Equal(new DateTimeOffset(2026, 4, 13, 23, 59, 59, 999, Seoul), second.DueAt);
        Assert.Equal(2, second.Renewals);

        var third = await patron.PostAsync($"/api/loans/{loan.Id}/renew", null);
        Assert.Equal(HttpStatusCode.Conflict, third.StatusCode);
        Assert.Equal("RenewalLimitReached", (await third.ReadAsync<Api.Problem>()).Rule);

        var mine = await patron.GetFromJsonAsync<RenewedLoan>($"/api/me/loans/{loan.Id}", Api.Json);
        Assert.Equal(second.DueAt, mine!.DueAt);
        Assert.Equal(2, mine.Renewals);
        await app.WaitForOutboxAsync();
        Assert.Equal(2, await app.WithDbAsync(db => db.ActivityEntries.CountAsync(a => a.Kind == ActivityKind.Renewed && a.BookId == book.Id)));
    }

    [Fact]
    public async Task Someone_elses_loan_is_not_found_a_blocked_patron_and_an_overdue_loan_are_refused_and_a_librarian_renews_audited()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);
        var book = await patron.FindBookWithCopiesAsync(2);
        var early = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        var other = await (await patron.BorrowAsync(book.Id, 1)).ReadAsync<Api.Loan>();
        using var stranger = await app.NewPatronAsync();
        using var librarian = await app.SignInLibrarianAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsync($"/api/loans/{early.Id}/renew", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patronId}/block", new { reason = "unpaid fees" })).StatusCode);
        var blocked = await patron.PostAsync($"/api/loans/{early.Id}/renew", null);
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        Assert.Equal("PatronMustNotBeBlocked", (await blocked.ReadAsync<Api.Problem>()).Rule);
        Assert.Equal(HttpStatusCode.Conflict, (await librarian.PostAsync($"/api/admin/loans/{early.Id}/renew", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsync($"/api/admin/patrons/{patronId}/unblock", null)).StatusCode);

        var byLibrarian = await librarian.PostAsync($"/api/admin/loans/{other.Id}/renew", null);
        Assert.Equal(HttpStatusCode.OK, byLibrarian.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 23, 59, 59, 999, Seoul), (await byLibrarian.ReadAsync<RenewedLoan>()).DueAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == AuditActions.LoanRenewed && a.EntityId == other.Id.ToString())));

        // The day after the due day: one day overdue, and the grace is 0 days.
        app.Clock.Advance(TimeSpan.FromDays(15));
        using var later = await app.SignInPatronAsync();
        var overdue = await later.PostAsync($"/api/loans/{early.Id}/renew", null);
        Assert.Equal(HttpStatusCode.Conflict, overdue.StatusCode);
        Assert.Equal("OverdueLoanCannotBeRenewed", (await overdue.ReadAsync<Api.Problem>()).Rule);
        var mine = await later.GetFromJsonAsync<RenewedLoan>($"/api/me/loans/{early.Id}", Api.Json);
        Assert.Equal(early.DueAt, mine!.DueAt);
        Assert.Equal(0, mine.Renewals);
    }

    [Fact]
    public async Task With_auto_renewal_off_the_reference_scenario_is_unchanged_7_days_late_500_won()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(4);
        var loan = await (await patron.BorrowAsync(book.Id, 4)).ReadAsync<Api.Loan>();

        // On the due day the auto-renewal job finds nothing to do: the library does not auto-renew by default.
        app.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal(0, (await app.Services.GetRequiredService<AutoRenewal>().RunAsync(CancellationToken.None)).Renewed);
        app.Clock.Advance(TimeSpan.FromDays(7));
        using var again = await app.SignInPatronAsync();
        var result = await (await again.ReturnAsync(loan.Id, 3)).ReadAsync<Api.ReturnResponse>();

        Assert.Equal(7, result.DaysOverdue);
        Assert.Equal(500, result.LateFeeCharged);
        Assert.Equal(loan.DueAt, result.Loan.DueAt);
        Assert.Equal(0, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == loan.Id).Select(l => l.Renewals).SingleAsync()));
    }
}
