using System.Collections.Concurrent;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Seeding;

public sealed record DemoAccount(string Email, string Password, string DisplayName, bool IsLibrarian);

/// <summary>The demo accounts with their published passwords, and which of them exist here with that password still.</summary>
internal sealed class DemoAccounts(LibraryDbContext db, UserManager<LibraryUser> users, DemoPasswordChecks checks)
{
    public static readonly DemoAccount[] All =
    [
        new(DemoDataSeeder.LibrarianEmail, DemoDataSeeder.LibrarianPassword, "Librarian", IsLibrarian: true),
        new(DemoDataSeeder.PatronEmail, DemoDataSeeder.PatronPassword, "Demo Patron", IsLibrarian: false),
        new("patron2@library.local", DemoDataSeeder.PatronPassword, "Second Patron", IsLibrarian: false),
    ];

    /// <summary>Demo accounts present in this database (whatever their password now is).</summary>
    public async Task<IReadOnlyList<string>> ExistingAsync(CancellationToken ct)
    {
        var emails = All.Select(a => a.Email.ToUpperInvariant()).ToArray();
        return await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.Email!).ToListAsync(ct);
    }

    /// <summary>Demo accounts that exist and still accept their published password (librarian and first patron only).</summary>
    public async Task<IReadOnlyList<DemoAccount>> WithDemoPasswordsAsync(CancellationToken ct)
    {
        var shown = All.Take(2).ToArray();
        var emails = shown.Select(a => a.Email.ToUpperInvariant()).ToArray();
        var hashes = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!))
            .Select(u => new { u.NormalizedEmail, u.PasswordHash }).ToListAsync(ct);
        return shown.Where(a => hashes.FirstOrDefault(h => h.NormalizedEmail == a.Email.ToUpperInvariant())?.PasswordHash is { } hash
                                && checks.Matches(users.PasswordHasher, hash, a.Password)).ToList();
    }
}

/// <summary>Remembers which (hash, password) pairs matched, so the sign-in page does not hash on every view.</summary>
internal sealed class DemoPasswordChecks
{
    private readonly ConcurrentDictionary<string, bool> _results = new();

    public bool Matches(IPasswordHasher<LibraryUser> hasher, string hash, string password) =>
        _results.GetOrAdd(hash + "\n" + password, _ => hasher.VerifyHashedPassword(new LibraryUser(), hash, password) != PasswordVerificationResult.Failed);
}
