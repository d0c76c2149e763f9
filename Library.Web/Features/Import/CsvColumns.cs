namespace Library.Web.Features.Import;

/// <summary>The import's CSV columns and the header names accepted for each (English, as exported, and common Korean ones).</summary>
internal static class CsvColumns
{
    public const string Isbn = "isbn";
    public const string Title = "title";
    public const string Author = "author";
    public const string Publisher = "publisher";
    public const string Year = "year";
    public const string Copies = "copies";
    public const string Description = "description";

    public static readonly string[] All = [Isbn, Title, Author, Publisher, Year, Copies, Description];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["isbn"] = Isbn, ["isbn13"] = Isbn, ["isbn-13"] = Isbn, ["isbn10"] = Isbn,
        ["title"] = Title, ["서명"] = Title, ["제목"] = Title, ["도서명"] = Title, ["책제목"] = Title, ["표제"] = Title,
        ["author"] = Author, ["저자"] = Author, ["지은이"] = Author, ["저자명"] = Author, ["글쓴이"] = Author,
        ["publisher"] = Publisher, ["출판사"] = Publisher, ["발행처"] = Publisher, ["발행자"] = Publisher,
        ["year"] = Year, ["출판연도"] = Year, ["발행연도"] = Year, ["발행년"] = Year, ["출판년"] = Year, ["출판년도"] = Year, ["발행년도"] = Year,
        ["copies"] = Copies, ["권수"] = Copies, ["부수"] = Copies, ["수량"] = Copies,
        ["description"] = Description, ["설명"] = Description, ["소개"] = Description, ["내용"] = Description, ["책소개"] = Description,
    };

    /// <summary>The column a header cell names (spaces, "_" and a BOM ignored, any case), or null for an extra column.</summary>
    public static string? Of(string? header)
    {
        if (header is null)
        {
            return null;
        }

        var key = new string(header.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '\uFEFF')).ToArray());
        return Aliases.GetValueOrDefault(key);
    }
}
