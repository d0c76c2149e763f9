namespace Library.Domain.Lending;

/// <summary>One check-in of some or all copies of a loan. Its id is the key that makes a late fee unique per return.</summary>
public sealed class LoanReturn
{
    private LoanReturn()
    {
    }

    internal LoanReturn(Guid id, Guid loanId, int quantity, DateTimeOffset returnedAt, int daysOverdue)
    {
        Id = id;
        LoanId = loanId;
        Quantity = quantity;
        ReturnedAt = returnedAt;
        DaysOverdue = daysOverdue;
    }

    public Guid Id { get; private set; }
    public Guid LoanId { get; private set; }
    public int Quantity { get; private set; }
    public DateTimeOffset ReturnedAt { get; private set; }
    public int DaysOverdue { get; private set; }
}
