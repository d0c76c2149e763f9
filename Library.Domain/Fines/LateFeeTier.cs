namespace Library.Domain.Fines;

/// <summary>From <see cref="MinDaysOverdue"/> days overdue on, a late return costs <see cref="Amount"/> won.</summary>
public sealed record LateFeeTier(int MinDaysOverdue, long Amount);
