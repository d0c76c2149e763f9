using System.Net;
using Library.Domain.Lending.Holds;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration.Holds;

/// <summary>
/// Two returns and three borrow attempts at the same instant, through two app nodes on one database (no shared in-process
/// gate), round after round: a held copy never goes to the wrong patron and no copy is lost.
/// </summary>
public sealed class HoldRaceTests
{
    private const int Rounds = 8;

    [Fact]
    public async Task Two_returns_and_three_borrows_at_once_never_give_a_held_copy_to_the_wrong_patron()
    {
        await using var nodeA = new LibraryApp().With("Lending:Throttle:PerPatronBurst", "1000").WithRedisOnPostgreSql();
        await nodeA.InitializeAsync();
        await using var nodeB = new LibraryApp().With("Lending:Throttle:PerPatronBurst", "1000");
        nodeB.UseDatabaseOf(nodeA).WithRedisOnPostgreSql();
        await nodeB.InitializeAsync();
        using var librarian = await nodeA.SignInLibrarianAsync();

        for (var round = 0; round < Rounds; round++)
        {
            var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 2));
            using var reader = await nodeA.NewPatronAsync();
            using var first = await nodeA.NewPatronAsync();
            using var second = await nodeB.NewPatronAsync();
            using var stranger = await nodeB.NewPatronAsync();
            var loans = new[] { await reader.Client.BorrowNewAsync(book.Id), await reader.Client.BorrowNewAsync(book.Id) };
            await first.Client.PlaceHoldNewAsync(book.Id);
            await second.Client.PlaceHoldNewAsync(book.Id);
            using var readerOnB = await nodeB.SignInApiAsync(reader.Email, AdminApi.NewPatronPassword);

            using var start = new SemaphoreSlim(0);
            async Task<HttpResponseMessage> At(Func<Task<HttpResponseMessage>> send)
            {
                await start.WaitAsync();
                return await send();
            }

            var sent = new[]
            {
                At(() => reader.Client.ReturnAsync(loans[0].Id, 1)),
                At(() => readerOnB.ReturnAsync(loans[1].Id, 1)),
                At(() => first.Client.BorrowAsync(book.Id, 1)),
                At(() => second.Client.BorrowAsync(book.Id, 1)),
                At(() => stranger.Client.BorrowAsync(book.Id, 1)),
            };
            start.Release(5);
            var answers = await Task.WhenAll(sent);
            var (returns, borrows) = (answers[..2], answers[2..]);

            Assert.All(returns, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
            Assert.All(borrows, b => Assert.True((int)b.StatusCode < 500, $"round {round}: {b.StatusCode}"));
            Assert.Equal(HttpStatusCode.Conflict, borrows[2].StatusCode);
            foreach (var (patron, borrow) in new[] { (first, borrows[0]), (second, borrows[1]) })
            {
                // Each waiting patron either borrowed a copy (their hold was ready in time) or has it waiting on the hold shelf.
                var status = await nodeA.WithDbAsync(db => db.Holds.Where(h => h.PatronId == patron.Id && h.BookId == book.Id).Select(h => h.Status).SingleAsync());
                var expected = borrow.StatusCode == HttpStatusCode.Created ? HoldStatus.Fulfilled : HoldStatus.Ready;
                Assert.True(expected == status, $"round {round}: patron's borrow answered {borrow.StatusCode} and the hold is {status}");
            }

            var (total, available, onHoldShelf, onLoan) = await nodeA.WithDbAsync(async db => (
                await db.Books.Where(b => b.Id == book.Id).Select(b => b.TotalCopies).SingleAsync(),
                await db.Books.Where(b => b.Id == book.Id).Select(b => b.AvailableCopies).SingleAsync(),
                await db.Books.Where(b => b.Id == book.Id).Select(b => b.OnHoldShelfCopies).SingleAsync(),
                await db.Loans.Where(l => l.BookId == book.Id && l.Status == Library.Domain.Lending.LoanStatus.Active)
                    .SumAsync(l => l.Quantity - l.QuantityReturned - l.QuantityLost)));
            Assert.Equal((2, 0), (total, available));
            Assert.Equal(total, available + onHoldShelf + onLoan);
        }

        await nodeA.AssertHoldShelfMatchesHoldsAsync();
    }
}
