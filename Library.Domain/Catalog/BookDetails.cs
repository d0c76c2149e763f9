namespace Library.Domain.Catalog;

public sealed record BookDetails(string Title, string Author, string Isbn, string? Publisher, int? Year, string? Description);
