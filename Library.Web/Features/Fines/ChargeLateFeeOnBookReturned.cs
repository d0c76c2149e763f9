using Library.Domain.Fines;
using Library.Domain.Lending.Events;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Fines;

/// <summary>Charges one fee per late return; the unique ReturnId index makes a second charge impossible.</summary>
internal sealed class ChargeLateFeeOnBookReturned(LibraryDbContext db, LateFeePolicy policy, TimeProvider clock)
    : IEventHandler<BookReturned>
{
    public async Task HandleAsync(BookReturned domainEvent, CancellationToken cancellationToken)
    {
        var fee = Fee.ChargeForReturn(
            domainEvent.ReturnId, domainEvent.LoanId, domainEvent.PatronId, domainEvent.BookId,
            domainEvent.DaysOverdue, policy, clock.GetUtcNow());
        if (fee is null)
        {
            return; // on time: nothing to charge, nothing to look up
        }

        if (await db.Fees.AnyAsync(f => f.ReturnId == domainEvent.ReturnId, cancellationToken))
        {
            return;
        }

        db.Fees.Add(fee);
    }
}
