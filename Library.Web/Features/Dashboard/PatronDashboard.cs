namespace Library.Web.Features.Dashboard;

/// <summary>Read model: one row per patron, changed only by event handlers (and the rebuild).</summary>
internal sealed class PatronDashboard
{
    public string PatronId { get; set; } = string.Empty;
    public int BooksOnLoan { get; set; }
    public long AccumulatedFees { get; set; }
    public int OverdueLoans { get; set; }
    /// <summary>Holds in a title's queue.</summary>
    public int HoldsWaiting { get; set; }
    /// <summary>Holds with a copy waiting on the hold shelf.</summary>
    public int HoldsReady { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
