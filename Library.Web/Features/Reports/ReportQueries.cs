using Library.Domain.Fines;
using Library.Domain.Lending;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Reports;

/// <summary>
/// The librarian's reports, each one or two grouped queries on Loans, LoanReturns, Fees and Books (indexes: decision 191).
/// Counting happens in SQL; only per-hour rows (at most 24 × 366 per series) and the top ten come back.
/// </summary>
internal sealed class ReportQueries(IDbContextFactory<LibraryDbContext> dbFactory, IReportSql sql, LibraryCalendar calendar)
{
    public const int NeverBorrowedMaxPageSize = 100;

    public async Task<IReadOnlyList<DayActivity>> LoansAndReturnsAsync(ReportPeriod period, CancellationToken ct)
    {
        var buckets = BucketsFor(period);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loans = ByDay(buckets, await CountAsync(db, buckets, "Loans", "BorrowedAt", period, ct));
        var returns = ByDay(buckets, await CountAsync(db, buckets, "LoanReturns", "ReturnedAt", period, ct));
        return period.EachDay().Select(d => new DayActivity(d, loans.GetValueOrDefault(d), returns.GetValueOrDefault(d))).ToList();
    }

    /// <summary>All 168 hours of the week, Monday first, each with the loans started in it during the period.</summary>
    public async Task<IReadOnlyList<HourOfWeek>> BusiestHoursAsync(ReportPeriod period, CancellationToken ct)
    {
        var buckets = BucketsFor(period);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = new Dictionary<(DayOfWeek, int), int>();
        foreach (var row in await CountAsync(db, buckets, "Loans", "BorrowedAt", period, ct))
        {
            var local = buckets.LocalStart(row.Bucket);
            counts[(local.DayOfWeek, local.Hour)] = counts.GetValueOrDefault((local.DayOfWeek, local.Hour)) + (int)row.Value;
        }

        return WeekDays.SelectMany(day => Enumerable.Range(0, 24).Select(hour => new HourOfWeek(day, hour, counts.GetValueOrDefault((day, hour)))))
            .ToList();
    }

    public static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The ten titles with the most loans started in the period; ties by title id.</summary>
    public async Task<IReadOnlyList<TopTitle>> TopTitlesAsync(ReportPeriod period, CancellationToken ct)
    {
        var (start, end) = (period.Start(calendar), period.End(calendar));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var top = await db.Loans.Where(l => l.BorrowedAt >= start && l.BorrowedAt < end)
            .GroupBy(l => l.BookId)
            .Select(g => new { BookId = g.Key, Loans = g.Count() })
            .OrderByDescending(x => x.Loans).ThenBy(x => x.BookId)
            .Take(10)
            .ToListAsync(ct);
        var ids = top.Select(t => t.BookId).ToList();
        var books = await db.Books.Where(b => ids.Contains(b.Id)).Select(b => new { b.Id, b.Title, b.Author }).ToDictionaryAsync(b => b.Id, ct);
        return top.Select((t, i) => new TopTitle(i + 1, t.BookId, books[t.BookId].Title, books[t.BookId].Author, t.Loans)).ToList();
    }

    /// <summary>
    /// Loans overdue at the end of each day: the count on the day before the period, then per day the loans that became
    /// overdue (due the day before, not returned on time) minus those closed after their due date.
    /// </summary>
    public async Task<IReadOnlyList<OverdueDay>> OverdueAsync(ReportPeriod period, CancellationToken ct)
    {
        var buckets = BucketsFor(period);
        var dayBefore = calendar.StartOf(period.From.AddDays(-1));
        var (start, end, lastDue) = (period.Start(calendar), period.End(calendar), calendar.StartOf(period.To));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stillOut = await db.Loans.CountAsync(l => l.Status == LoanStatus.Active && l.DueAt < dayBefore, ct);
        // Closed after the period began (few, by the ClosedAt index), not "due before" (nearly every loan in a long history).
        var closedLater = (await RowsAsync(db, ct, $$"""
            SELECT 0 AS "Bucket", 0 AS "Kind", COUNT(*) AS "Value" FROM "Loans" WHERE "ClosedAt" >= {0} AND {{sql.Unindexed("\"DueAt\"")}} < {1}
            """, sql.Instant(start), sql.Instant(dayBefore))).Sum(r => (int)r.Value);

        var entered = await RowsAsync(db, ct, $$"""
            SELECT {{sql.Bucket("\"DueAt\"", buckets.Seconds)}} AS "Bucket", 0 AS "Kind", COUNT(*) AS "Value" FROM "Loans"
            WHERE "DueAt" >= {0} AND "DueAt" < {1} AND ("ClosedAt" IS NULL OR "ClosedAt" > "DueAt") GROUP BY 1
            """, sql.Instant(dayBefore), sql.Instant(lastDue));
        var left = await RowsAsync(db, ct, $$"""
            SELECT {{sql.Bucket("\"ClosedAt\"", buckets.Seconds)}} AS "Bucket", 0 AS "Kind", COUNT(*) AS "Value" FROM "Loans"
            WHERE "ClosedAt" >= {0} AND "ClosedAt" < {1} AND "ClosedAt" > "DueAt" GROUP BY 1
            """, sql.Instant(start), sql.Instant(end));

        // A loan due on day d is overdue from day d + 1.
        var enteredByDay = ByDay(buckets, entered).ToDictionary(e => e.Key.AddDays(1), e => e.Value);
        var leftByDay = ByDay(buckets, left);
        var running = stillOut + closedLater;
        var days = new List<OverdueDay>(period.Days);
        foreach (var day in period.EachDay())
        {
            running += enteredByDay.GetValueOrDefault(day) - leftByDay.GetValueOrDefault(day);
            days.Add(new OverdueDay(day, running));
        }

        return days;
    }

    /// <summary>Every library-local month the period touches; amounts within the period only.</summary>
    public async Task<IReadOnlyList<FeeMonth>> FeesAsync(ReportPeriod period, CancellationToken ct)
    {
        var buckets = BucketsFor(period);
        var (start, end) = (sql.Instant(period.Start(calendar)), sql.Instant(period.End(calendar)));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var charged = await RowsAsync(db, ct, $$"""
            SELECT {{sql.Bucket("\"ChargedAt\"", buckets.Seconds)}} AS "Bucket", 0 AS "Kind", CAST(SUM("Amount") AS bigint) AS "Value" FROM "Fees"
            WHERE "ChargedAt" >= {0} AND "ChargedAt" < {1} GROUP BY 1
            """, start, end);
        var settled = await RowsAsync(db, ct, $$"""
            SELECT {{sql.Bucket("\"SettledAt\"", buckets.Seconds)}} AS "Bucket", "Status" AS "Kind", CAST(SUM("Amount") AS bigint) AS "Value" FROM "Fees"
            WHERE "SettledAt" >= {0} AND "SettledAt" < {1} AND "Status" IN ({{(int)FeeStatus.Paid}}, {{(int)FeeStatus.Waived}}) GROUP BY 1, 2
            """, start, end);

        var months = new SortedDictionary<(int Year, int Month), long[]>();
        for (var m = new DateOnly(period.From.Year, period.From.Month, 1); m <= period.To; m = m.AddMonths(1))
        {
            months[(m.Year, m.Month)] = new long[3];
        }

        void Add(IEnumerable<BucketRow> rows, Func<BucketRow, int> column)
        {
            foreach (var row in rows)
            {
                var local = buckets.LocalStart(row.Bucket);
                if (months.TryGetValue((local.Year, local.Month), out var sums))
                {
                    sums[column(row)] += row.Value;
                }
            }
        }

        Add(charged, _ => 0);
        Add(settled, r => r.Kind == (int)FeeStatus.Paid ? 1 : 2);
        return months.Select(m => new FeeMonth(m.Key.Year, m.Key.Month, m.Value[0], m.Value[1], m.Value[2])).ToList();
    }

    /// <summary>Titles on the shelf (not archived) without any loan ever, by title.</summary>
    public async Task<NeverBorrowedPage> NeverBorrowedAsync(int page, int pageSize, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = NeverBorrowed(db);
        var total = await query.CountAsync(ct);
        var items = await Titles(query.OrderBy(b => b.Title).ThenBy(b => b.Id).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new NeverBorrowedPage(total, page, pageSize, items);
    }

    public async IAsyncEnumerable<NeverBorrowedTitle> AllNeverBorrowedAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var title in Titles(NeverBorrowed(db).OrderBy(b => b.Title).ThenBy(b => b.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return title;
        }
    }

    private static IQueryable<Library.Domain.Catalog.Book> NeverBorrowed(LibraryDbContext db) =>
        db.Books.Where(b => !b.IsArchived && !db.Loans.Any(l => l.BookId == b.Id));

    private static IQueryable<NeverBorrowedTitle> Titles(IQueryable<Library.Domain.Catalog.Book> books) =>
        books.Select(b => new NeverBorrowedTitle(b.Id, b.Title, b.Author, b.Isbn, b.Year));

    private ReportBuckets BucketsFor(ReportPeriod period) =>
        ReportBuckets.For(calendar.Zone, period.Start(calendar).AddDays(-1), period.End(calendar));

    private Task<List<BucketRow>> CountAsync(LibraryDbContext db, ReportBuckets buckets, string table, string column, ReportPeriod period, CancellationToken ct) =>
        RowsAsync(db, ct, $$"""
            SELECT {{sql.Bucket($"\"{column}\"", buckets.Seconds)}} AS "Bucket", 0 AS "Kind", COUNT(*) AS "Value" FROM "{{table}}"
            WHERE "{{column}}" >= {0} AND "{{column}}" < {1} GROUP BY 1
            """, sql.Instant(period.Start(calendar)), sql.Instant(period.End(calendar)));

    /// <summary>Runs report SQL built here from constants and the store seam (no user text); values are bound parameters.</summary>
    private static Task<List<BucketRow>> RowsAsync(LibraryDbContext db, CancellationToken ct, string sqlText, params object[] values) =>
        db.Database.SqlQueryRaw<BucketRow>(sqlText, values).ToListAsync(ct);

    private static Dictionary<DateOnly, int> ByDay(ReportBuckets buckets, IEnumerable<BucketRow> rows)
    {
        var days = new Dictionary<DateOnly, int>();
        foreach (var row in rows)
        {
            var day = DateOnly.FromDateTime(buckets.LocalStart(row.Bucket));
            days[day] = days.GetValueOrDefault(day) + (int)row.Value;
        }

        return days;
    }
}
