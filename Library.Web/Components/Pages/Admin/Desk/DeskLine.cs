namespace Library.Web.Components.Pages.Admin.Desk;

public enum DeskMode
{
    CheckOut,
    CheckIn,
}

/// <summary>One scanned copy on the desk: green with what happened, or red with why not.</summary>
public sealed record DeskLine(int Number, string Input, bool Ok, string? Message = null)
{
    public string? Title { get; init; }
    public string? Barcode { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public string? PatronName { get; init; }
    public int DaysOverdue { get; init; }
    public long LateFee { get; init; }
    public string? HoldFor { get; init; }
}

/// <summary>The large coloured state: the outcome of the last scan (null Ok: nothing happened yet).</summary>
public sealed record DeskSignalState(bool? Ok, string Text);
