using System.Net.Http.Json;
using Library.Tests.Admin;
using Library.Tests.TestSupport;

namespace Library.Tests.E2E.Accessibility;

/// <summary>
/// Activity on top of the demo data, made once per app: the demo patron has a loan, a late return with a fee and its
/// notice, so loans, fees, the dashboard's activity list and the notifications page all show rows; and a hold ready for
/// them (a second title's only copy came back from patron 2), so My holds, the hold shelf and the hold queue show rows.
/// </summary>
internal static class AxeDemoData
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<Uri, (int BookId, string PatronId, int HeldBookId)> Made = new();

    public static async Task<(int BookId, string PatronId, int HeldBookId)> EnsureAsync(LibraryApp app)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Made.TryGetValue(app.BaseAddress, out var made))
            {
                using var librarian = await app.SignInLibrarianAsync();
                using var patron = await app.SignInPatronAsync();
                var book = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 4));
                var late = await patron.BorrowNewAsync(book.Id, 2);
                await app.BackdateLoanAsync(late.Id);
                (await librarian.SetDueDateAsync(late.Id, app.Clock.GetUtcNow().AddDays(-10))).EnsureSuccessStatusCode();
                (await patron.ReturnAsync(late.Id, 1)).EnsureSuccessStatusCode();
                var held = await librarian.CreateBookAsync(AdminApi.NewBook(copies: 1));
                using var patron2 = await app.SignInApiAsync(LibraryApp.Patron2Email, LibraryApp.PatronPassword);
                var other = await patron2.BorrowNewAsync(held.Id, 1);
                (await patron.PostAsJsonAsync("/api/holds", new { bookId = held.Id })).EnsureSuccessStatusCode();
                (await patron2.ReturnAsync(other.Id, 1)).EnsureSuccessStatusCode();
                await app.WaitForOutboxAsync();
                made = (book.Id, await app.UserIdAsync(LibraryApp.PatronEmail), held.Id);
                Made[app.BaseAddress] = made;
            }

            return made;
        }
        finally
        {
            Gate.Release();
        }
    }
}
