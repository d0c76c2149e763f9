using Sylvan.Data.Csv;

namespace Library.Web.Features.Import;

/// <summary>
/// Reads an import CSV with Sylvan.Data.Csv: comma or semicolon (whichever the header line has more of), RFC 4180 quotes,
/// the header in any order and case (Korean names too, <see cref="CsvColumns"/>), extra columns ignored. A record's line is
/// the file line it starts on (the header is line 1), so a quoted field over several lines does not shift later numbers.
/// </summary>
internal static class CsvImportReader
{
    /// <summary>The file's text starts with a header naming at least one import column.</summary>
    public static bool LooksLikeCsv(string text)
    {
        if (!ImportDecoding.LooksLikeText(text))
        {
            return false;
        }

        using var reader = Open(text);
        return Columns(reader).Count > 0;
    }

    public static ImportFileContent Read(string text)
    {
        using var reader = Open(text);
        var columns = Columns(reader);
        var missing = new[] { CsvColumns.Isbn, CsvColumns.Title }.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileUnreadableException("Import.File.MissingColumns", string.Join(", ", missing));
        }

        var records = new List<ImportRecord>();
        var line = 2;
        try
        {
            while (reader.Read())
            {
                string? Field(string column) =>
                    columns.TryGetValue(column, out var i) ? (i < reader.RowFieldCount ? Unguard(reader.GetString(i).Trim()) : string.Empty) : null;

                var record = new ImportRecord(line, Field(CsvColumns.Isbn), Field(CsvColumns.Title), Field(CsvColumns.Author),
                    Field(CsvColumns.Publisher), Field(CsvColumns.Year), Field(CsvColumns.Copies), Field(CsvColumns.Description));
                if (!IsBlank(record))
                {
                    records.Add(record);
                }

                line += LineBreaks(reader.GetRawRecordSpan());
            }
        }
        catch (CsvFormatException)
        {
            throw new ImportFileUnreadableException("Import.File.CsvBroken", line);
        }

        return new ImportFileContent(ImportFormat.Csv, records, []);
    }

    private static CsvDataReader Open(string text)
    {
        var headerEnd = text.IndexOfAny(['\r', '\n']);
        var header = headerEnd < 0 ? text : text[..headerEnd];
        var delimiter = header.Count(c => c == ';') > header.Count(c => c == ',') ? ';' : ',';
        return CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
        {
            Delimiter = delimiter,
            HasHeaders = true,
            MaxBufferSize = 4 * 1024 * 1024,
        });
    }

    /// <summary>Import column → its index in the file (the first one when a column appears twice).</summary>
    private static Dictionary<string, int> Columns(CsvDataReader reader)
    {
        var columns = new Dictionary<string, int>();
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (CsvColumns.Of(reader.GetName(i)) is { } column)
            {
                columns.TryAdd(column, i);
            }
        }

        return columns;
    }

    /// <summary>The export's formula guard (a leading apostrophe before =, +, -, @, tab or CR, see CsvSheet) is taken off again.</summary>
    private static string Unguard(string value) =>
        value.Length >= 2 && value[0] == '\'' && "=+-@\t\r".Contains(value[1]) ? value[1..] : value;

    private static bool IsBlank(ImportRecord r) =>
        string.IsNullOrEmpty(r.Isbn) && string.IsNullOrEmpty(r.Title) && string.IsNullOrEmpty(r.Author)
        && string.IsNullOrEmpty(r.Publisher) && string.IsNullOrEmpty(r.Year) && string.IsNullOrEmpty(r.Copies)
        && string.IsNullOrEmpty(r.Description);

    private static int LineBreaks(ReadOnlySpan<char> raw)
    {
        var count = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
            {
                count++;
            }
        }

        return Math.Max(1, count);
    }
}
