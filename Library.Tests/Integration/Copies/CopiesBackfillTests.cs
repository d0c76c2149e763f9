using System.Net;
using Library.Domain.Catalog.Copies;
using Library.Domain.Common;
using Library.Tests.Admin;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration.Copies;

public sealed class CopiesBackfillTests
{
    [Fact]
    public async Task Titles_loans_and_accounts_from_before_copies_get_copies_with_barcodes_loan_items_and_cards_once()
    {
        string dataDirectory;
        int bookId;
        Guid loanId;
        string patronEmail;
        await using (var before = new LibraryApp())
        {
            before.KeepDataOnDispose = true;
            await before.InitializeAsync();
            using var librarian = await before.SignInLibrarianAsync();
            using var patron = await before.NewPatronAsync();
            patronEmail = patron.Email;
            bookId = (await librarian.CreateBookAsync(AdminApi.NewBook(copies: 4))).Id;
            loanId = (await patron.Client.BorrowNewAsync(bookId, 3)).Id;
            Assert.Equal(HttpStatusCode.OK, (await patron.Client.ReturnAsync(loanId, 1)).StatusCode);

            // What a database from before this version holds: counts only, no copy rows, no loan items, no card numbers.
            await before.WithDbAsync(async db =>
            {
                await db.LoanItems.Where(i => db.Loans.Any(l => l.Id == i.LoanId && l.BookId == bookId)).ExecuteDeleteAsync();
                await db.Copies.Where(c => c.BookId == bookId).ExecuteDeleteAsync();
                return await db.Users.ExecuteUpdateAsync(s => s.SetProperty(u => u.CardNumber, (string?)null));
            });
            dataDirectory = before.DataDirectory;
        }

        for (var start = 0; start < 2; start++)
        {
            await using var app = LibraryApp.RestartOn(dataDirectory);
            app.KeepDataOnDispose = start == 0;
            await app.InitializeAsync();

            var copies = await app.WithDbAsync(db => db.Copies.Where(c => c.BookId == bookId).ToListAsync());
            Assert.Equal(4, copies.Count);
            Assert.All(copies, c => Assert.Equal(ScanCodeProblem.None, ScanCode.Read(c.Barcode, "LIB", out _)));
            Assert.Equal(2, copies.Count(c => c.Status == CopyStatus.OnLoan && c.LoanId == loanId));
            Assert.Equal(2, await app.WithDbAsync(db => db.LoanItems.CountAsync(i => i.LoanId == loanId && i.ReturnId == null)));
            Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.CardNumber == null)));
            await app.AssertCountersMatchCopiesAsync();

            if (start == 1)
            {
                // The old loan works like any other: its remaining copies come back by quantity.
                using var patron = await app.SignInApiAsync(patronEmail, AdminApi.NewPatronPassword);
                Assert.Equal(HttpStatusCode.OK, (await patron.ReturnAsync(loanId, 2)).StatusCode);
                Assert.Equal(4, (await app.BarcodesAsync(bookId, CopyStatus.Available)).Count);
                await app.AssertCountersMatchCopiesAsync();
            }
        }
    }
}
