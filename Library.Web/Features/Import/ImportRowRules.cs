using System.Globalization;
using Library.Domain.Catalog;
using Library.Web.Features.Admin.Books;

namespace Library.Web.Features.Import;

/// <summary>
/// A record that passed the rules. A null optional value means the file has no such column (or, for copies, an empty cell):
/// mode update then keeps what the catalogue has; an empty string in a present column clears it.
/// </summary>
internal sealed record ImportTitle(
    int Line, string Isbn, string Title, string Author, string? Publisher, bool HasYear, int? Year, int? Copies, string? Description)
{
    public BookDetails Details(Book? existing) => new(
        Title,
        Author,
        Isbn,
        Publisher ?? existing?.Publisher,
        HasYear ? Year : existing?.Year,
        Description ?? existing?.Description);
}

/// <summary>The book form's checks (<see cref="BookInputValidator"/>: same messages and ranges) applied to one imported record.</summary>
internal static class ImportRowRules
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        [nameof(BookInput.Isbn)] = CsvColumns.Isbn,
        [nameof(BookInput.Title)] = CsvColumns.Title,
        [nameof(BookInput.Author)] = CsvColumns.Author,
        [nameof(BookInput.Publisher)] = CsvColumns.Publisher,
        [nameof(BookInput.Year)] = CsvColumns.Year,
        [nameof(BookInput.TotalCopies)] = CsvColumns.Copies,
        [nameof(BookInput.Description)] = CsvColumns.Description,
    };

    public static ImportTitle? Check(ImportRecord record, int currentYear, List<ImportProblem> problems)
    {
        var before = problems.Count;
        var year = (int?)null;
        if (!string.IsNullOrWhiteSpace(record.Year))
        {
            if (int.TryParse(record.Year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                year = y;
            }
            else
            {
                problems.Add(new ImportProblem(record.Line, CsvColumns.Year, "Import.Problem.YearNotNumber", record.Year));
            }
        }

        var copies = (int?)null;
        if (!string.IsNullOrWhiteSpace(record.Copies))
        {
            if (int.TryParse(record.Copies.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c))
            {
                copies = c;
            }
            else
            {
                problems.Add(new ImportProblem(record.Line, CsvColumns.Copies, "Import.Problem.CopiesNotNumber", record.Copies, BookInput.MaxCopies));
            }
        }

        var input = new BookInput
        {
            Isbn = record.Isbn ?? string.Empty,
            Title = record.Title ?? string.Empty,
            Author = record.Author ?? string.Empty,
            Publisher = record.Publisher,
            Year = year,
            Description = record.Description,
            TotalCopies = copies ?? 1,
        };
        foreach (var error in BookInputValidator.Validate(input, currentYear))
        {
            problems.Add(new ImportProblem(record.Line, Fields.GetValueOrDefault(error.Field, error.Field),
                "Import.Problem." + error.MessageKey["Book.Error.".Length..], error.Arguments));
        }

        if (problems.Count > before)
        {
            return null;
        }

        Isbn.TryNormalize(input.Isbn, out var isbn);
        return new ImportTitle(record.Line, isbn, input.Title.Trim(), input.Author.Trim(), record.Publisher?.Trim(),
            record.Year is not null, year, copies, record.Description?.Trim());
    }
}
