using System.Net;
using System.Net.Http.Json;
using Library.Tests.TestSupport;
using Library.Web.Features.Admin.Audit;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Admin;

public sealed class AdminLoansAndFeesApiTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Due_date_10_days_back_then_return_charges_1000_and_a_waiver_with_reason_takes_it_off_the_dashboard()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        var loan = await patron.Client.BorrowNewAsync(book.Id);
        await app.BackdateLoanAsync(loan.Id);

        var moved = await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(-10));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var overdue = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AdminLoan>>($"/api/admin/loans?overdue=true&patronId={patron.Id}");
        Assert.Equal(10, Assert.Single(overdue.Items).DaysOverdue);

        var returned = await (await patron.Client.ReturnAsync(loan.Id, 1)).ReadAsync<Api.ReturnResponse>();
        Assert.Equal((10, 1000L), (returned.DaysOverdue, returned.LateFeeCharged));
        var fee = await librarian.FeeForLoanAsync(loan.Id, "Outstanding");
        Assert.NotNull(fee);
        Assert.Equal((1000L, "Outstanding", patron.Email), (fee.Amount, fee.Status, fee.PatronEmail));
        Assert.Equal(1000, (await patron.Client.DashboardWhenAsync(d => d.AccumulatedFees == 1000)).AccumulatedFees);

        var noReason = await librarian.PostAsJsonAsync($"/api/admin/fees/{fee.Id}/waiver", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var waived = await librarian.PostAsJsonAsync($"/api/admin/fees/{fee.Id}/waiver", new { reason = "Arranged extension" });
        Assert.Equal(HttpStatusCode.NoContent, waived.StatusCode);

        Assert.Equal(0, (await patron.Client.DashboardWhenAsync(d => d.AccumulatedFees == 0)).AccumulatedFees);
        var settled = await librarian.FeeForLoanAsync(loan.Id, "Waived");
        Assert.Equal(("Waived", "Arranged extension"), (settled!.Status, settled.WaiverReason));
        var outstanding = await librarian.GetJsonAsync<AdminApi.FeePage>($"/api/admin/fees?patronId={patron.Id}");
        Assert.Empty(outstanding.Items);
        var again = await librarian.PostAsJsonAsync($"/api/admin/fees/{fee.Id}/waiver", new { reason = "twice" });
        Assert.Equal("FeeMustBeOutstanding", await again.RuleOfAsync());

        var audit = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>($"/api/admin/audit?entityType=Fee&entityId={fee.Id}");
        var entry = Assert.Single(audit.Items);
        Assert.Equal(AuditActions.FeeWaived, entry.Action);
        Assert.Contains("\"status\":\"Outstanding\"", entry.Before);
        Assert.Contains("\"waiverReason\":\"Arranged extension\"", entry.After);
        var dueAudit = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>($"/api/admin/audit?entityType=Loan&entityId={loan.Id}");
        Assert.Equal(AuditActions.LoanDueDateChanged, Assert.Single(dueAudit.Items).Action);
    }

    [Fact]
    public async Task Recording_a_payment_settles_the_fee_and_the_dashboard_drops_it()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var loan = await patron.Client.BorrowNewAsync((await librarian.CreateBookAsync()).Id);
        await app.BackdateLoanAsync(loan.Id);
        await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(-3));
        await patron.Client.ReturnAsync(loan.Id, 1);
        var fee = await librarian.FeeForLoanAsync(loan.Id, "Outstanding");
        Assert.Equal(500, (await patron.Client.DashboardWhenAsync(d => d.AccumulatedFees == 500)).AccumulatedFees);

        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsync($"/api/admin/fees/{fee!.Id}/payment", null)).StatusCode);

        Assert.Equal(0, (await patron.Client.DashboardWhenAsync(d => d.AccumulatedFees == 0)).AccumulatedFees);
        Assert.Equal("Paid", (await librarian.FeeForLoanAsync(loan.Id, "Settled"))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.PostAsync($"/api/admin/fees/{Guid.NewGuid()}/payment", null)).StatusCode);
    }

    [Fact]
    public async Task Librarian_checks_in_part_of_a_loan_for_the_patron()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 5));
        var loan = await patron.Client.BorrowNewAsync(book.Id, 3);

        var checkIn = await librarian.PostAsJsonAsync($"/api/admin/loans/{loan.Id}/check-in", new { quantity = 2 });

        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        var result = await checkIn.ReadAsync<Api.ReturnResponse>();
        Assert.Equal((2, "Active", 0L), (result.Loan.QuantityReturned, result.Loan.Status, result.LateFeeCharged));
        Assert.Equal(4, (await librarian.GetJsonAsync<Api.Book>($"/api/books/{book.Id}")).AvailableCopies);
        var tooMany = await librarian.PostAsJsonAsync($"/api/admin/loans/{loan.Id}/check-in", new { quantity = 2 });
        Assert.Equal("CannotReturnMoreThanOnLoan", await tooMany.RuleOfAsync());
        Assert.Equal(1, (await patron.Client.DashboardWhenAsync(d => d.BooksOnLoan == 1)).BooksOnLoan);
        var audit = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>($"/api/admin/audit?entityType=Loan&entityId={loan.Id}");
        Assert.Equal(AuditActions.LoanCheckedIn, Assert.Single(audit.Items).Action);
        Assert.Contains("\"returned\":2", audit.Items[0].After);
    }

    [Fact]
    public async Task Overdue_filter_lists_only_loans_past_their_due_day()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 5));
        var late = await patron.Client.BorrowNewAsync(book.Id);
        var onTime = await patron.Client.BorrowNewAsync(book.Id);
        var dueToday = await patron.Client.BorrowNewAsync(book.Id);
        await app.BackdateLoanAsync(late.Id);
        await librarian.SetDueDateAsync(late.Id, app.Clock.GetUtcNow().AddDays(-1));
        await app.BackdateLoanAsync(dueToday.Id);
        await librarian.SetDueDateAsync(dueToday.Id, app.Clock.GetUtcNow().AddMinutes(-1));

        var overdue = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AdminLoan>>($"/api/admin/loans?overdue=true&patronId={patron.Id}");
        var current = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AdminLoan>>($"/api/admin/loans?overdue=false&patronId={patron.Id}");

        Assert.Equal([late.Id], overdue.Items.Select(l => l.Id));
        Assert.Equal(new[] { onTime.Id, dueToday.Id }.Order(), current.Items.Select(l => l.Id).Order());
        Assert.Equal(HttpStatusCode.BadRequest, (await librarian.GetAsync("/api/admin/loans?pageSize=1000")).StatusCode);
    }

    [Fact]
    public async Task A_blocked_patron_cannot_borrow_and_is_told_why_until_unblocked()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();

        Assert.Equal(HttpStatusCode.BadRequest, (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patron.Id}/block", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await librarian.PostAsJsonAsync($"/api/admin/patrons/{patron.Id}/block", new { reason = "Lost book not replaced" })).StatusCode);

        var refused = await patron.Client.BorrowAsync(book.Id, 1);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Your library card is blocked: Lost book not replaced. Please contact a librarian.", (await refused.ReadAsync<Api.Problem>()).Detail);
        var detail = await librarian.GetJsonAsync<AdminApi.PatronDetail>($"/api/admin/patrons/{patron.Id}");
        Assert.Equal((true, "Lost book not replaced"), (detail.Patron.IsBlocked, detail.Patron.BlockedReason));

        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsync($"/api/admin/patrons/{patron.Id}/unblock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await patron.Client.BorrowAsync(book.Id, 1)).StatusCode);
        var audit = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>($"/api/admin/audit?entityType=Patron&entityId={patron.Id}");
        Assert.Equal([AuditActions.PatronUnblocked, AuditActions.PatronBlocked], audit.Items.Select(a => a.Action));
    }

    [Fact]
    public async Task A_card_blocked_without_a_reason_says_so_without_an_empty_reason()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == patron.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsBlocked, true).SetProperty(u => u.BlockedReason, (string?)null)));

        var refused = await patron.Client.BorrowAsync(book.Id, 1);

        Assert.Equal("Your library card is blocked. Please contact a librarian.", (await refused.ReadAsync<Api.Problem>()).Detail);
    }

    [Fact]
    public async Task Patron_detail_shows_loans_overdue_items_fees_and_activity()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 4));
        var kept = await patron.Client.BorrowNewAsync(book.Id, 2);
        var lateReturn = await patron.Client.BorrowNewAsync(book.Id);
        await app.BackdateLoanAsync(kept.Id);
        await librarian.SetDueDateAsync(kept.Id, app.Clock.GetUtcNow().AddDays(-2));
        await app.BackdateLoanAsync(lateReturn.Id);
        await librarian.SetDueDateAsync(lateReturn.Id, app.Clock.GetUtcNow().AddDays(-20));
        await patron.Client.ReturnAsync(lateReturn.Id, 1);
        await librarian.FeeForLoanAsync(lateReturn.Id);
        await app.WaitForOutboxAsync();

        var detail = await librarian.GetJsonAsync<AdminApi.PatronDetail>($"/api/admin/patrons/{patron.Id}");

        Assert.Equal((2, 1, 2000L), (detail.Patron.CopiesOnLoan, detail.Patron.OverdueLoans, detail.Patron.OutstandingFees));
        Assert.False(detail.IsLibrarian);
        Assert.Equal([kept.Id, lateReturn.Id], detail.Loans.Select(l => l.Id));
        Assert.Equal(2, detail.Loans[0].DaysOverdue);
        Assert.Equal(2000, Assert.Single(detail.Fees).Amount);
        Assert.Contains(detail.Activity, a => a.Kind == "FeeCharged" && a.Amount == 2000);
        Assert.Contains(detail.Activity, a => a.Kind == "Borrowed" && a.BookTitle == book.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.GetAsync("/api/admin/patrons/nobody")).StatusCode);

        var search = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.PatronRow>>($"/api/admin/patrons?search={patron.Email[..8]}&filter=WithOverdueLoans");
        Assert.Equal(patron.Id, Assert.Single(search.Items).Id);
    }

    [Fact]
    public async Task A_patron_can_neither_see_nor_return_another_patrons_loan()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var owner = await app.NewPatronAsync();
        using var other = await app.NewPatronAsync();
        var loan = await owner.Client.BorrowNewAsync((await librarian.CreateBookAsync()).Id);

        var returned = await other.Client.ReturnAsync(loan.Id, 1);

        Assert.Equal(HttpStatusCode.NotFound, returned.StatusCode);
        Assert.DoesNotContain(await other.Client.GetJsonAsync<List<Api.Loan>>("/api/me/loans"), l => l.Id == loan.Id);
        Assert.Equal(0, (await other.Client.GetJsonAsync<Api.Dashboard>("/api/me/dashboard")).BooksOnLoan);
        Assert.Equal(0, await app.WithDbAsync(db => db.LoanReturns.CountAsync(r => r.LoanId == loan.Id)));
    }

    [Fact]
    public async Task Audit_log_filters_by_librarian_action_and_day()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync();
        await librarian.PostAsync($"/api/books/{book.Id}/archive", null);
        var today = app.Clock.GetUtcNow().ToString("yyyy-MM-dd");
        var tomorrow = app.Clock.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd");

        var archived = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>($"/api/admin/audit?action=Book.Archived&actor=librarian@&from={today}&to={today}&pageSize=100");
        var otherLibrarian = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>("/api/admin/audit?actor=someone-else");
        var future = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AuditEntry>>($"/api/admin/audit?from={tomorrow}");

        Assert.Contains(archived.Items, a => a.EntityId == book.Id.ToString());
        Assert.All(archived.Items, a => Assert.Equal(AuditActions.BookArchived, a.Action));
        Assert.Empty(otherLibrarian.Items);
        Assert.Empty(future.Items);
    }
}
