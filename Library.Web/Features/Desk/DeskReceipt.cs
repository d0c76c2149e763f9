namespace Library.Web.Features.Desk;

/// <summary>What a patron takes home from the desk: who borrowed, when, and each copy with its due date.</summary>
public sealed record DeskReceipt(
    Guid Id, string PatronId, string PatronName, string? Email, string? CardNumber, DateTimeOffset At, IReadOnlyList<DeskReceiptItem> Items);

public sealed record DeskReceiptItem(string Title, string Barcode, DateTimeOffset DueAt);
