using System.Text.Json;
using Library.Domain.Catalog;
using Library.Domain.Lending;
using Library.Web.Features.Catalog.Copies;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Seeding;

/// <summary>Seeds roles always (<see cref="SeedRolesAsync"/>), and demo accounts and books only into an empty database.</summary>
internal sealed class DemoDataSeeder(
    LibraryDbContext db,
    UserManager<LibraryUser> users,
    RoleManager<IdentityRole> roles,
    IWebHostEnvironment environment,
    TimeProvider clock,
    CopyBarcodes barcodes,
    LibraryCalendar calendar,
    ILogger<DemoDataSeeder> logger)
{
    public const string LibrarianEmail = "librarian@library.local";
    public const string LibrarianPassword = "Librarian!123";
    public const string PatronEmail = "patron@library.local";
    public const string PatronPassword = "Patron!123";

    public async Task SeedRolesAsync()
    {
        foreach (var role in new[] { Roles.Patron, Roles.Librarian })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await SeedRolesAsync();
        if (!await users.Users.AnyAsync(cancellationToken))
        {
            foreach (var account in DemoAccounts.All)
            {
                await CreateUserAsync(account.Email, account.Password, account.DisplayName, account.IsLibrarian ? Roles.Librarian : null);
            }
        }

        if (!await db.Books.AnyAsync(cancellationToken))
        {
            var path = Path.Combine(environment.ContentRootPath, "Infrastructure", "Persistence", "Seeding", "demo-books.json");
            if (!File.Exists(path))
            {
                path = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "Persistence", "Seeding", "demo-books.json");
            }

            await using var stream = File.OpenRead(path);
            var seeds = await JsonSerializer.DeserializeAsync<List<DemoBook>>(stream, JsonSerializerOptions.Web, cancellationToken) ?? [];
            var now = clock.GetUtcNow();
            var labels = new Queue<string>(await barcodes.NextAsync(db, seeds.Sum(s => s.Copies), cancellationToken));
            db.Books.AddRange(seeds.Select(s => Book.Create(
                new BookDetails(s.Title, s.Author, s.Isbn, s.Publisher, s.Year, s.Description),
                Enumerable.Range(0, s.Copies).Select(_ => labels.Dequeue()).ToList(),
                calendar.DayOf(now),
                now)));
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded {Count} demo books", seeds.Count);
        }
    }

    private async Task CreateUserAsync(string email, string password, string displayName, string? extraRole = null)
    {
        var user = new LibraryUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        // Demo passwords are fixed by the product brief and shorter than the sign-up policy, so they are hashed directly.
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not seed {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, Roles.Patron);
        if (extraRole is not null)
        {
            await users.AddToRoleAsync(user, extraRole);
        }
    }

    private sealed record DemoBook(string Title, string Author, string Isbn, string? Publisher, int? Year, string? Description, int Copies);
}
