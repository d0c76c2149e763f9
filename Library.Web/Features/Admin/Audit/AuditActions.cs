namespace Library.Web.Features.Admin.Audit;

/// <summary>Stable names of audited admin changes ("{EntityType}.{What}"); the UI localizes them as "Audit.Action.{name}".</summary>
public static class AuditActions
{
    public const string BookCreated = "Book.Created";
    public const string BookUpdated = "Book.Updated";
    public const string BookDeleted = "Book.Deleted";
    public const string BookArchived = "Book.Archived";
    public const string BookRestored = "Book.Restored";
    public const string BookCoverChanged = "Book.CoverChanged";
    public const string BookCoverRemoved = "Book.CoverRemoved";
    public const string CopiesAdded = "Copy.Added";
    public const string CopyChanged = "Copy.Changed";
    public const string CopyDeclaredLost = "Copy.DeclaredLost";
    public const string LoanCheckedIn = "Loan.CheckedIn";
    public const string LoanDueDateChanged = "Loan.DueDateChanged";
    public const string LoanRenewed = "Loan.Renewed";
    public const string FeePaymentRecorded = "Fee.PaymentRecorded";
    public const string FeeWaived = "Fee.Waived";
    public const string PatronBlocked = "Patron.Blocked";
    public const string PatronUnblocked = "Patron.Unblocked";
    public const string PatronAccountDeleted = "Patron.AccountDeleted";
    public const string LibrarianInvited = "Librarian.Invited";
    public const string LibrarianPromoted = "Librarian.Promoted";
    public const string LibrarianDemoted = "Librarian.Demoted";
    public const string CardReplaced = "Patron.CardReplaced";
    public const string KioskAuthorized = "Kiosk.Authorized";
    public const string KioskRevoked = "Kiosk.Revoked";
    public const string HoldCancelled = "Hold.Cancelled";
    public const string CalendarWeekdaysChanged = "Calendar.WeekdaysChanged";
    public const string CalendarDateClosed = "Calendar.DateClosed";
    public const string CalendarDateChanged = "Calendar.DateChanged";
    public const string CalendarDateReopened = "Calendar.DateReopened";
    public const string BooksImported = "Book.Imported";

    public static readonly string[] All =
    [
        BookCreated, BookUpdated, BookDeleted, BookArchived, BookRestored, BookCoverChanged, BookCoverRemoved, LoanCheckedIn, LoanDueDateChanged, LoanRenewed,
        FeePaymentRecorded, FeeWaived, PatronBlocked, PatronUnblocked, PatronAccountDeleted, LibrarianInvited, LibrarianPromoted,
        LibrarianDemoted, CopiesAdded, CopyChanged, CopyDeclaredLost, CardReplaced, KioskAuthorized, KioskRevoked,
        CalendarWeekdaysChanged, CalendarDateClosed, CalendarDateChanged, CalendarDateReopened, HoldCancelled, BooksImported,
    ];

    public static readonly string[] EntityTypes = ["Book", "Copy", "Loan", "Fee", "Patron", "Librarian", "Kiosk", "Calendar", "Hold"];
}
