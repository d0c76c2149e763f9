using Library.Web.Infrastructure.Persistence;
using Library.Web.Infrastructure.Persistence.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Library.Tests.Persistence;

/// <summary>
/// What PostgreSQL answers when a write hits a unique index, built the way Npgsql builds it (no server needed): the
/// admin's "ISBN already used" and the fee job's "already charged" must be recognised, and nothing else mistaken for them.
/// </summary>
public sealed class PostgreSqlDbErrorsTests
{
    private readonly IDbErrors _errors = new PostgreSqlDbErrors();

    [Fact]
    public void A_duplicate_isbn_is_a_unique_violation_of_books_isbn_and_of_nothing_else()
    {
        var error = Wrapped(UniqueViolation("Books", "IX_Books_Isbn", """Key ("Isbn")=(9780000000001) already exists."""));

        Assert.True(_errors.IsUniqueViolation(error));
        Assert.True(_errors.IsUniqueViolation(error, "Books.Isbn"));
        Assert.False(_errors.IsUniqueViolation(error, "Books.Title"));
        Assert.False(_errors.IsUniqueViolation(error, "Fees.Isbn"));
    }

    [Fact]
    public void A_second_fee_for_a_return_is_recognised_by_its_index_name()
    {
        var error = Wrapped(UniqueViolation("Fees", "IX_Fees_ReturnId", detail: null));

        Assert.True(_errors.IsUniqueViolation(error, "Fees.ReturnId"));
        Assert.False(_errors.IsUniqueViolation(error, "Books.Isbn"));
    }

    [Fact]
    public void A_primary_key_or_a_renamed_index_is_recognised_by_the_key_in_the_detail()
    {
        var primaryKey = Wrapped(UniqueViolation("ProcessedEvents", "PK_ProcessedEvents",
            """Key ("EventId", "Handler")=(0d1f…, dashboard.projection) already exists."""));
        var renamed = Wrapped(UniqueViolation("Books", "books_isbn_unique", """Key ("Isbn")=(9780000000001) already exists."""));

        Assert.True(_errors.IsUniqueViolation(primaryKey));
        Assert.True(_errors.IsUniqueViolation(primaryKey, "ProcessedEvents.Handler"));
        Assert.False(_errors.IsUniqueViolation(primaryKey, "ProcessedEvents.ProcessedAt"));
        Assert.True(_errors.IsUniqueViolation(renamed, "Books.Isbn"));
    }

    [Theory]
    [InlineData(PostgresErrorCodes.CheckViolation, "CK_Books_Copies")]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation, "FK_Loans_Books_BookId")]
    [InlineData(PostgresErrorCodes.SerializationFailure, null)]
    public void Other_constraint_and_concurrency_errors_are_not_unique_violations(string sqlState, string? constraint)
    {
        var error = Wrapped(new PostgresException("refused", "ERROR", "ERROR", sqlState, tableName: "Books", constraintName: constraint));

        Assert.False(_errors.IsUniqueViolation(error));
        Assert.False(_errors.IsUniqueViolation(error, "Books.Isbn"));
    }

    [Fact]
    public void An_error_from_another_provider_is_not_a_postgresql_unique_violation() =>
        Assert.False(_errors.IsUniqueViolation(new DbUpdateException("failed", new InvalidOperationException("UNIQUE constraint failed: Books.Isbn"))));

    private static PostgresException UniqueViolation(string table, string constraint, string? detail) =>
        new("duplicate key value violates unique constraint \"" + constraint + "\"", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation,
            detail: detail, schemaName: "public", tableName: table, constraintName: constraint);

    private static DbUpdateException Wrapped(PostgresException error) =>
        new("An error occurred while saving the entity changes. See the inner exception for details.", error);
}
