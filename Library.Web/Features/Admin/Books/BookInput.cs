using Library.Domain.Catalog;
using Library.Domain.Catalog.Rules;

namespace Library.Web.Features.Admin.Books;

/// <summary>The book form and the body of POST/PUT /api/books.</summary>
public sealed class BookInput
{
    public const int MaxCopies = 9_999;
    public const long MaxReplacementCost = 10_000_000;

    public string Title { get; set; } = string.Empty;
    public string Author { get; set; } = string.Empty;
    public string Isbn { get; set; } = string.Empty;
    public string? Publisher { get; set; }
    public int? Year { get; set; }
    public string? Description { get; set; }
    public int TotalCopies { get; set; } = 1;
    /// <summary>Won charged when a copy is lost; empty: the library's default (<c>Fines:LostItemFee</c>).</summary>
    public long? ReplacementCost { get; set; }

    public BookDetails ToDetails() => new(Title ?? string.Empty, Author ?? string.Empty, Isbn ?? string.Empty, Publisher, Year, Description);
}

/// <param name="Field">The input property (as named in <see cref="BookInput"/>).</param>
/// <param name="MessageKey">An AdminText resource key ("Book.Error.*").</param>
public sealed record BookInputError(string Field, string MessageKey, params object[] Arguments);

/// <summary>
/// Checks the form before anything is saved; the same checks serve the dialog and the API (400 with field errors).
/// Rules that need the database (unique ISBN, copies on loan) are checked by the service and the domain.
/// </summary>
public static class BookInputValidator
{
    public static IReadOnlyList<BookInputError> Validate(BookInput input, int currentYear)
    {
        var errors = new List<BookInputError>();
        Text(errors, nameof(BookInput.Title), input.Title, required: true, max: 300);
        Text(errors, nameof(BookInput.Author), input.Author, required: true, max: 200);
        if (string.IsNullOrWhiteSpace(input.Isbn))
        {
            errors.Add(new(nameof(BookInput.Isbn), "Book.Error.IsbnRequired"));
        }
        else if (!Domain.Catalog.Isbn.IsValid(input.Isbn))
        {
            errors.Add(new(nameof(BookInput.Isbn), "Book.Error.IsbnInvalid"));
        }

        Text(errors, nameof(BookInput.Publisher), input.Publisher, required: false, max: 200);
        Text(errors, nameof(BookInput.Description), input.Description, required: false, max: 4000);
        if (input.ReplacementCost is < 0 or > BookInput.MaxReplacementCost)
        {
            errors.Add(new(nameof(BookInput.ReplacementCost), "Book.Error.ReplacementCostRange", BookInput.MaxReplacementCost));
        }

        var latest = currentYear + 1;
        if (input.Year is { } year && (year < PublicationYearMustBeInRangeRule.Earliest || year > latest))
        {
            errors.Add(new(nameof(BookInput.Year), "Book.Error.YearRange", PublicationYearMustBeInRangeRule.Earliest, latest));
        }

        if (input.TotalCopies < 0)
        {
            errors.Add(new(nameof(BookInput.TotalCopies), "Book.Error.CopiesNegative"));
        }
        else if (input.TotalCopies > BookInput.MaxCopies)
        {
            errors.Add(new(nameof(BookInput.TotalCopies), "Book.Error.CopiesTooMany", BookInput.MaxCopies));
        }

        return errors;
    }

    private static void Text(List<BookInputError> errors, string field, string? value, bool required, int max)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, $"Book.Error.{field}Required"));
        }
        else if (value is not null && value.Trim().Length > max)
        {
            errors.Add(new(field, "Book.Error.TooLong", max));
        }
    }
}
