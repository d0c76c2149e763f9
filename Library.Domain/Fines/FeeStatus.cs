namespace Library.Domain.Fines;

public enum FeeStatus
{
    Outstanding = 0,
    Paid = 1,
    Waived = 2,
}
