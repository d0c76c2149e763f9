using Library.Domain.Lending;

namespace Library.Web.Features.Lending;

public sealed record LoanDto(
    Guid Id, int BookId, int Quantity, int QuantityReturned, DateTimeOffset BorrowedAt, DateTimeOffset DueAt, LoanStatus Status,
    int QuantityLost = 0, int Renewals = 0)
{
    public int QuantityOnLoan => Quantity - QuantityReturned - QuantityLost;

    public static LoanDto From(Loan loan) =>
        new(loan.Id, loan.BookId, loan.Quantity, loan.QuantityReturned, loan.BorrowedAt, loan.DueAt, loan.Status, loan.QuantityLost, loan.Renewals);
}

public sealed record ReturnResult(LoanDto Loan, Guid ReturnId, int DaysOverdue);

public sealed record CopyLoanResult(LoanDto Loan, string Barcode, int BookId, string Title);

/// <param name="HeldFor">The patron whose hold the copy now fills (it goes to the hold shelf), else null.</param>
public sealed record CopyReturnResult(
    LoanDto Loan, Guid ReturnId, int DaysOverdue, string PatronId, int BookId, string Title, string Barcode, string? HeldFor = null);
