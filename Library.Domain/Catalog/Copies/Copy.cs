using Library.Domain.Catalog.Rules;
using Library.Domain.Common;

namespace Library.Domain.Catalog.Copies;

/// <summary>
/// One physical copy of a title, known by the barcode on its label. Its status changes only through its
/// <see cref="Book"/>, which keeps the title's available and total counts equal to its copies by status.
/// </summary>
public sealed class Copy : Entity
{
    public const int MaxLocationLength = 100;
    public const int MaxNoteLength = 500;

    private Copy()
    {
    }

    internal Copy(Book book, string barcode, DateOnly acquiredOn, string? location)
    {
        Book = book;
        BookId = book.Id;
        Barcode = barcode;
        AcquiredOn = acquiredOn;
        Location = Clean(location, MaxLocationLength);
        Status = CopyStatus.Available;
    }

    public int Id { get; private set; }
    public int BookId { get; private set; }
    public Book? Book { get; private set; }
    public string Barcode { get; private set; } = string.Empty;
    public CopyStatus Status { get; private set; }
    /// <summary>Shelf location or call number, as the library writes it (e.g. "813.54 KIM").</summary>
    public string? Location { get; private set; }
    public DateOnly AcquiredOn { get; private set; }
    public string? Note { get; private set; }
    /// <summary>The loan holding the copy while it is <see cref="CopyStatus.OnLoan"/>.</summary>
    public Guid? LoanId { get; private set; }

    public bool IsInCirculation => CopyStatusTransitions.IsInCirculation(Status);

    public void Describe(string? location, string? note)
    {
        Location = Clean(location, MaxLocationLength);
        Note = Clean(note, MaxNoteLength);
    }

    internal void MoveTo(CopyStatus to, Guid? loanId = null)
    {
        CheckRule(new CopyStatusChangeMustBeAllowedRule(Barcode, Status, to));
        Status = to;
        LoanId = to == CopyStatus.OnLoan ? loanId : null;
    }

    private static string? Clean(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= maxLength ? trimmed : trimmed[..maxLength];
    }
}
