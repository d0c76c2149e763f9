using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

/// <summary>Compared as UTC calendar days (like days overdue): the borrow day itself is an allowed due date.</summary>
public sealed class DueDateCannotBeBeforeBorrowDateRule(DateTimeOffset borrowedAt, DateTimeOffset dueAt) : IBusinessRule
{
    private DateOnly BorrowDay => DateOnly.FromDateTime(borrowedAt.UtcDateTime);

    public bool IsBroken() => DateOnly.FromDateTime(dueAt.UtcDateTime) < BorrowDay;
    public string Code => "DueDateCannotBeBeforeBorrowDate";
    public string Message => $"The due date cannot be before the day the loan was borrowed ({BorrowDay:yyyy-MM-dd}).";
    public object[] Arguments => [BorrowDay];
}
