using System.Globalization;
using System.Text;
using Library.Web.Infrastructure.Csv;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.History;

/// <summary>
/// The loan history as CSV for spreadsheets (decision 121): UTF-8 with a byte-order mark (Excel then reads Korean titles),
/// CRLF lines, headers in the caller's language, values in one stable form: library-local dates as yyyy-MM-dd, whole numbers
/// (fee in won, no symbol) so a spreadsheet can add them up.
/// </summary>
public sealed class LoanHistoryCsv(LoanHistoryQueries queries, LibraryDates dates, IStringLocalizer<LendingText> t)
{
    private static readonly string[] Columns =
        ["Title", "Quantity", "Lost", "Borrowed", "Due", "Returned", "DaysOverdue", "Fee", "LoanId"];

    public static string FileName(DateOnly today) => $"loan-history-{today:yyyy-MM-dd}.csv";

    public async Task WriteAsync(string patronId, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(string.Join(',', Columns.Select(c => CsvSheet.Field(t[$"History.Csv.{c}"]))));
        await foreach (var item in queries.AllAsync(patronId, cancellationToken))
        {
            await writer.WriteLineAsync(string.Join(',',
                CsvSheet.Field(item.Title),
                Number(item.Quantity),
                Number(item.QuantityLost),
                Day(item.BorrowedAt),
                Day(item.DueAt),
                Day(item.ReturnedAt),
                Number(item.DaysOverdue),
                Number(item.Fee),
                item.LoanId.ToString()));
        }

        await writer.FlushAsync(cancellationToken);
    }

    private string Day(DateTimeOffset instant) => dates.LocalDate(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
