using System.Data.Common;

namespace Library.Bench;

/// <summary>Direct, read-mostly checks on the app's database (the source of truth), SQLite or PostgreSQL.</summary>
internal sealed class Database(BenchStore store, string dataDirectory)
{
    private DbConnection Open() => store.Open(dataDirectory);

    public long Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L);
    }

    public int Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Books whose stock disagrees with the copies out on active loans or with their copy records, or is negative (an oversell).</summary>
    public long StockMismatches() => Scalar("""
        SELECT COUNT(*) FROM "Books" b
        WHERE b."AvailableCopies" < 0
           OR b."AvailableCopies" <> b."TotalCopies" - (SELECT COALESCE(SUM(l."Quantity" - l."QuantityReturned" - l."QuantityLost"), 0) FROM "Loans" l WHERE l."BookId" = b."Id" AND l."Status" = 0)
           OR b."AvailableCopies" <> (SELECT COUNT(*) FROM "Copies" c WHERE c."BookId" = b."Id" AND c."Status" = 0)
           OR b."TotalCopies" <> (SELECT COUNT(*) FROM "Copies" c WHERE c."BookId" = b."Id" AND c."Status" IN (0, 1, 2))
        """);

    /// <summary>Patrons whose dashboard row differs from a rebuild out of loans and fees.</summary>
    public long DashboardMismatches() => Scalar("""
        WITH expected AS (
            SELECT p."Id" AS "PatronId",
                   (SELECT COALESCE(SUM(l."Quantity" - l."QuantityReturned" - l."QuantityLost"), 0) FROM "Loans" l WHERE l."PatronId" = p."Id" AND l."Status" = 0) AS "OnLoan",
                   (SELECT COALESCE(SUM(f."Amount"), 0) FROM "Fees" f WHERE f."PatronId" = p."Id" AND f."Status" = 0) AS "Fees",
                   (SELECT COUNT(*) FROM "Loans" l WHERE l."PatronId" = p."Id" AND l."Status" = 0 AND l."OverdueFlaggedAt" IS NOT NULL) AS "Overdue"
            FROM "AspNetUsers" p)
        SELECT COUNT(*) FROM expected e LEFT JOIN "PatronDashboards" d ON d."PatronId" = e."PatronId"
        WHERE COALESCE(d."BooksOnLoan", 0) <> e."OnLoan" OR COALESCE(d."AccumulatedFees", 0) <> e."Fees" OR COALESCE(d."OverdueLoans", 0) <> e."Overdue"
        """);

    public long PendingOutbox() => Scalar("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"ProcessedAt\" IS NULL AND \"FailedAt\" IS NULL");

    public long FailedOutbox() => Scalar("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"FailedAt\" IS NOT NULL");

    public bool LoanExists(Guid id) => Scalar($"SELECT COUNT(*) FROM \"Loans\" WHERE {store.GuidEquals("\"Id\"", id)}") == 1;

    public long ReturnsOf(Guid loanId) => Scalar($"SELECT COUNT(*) FROM \"LoanReturns\" WHERE {store.GuidEquals("\"LoanId\"", loanId)}");

    public async Task WaitForOutboxAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (PendingOutbox() > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Outbox still has {PendingOutbox()} pending messages.");
            }

            await Task.Delay(100);
        }
    }
}
