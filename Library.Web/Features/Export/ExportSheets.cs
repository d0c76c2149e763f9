using System.Globalization;
using Library.Domain.Fines;
using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Admin.Fees;
using Library.Web.Features.Admin.Loans;
using Library.Web.Infrastructure.Csv;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Features.Export;

/// <summary>Loans, fees and audit entries as CSV: headers and status names in the librarian's language, values in one stable form.</summary>
internal sealed class ExportSheets(
    LibraryDates dates, IStringLocalizer<ExportText> t, IStringLocalizer<AdminText> admin, IStringLocalizer<CopiesText> copies)
{
    public async Task LoansAsync(IAsyncEnumerable<AdminLoanRow> loans, Stream output)
    {
        await using var sheet = CsvSheet.Open(output);
        await sheet.WriteRowAsync(Header("Patron", "Email", "Title", "OnLoan", "Borrowed", "Due", "DaysOverdue", "Renewals", "LoanId"));
        await foreach (var loan in loans)
        {
            await sheet.WriteRowAsync(
                loan.PatronName, loan.PatronEmail, loan.BookTitle, CsvSheet.Number(loan.QuantityOnLoan), Day(loan.BorrowedAt), Day(loan.DueAt),
                CsvSheet.Number(loan.DaysOverdue), CsvSheet.Number(loan.Renewals), loan.Id.ToString());
        }
    }

    public async Task FeesAsync(IAsyncEnumerable<FeeRow> fees, Stream output)
    {
        await using var sheet = CsvSheet.Open(output);
        await sheet.WriteRowAsync(Header(
            "Patron", "Email", "Title", "Kind", "DaysOverdue", "Amount", "Charged", "Status", "Settled", "WaiverReason", "FeeId"));
        await foreach (var fee in fees)
        {
            await sheet.WriteRowAsync(
                fee.PatronName, fee.PatronEmail, fee.BookTitle, copies[$"FeeKind.{fee.Kind}"],
                fee.Kind == FeeKind.LateReturn ? CsvSheet.Number(fee.DaysOverdue) : null, CsvSheet.Number(fee.Amount), Day(fee.ChargedAt),
                admin[$"Fees.Status.{fee.Status}"], fee.SettledAt is { } settled ? Day(settled) : null, fee.WaiverReason, fee.Id.ToString());
        }
    }

    public async Task AuditAsync(IAsyncEnumerable<AuditEntryDto> entries, Stream output)
    {
        await using var sheet = CsvSheet.Open(output);
        await sheet.WriteRowAsync(
            t["Export.Audit.At", dates.ZoneName], t["Export.Audit.Librarian"], t["Export.Audit.Action"], t["Export.Audit.EntityType"],
            t["Export.Audit.EntityId"], t["Export.Audit.Summary"], t["Export.Audit.Before"], t["Export.Audit.After"]);
        await foreach (var entry in entries)
        {
            await sheet.WriteRowAsync(
                dates.ToLocal(entry.At).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), entry.ActorEmail,
                admin[$"Audit.Action.{entry.Action}"], admin[$"Audit.Entity.{entry.EntityType}"], entry.EntityId, entry.Summary,
                entry.Before, entry.After);
        }
    }

    private string?[] Header(params string[] columns) => [.. columns.Select(c => (string?)t[$"Export.Column.{c}"].Value)];

    private string Day(DateTimeOffset instant) => CsvSheet.Day(dates.LocalDate(instant));
}
