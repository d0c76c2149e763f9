using Library.Domain.Fines;
using Library.Domain.Lending.Events;
using Library.Domain.Messaging;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Fines;

/// <summary>Charges the replacement of a copy lost on loan: the title's cost, else <c>Fines:LostItemFee</c>; once per loss.</summary>
internal sealed class ChargeReplacementOnCopyLossRecorded(LibraryDbContext db, IOptions<FinesOptions> options, TimeProvider clock)
    : IEventHandler<CopyLossRecorded>
{
    public async Task HandleAsync(CopyLossRecorded e, CancellationToken cancellationToken)
    {
        var fee = Fee.ChargeForLostCopy(
            e.LossId, e.LoanId, e.PatronId, e.BookId, e.Barcode, e.ReplacementCost ?? options.Value.LostItemFee, clock.GetUtcNow());
        if (fee is null || await db.Fees.AnyAsync(f => f.ReturnId == e.LossId, cancellationToken))
        {
            return;
        }

        db.Fees.Add(fee);
    }
}
