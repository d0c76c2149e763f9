using Library.Tests.TestSupport;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Persistence;

/// <summary>The app's registered <see cref="IDbErrors"/> on a real SQLite file: unique indexes and keys yes, other constraints no.</summary>
public sealed class SqliteDbErrorsTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    private IDbErrors Errors => app.Services.GetRequiredService<IDbErrors>();

    [Fact]
    public async Task A_duplicate_isbn_names_books_isbn()
    {
        var isbn = await app.WithDbAsync(db => db.Books.Select(b => b.Isbn).FirstAsync());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO Books (Title, Author, Isbn, TotalCopies, AvailableCopies, IsArchived) VALUES ('Copy', 'X', {isbn}, 1, 1, 0)")));

        Assert.True(Errors.IsUniqueViolation(error));
        Assert.True(Errors.IsUniqueViolation(error, "Books.Isbn"));
        Assert.False(Errors.IsUniqueViolation(error, "Books.Title"));
    }

    [Fact]
    public async Task A_duplicate_primary_key_through_ef_is_a_unique_violation_of_each_key_column()
    {
        var key = Guid.NewGuid();
        await app.WithDbAsync(db =>
        {
            db.ProcessedEvents.Add(new ProcessedEvent { EventId = key, Handler = "seam-test", ProcessedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(db =>
        {
            db.ProcessedEvents.Add(new ProcessedEvent { EventId = key, Handler = "seam-test", ProcessedAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        }));

        Assert.True(Errors.IsUniqueViolation(error));
        Assert.True(Errors.IsUniqueViolation(error, "ProcessedEvents.Handler"));
        Assert.False(Errors.IsUniqueViolation(error, "Books.Isbn"));
    }

    [Fact]
    public async Task A_check_constraint_is_not_a_unique_violation()
    {
        var id = await app.WithDbAsync(db => db.Books.Select(b => b.Id).FirstAsync());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Books SET AvailableCopies = TotalCopies + 1 WHERE Id = {id}")));

        Assert.Contains("CHECK", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(Errors.IsUniqueViolation(error));
    }
}
