namespace Library.Web.Features.Kiosk;

/// <summary>What one kiosk session did, for the e-mailed receipt.</summary>
public sealed record KioskReceipt(
    string PatronEmail, string PatronName, string StationName, DateTimeOffset FinishedAt,
    IReadOnlyList<KioskReceiptLine> Borrowed, IReadOnlyList<KioskReceiptLine> Returned)
{
    public bool IsEmpty => Borrowed.Count == 0 && Returned.Count == 0;
}

/// <param name="DueAt">For a borrowed copy; null for a returned one.</param>
/// <param name="LateFee">For a returned copy of the patron's own loan that came back late; else 0.</param>
public sealed record KioskReceiptLine(string Title, string Barcode, DateTimeOffset? DueAt, int DaysOverdue, long LateFee);
