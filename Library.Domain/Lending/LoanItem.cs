namespace Library.Domain.Lending;

/// <summary>One copy a loan holds or held: which barcode went out, and how it came back (a return, or declared lost).</summary>
public sealed class LoanItem
{
    private LoanItem()
    {
    }

    internal LoanItem(Guid loanId, int copyId, string barcode)
    {
        LoanId = loanId;
        CopyId = copyId;
        Barcode = barcode;
    }

    public Guid LoanId { get; private set; }
    public int CopyId { get; private set; }
    public string Barcode { get; private set; } = string.Empty;
    /// <summary>The return that brought the copy back; null while it is out or when it was lost.</summary>
    public Guid? ReturnId { get; private set; }
    public DateTimeOffset? LostAt { get; private set; }

    public bool IsOut => ReturnId is null && LostAt is null;

    internal void MarkReturned(Guid returnId) => ReturnId = returnId;

    internal void MarkLost(DateTimeOffset at) => LostAt = at;
}
