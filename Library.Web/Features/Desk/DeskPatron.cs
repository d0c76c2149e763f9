namespace Library.Web.Features.Desk;

/// <summary>What the desk shows the moment a card is scanned: may this patron borrow, and what do they have out and owe.</summary>
public sealed record DeskPatron(
    string Id,
    string DisplayName,
    string? Email,
    string? CardNumber,
    bool IsBlocked,
    string? BlockedReason,
    int CopiesOnLoan,
    int MaxCopiesOnLoan,
    int OverdueLoans,
    long FeesOwed);

public sealed record DeskCheckout(Guid LoanId, string PatronId, string Barcode, int BookId, string Title, DateTimeOffset DueAt);

/// <param name="HoldFor">The patron whose hold the copy now fills (put it on the hold shelf), once holds exist; else null.</param>
public sealed record DeskCheckin(
    Guid LoanId, string PatronId, string PatronName, int BookId, string Title, string Barcode, int DaysOverdue, long LateFeeCharged,
    string? HoldFor);
