using System.Net;
using System.Net.Http.Json;
using Library.Tests.TestSupport;

namespace Library.Tests.Integration;

public sealed class ReferenceScenarioApiTests
{
    [Fact]
    public async Task Borrow_4_wait_21_days_return_3_leaves_1_on_loan_and_500_won_in_fees()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(4);

        var borrowed = await patron.BorrowAsync(book.Id, 4);
        Assert.Equal(HttpStatusCode.Created, borrowed.StatusCode);
        var loan = await borrowed.ReadAsync<Api.Loan>();
        // Borrowed at 18:00 KST on 2 March: due at the end of 16 March in Seoul.
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 23, 59, 59, 999, TimeSpan.FromHours(9)), loan.DueAt);

        app.Clock.Advance(TimeSpan.FromDays(21));
        using var again = await app.SignInPatronAsync(); // the first token expired with the clock jump
        var returned = await again.ReturnAsync(loan.Id, 3);

        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var result = await returned.ReadAsync<Api.ReturnResponse>();
        Assert.Equal(7, result.DaysOverdue);
        Assert.Equal(500, result.LateFeeCharged);
        Assert.Equal(3, result.Loan.QuantityReturned);
        await app.WaitForOutboxAsync();
        var dashboard = await again.GetFromJsonAsync<Api.Dashboard>("/api/me/dashboard", Api.Json);
        Assert.Equal(1, dashboard!.BooksOnLoan);
        Assert.Equal(500, dashboard.AccumulatedFees);
        var loans = await again.GetFromJsonAsync<List<Api.Loan>>("/api/me/loans", Api.Json);
        Assert.Equal(1, Assert.Single(loans!).Quantity - loans![0].QuantityReturned);
        var stock = await again.GetFromJsonAsync<Api.Book>($"/api/books/{book.Id}", Api.Json);
        Assert.Equal(book.AvailableCopies - 1, stock!.AvailableCopies);
    }
}
