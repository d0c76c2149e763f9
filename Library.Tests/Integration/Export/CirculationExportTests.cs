using System.Net;
using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Library.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration.Export;

/// <summary>The loans, fees and audit log downloads: the filters of their pages, headers in the librarian's language.</summary>
public sealed class CirculationExportTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Loans_export_applies_the_overdue_and_search_filters_and_keeps_korean_titles()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var late = await librarian.CreateBookAsync(AdminApi.NewBook($"토지 {tag}"));
        var onTime = await librarian.CreateBookAsync(AdminApi.NewBook($"On time {tag}"));
        var lateLoan = await patron.Client.BorrowNewAsync(late.Id);
        var onTimeLoan = await patron.Client.BorrowNewAsync(onTime.Id);
        await app.BackdateLoanAsync(lateLoan.Id);
        Assert.Equal(HttpStatusCode.OK, (await librarian.SetDueDateAsync(lateLoan.Id, app.Clock.GetUtcNow().AddDays(-3))).StatusCode);

        var overdue = await ExportCsv.GetAsync(librarian, $"/api/admin/loans/export?overdue=true&search={tag}");
        var all = await ExportCsv.GetAsync(librarian, $"/api/admin/loans/export?search={tag}&sortBy=BookTitle");
        var korean = await ExportCsv.GetAsync(librarian, $"/api/admin/loans/export?search={tag}&culture=ko");

        overdue.AssertSpreadsheetFile("loans", Today());
        var row = Assert.Single(overdue.Rows);
        Assert.Equal(
            [patron.Email, $"토지 {tag}", "1", "3", lateLoan.Id.ToString()],
            [overdue.Column(row, "Email"), overdue.Column(row, "Title"), overdue.Column(row, "Copies on loan"),
             overdue.Column(row, "Days overdue"), overdue.Column(row, "Loan id")]);
        Assert.Equal([onTimeLoan.Id.ToString(), lateLoan.Id.ToString()], all.Rows.Select(r => all.Column(r, "Loan id")));
        Assert.Equal(["이용자", "이메일", "제목", "대출 중인 권수", "대출일", "반납 예정일", "연체 일수", "연장 횟수", "대출 ID"], korean.Header);
        Assert.Equal(2, korean.Rows.Count);
    }

    [Fact]
    public async Task Fees_export_applies_the_status_filter_and_writes_whole_won()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var book = await librarian.CreateBookAsync(AdminApi.NewBook($"연체 {tag}"));
        var loan = await patron.Client.BorrowNewAsync(book.Id);
        await app.BackdateLoanAsync(loan.Id);
        await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(-3));
        await patron.Client.ReturnAsync(loan.Id, 1);
        var fee = (await librarian.FeeForLoanAsync(loan.Id, "Outstanding"))!;

        var outstanding = await ExportCsv.GetAsync(librarian, $"/api/admin/fees/export?search={tag}");
        var paid = await ExportCsv.GetAsync(librarian, $"/api/admin/fees/export?status=Paid&search={tag}");
        var korean = await ExportCsv.GetAsync(librarian, $"/api/admin/fees/export?status=All&search={tag}&culture=ko");

        outstanding.AssertSpreadsheetFile("fees", Today());
        var row = Assert.Single(outstanding.Rows);
        Assert.Equal(
            [patron.Email, $"연체 {tag}", "3", fee.Amount.ToString(), "Outstanding", fee.Id.ToString()],
            [outstanding.Column(row, "Email"), outstanding.Column(row, "Title"), outstanding.Column(row, "Days overdue"),
             outstanding.Column(row, "Amount (KRW)"), outstanding.Column(row, "Status"), outstanding.Column(row, "Fee id")]);
        Assert.Empty(paid.Rows);
        Assert.Equal("미납", korean.Column(Assert.Single(korean.Rows), "상태"));
    }

    [Fact]
    public async Task Audit_export_applies_the_page_filters_including_the_day_range()
    {
        using var librarian = await app.SignInLibrarianAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook($"Audited {Guid.NewGuid():N}"));
        (await librarian.PostAsync($"/api/books/{book.Id}/archive", null)).EnsureSuccessStatusCode();
        var today = Today();

        var both = await ExportCsv.GetAsync(librarian, $"/api/admin/audit/export?entityType=Book&entityId={book.Id}&from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var archivedOnly = await ExportCsv.GetAsync(librarian, $"/api/admin/audit/export?entityId={book.Id}&action=Book.Archived");
        var yesterday = await ExportCsv.GetAsync(librarian, $"/api/admin/audit/export?entityId={book.Id}&to={today.AddDays(-1):yyyy-MM-dd}");

        both.AssertSpreadsheetFile("audit", today);
        Assert.Equal(2, both.Rows.Count);
        Assert.All(both.Rows, r => Assert.Equal((LibraryApp.LibrarianEmail, book.Id.ToString()), (r[1], r[4])));
        Assert.Equal(today.ToString("yyyy-MM-dd"), both.Rows[0][0][..10]);
        Assert.Single(archivedOnly.Rows);
        Assert.Empty(yesterday.Rows);
    }

    private DateOnly Today() => app.Services.GetRequiredService<LibraryDates>().LocalDate(app.Clock.GetUtcNow());
}
