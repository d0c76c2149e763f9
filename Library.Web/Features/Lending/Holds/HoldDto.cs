using Library.Domain.Lending.Holds;

namespace Library.Web.Features.Lending.Holds;

/// <summary>A patron's hold as the API and the patron's pages show it.</summary>
/// <param name="Position">1-based place in the title's queue while waiting; 0 once ready (the copy is on the hold shelf).</param>
public sealed record HoldDto(
    Guid Id, int BookId, HoldStatus Status, int Position, DateTimeOffset? ReadyUntil, string Title, DateTimeOffset PlacedAt);

/// <summary>A title's demand: patrons waiting and copies on the hold shelf.</summary>
public sealed record TitleHolds(int HoldsWaiting, int OnHoldShelf);

/// <summary>One hold in a title's queue (librarian view).</summary>
public sealed record HoldQueueEntry(
    Guid HoldId, HoldStatus Status, int Position, string PatronId, string PatronName, string? PatronEmail, string? CardNumber,
    DateTimeOffset PlacedAt, DateTimeOffset? ReadyUntil, string? Barcode);

/// <summary>A copy on the hold shelf: what to pull from the returns cart, for whom, until when (librarian view).</summary>
/// <param name="PastDeadline">The pickup deadline passed; the expiry job passes it on at its next run.</param>
public sealed record HoldShelfEntry(
    Guid HoldId, int BookId, string Title, string Barcode, string? Location, string PatronId, string PatronName,
    string? CardNumber, DateTimeOffset ReadyAt, DateTimeOffset ReadyUntil, bool PastDeadline);
