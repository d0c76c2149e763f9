using Library.Web.Features.Desk;
using Library.Web.Features.Kiosk;

namespace Library.Web.Components.Pages.Kiosk;

/// <summary>One patron's session at the station, kept in the circuit only (no cookie): who, what happened, for the screen and the receipt.</summary>
public sealed class KioskVisit(DeskPatron patron)
{
    public DeskPatron Patron { get; set; } = patron;
    public List<KioskReceiptLine> Borrowed { get; } = [];
    public List<KioskReceiptLine> Returned { get; } = [];

    /// <summary>Newest first.</summary>
    public List<KioskScanLine> Lines { get; } = [];

    public KioskReceipt ReceiptAt(DateTimeOffset now, string stationName) =>
        new(Patron.Email ?? string.Empty, Patron.DisplayName, stationName, now, Borrowed.ToList(), Returned.ToList());
}

public sealed record KioskScanLine(int Number, bool Ok, string Text);

internal enum KioskMode { Borrow, Return }
