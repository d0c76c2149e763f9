namespace Library.Web.Features.Api;

/// <summary>Borrow by book id, or by ISBN (which works while the catalogue search is unavailable).</summary>
public sealed record BorrowRequest(int? BookId, string? Isbn, int Quantity);

public sealed record ReturnRequest(int Quantity);

/// <summary>The patron's auto-renewal switch; <c>LibraryAutoRenews</c> says whether it matters (Lending:AutoRenew).</summary>
public sealed record AutoRenewSetting(bool On, bool LibraryAutoRenews = false);

public sealed record ReturnResponse(Lending.LoanDto Loan, int DaysOverdue, long LateFeeCharged);
