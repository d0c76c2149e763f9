namespace Library.Web.Features.Api;

public sealed record BorrowRequest(int BookId, int Quantity);

public sealed record ReturnRequest(int Quantity);

public sealed record ReturnResponse(Lending.LoanDto Loan, int DaysOverdue, long LateFeeCharged);
