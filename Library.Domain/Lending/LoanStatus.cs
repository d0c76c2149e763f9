namespace Library.Domain.Lending;

public enum LoanStatus
{
    Active = 0,
    Returned = 1,
}
