using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace Library.Bench;

/// <summary>
/// While the reference load runs, one more patron borrows and returns a title every 100 ms and polls its own dashboard row
/// in the database until the handler's effect is there (BooksOnLoan 1 after the borrow, 0 after the return). The time from
/// the HTTP response (the commit happened just before it) to the row being visible is the event delivery latency.
/// </summary>
internal sealed class EventDeliveryProbe(Patron patron, Database db, IReadOnlyList<int> books)
{
    private readonly List<double> _samples = [];
    private int _missed;

    public int Missed => _missed;

    public IReadOnlyList<double> Sorted()
    {
        var copy = _samples.ToList();
        copy.Sort();
        return copy;
    }

    public async Task RunAsync(long stopAt)
    {
        var random = new Random(4242);
        var email = patron.Email.Replace("'", "''");
        var onLoanSql = $"""SELECT COALESCE((SELECT d."BooksOnLoan" FROM "PatronDashboards" d JOIN "AspNetUsers" u ON u."Id" = d."PatronId" WHERE u."Email" = '{email}'), 0)""";
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            await Task.Delay(100);
            var borrowed = await patron.Http.PostAsJsonAsync("/api/loans", new { bookId = books[random.Next(books.Count)], quantity = 1 });
            if (borrowed.StatusCode != HttpStatusCode.Created)
            {
                continue;
            }

            await MeasureAsync(onLoanSql, expected: 1);
            var loanId = Patron.LoanId(await borrowed.Content.ReadAsStringAsync());
            var returned = await patron.Http.PostAsJsonAsync($"/api/loans/{loanId}/return", new { quantity = 1 });
            if (returned.StatusCode == HttpStatusCode.OK)
            {
                await MeasureAsync(onLoanSql, expected: 0);
            }
        }
    }

    private async Task MeasureAsync(string sql, long expected)
    {
        var answered = Stopwatch.GetTimestamp();
        var deadline = answered + 5 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (db.Scalar(sql) == expected)
            {
                _samples.Add(Stopwatch.GetElapsedTime(answered).TotalMilliseconds);
                return;
            }

            await Task.Delay(1);
        }

        _missed++;
    }
}
