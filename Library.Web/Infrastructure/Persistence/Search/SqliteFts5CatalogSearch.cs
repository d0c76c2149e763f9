using System.Text;
using Library.Domain.Catalog;
using Library.Web.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Library.Web.Infrastructure.Persistence.Search;

/// <summary>
/// SQLite implementation of <see cref="ICatalogSearch"/>: FTS5 (table BooksSearch, see <see cref="CatalogSearchSql"/>)
/// for title and author words, each search word matched as a prefix ("harr pot" finds "Harry Potter"), all words required;
/// plus an ISBN prefix range on the unique ISBN index when the text looks like (part of) an ISBN.
/// </summary>
internal sealed class SqliteFts5CatalogSearch : ICatalogSearch
{
    private const int MinIsbnPrefix = 3;

    public IQueryable<Book> Match(LibraryDbContext db, IQueryable<Book> books, string searchText)
    {
        var match = ToMatchExpression(searchText);
        var isbn = ToIsbnPrefix(searchText);
        if (match is null && isbn is null)
        {
            return books.Where(_ => false);
        }

        // Composable raw SQL: EF wraps it as "b.Id IN (SELECT Value FROM (...))", so sorting and paging stay in one query.
        var isbnEnd = isbn + "\uFFFF";
        IQueryable<int> ids = (match, isbn) switch
        {
            (not null, null) => db.Database.SqlQuery<int>(
                $"SELECT rowid AS Value FROM BooksSearch WHERE BooksSearch MATCH {match}"),
            (null, not null) => db.Database.SqlQuery<int>(
                $"SELECT Id AS Value FROM Books WHERE Isbn >= {isbn} AND Isbn < {isbnEnd}"),
            _ => db.Database.SqlQuery<int>(
                $"SELECT rowid AS Value FROM BooksSearch WHERE BooksSearch MATCH {match} UNION SELECT Id FROM Books WHERE Isbn >= {isbn} AND Isbn < {isbnEnd}"),
        };
        return books.Where(b => ids.Contains(b.Id));
    }

    /// <summary>Words of letters and digits, each quoted (so FTS5 syntax in the input is inert) and made a prefix: "harr"* "pot"*.</summary>
    internal static string? ToMatchExpression(string searchText)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in searchText.Normalize(NormalizationForm.FormC).Append(' '))
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                terms.Add("\"" + word.ToString().Replace("\"", "\"\"") + "\"*");
                word.Clear();
            }
        }

        return terms.Count == 0 ? null : string.Join(' ', terms.Take(8));
    }

    /// <summary>"978-0-306" → "9780306": digits (and a trailing X), hyphens and spaces ignored, at least 3 digits.</summary>
    internal static string? ToIsbnPrefix(string searchText)
    {
        var compact = new string(searchText.Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        if (compact.Length < MinIsbnPrefix || compact.Length > 13)
        {
            return null;
        }

        for (var i = 0; i < compact.Length; i++)
        {
            if (!char.IsAsciiDigit(compact[i]) && !(compact[i] == 'X' && i == compact.Length - 1))
            {
                return null;
            }
        }

        return compact;
    }
}
