namespace Library.Web.Features.Import;

/// <summary>One title as read from an import file (a CSV row or a MARC record), before any catalogue rule is checked.</summary>
/// <param name="Line">The CSV line or the MARC record number, 1-based (what the librarian and the API see).</param>
/// <param name="Year">As written in the file (digits only for MARC: "c2019." gives "2019").</param>
/// <param name="Copies">As written in the file; empty means one copy.</param>
internal sealed record ImportRecord(
    int Line, string? Isbn, string? Title, string? Author, string? Publisher, string? Year, string? Copies, string? Description);

/// <summary>What a reader could not take from one row or record; the rest of the file still imports.</summary>
/// <param name="Code">An ImportText resource key ("Import.Problem.*"), formatted with <paramref name="Arguments"/>.</param>
internal sealed record ImportProblem(int Line, string Field, string Code, params object[] Arguments);

internal enum ImportFormat
{
    Csv,
    MarcIso2709,
    MarcXml,
}

/// <summary>A whole file as read: its records and the rows or records that could not be read.</summary>
internal sealed record ImportFileContent(ImportFormat Format, IReadOnlyList<ImportRecord> Records, IReadOnlyList<ImportProblem> Problems);

/// <summary>The file as a whole cannot be read (not CSV or MARC, empty, MARC not in UTF-8, ...): nothing is imported.</summary>
/// <param name="Code">An ImportText resource key ("Import.File.*").</param>
internal sealed class ImportFileUnreadableException(string code, params object[] arguments) : Exception(code)
{
    public string Code { get; } = code;

    public object[] Arguments { get; } = arguments;
}
