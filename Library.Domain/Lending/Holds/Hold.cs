using Library.Domain.Common;
using Library.Domain.Lending.Holds.Events;
using Library.Domain.Lending.Holds.Rules;
using Library.Domain.Lending.Rules;

namespace Library.Domain.Lending.Holds;

/// <summary>
/// A patron's reservation of one copy of a title. It waits in the title's queue (first come, first served) until a copy
/// comes back; then the copy waits on the hold shelf for this patron alone (<see cref="HoldStatus.Ready"/>) until the
/// pickup deadline. The copy's status is changed by its <see cref="Catalog.Book"/> in the same unit of work.
/// </summary>
public sealed class Hold : AggregateRoot
{
    public const int MaxReasonLength = 500;

    private Hold()
    {
    }

    public Guid Id { get; private set; }
    public string PatronId { get; private set; } = string.Empty;
    public int BookId { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public HoldStatus Status { get; private set; }
    /// <summary>The copy on the hold shelf while <see cref="HoldStatus.Ready"/> (and the one borrowed, once fulfilled).</summary>
    public int? CopyId { get; private set; }
    public DateTimeOffset? ReadyAt { get; private set; }
    public DateTimeOffset? ReadyUntil { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public Guid? LoanId { get; private set; }
    public string? CancelReason { get; private set; }

    public bool IsOpen => Status is HoldStatus.Waiting or HoldStatus.Ready;

    public static Hold Place(string patronId, int bookId, HoldPlacement facts, DateTimeOffset now)
    {
        CheckRule(new PatronMustNotBeBlockedRule(facts.PatronBlocked, facts.BlockedReason));
        CheckRule(new HoldNotOnArchivedTitleRule(facts.TitleArchived));
        CheckRule(new HoldOncePerTitleRule(facts.AlreadyHoldsTitle));
        CheckRule(new HoldNotOnTitleOnLoanRule(facts.HasTitleOnLoan));
        CheckRule(new HoldLimitRule(facts.ActiveHolds, facts.MaxHoldsPerPatron));
        CheckRule(new HoldOnlyWhenNoneOnShelfRule(facts.AvailableCopies));

        var hold = new Hold
        {
            Id = Ids.New(),
            PatronId = patronId,
            BookId = bookId,
            PlacedAt = now,
            Status = HoldStatus.Waiting,
        };
        hold.Raise(new HoldPlaced(Ids.New(), now, hold.Id, patronId, bookId));
        return hold;
    }

    /// <summary>A copy went to the hold shelf for this patron; they may borrow it until the end of <paramref name="readyUntil"/>.</summary>
    public void MakeReady(int copyId, string barcode, DateTimeOffset readyUntil, DateTimeOffset now)
    {
        if (Status != HoldStatus.Waiting)
        {
            throw new InvalidOperationException($"Hold {Id} is {Status}; only a waiting hold gets a copy.");
        }

        Status = HoldStatus.Ready;
        CopyId = copyId;
        ReadyAt = now;
        ReadyUntil = readyUntil;
        Raise(new HoldReady(Ids.New(), now, Id, PatronId, BookId, copyId, barcode, readyUntil));
    }

    /// <summary>The patron borrowed the held copy.</summary>
    public void Fulfil(Guid loanId, DateTimeOffset now)
    {
        if (Status != HoldStatus.Ready)
        {
            throw new InvalidOperationException($"Hold {Id} is {Status}; only a ready hold is fulfilled.");
        }

        Status = HoldStatus.Fulfilled;
        LoanId = loanId;
        ClosedAt = now;
        Raise(new HoldFulfilled(Ids.New(), now, Id, PatronId, BookId, loanId));
    }

    /// <returns>The copy that was held (it passes on), or null for a waiting hold.</returns>
    public int? Cancel(string? reason, bool byLibrarian, DateTimeOffset now)
    {
        CheckRule(new HoldMustBeOpenRule(Status));
        var wasReady = Status == HoldStatus.Ready;
        var copy = wasReady ? CopyId : null;
        Status = HoldStatus.Cancelled;
        ClosedAt = now;
        CancelReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, MaxReasonLength)];
        Raise(new HoldCancelled(Ids.New(), now, Id, PatronId, BookId, wasReady, CancelReason, byLibrarian));
        return copy;
    }

    public bool IsPastPickupDeadlineAt(DateTimeOffset now) => Status == HoldStatus.Ready && now > ReadyUntil;

    /// <returns>The copy that was held (it passes on).</returns>
    public int Expire(DateTimeOffset now)
    {
        if (!IsPastPickupDeadlineAt(now))
        {
            throw new InvalidOperationException($"Hold {Id} is not past its pickup deadline.");
        }

        Status = HoldStatus.Expired;
        ClosedAt = now;
        Raise(new HoldExpired(Ids.New(), now, Id, PatronId, BookId, CopyId!.Value));
        return CopyId.Value;
    }

    /// <summary>The held copy turned out lost or damaged: the hold waits again, keeping its place (its placement time).</summary>
    public void ReturnToQueue(DateTimeOffset now)
    {
        if (Status != HoldStatus.Ready)
        {
            throw new InvalidOperationException($"Hold {Id} is {Status}; only a ready hold goes back to the queue.");
        }

        Status = HoldStatus.Waiting;
        CopyId = null;
        ReadyAt = null;
        ReadyUntil = null;
        Raise(new HoldRequeued(Ids.New(), now, Id, PatronId, BookId));
    }
}
