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

    /// <summary>From this many matches on, a page is read by walking the sort index (see <see cref="MatchForPage"/>).</summary>
    internal const int ManyMatches = 2000;

    public IQueryable<Book> Match(LibraryDbContext db, IQueryable<Book> books, string searchText) =>
        MatchingIds(db, searchText) is { } ids ? books.Where(b => ids.Contains(b.Id)) : books.Where(_ => false);

    /// <summary>
    /// With few matches SQLite fetches each match by primary key and sorts them: cheapest. With many matches (a common
    /// word) that sort dominates, so "Id + 0" hides the key from the planner: it then walks the sort index (every sort has
    /// one) and stops after the page, probing the match list row by row. Only when the page lies in the first quarter of the
    /// matches, so the walk stays short (bench/CatalogSearch: a word in half of 100,000 titles, page 1: about 3× faster).
    /// </summary>
    public IQueryable<Book> MatchForPage(LibraryDbContext db, IQueryable<Book> books, string searchText, int matches, int rowsNeeded)
    {
        if (matches < ManyMatches || rowsNeeded > matches / 4 || MatchingIds(db, searchText) is not { } ids)
        {
            return Match(db, books, searchText);
        }

        return books.Where(b => ids.Contains(b.Id + 0));
    }

    /// <summary>Ids of the books whose title/author words start with every search word, or whose ISBN starts with the text.</summary>
    private static IQueryable<int>? MatchingIds(LibraryDbContext db, string searchText)
    {
        var match = ToMatchExpression(searchText);
        var isbn = ToIsbnPrefix(searchText);
        if (match is null && isbn is null)
        {
            return null;
        }

        // Composable raw SQL: EF wraps it as "Id IN (SELECT Value FROM (...))", so sorting and paging stay in one query.
        var isbnEnd = isbn + "\uFFFF";
        return (match, isbn) switch
        {
            (not null, null) => db.Database.SqlQuery<int>(
                $"SELECT rowid AS Value FROM BooksSearch WHERE BooksSearch MATCH {match}"),
            (null, not null) => db.Database.SqlQuery<int>(
                $"SELECT Id AS Value FROM Books WHERE Isbn >= {isbn} AND Isbn < {isbnEnd}"),
            _ => db.Database.SqlQuery<int>(
                $"SELECT rowid AS Value FROM BooksSearch WHERE BooksSearch MATCH {match} UNION SELECT Id FROM Books WHERE Isbn >= {isbn} AND Isbn < {isbnEnd}"),
        };
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
