using System.Net.Http.Json;
using Library.Domain.Catalog.Copies;
using Library.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Library.Tests.Integration.Copies;

/// <summary>The copies and desk API as a client sees it, and what the database says about a title's copies.</summary>
internal static class CopyApi
{
    public sealed record Checkin(Guid LoanId, string PatronId, string PatronName, int BookId, string Title, string Barcode, int DaysOverdue, long LateFeeCharged, string? HoldFor);

    public sealed record Checkout(Guid LoanId, string PatronId, string Barcode, int BookId, string Title, DateTimeOffset DueAt);

    public static Task<HttpResponseMessage> DeskCheckOutAsync(this HttpClient librarian, string cardNumber, string barcode) =>
        librarian.PostAsJsonAsync("/api/desk/checkout", new { cardNumber, barcode });

    public static Task<HttpResponseMessage> DeskCheckInAsync(this HttpClient librarian, string barcode) =>
        librarian.PostAsJsonAsync("/api/desk/checkin", new { barcode });

    public static Task<HttpResponseMessage> PatchCopyAsync(this HttpClient librarian, string barcode, object patch) =>
        librarian.PatchAsJsonAsync($"/api/copies/{barcode}", patch, Api.Json);

    public static Task<string> CardOfAsync(this LibraryApp app, string patronId) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == patronId).Select(u => u.CardNumber!).SingleAsync());

    public static Task<List<string>> BarcodesAsync(this LibraryApp app, int bookId, CopyStatus status) =>
        app.WithDbAsync(db => db.Copies.Where(c => c.BookId == bookId && c.Status == status).OrderBy(c => c.Id).Select(c => c.Barcode).ToListAsync());

    /// <summary>The same code with a different last digit: what a slip of the finger or a misread gives.</summary>
    public static string WithWrongCheckDigit(string code) => code[..^1] + (char)('0' + (code[^1] - '0' + 1) % 10);

    /// <summary>
    /// Every invariant between counters, copies and loans, for every title: total = copies in circulation, available = copies on
    /// the shelf, each active loan has exactly its outstanding copies out, and every copy on loan is on an active loan that holds it.
    /// </summary>
    public static async Task AssertCountersMatchCopiesAsync(this LibraryApp app)
    {
        var problems = await app.WithDbAsync(async db =>
        {
            var books = await db.Books.Select(b => new
            {
                b.Id, b.TotalCopies, b.AvailableCopies,
                Circulating = db.Copies.Count(c => c.BookId == b.Id && (c.Status == CopyStatus.Available || c.Status == CopyStatus.OnLoan || c.Status == CopyStatus.OnHoldShelf)),
                Shelf = db.Copies.Count(c => c.BookId == b.Id && c.Status == CopyStatus.Available),
                Out = db.Copies.Count(c => c.BookId == b.Id && c.Status == CopyStatus.OnLoan),
                LoansOut = db.Loans.Where(l => l.BookId == b.Id && l.Status == Library.Domain.Lending.LoanStatus.Active)
                    .Sum(l => l.Quantity - l.QuantityReturned - l.QuantityLost),
            }).ToListAsync();
            var list = books.Where(b => b.TotalCopies != b.Circulating || b.AvailableCopies != b.Shelf || b.Out != b.LoansOut)
                .Select(b => $"book {b.Id}: total {b.TotalCopies} vs {b.Circulating} circulating, available {b.AvailableCopies} vs {b.Shelf} on the shelf, {b.Out} copies out vs {b.LoansOut} on loans")
                .ToList();
            var strayCopies = await db.Copies
                .Where(c => c.Status == CopyStatus.OnLoan && !db.LoanItems.Any(i => i.CopyId == c.Id && i.LoanId == c.LoanId && i.ReturnId == null && i.LostAt == null))
                .Select(c => c.Barcode).ToListAsync();
            list.AddRange(strayCopies.Select(b => $"copy {b} is on loan but no active loan item holds it"));
            var loansOff = await db.Loans.Where(l => l.Status == Library.Domain.Lending.LoanStatus.Active)
                .Where(l => l.Quantity - l.QuantityReturned - l.QuantityLost != db.LoanItems.Count(i => i.LoanId == l.Id && i.ReturnId == null && i.LostAt == null))
                .Select(l => l.Id).ToListAsync();
            list.AddRange(loansOff.Select(id => $"loan {id} has a different number of copies out than it says"));
            return list;
        });
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
