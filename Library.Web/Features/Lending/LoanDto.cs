using Library.Domain.Lending;

namespace Library.Web.Features.Lending;

public sealed record LoanDto(
    Guid Id, int BookId, int Quantity, int QuantityReturned, DateTimeOffset BorrowedAt, DateTimeOffset DueAt, LoanStatus Status)
{
    public int QuantityOnLoan => Quantity - QuantityReturned;

    public static LoanDto From(Loan loan) =>
        new(loan.Id, loan.BookId, loan.Quantity, loan.QuantityReturned, loan.BorrowedAt, loan.DueAt, loan.Status);
}

public sealed record ReturnResult(LoanDto Loan, Guid ReturnId, int DaysOverdue);
