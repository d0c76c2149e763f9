using Library.Domain.Catalog;
using Library.Domain.Catalog.Copies;
using Library.Domain.Catalog.Events;
using Library.Domain.Catalog.Rules;
using Library.Domain.Common;
using Library.Domain.Lending.Holds;
using Library.Domain.Lending.Holds.Events;
using Library.Domain.Lending.Holds.Rules;
using Library.Domain.Lending.Rules;
using static Library.Tests.Domain.DomainTestData;

namespace Library.Tests.Domain;

public sealed class HoldTests
{
    private static readonly DateTimeOffset Until = T0.AddDays(3);

    private static HoldPlacement Facts(
        bool blocked = false, bool archived = false, int available = 0, int activeHolds = 0, bool already = false, int max = 5) =>
        new(blocked, blocked ? "unpaid fees" : null, archived, available, activeHolds, already, max);

    private static TRule Broken<TRule>(Action action) where TRule : IBusinessRule =>
        Assert.IsType<TRule>(Assert.Throws<BusinessRuleViolationException>(action).BrokenRule);

    [Fact]
    public void A_placed_hold_waits_in_the_queue_and_says_so()
    {
        var hold = Hold.Place("p1", 7, Facts(), T0);

        Assert.Equal((HoldStatus.Waiting, "p1", 7, T0), (hold.Status, hold.PatronId, hold.BookId, hold.PlacedAt));
        var placed = Assert.IsType<HoldPlaced>(Assert.Single(hold.DomainEvents));
        Assert.Equal((hold.Id, "p1", 7), (placed.HoldId, placed.PatronId, placed.BookId));
    }

    [Fact]
    public void The_fifth_hold_is_allowed_and_the_sixth_is_refused()
    {
        Hold.Place("p1", 7, Facts(activeHolds: 4), T0);

        var rule = Broken<HoldLimitRule>(() => Hold.Place("p1", 7, Facts(activeHolds: 5), T0));
        Assert.Equal("HoldLimitReached", rule.Code);
    }

    [Fact]
    public void A_blocked_patron_cannot_place_a_hold() =>
        Broken<PatronMustNotBeBlockedRule>(() => Hold.Place("p1", 7, Facts(blocked: true), T0));

    [Fact]
    public void An_archived_title_cannot_be_reserved() =>
        Broken<HoldNotOnArchivedTitleRule>(() => Hold.Place("p1", 7, Facts(archived: true), T0));

    [Fact]
    public void The_same_title_cannot_be_reserved_twice() =>
        Broken<HoldOncePerTitleRule>(() => Hold.Place("p1", 7, Facts(already: true), T0));

    [Fact]
    public void A_title_the_patron_has_on_loan_cannot_be_reserved_by_them() =>
        Assert.Equal("HoldOnTitleOnLoan", Broken<HoldNotOnTitleOnLoanRule>(() => Hold.Place("p1", 7, Facts() with { HasTitleOnLoan = true }, T0)).Code);

    [Fact]
    public void A_title_with_one_copy_on_the_shelf_is_borrowed_not_reserved()
    {
        var rule = Broken<HoldOnlyWhenNoneOnShelfRule>(() => Hold.Place("p1", 7, Facts(available: 1), T0));
        Assert.Equal("HoldNotNeeded", rule.Code);
    }

    [Fact]
    public void A_ready_hold_is_fulfilled_once_by_the_loan_that_takes_its_copy()
    {
        var hold = Hold.Place("p1", 7, Facts(), T0);
        hold.MakeReady(11, "LIB1", Until, T0);
        var loanId = Guid.NewGuid();

        hold.Fulfil(loanId, T0.AddHours(1));

        Assert.Equal((HoldStatus.Fulfilled, (Guid?)loanId), (hold.Status, hold.LoanId));
        Assert.Contains(hold.DomainEvents, e => e is HoldFulfilled f && f.LoanId == loanId);
        Assert.Throws<InvalidOperationException>(() => hold.Fulfil(Guid.NewGuid(), T0));
    }

    [Fact]
    public void Cancelling_a_ready_hold_gives_back_its_copy_and_a_closed_hold_cannot_be_cancelled_again()
    {
        var hold = Hold.Place("p1", 7, Facts(), T0);
        hold.MakeReady(11, "LIB1", Until, T0);

        Assert.Equal(11, hold.Cancel("  damaged in transit ", byLibrarian: true, T0));

        Assert.Equal((HoldStatus.Cancelled, "damaged in transit"), (hold.Status, hold.CancelReason));
        Assert.Contains(hold.DomainEvents, e => e is HoldCancelled { WasReady: true, ByLibrarian: true });
        Broken<HoldMustBeOpenRule>(() => hold.Cancel(null, byLibrarian: false, T0));
    }

    [Fact]
    public void A_waiting_hold_cancelled_gives_back_no_copy() =>
        Assert.Null(Hold.Place("p1", 7, Facts(), T0).Cancel(null, byLibrarian: false, T0));

    [Fact]
    public void A_ready_hold_expires_only_after_its_pickup_deadline()
    {
        var hold = Hold.Place("p1", 7, Facts(), T0);
        hold.MakeReady(11, "LIB1", Until, T0);

        Assert.False(hold.IsPastPickupDeadlineAt(Until));
        Assert.Throws<InvalidOperationException>(() => hold.Expire(Until));
        Assert.Equal(11, hold.Expire(Until.AddMilliseconds(1)));
        Assert.Equal(HoldStatus.Expired, hold.Status);
        Assert.Contains(hold.DomainEvents, e => e is HoldExpired { CopyId: 11 });
    }

    [Fact]
    public void A_ready_hold_whose_copy_is_found_damaged_waits_again_keeping_its_place()
    {
        var hold = Hold.Place("p1", 7, Facts(), T0);
        hold.MakeReady(11, "LIB1", Until, T0);

        hold.ReturnToQueue(T0.AddDays(1));

        Assert.Equal((HoldStatus.Waiting, (int?)null, T0), (hold.Status, hold.CopyId, hold.PlacedAt));
    }
}

public sealed class BookHoldShelfTests
{
    private static Book Shelved(params string[] barcodes) => Book.Create(Details(), barcodes, DateOnly.FromDateTime(T0.UtcDateTime), T0);

    [Fact]
    public void A_copy_on_the_hold_shelf_is_no_longer_available_to_anyone_else()
    {
        var book = Shelved("A1", "A2");
        var copy = book.Copies.First();

        book.MoveToHoldShelf(copy, T0);

        Assert.Equal((2, 1, 1, 0), (book.TotalCopies, book.AvailableCopies, book.OnHoldShelfCopies, book.CopiesOnLoan));
        Assert.Equal(CopyStatus.OnHoldShelf, copy.Status);
    }

    [Fact]
    public void Others_asking_for_the_last_copies_when_they_are_held_are_told_the_copies_are_held()
    {
        var book = Shelved("A1");
        book.MoveToHoldShelf(book.Copies.First(), T0);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => book.Lend(1, book.Copies.ToList(), Guid.NewGuid(), T0));

        Assert.IsType<HeldCopyIsForAnotherPatronRule>(ex.BrokenRule);
        Assert.Equal((1, 0, 1), (book.TotalCopies, book.AvailableCopies, book.OnHoldShelfCopies));
    }

    [Fact]
    public void The_patron_it_is_held_for_borrows_the_held_copy_and_more_from_the_shelf()
    {
        var book = Shelved("A1", "A2", "A3");
        var held = book.Copies.First();
        book.MoveToHoldShelf(held, T0);

        var lent = book.Lend(2, book.Copies.ToList(), Guid.NewGuid(), T0, heldForBorrower: held);

        Assert.Equal(["A1", "A2"], lent.Select(c => c.Barcode));
        Assert.Equal((3, 1, 0, 2), (book.TotalCopies, book.AvailableCopies, book.OnHoldShelfCopies, book.CopiesOnLoan));
    }

    [Fact]
    public void A_held_copy_released_goes_back_on_the_shelf_and_one_stock_event_carries_the_final_counts()
    {
        var book = Shelved("A1");
        book.ClearDomainEvents();
        var copy = book.Copies.First();

        book.MoveToHoldShelf(copy, T0);
        book.ReleaseFromHoldShelf(copy, T0);

        Assert.Equal((1, 0), (book.AvailableCopies, book.OnHoldShelfCopies));
        var stock = Assert.Single(book.DomainEvents.OfType<BookStockChanged>());
        Assert.Equal(1, stock.AvailableCopies);
    }

    [Fact]
    public void A_copy_on_the_hold_shelf_cannot_be_withdrawn_by_lowering_the_total()
    {
        var book = Shelved("A1", "A2");
        book.MoveToHoldShelf(book.Copies.First(), T0);

        var ex = Assert.Throws<BusinessRuleViolationException>(() => book.ChangeTotalCopies(0, [], book.Copies.ToList(), DateOnly.FromDateTime(T0.UtcDateTime), T0));

        Assert.IsType<TotalCopiesCannotDropBelowOnLoanRule>(ex.BrokenRule);
    }

    [Fact]
    public void A_held_copy_marked_damaged_by_hand_leaves_the_hold_shelf_count()
    {
        var book = Shelved("A1", "A2");
        var copy = book.Copies.First();
        book.MoveToHoldShelf(copy, T0);

        book.ChangeCopyStatus(copy, CopyStatus.Damaged, T0);

        Assert.Equal((1, 1, 0), (book.TotalCopies, book.AvailableCopies, book.OnHoldShelfCopies));
    }
}
