using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Library.Bench;

/// <summary>
/// Adds a lending history straight into Loans, LoanReturns and Fees (bulk SQL: one prepared INSERT in one transaction on
/// SQLite, binary COPY on PostgreSQL; not through the API). Loans are spread over the two years before now with a daytime
/// peak, titles are picked with a long tail (some are never borrowed), 97 % are returned after 1-20 days and returns after
/// the due date carry a fee (paid, waived or outstanding).
/// </summary>
internal static class LoanGenerator
{
    public sealed record Counts(int Loans, int Returns, int Fees);

    private sealed record Row(Guid Id, string PatronId, int BookId, DateTimeOffset BorrowedAt, DateTimeOffset DueAt, DateTimeOffset? ReturnedAt,
        Guid ReturnId, long Fee, int FeeStatus, DateTimeOffset? SettledAt);

    public static Counts Fill(BenchStore store, string dataDirectory, int loans, DateTimeOffset now)
    {
        using var connection = store.Open(dataDirectory);
        var books = Ids<int>(connection, "SELECT \"Id\" FROM \"Books\" ORDER BY \"Id\"");
        var patrons = Ids<string>(connection, "SELECT \"Id\" FROM \"AspNetUsers\" ORDER BY \"Id\"");
        var rows = Generate(loans, books, patrons, now).OrderBy(r => r.BorrowedAt).ToList();
        if (store.IsPostgreSql)
        {
            Copy((NpgsqlConnection)connection, rows);
        }
        else
        {
            Insert((SqliteConnection)connection, rows);
        }

        return new Counts(rows.Count, rows.Count(r => r.ReturnedAt is not null), rows.Count(r => r.Fee > 0));
    }

    private static IEnumerable<Row> Generate(int loans, List<int> books, List<string> patrons, DateTimeOffset now)
    {
        var random = new Random(17);
        var seoul = TimeSpan.FromHours(9);
        for (var i = 0; i < loans; i++)
        {
            // Long tail: the first titles are borrowed far more often than the last ones.
            var book = books[(int)(books.Count * Math.Pow(random.NextDouble(), 2.5))];
            var day = now.AddDays(-random.Next(730)).ToOffset(seoul).Date;
            var hour = 9 + (int)(11 * Math.Sqrt(random.NextDouble()) * (random.Next(2) == 0 ? random.NextDouble() : 1));
            var borrowedAt = new DateTimeOffset(day.AddHours(hour).AddMinutes(random.Next(60)), seoul).ToUniversalTime();
            if (borrowedAt > now)
            {
                borrowedAt = now.AddMinutes(-random.Next(1, 600));
            }

            var dueAt = new DateTimeOffset(borrowedAt.ToOffset(seoul).Date.AddDays(15), seoul).AddMilliseconds(-1).ToUniversalTime();
            DateTimeOffset? returnedAt = random.NextDouble() < 0.97 ? borrowedAt.AddHours(24 + random.Next(19 * 24)) : null;
            if (returnedAt > now)
            {
                returnedAt = null;
            }

            var daysLate = returnedAt is { } r && r > dueAt ? (int)Math.Ceiling((r - dueAt).TotalDays) : 0;
            var feeStatus = random.Next(10) switch { < 6 => 1, < 8 => 2, _ => 0 };
            DateTimeOffset? settledAt = daysLate > 0 && feeStatus != 0 ? returnedAt!.Value.AddHours(random.Next(1, 240)) : null;
            if (settledAt > now)
            {
                (settledAt, feeStatus) = (null, 0);
            }

            yield return new Row(Guid.NewGuid(), patrons[random.Next(patrons.Count)], book, borrowedAt, dueAt, returnedAt, Guid.NewGuid(),
                daysLate * 100L, feeStatus, settledAt);
        }
    }

    private static void Insert(SqliteConnection connection, List<Row> rows)
    {
        using (var pragma = connection.CreateCommand())
        {
            // A large page cache: the Guid keys and six Loans indexes are written in random order.
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-600000;";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var loan = Command(connection, transaction, """
            INSERT INTO "Loans" ("Id", "PatronId", "BookId", "Quantity", "QuantityReturned", "QuantityLost", "BorrowedAt", "DueAt", "Status", "ClosedAt", "Renewals")
            VALUES ($id, $patron, $book, 1, $returned, 0, $borrowed, $due, $status, $closed, 0)
            """, "$id", "$patron", "$book", "$returned", "$borrowed", "$due", "$status", "$closed");
        using var back = Command(connection, transaction, """
            INSERT INTO "LoanReturns" ("Id", "LoanId", "Quantity", "ReturnedAt", "DaysOverdue") VALUES ($id, $loan, 1, $at, $late)
            """, "$id", "$loan", "$at", "$late");
        using var fee = Command(connection, transaction, """
            INSERT INTO "Fees" ("Id", "PatronId", "LoanId", "Kind", "ReturnId", "BookId", "DaysOverdue", "Amount", "ChargedAt", "Status", "SettledAt")
            VALUES ($id, $patron, $loan, 0, $return, $book, $late, $amount, $charged, $status, $settled)
            """, "$id", "$patron", "$loan", "$return", "$book", "$late", "$amount", "$charged", "$status", "$settled");
        foreach (var r in rows)
        {
            Set(loan, Text(r.Id), r.PatronId, r.BookId, r.ReturnedAt is null ? 0 : 1, Encode(r.BorrowedAt), Encode(r.DueAt), r.ReturnedAt is null ? 0 : 1,
                r.ReturnedAt is { } c ? Encode(c) : DBNull.Value);
            if (r.ReturnedAt is { } at)
            {
                var late = (int)(r.Fee / 100);
                Set(back, Text(r.ReturnId), Text(r.Id), Encode(at), late);
                if (r.Fee > 0)
                {
                    Set(fee, Text(Guid.NewGuid()), r.PatronId, Text(r.Id), Text(r.ReturnId), r.BookId, late, r.Fee, Encode(at), r.FeeStatus,
                        r.SettledAt is { } s ? Encode(s) : DBNull.Value);
                }
            }
        }

        transaction.Commit();
    }

    private static void Copy(NpgsqlConnection connection, List<Row> rows)
    {
        using (var loans = connection.BeginBinaryImport(
                   "COPY \"Loans\" (\"Id\", \"PatronId\", \"BookId\", \"Quantity\", \"QuantityReturned\", \"QuantityLost\", \"BorrowedAt\", \"DueAt\", \"Status\", \"ClosedAt\", \"Renewals\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows)
            {
                loans.StartRow();
                loans.Write(r.Id, NpgsqlDbType.Uuid);
                loans.Write(r.PatronId, NpgsqlDbType.Text);
                loans.Write(r.BookId, NpgsqlDbType.Integer);
                loans.Write(1, NpgsqlDbType.Integer);
                loans.Write(r.ReturnedAt is null ? 0 : 1, NpgsqlDbType.Integer);
                loans.Write(0, NpgsqlDbType.Integer);
                loans.Write(r.BorrowedAt, NpgsqlDbType.TimestampTz);
                loans.Write(r.DueAt, NpgsqlDbType.TimestampTz);
                loans.Write(r.ReturnedAt is null ? 0 : 1, NpgsqlDbType.Integer);
                if (r.ReturnedAt is { } c)
                {
                    loans.Write(c, NpgsqlDbType.TimestampTz);
                }
                else
                {
                    loans.WriteNull();
                }

                loans.Write(0, NpgsqlDbType.Integer);
            }

            loans.Complete();
        }

        using (var returns = connection.BeginBinaryImport(
                   "COPY \"LoanReturns\" (\"Id\", \"LoanId\", \"Quantity\", \"ReturnedAt\", \"DaysOverdue\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var r in rows.Where(r => r.ReturnedAt is not null))
            {
                returns.WriteRow(r.ReturnId, r.Id, 1, r.ReturnedAt!.Value, (int)(r.Fee / 100));
            }

            returns.Complete();
        }

        using var fees = connection.BeginBinaryImport(
            "COPY \"Fees\" (\"Id\", \"PatronId\", \"LoanId\", \"Kind\", \"ReturnId\", \"BookId\", \"DaysOverdue\", \"Amount\", \"ChargedAt\", \"Status\", \"SettledAt\") FROM STDIN (FORMAT BINARY)");
        foreach (var r in rows.Where(r => r.Fee > 0))
        {
            fees.StartRow();
            fees.Write(Guid.NewGuid(), NpgsqlDbType.Uuid);
            fees.Write(r.PatronId, NpgsqlDbType.Text);
            fees.Write(r.Id, NpgsqlDbType.Uuid);
            fees.Write(0, NpgsqlDbType.Integer);
            fees.Write(r.ReturnId, NpgsqlDbType.Uuid);
            fees.Write(r.BookId, NpgsqlDbType.Integer);
            fees.Write((int)(r.Fee / 100), NpgsqlDbType.Integer);
            fees.Write(r.Fee, NpgsqlDbType.Bigint);
            fees.Write(r.ReturnedAt!.Value, NpgsqlDbType.TimestampTz);
            fees.Write(r.FeeStatus, NpgsqlDbType.Integer);
            if (r.SettledAt is { } s)
            {
                fees.Write(s, NpgsqlDbType.TimestampTz);
            }
            else
            {
                fees.WriteNull();
            }
        }

        fees.Complete();
    }

    /// <summary>EF Core's DateTimeOffsetToBinaryConverter for a UTC instant (how the app stores instants on SQLite).</summary>
    private static long Encode(DateTimeOffset instant) => (instant.UtcTicks / 1000) << 11;

    /// <summary>EF Core's SQLite form of a Guid.</summary>
    private static string Text(Guid id) => id.ToString().ToUpperInvariant();

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        command.ExecuteNonQuery();
    }

    private static List<T> Ids<T>(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var ids = new List<T>();
        while (reader.Read())
        {
            ids.Add(reader.GetFieldValue<T>(0));
        }

        return ids;
    }
}
