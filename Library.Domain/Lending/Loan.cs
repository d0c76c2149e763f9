using Library.Domain.Common;
using Library.Domain.Common.Rules;
using Library.Domain.Lending.Events;
using Library.Domain.Lending.Rules;

namespace Library.Domain.Lending;

public sealed class Loan : AggregateRoot
{
    private readonly List<LoanReturn> _returns = [];
    private readonly List<LoanItem> _items = [];

    private Loan()
    {
    }

    public Guid Id { get; private set; }
    public string PatronId { get; private set; } = string.Empty;
    public int BookId { get; private set; }
    public int Quantity { get; private set; }
    public int QuantityReturned { get; private set; }
    /// <summary>Copies declared lost while on this loan: they closed without a return.</summary>
    public int QuantityLost { get; private set; }
    public DateTimeOffset BorrowedAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public LoanStatus Status { get; private set; }
    public DateTimeOffset? OverdueFlaggedAt { get; private set; }
    /// <summary>When the last copy came back or was declared lost (the loan's last return); null while active.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>Times this loan has been renewed (by the patron, a librarian or the auto-renewal job).</summary>
    public int Renewals { get; private set; }
    /// <summary>The due date the patron was last reminded of (a renewal moves the due date, and the new one gets its own reminder).</summary>
    public DateTimeOffset? RemindedDueAt { get; private set; }
    public IReadOnlyCollection<LoanReturn> Returns => _returns.AsReadOnly();
    /// <summary>The copies this loan holds or held (loans made before copies had barcodes have none).</summary>
    public IReadOnlyCollection<LoanItem> Items => _items.AsReadOnly();

    public int QuantityOnLoan => Quantity - QuantityReturned - QuantityLost;

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

    /// <summary>Records which copies went out; called once, right after <see cref="Borrow"/>, with as many copies as borrowed.</summary>
    public void RecordCopies(IReadOnlyList<LoanedCopy> copies)
    {
        if (_items.Count > 0 || copies.Count != Quantity)
        {
            throw new InvalidOperationException($"A loan of {Quantity} records {Quantity} copies, once.");
        }

        _items.AddRange(copies.Select(c => new LoanItem(Id, c.CopyId, c.Barcode)));
    }

    /// <summary>For a loan made before copies had barcodes: records the copies it still has out.</summary>
    public void RecordOutstandingCopies(IReadOnlyList<LoanedCopy> copies)
    {
        if (_items.Count > 0 || copies.Count > QuantityOnLoan)
        {
            throw new InvalidOperationException($"Loan {Id} records at most its {QuantityOnLoan} outstanding copies, once.");
        }

        _items.AddRange(copies.Select(c => new LoanItem(Id, c.CopyId, c.Barcode)));
    }

    /// <summary>Returns <paramref name="quantity"/> copies; the copies that come back are the loan's first ones still out.</summary>
    public LoanReturn Return(int quantity, DateTimeOffset now, LibraryCalendar calendar) =>
        Return(quantity, _items.Where(i => i.IsOut).OrderBy(i => i.CopyId).Take(quantity).ToList(), now, calendar);

    /// <summary>Returns the one copy scanned at the desk or kiosk.</summary>
    public LoanReturn ReturnCopy(int copyId, DateTimeOffset now, LibraryCalendar calendar)
    {
        var item = OutItem(copyId);
        return Return(1, [item], now, calendar);
    }

    /// <summary>The copy will not come back: the loan closes for it and the patron owes its replacement (no late fee).</summary>
    public void DeclareCopyLost(int copyId, long? replacementCost, DateTimeOffset now)
    {
        CheckRule(new LoanMustBeActiveRule(Status));
        var item = OutItem(copyId);
        item.MarkLost(now);
        QuantityLost++;
        CloseWhenNothingIsOut(now);
        Raise(new CopyLossRecorded(
            Ids.New(), now, Ids.New(), Id, PatronId, BookId, copyId, item.Barcode, replacementCost,
            LoanClosed: Status == LoanStatus.Returned, LoanWasFlaggedOverdue: OverdueFlaggedAt is not null));
    }

    /// <summary>The copies a return brought back.</summary>
    public IReadOnlyList<int> CopiesReturnedBy(Guid returnId) =>
        _items.Where(i => i.ReturnId == returnId).Select(i => i.CopyId).ToList();

    private LoanItem OutItem(int copyId) =>
        _items.SingleOrDefault(i => i.CopyId == copyId && i.IsOut)
        ?? throw new InvalidOperationException($"Copy {copyId} is not out on loan {Id}.");

    private void CloseWhenNothingIsOut(DateTimeOffset now)
    {
        if (QuantityOnLoan == 0)
        {
            Status = LoanStatus.Returned;
            ClosedAt = now;
        }
    }

    private LoanReturn Return(int quantity, IReadOnlyList<LoanItem> items, DateTimeOffset now, LibraryCalendar calendar)
    {
        CheckRule(new QuantityMustBePositiveRule(quantity));
        CheckRule(new CannotReturnMoreThanOnLoanRule(QuantityOnLoan, quantity));

        var daysOverdue = OverdueDays.Between(DueAt, now, calendar);
        var loanReturn = new LoanReturn(Ids.New(), Id, quantity, now, daysOverdue);
        _returns.Add(loanReturn);
        foreach (var item in items)
        {
            item.MarkReturned(loanReturn.Id);
        }

        QuantityReturned += quantity;
        CloseWhenNothingIsOut(now);

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

    /// <summary>The first renewal rule this loan breaks now, or null when it can be renewed.</summary>
    public IBusinessRule? WhyNotRenewable(RenewalPolicy policy, RenewalCircumstances circumstances, DateTimeOffset now) =>
        RenewalRules(policy, circumstances, now).FirstOrDefault(r => r.IsBroken());

    private IEnumerable<IBusinessRule> RenewalRules(RenewalPolicy policy, RenewalCircumstances circumstances, DateTimeOffset now)
    {
        yield return new LoanMustBeActiveRule(Status);
        yield return new PatronMustNotBeBlockedRule(circumstances.PatronBlocked, circumstances.BlockedReason);
        yield return new RenewalLimitMustNotBeReachedRule(Renewals, policy.MaxRenewals);
        yield return new OverdueLoanCannotBeRenewedRule(OverdueDays.Between(DueAt, now, policy.Calendar), policy.OverdueGraceDays);
        yield return new TitleWaitedForByOthersRule(circumstances.WaitedForByOthers);
    }

    /// <summary>Extends the loan by one loan period (see <see cref="RenewalPolicy.NewDueAt"/>) and counts the renewal.</summary>
    /// <param name="automatic">True when the auto-renewal job renews it.</param>
    public void Renew(RenewalPolicy policy, RenewalCircumstances circumstances, bool automatic, DateTimeOffset now)
    {
        foreach (var rule in RenewalRules(policy, circumstances, now))
        {
            CheckRule(rule);
        }

        var previous = DueAt;
        DueAt = policy.NewDueAt(DueAt, now);
        Renewals++;
        var cleared = OverdueFlaggedAt is not null && !IsOverdueAt(now);
        if (cleared)
        {
            OverdueFlaggedAt = null;
        }

        Raise(new LoanRenewed(Ids.New(), now, Id, PatronId, BookId, QuantityOnLoan, previous, DueAt, Renewals, automatic, cleared));
    }

    /// <summary>Due within <paramref name="daysBefore"/> library days and not reminded of this due date yet.</summary>
    public bool NeedsDueSoonReminder(int daysBefore, LibraryCalendar calendar, DateTimeOffset now) =>
        Status == LoanStatus.Active
        && RemindedDueAt != DueAt
        && !IsOverdueAt(now)
        && calendar.DayOf(DueAt).DayNumber - calendar.DayOf(now).DayNumber <= daysBefore;

    /// <summary>Records the reminder for the current due date (once per due date).</summary>
    /// <param name="autoRenewOn">The library auto-renews loans on their due day.</param>
    /// <param name="notAutoRenewableBecause">With auto-renewal on: why this loan will not be renewed automatically (null: it will).</param>
    /// <returns>False when no reminder is due (already reminded of this due date, not due soon, or closed).</returns>
    public bool RemindDueSoon(int daysBefore, LibraryCalendar calendar, bool autoRenewOn, string? notAutoRenewableBecause, DateTimeOffset now)
    {
        if (!NeedsDueSoonReminder(daysBefore, calendar, now))
        {
            return false;
        }

        RemindedDueAt = DueAt;
        Raise(new LoanDueSoonReminded(Ids.New(), now, Id, PatronId, BookId, QuantityOnLoan, DueAt, autoRenewOn, autoRenewOn ? notAutoRenewableBecause : null));
        return true;
    }
}
