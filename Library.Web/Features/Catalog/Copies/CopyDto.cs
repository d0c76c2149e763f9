using Library.Domain.Catalog.Copies;

namespace Library.Web.Features.Catalog.Copies;

public sealed record CopyDto(
    int Id, int BookId, string Barcode, CopyStatus Status, string? Location, DateOnly AcquiredOn, string? Note, Guid? LoanId)
{
    public static CopyDto From(Copy c) => new(c.Id, c.BookId, c.Barcode, c.Status, c.Location, c.AcquiredOn, c.Note, c.LoanId);
}

/// <summary>A copy with what a librarian needs beside it: its title and, while on loan, who has it until when.</summary>
public sealed record CopyView(CopyDto Copy, string Title, string? PatronId, string? PatronName, DateTimeOffset? DueAt);
