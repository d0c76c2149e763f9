using System.Net;
using Library.Tests.TestSupport;

namespace Library.Tests.Admin;

public sealed class DueDateBeforeBorrowDateApiTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_due_date_before_the_borrow_day_is_refused_with_409_and_the_loan_keeps_its_date()
    {
        using var librarian = await app.SignInLibrarianAsync();
        using var patron = await app.NewPatronAsync();
        var book = await librarian.CreateBookAsync();
        var loan = await patron.Client.BorrowNewAsync(book.Id);

        var refused = await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow().AddDays(-1));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("DueDateCannotBeBeforeBorrowDate", await refused.RuleOfAsync());
        var stored = await librarian.GetJsonAsync<AdminApi.Page<AdminApi.AdminLoan>>($"/api/admin/loans?patronId={patron.Id}");
        var row = Assert.Single(stored.Items);
        Assert.Equal(loan.DueAt, row.DueAt, TimeSpan.FromMilliseconds(1)); // stored to the millisecond
        Assert.Equal(0, row.DaysOverdue);

        var sameDay = await librarian.SetDueDateAsync(loan.Id, app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, sameDay.StatusCode);
    }
}
