namespace Library.Web.Features.Dashboard;

/// <summary>Read model: one row per patron, changed only by event handlers (and the rebuild).</summary>
internal sealed class PatronDashboard
{
    public string PatronId { get; set; } = string.Empty;
    public int BooksOnLoan { get; set; }
    public long AccumulatedFees { get; set; }
    public int OverdueLoans { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
