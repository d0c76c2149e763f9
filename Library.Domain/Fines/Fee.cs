using Library.Domain.Common;
using Library.Domain.Fines.Events;
using Library.Domain.Fines.Rules;

namespace Library.Domain.Fines;

public sealed class Fee : AggregateRoot
{
    private Fee()
    {
    }

    public Guid Id { get; private set; }
    public string PatronId { get; private set; } = string.Empty;
    public Guid LoanId { get; private set; }
    public FeeKind Kind { get; private set; }
    /// <summary>The return (late fee) or loss (lost copy) this fee is for; unique, so each is charged at most once.</summary>
    public Guid ReturnId { get; private set; }
    public int BookId { get; private set; }
    public int DaysOverdue { get; private set; }
    public long Amount { get; private set; }
    public DateTimeOffset ChargedAt { get; private set; }
    public FeeStatus Status { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public string? WaiverReason { get; private set; }

    /// <returns>The fee, or null when the return was on time.</returns>
    public static Fee? ChargeForReturn(
        Guid returnId, Guid loanId, string patronId, int bookId, int daysOverdue, LateFeePolicy policy, DateTimeOffset now)
    {
        var amount = policy.FeeFor(daysOverdue);
        if (amount <= 0)
        {
            return null;
        }

        var fee = new Fee
        {
            Id = Ids.New(),
            PatronId = patronId,
            LoanId = loanId,
            ReturnId = returnId,
            BookId = bookId,
            DaysOverdue = daysOverdue,
            Amount = amount,
            ChargedAt = now,
            Status = FeeStatus.Outstanding,
        };
        fee.Raise(new LateFeeCharged(Ids.New(), now, fee.Id, patronId, loanId, returnId, bookId, daysOverdue, amount));
        return fee;
    }

    /// <returns>The fee, or null when the replacement costs nothing.</returns>
    public static Fee? ChargeForLostCopy(
        Guid lossId, Guid loanId, string patronId, int bookId, string barcode, long amount, DateTimeOffset now)
    {
        if (amount <= 0)
        {
            return null;
        }

        var fee = new Fee
        {
            Id = Ids.New(),
            Kind = FeeKind.LostCopy,
            PatronId = patronId,
            LoanId = loanId,
            ReturnId = lossId,
            BookId = bookId,
            Amount = amount,
            ChargedAt = now,
            Status = FeeStatus.Outstanding,
        };
        fee.Raise(new LostCopyFeeCharged(Ids.New(), now, fee.Id, patronId, loanId, lossId, bookId, barcode, amount));
        return fee;
    }

    public void RecordPayment(DateTimeOffset now)
    {
        CheckRule(new FeeMustBeOutstandingRule(Status));
        Status = FeeStatus.Paid;
        SettledAt = now;
        Raise(new LateFeeSettled(Ids.New(), now, Id, PatronId, Amount, Status, null));
    }

    public void Waive(string reason, DateTimeOffset now)
    {
        CheckRule(new FeeMustBeOutstandingRule(Status));
        CheckRule(new WaiverNeedsReasonRule(reason));
        Status = FeeStatus.Waived;
        SettledAt = now;
        WaiverReason = reason.Trim();
        Raise(new LateFeeSettled(Ids.New(), now, Id, PatronId, Amount, Status, WaiverReason));
    }
}
