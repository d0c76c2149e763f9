using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

/// <summary>
/// A due date is the end of a library-local day, so comparing instants compares library days: the borrow day itself is an
/// allowed due date, the day before is not.
/// </summary>
public sealed class DueDateCannotBeBeforeBorrowDateRule(DateTimeOffset borrowedAt, DateTimeOffset dueAt) : IBusinessRule
{
    private DateOnly BorrowDay => DateOnly.FromDateTime(borrowedAt.UtcDateTime);

    public bool IsBroken() => dueAt < borrowedAt;
    public string Code => "DueDateCannotBeBeforeBorrowDate";
    public string Message => $"The due date cannot be before the day the loan was borrowed ({BorrowDay:yyyy-MM-dd}).";
    public object[] Arguments => [BorrowDay];
}
