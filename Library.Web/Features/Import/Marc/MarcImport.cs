namespace Library.Web.Features.Import.Marc;

/// <summary>Reads MARC 21 files (ISO 2709 and MARCXML, UTF-8 records) into import records.</summary>
internal static class MarcImport
{
    /// <summary>The MARC syntax the file starts with, or null when it is not MARC.</summary>
    public static ImportFormat? Sniff(ReadOnlySpan<byte> content) =>
        Iso2709Reader.LooksLikeRecord(content) ? ImportFormat.MarcIso2709
        : MarcXmlReader.LooksLikeMarcXml(content) ? ImportFormat.MarcXml
        : null;

    /// <summary>Every record of the file, mapped to a title; records that cannot be read become problems.</summary>
    /// <exception cref="ImportFileUnreadableException">Not MARC at all, no record in it, MARCXML that is not well-formed or has a DTD.</exception>
    public static ImportFileContent Read(byte[] content, ImportFormat format)
    {
        if (content.Length == 0)
        {
            throw new ImportFileUnreadableException("Import.File.Empty");
        }

        IEnumerable<MarcReadResult> results = format switch
        {
            ImportFormat.MarcIso2709 when Iso2709Reader.LooksLikeRecord(content) => Iso2709Reader.Read(content),
            ImportFormat.MarcXml => MarcXmlReader.Read(content),
            _ => throw new ImportFileUnreadableException("Import.File.Unrecognised"),
        };

        var records = new List<ImportRecord>();
        var problems = new List<ImportProblem>();
        foreach (var result in results)
        {
            if (result.Record is { } record)
            {
                records.Add(MarcMapper.Map(result.Number, record));
            }
            else if (result.Problem is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (records.Count == 0 && problems.Count == 0)
        {
            throw new ImportFileUnreadableException("Import.File.MarcNoRecords");
        }

        return new ImportFileContent(format, records, problems);
    }
}
