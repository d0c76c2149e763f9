using Library.Domain.Fines;
using Library.Web.Features.Admin.Audit;
using Library.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Features.Admin.Fees;

internal sealed record FeeSnapshot(long Amount, FeeStatus Status, DateTimeOffset? SettledAt, string? WaiverReason)
{
    public static FeeSnapshot Of(Fee f) => new(f.Amount, f.Status, f.SettledAt, f.WaiverReason);
}

/// <summary>Settles fees. Both ways raise LateFeeSettled, which takes the fee off the patron's dashboard.</summary>
internal sealed class FeeAdminService(DbWriter writer, AuditLog audit, TimeProvider clock)
{
    public Task RecordPaymentAsync(Guid feeId, Actor actor, CancellationToken cancellationToken) =>
        SettleAsync(feeId, AuditActions.FeePaymentRecorded, fee => fee.RecordPayment(clock.GetUtcNow()), actor, cancellationToken);

    public Task WaiveAsync(Guid feeId, string? reason, Actor actor, CancellationToken cancellationToken) =>
        SettleAsync(feeId, AuditActions.FeeWaived, fee => fee.Waive(reason is { Length: > 500 } ? reason[..500] : reason!, clock.GetUtcNow()), actor, cancellationToken);

    private Task SettleAsync(Guid feeId, string action, Action<Fee> settle, Actor actor, CancellationToken cancellationToken) =>
        writer.ExecuteAsync(async (db, ct) =>
        {
            var fee = await db.Fees.SingleOrDefaultAsync(f => f.Id == feeId, ct) ?? throw new NotFoundException("Fee", feeId);
            var before = FeeSnapshot.Of(fee);
            settle(fee);
            var email = await db.Users.Where(u => u.Id == fee.PatronId).Select(u => u.Email).SingleOrDefaultAsync(ct);
            audit.Record(db, actor, action, feeId.ToString(), email, before, FeeSnapshot.Of(fee));
            return true;
        }, cancellationToken);
}
