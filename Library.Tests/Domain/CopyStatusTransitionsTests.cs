using Library.Domain.Catalog.Copies;

namespace Library.Tests.Domain;

public sealed class CopyStatusTransitionsTests
{
    [Theory]
    [InlineData(CopyStatus.Available, CopyStatus.OnLoan)]
    [InlineData(CopyStatus.OnLoan, CopyStatus.Available)]
    [InlineData(CopyStatus.OnLoan, CopyStatus.OnHoldShelf)]
    [InlineData(CopyStatus.OnLoan, CopyStatus.Lost)]
    [InlineData(CopyStatus.OnHoldShelf, CopyStatus.OnLoan)]
    [InlineData(CopyStatus.Lost, CopyStatus.Available)]
    [InlineData(CopyStatus.Damaged, CopyStatus.Available)]
    [InlineData(CopyStatus.Damaged, CopyStatus.Withdrawn)]
    public void Lending_and_the_desk_may_move_a_copy(CopyStatus from, CopyStatus to) =>
        Assert.True(CopyStatusTransitions.IsAllowed(from, to));

    [Theory]
    [InlineData(CopyStatus.OnLoan, CopyStatus.OnLoan)]
    [InlineData(CopyStatus.OnLoan, CopyStatus.Damaged)]
    [InlineData(CopyStatus.OnLoan, CopyStatus.Withdrawn)]
    [InlineData(CopyStatus.Lost, CopyStatus.OnLoan)]
    [InlineData(CopyStatus.Damaged, CopyStatus.OnLoan)]
    [InlineData(CopyStatus.Withdrawn, CopyStatus.Available)]
    public void A_copy_cannot_skip_the_desk_or_come_back_from_withdrawal(CopyStatus from, CopyStatus to) =>
        Assert.False(CopyStatusTransitions.IsAllowed(from, to));

    [Fact]
    public void Only_shelf_loan_and_hold_shelf_copies_count_toward_the_total() =>
        Assert.Equal(
            [CopyStatus.Available, CopyStatus.OnLoan, CopyStatus.OnHoldShelf],
            Enum.GetValues<CopyStatus>().Where(CopyStatusTransitions.IsInCirculation));
}
