namespace Library.Web.Features.Api;

/// <summary>Borrow by book id, or by ISBN (which works while the catalogue search is unavailable).</summary>
public sealed record BorrowRequest(int? BookId, string? Isbn, int Quantity);

public sealed record ReturnRequest(int Quantity);

public sealed record ReturnResponse(Lending.LoanDto Loan, int DaysOverdue, long LateFeeCharged);
