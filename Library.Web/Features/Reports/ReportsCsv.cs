using System.Globalization;
using Library.Web.Infrastructure.Csv;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Reports;

/// <summary>Each report as a CSV sheet (decision 121's form): headers in the request's language, days yyyy-MM-dd, amounts in whole won.</summary>
internal sealed class ReportsCsv(ReportQueries queries, IStringLocalizer<ReportsText> text)
{
    public async Task WriteAsync(string name, ReportPeriod period, Stream output, CancellationToken ct)
    {
        await using var sheet = CsvSheet.Open(output);
        switch (name)
        {
            case ReportNames.LoansReturns:
                await sheet.WriteRowAsync(text["Day"], text["LoansReturns.Loans"], text["LoansReturns.Returns"]);
                foreach (var d in await queries.LoansAndReturnsAsync(period, ct))
                {
                    await sheet.WriteRowAsync(CsvSheet.Day(d.Day), CsvSheet.Number(d.Loans), CsvSheet.Number(d.Returns));
                }

                break;
            case ReportNames.BusiestHours:
                await sheet.WriteRowAsync(text["Weekday"], text["Hour"], text["Busiest.Loans"]);
                foreach (var h in await queries.BusiestHoursAsync(period, ct))
                {
                    await sheet.WriteRowAsync(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(h.Day), CsvSheet.Number(h.Hour), CsvSheet.Number(h.Loans));
                }

                break;
            case ReportNames.TopTitles:
                await sheet.WriteRowAsync(text["Rank"], text["Book"], text["Author"], text["Top.Loans"]);
                foreach (var t in await queries.TopTitlesAsync(period, ct))
                {
                    await sheet.WriteRowAsync(CsvSheet.Number(t.Rank), t.Title, t.Author, CsvSheet.Number(t.Loans));
                }

                break;
            case ReportNames.Overdue:
                await sheet.WriteRowAsync(text["Day"], text["Overdue.Count"]);
                foreach (var d in await queries.OverdueAsync(period, ct))
                {
                    await sheet.WriteRowAsync(CsvSheet.Day(d.Day), CsvSheet.Number(d.Overdue));
                }

                break;
            case ReportNames.Fees:
                await sheet.WriteRowAsync(text["Month"], text["Fees.Charged"], text["Fees.Paid"], text["Fees.Waived"]);
                foreach (var m in await queries.FeesAsync(period, ct))
                {
                    await sheet.WriteRowAsync($"{m.Year:D4}-{m.Month:D2}", CsvSheet.Number(m.Charged), CsvSheet.Number(m.Paid), CsvSheet.Number(m.Waived));
                }

                break;
            case ReportNames.NeverBorrowed:
                await sheet.WriteRowAsync(text["Isbn"], text["Book"], text["Author"], text["Year"]);
                await foreach (var b in queries.AllNeverBorrowedAsync(ct))
                {
                    await sheet.WriteRowAsync(b.Isbn, b.Title, b.Author, b.Year is { } y ? CsvSheet.Number(y) : null);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown report.");
        }
    }
}
