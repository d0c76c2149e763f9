namespace Library.Domain.Lending;

/// <summary>A copy the catalogue handed to a loan.</summary>
public sealed record LoanedCopy(int CopyId, string Barcode);
