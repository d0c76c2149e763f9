using Library.Web.Features.Import.Marc;

namespace Library.Web.Features.Import;

/// <summary>Finds what a file is from its content (never its name or content type): MARC first, else CSV with a known header.</summary>
internal static class ImportFileReader
{
    /// <exception cref="ImportFileUnreadableException">Empty, too large, or neither MARC nor CSV: nothing is imported.</exception>
    public static ImportFileContent Read(byte[] content, ImportEncoding encoding, long maxBytes)
    {
        if (content.Length == 0)
        {
            throw new ImportFileUnreadableException("Import.File.Empty");
        }

        if (content.LongLength > maxBytes)
        {
            throw new ImportFileUnreadableException("Import.File.TooLarge", Megabytes(maxBytes));
        }

        if (MarcImport.Sniff(content) is { } marc)
        {
            return MarcImport.Read(content, marc);
        }

        var text = ImportDecoding.Decode(content, encoding);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ImportFileUnreadableException("Import.File.Empty");
        }

        return CsvImportReader.LooksLikeCsv(text)
            ? CsvImportReader.Read(text)
            : throw new ImportFileUnreadableException("Import.File.Unrecognised");
    }

    public static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
