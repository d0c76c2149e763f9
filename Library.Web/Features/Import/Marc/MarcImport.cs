namespace Library.Web.Features.Import.Marc;

/// <summary>Reads MARC 21 files (ISO 2709 and MARCXML, UTF-8 records) into import records.</summary>
internal static class MarcImport
{
    /// <summary>The MARC syntax the file starts with, or null when it is not MARC.</summary>
    public static ImportFormat? Sniff(ReadOnlySpan<byte> content) => null;

    /// <summary>Every record of the file, mapped to a title; records that cannot be read become problems.</summary>
    public static ImportFileContent Read(byte[] content, ImportFormat format) =>
        throw new ImportFileUnreadableException("Import.File.Unrecognised");
}
