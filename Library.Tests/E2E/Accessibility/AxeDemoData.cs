using Library.Tests.Admin;
using Library.Tests.TestSupport;

namespace Library.Tests.E2E.Accessibility;

/// <summary>
/// Activity on top of the demo data, made once per app: the demo patron has a loan, a late return with a fee and its
/// notice, so loans, fees, the dashboard's activity list and the notifications page all show rows.
/// </summary>
internal static class AxeDemoData
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<Uri, (int BookId, string PatronId)> Made = new();

    public static async Task<(int BookId, string PatronId)> EnsureAsync(LibraryApp app)
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
                await app.WaitForOutboxAsync();
                made = (book.Id, await app.UserIdAsync(LibraryApp.PatronEmail));
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
