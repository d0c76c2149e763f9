using System.Net;
using System.Net.Http.Json;
using System.Text;
using Library.Domain.Catalog.Copies;
using Library.Domain.Lending;
using Library.Tests.Admin;
using Library.Tests.Integration.Copies;
using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Persistence.Backfill;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Integration.History;

/// <summary>
/// A patron's past loans through <c>GET /api/me/history</c>, the CSV download and the librarian's
/// <c>GET /api/admin/patrons/{id}/history</c>. Each test works with patrons of its own on one shared app.
/// </summary>
public sealed class LoanHistoryApiTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    public sealed record Item(
        Guid LoanId, int BookId, string Title, int Quantity, int QuantityLost, DateTimeOffset BorrowedAt, DateTimeOffset DueAt,
        DateTimeOffset ReturnedAt, int DaysOverdue, long Fee);

    public sealed record Page(List<Item> Items, int Total);

    [Fact]
    public async Task Closed_loans_come_newest_first_with_the_last_return_the_most_days_late_and_the_fees_not_waived()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var onTime = await patron.Client.BorrowNewAsync((await librarian.CreateBookAsync()).Id);
        var inParts = await patron.Client.BorrowNewAsync((await librarian.CreateBookAsync()).Id, 2);
        var stillOut = await patron.Client.BorrowNewAsync((await librarian.CreateBookAsync()).Id, 2);
        var lostBook = await librarian.CreateBookAsync();
        var lost = await patron.Client.BorrowNewAsync(lostBook.Id);

        await patron.Client.ReturnAsync(onTime.Id, 1);
        // Returned in two parts: 5 days late, then (after the librarian moved the due date) 2 days late; one fee waived.
        await app.BackdateLoanAsync(inParts.Id);
        var now = app.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await librarian.SetDueDateAsync(inParts.Id, now.AddDays(-5))).StatusCode);
        await patron.Client.ReturnAsync(inParts.Id, 1);
        Assert.Equal(HttpStatusCode.OK, (await librarian.SetDueDateAsync(inParts.Id, now.AddDays(-2))).StatusCode);
        var lastReturn = await patron.Client.ReturnAsync(inParts.Id, 1);
        Assert.Equal(HttpStatusCode.OK, lastReturn.StatusCode);
        await patron.Client.ReturnAsync(stillOut.Id, 1);
        var lostBarcode = (await app.BarcodesAsync(lostBook.Id, CopyStatus.OnLoan)).Single();
        Assert.Equal(HttpStatusCode.OK, (await librarian.PatchCopyAsync(lostBarcode, new { status = "Lost" })).StatusCode);
        await app.WaitForOutboxAsync();
        var fees = await app.WithDbAsync(db => db.Fees.Where(f => f.LoanId == inParts.Id).OrderBy(f => f.ChargedAt).ToListAsync());
        Assert.Equal([500L, 500L], fees.Select(f => f.Amount));
        Assert.Equal(HttpStatusCode.NoContent, (await librarian.PostAsJsonAsync($"/api/admin/fees/{fees[0].Id}/waiver", new { reason = "First time" })).StatusCode);

        var history = await patron.Client.GetJsonAsync<Page>("/api/me/history");

        Assert.Equal(3, history.Total);
        Assert.Equal([lost.Id, inParts.Id, onTime.Id], history.Items.Select(i => i.LoanId));
        var lostItem = history.Items[0];
        Assert.Equal((1, 1, 0, 20_000L), (lostItem.Quantity, lostItem.QuantityLost, lostItem.DaysOverdue, lostItem.Fee));
        Assert.Equal(lostBook.Title, lostItem.Title);
        var parts = history.Items[1];
        Assert.Equal((2, 0, 5, 500L), (parts.Quantity, parts.QuantityLost, parts.DaysOverdue, parts.Fee));
        var lastReturnedAt = await app.WithDbAsync(db => db.LoanReturns.Where(r => r.LoanId == inParts.Id).MaxAsync(r => r.ReturnedAt));
        Assert.Equal(lastReturnedAt, parts.ReturnedAt);
        Assert.Equal((0, 0L), (history.Items[2].DaysOverdue, history.Items[2].Fee));
        Assert.DoesNotContain(history.Items, i => i.LoanId == stillOut.Id);

        // The librarian sees the same on the patron's page.
        var seenByLibrarian = await librarian.GetJsonAsync<Page>($"/api/admin/patrons/{patron.Id}/history");
        Assert.Equal(history.Total, seenByLibrarian.Total);
        Assert.Equal(history.Items, seenByLibrarian.Items);
    }

    [Fact]
    public async Task Pages_split_the_history_without_gaps_or_repeats_and_total_counts_all_of_it()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 5));
        var loans = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var loan = await patron.Client.BorrowNewAsync(book.Id);
            await patron.Client.ReturnAsync(loan.Id, 1);
            loans.Add(loan.Id);
        }

        var pages = new List<Page>();
        for (var page = 1; page <= 3; page++)
        {
            pages.Add(await patron.Client.GetJsonAsync<Page>($"/api/me/history?page={page}&pageSize=2"));
        }

        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(Enumerable.Reverse(loans), pages.SelectMany(p => p.Items).Select(i => i.LoanId));
        Assert.Empty((await patron.Client.GetJsonAsync<Page>("/api/me/history?page=4&pageSize=2")).Items);
        Assert.Equal(5, (await patron.Client.GetJsonAsync<Page>("/api/me/history?pageSize=100")).Items.Count);
    }

    [Fact]
    public async Task Nobody_sees_another_patrons_history_and_an_unknown_patron_is_404_for_the_librarian()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var owner = await app.NewPatronAsync();
        using var other = await app.NewPatronAsync();
        var loan = await owner.Client.BorrowNewAsync((await librarian.CreateBookAsync()).Id);
        await owner.Client.ReturnAsync(loan.Id, 1);

        Assert.Equal(loan.Id, Assert.Single((await owner.Client.GetJsonAsync<Page>("/api/me/history")).Items).LoanId);
        var others = await other.Client.GetJsonAsync<Page>("/api/me/history");
        Assert.Equal(0, others.Total);
        Assert.Empty(others.Items);
        Assert.DoesNotContain(loan.Id.ToString(), await other.Client.GetStringAsync("/api/me/history.csv"));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync($"/api/admin/patrons/{owner.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await librarian.GetAsync("/api/admin/patrons/no-such-patron/history")).StatusCode);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page=-1")]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    [InlineData("page=abc")]
    public async Task Bad_paging_is_400_with_problem_details(string query)
    {
        using var patron = await app.SignInPatronAsync();
        using var librarian = await app.SignInLibrarianAsync();
        var patronId = await app.UserIdAsync(LibraryApp.PatronEmail);

        foreach (var response in new[]
                 {
                     await patron.GetAsync($"/api/me/history?{query}"),
                     await librarian.GetAsync($"/api/admin/patrons/{patronId}/history?{query}"),
                 })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_csv_download_is_utf8_with_a_bom_headers_in_the_patrons_language_and_one_row_per_past_loan()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var korean = await librarian.CreateBookAsync(AdminApi.NewBook(title: "다람쥐, \"숲\"의 노래"));
        var formula = await librarian.CreateBookAsync(AdminApi.NewBook(title: "=SUM(A1)"));
        var first = await patron.Client.BorrowNewAsync(korean.Id, 2);
        var second = await patron.Client.BorrowNewAsync(formula.Id);
        await patron.Client.ReturnAsync(first.Id, 2);
        await patron.Client.ReturnAsync(second.Id, 1);
        await patron.Client.BorrowNewAsync((await librarian.CreateBookAsync()).Id); // active: not in the file

        var response = await patron.Client.GetAsync("/api/me/history.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).DateTime);
        Assert.Equal($"loan-history-{today:yyyy-MM-dd}.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Title,Copies,Lost,Borrowed,Due,Returned,Days overdue,Fee (KRW),Loan ID", lines[0]);
        Assert.Equal(3, lines.Length);
        var day = today.ToString("yyyy-MM-dd");
        var due = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(second.DueAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul")).DateTime);
        Assert.Equal($"'=SUM(A1),1,0,{day},{due:yyyy-MM-dd},{day},0,0,{second.Id}", lines[1]);
        Assert.Equal($"\"다람쥐, \"\"숲\"\"의 노래\",2,0,{day},{due:yyyy-MM-dd},{day},0,0,{first.Id}", lines[2]);

        var inKorean = await patron.Client.GetByteArrayAsync("/api/me/history.csv?culture=ko");
        Assert.StartsWith("제목,권수,분실,대출일,반납 예정일,반납일,연체 일수,부과 금액(원),대출 번호\r\n", Encoding.UTF8.GetString(inKorean[3..]));
    }

    [Fact]
    public async Task Loans_closed_before_the_upgrade_get_their_last_return_as_closing_moment_at_start()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var loan = await patron.Client.BorrowNewAsync((await librarian.CreateBookAsync()).Id, 2);
        await patron.Client.ReturnAsync(loan.Id, 1);
        await patron.Client.ReturnAsync(loan.Id, 1);
        var last = await app.WithDbAsync(db => db.LoanReturns.Where(r => r.LoanId == loan.Id).MaxAsync(r => r.ReturnedAt));
        await app.WithDbAsync(db => db.Loans.Where(l => l.Id == loan.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ClosedAt, (DateTimeOffset?)null)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LoanClosedAtBackfill>().RunAsync(CancellationToken.None);
        }

        Assert.Equal(last, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == loan.Id).Select(l => l.ClosedAt).SingleAsync()));
        Assert.Equal(LoanStatus.Returned, await app.WithDbAsync(db => db.Loans.Where(l => l.Id == loan.Id).Select(l => l.Status).SingleAsync()));
        Assert.Equal(last, Assert.Single((await patron.Client.GetJsonAsync<Page>("/api/me/history")).Items).ReturnedAt);
    }
}
