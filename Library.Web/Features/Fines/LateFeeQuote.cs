using Library.Domain.Fines;

namespace Library.Web.Features.Fines;

/// <summary>
/// What a return would cost, for confirmations and API answers. The fee itself is charged by the Fines module
/// from BookReturned; this only reads the same configured policy.
/// </summary>
public sealed class LateFeeQuote(LateFeePolicy policy)
{
    public long For(int daysOverdue) => policy.FeeFor(daysOverdue);
}
