using Library.Domain.Common;
using Library.Domain.Common.Rules;
using Library.Domain.Lending.Events;
using Library.Domain.Lending.Rules;

namespace Library.Domain.Lending;

public sealed class Loan : AggregateRoot
{
    private readonly List<LoanReturn> _returns = [];

    private Loan()
    {
    }

    public Guid Id { get; private set; }
    public string PatronId { get; private set; } = string.Empty;
    public int BookId { get; private set; }
    public int Quantity { get; private set; }
    public int QuantityReturned { get; private set; }
    public DateTimeOffset BorrowedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public LoanStatus Status { get; private set; }
    public DateTimeOffset? OverdueFlaggedAt { get; private set; }
    public IReadOnlyCollection<LoanReturn> Returns => _returns.AsReadOnly();

    public int QuantityOnLoan => Quantity - QuantityReturned;

    /// <summary>Past the end of its due day (due dates are the last instant of a library day, see <see cref="LibraryCalendar"/>).</summary>
    public bool IsOverdueAt(DateTimeOffset now) => Status == LoanStatus.Active && now > DueAt;

    /// <param name="copiesOnLoanByPatron">Copies of any title the patron has out right now.</param>
    public static Loan Borrow(
        string patronId, int bookId, int quantity, int copiesOnLoanByPatron, LendingPolicy policy, DateTimeOffset now)
    {
        CheckRule(new QuantityMustBePositiveRule(quantity));
        CheckRule(new PatronLoanLimitRule(copiesOnLoanByPatron, quantity, policy.MaxCopiesOnLoan));

        var loan = new Loan
        {
            Id = Ids.New(),
            PatronId = patronId,
            BookId = bookId,
            Quantity = quantity,
            BorrowedAt = now,
            DueAt = policy.DueAtFor(now),
            Status = LoanStatus.Active,
        };
        loan.Raise(new BookBorrowed(Ids.New(), now, loan.Id, patronId, bookId, quantity, loan.DueAt));
        return loan;
    }

    public LoanReturn Return(int quantity, DateTimeOffset now, LibraryCalendar calendar)
    {
        CheckRule(new QuantityMustBePositiveRule(quantity));
        CheckRule(new CannotReturnMoreThanOnLoanRule(QuantityOnLoan, quantity));

        var daysOverdue = OverdueDays.Between(DueAt, now, calendar);
        var loanReturn = new LoanReturn(Ids.New(), Id, quantity, now, daysOverdue);
        _returns.Add(loanReturn);
        QuantityReturned += quantity;
        if (QuantityOnLoan == 0)
        {
            Status = LoanStatus.Returned;
        }

        Raise(new BookReturned(
            Ids.New(), now, loanReturn.Id, Id, PatronId, BookId, quantity, daysOverdue,
            LoanClosed: Status == LoanStatus.Returned,
            LoanWasFlaggedOverdue: OverdueFlaggedAt is not null));
        return loanReturn;
    }

    /// <returns>True when this call flagged the loan; false when it is not overdue or was flagged before.</returns>
    public bool FlagOverdue(DateTimeOffset now)
    {
        if (OverdueFlaggedAt is not null || !IsOverdueAt(now))
        {
            return false;
        }

        OverdueFlaggedAt = now;
        Raise(new BookExpired(Ids.New(), now, Id, PatronId, BookId, QuantityOnLoan, DueAt));
        return true;
    }

    public void ChangeDueDate(DateTimeOffset dueAt, DateTimeOffset now)
    {
        CheckRule(new LoanMustBeActiveRule(Status));
        CheckRule(new DueDateCannotBeBeforeBorrowDateRule(BorrowedAt, dueAt));
        var previous = DueAt;
        DueAt = dueAt;
        var cleared = OverdueFlaggedAt is not null && !IsOverdueAt(now);
        if (cleared)
        {
            OverdueFlaggedAt = null;
        }

        Raise(new LoanDueDateChanged(Ids.New(), now, Id, PatronId, previous, dueAt, cleared));

        // A date moved into the past makes the loan overdue now, not at the next sweep.
        FlagOverdue(now);
    }
}
