using System.Globalization;
using Library.Web.Features.Admin.Books;
using Library.Web.Infrastructure.Csv;

namespace Library.Web.Features.Export;

/// <summary>The catalogue in the import's columns and header (English, fixed), so an exported file imports again.</summary>
internal static class BookSheet
{
    public static readonly string[] Columns = ["isbn", "title", "author", "publisher", "year", "copies", "description"];

    public static async Task WriteAsync(IAsyncEnumerable<AdminBookRow> books, Stream output)
    {
        await using var sheet = CsvSheet.Open(output);
        await sheet.WriteRowAsync(Columns);
        await foreach (var book in books)
        {
            await sheet.WriteRowAsync(
                book.Isbn, book.Title, book.Author, book.Publisher, book.Year?.ToString(CultureInfo.InvariantCulture),
                CsvSheet.Number(book.TotalCopies), book.Description);
        }
    }
}
