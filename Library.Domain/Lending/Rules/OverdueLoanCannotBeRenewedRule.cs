using Library.Domain.Common;

namespace Library.Domain.Lending.Rules;

/// <summary>A loan overdue by more than the grace days cannot be renewed (grace 0: no overdue loan can).</summary>
public sealed class OverdueLoanCannotBeRenewedRule(int daysOverdue, int graceDays) : IBusinessRule
{
    public bool IsBroken() => daysOverdue > Math.Max(0, graceDays);
    public string Code => "OverdueLoanCannotBeRenewed";
    public string MessageKey => graceDays > 0 ? Code + ".Grace" : Code;
    public string Message => graceDays > 0
        ? $"This loan is {daysOverdue} days overdue; loans can be renewed up to {graceDays} days after their due date. Please return it."
        : $"This loan is {daysOverdue} days overdue and cannot be renewed. Please return it.";
    public object[] Arguments => [daysOverdue, graceDays];
}
