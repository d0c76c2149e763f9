using System.Text;
using System.Xml;

namespace Library.Web.Features.Import.Marc;

/// <summary>
/// MARCXML (http://www.loc.gov/MARC21/slim): a collection of records or a single record, with leader, controlfield and
/// datafield/subfield elements. DTDs are prohibited and nothing external is resolved (no XXE, no entity expansion).
/// </summary>
internal static class MarcXmlReader
{
    public const string Namespace = "http://www.loc.gov/MARC21/slim";

    public static IReadOnlyList<MarcReadResult> Read(byte[] content)
    {
        if (HasDoctype(content))
        {
            throw new ImportFileUnreadableException("Import.File.MarcXmlDtd");
        }

        var results = new List<MarcReadResult>();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content, writable: false), Settings(DtdProcessing.Prohibit));
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && Is(reader, "record"))
                {
                    results.Add(new MarcReadResult(results.Count + 1, ReadRecord(reader), null));
                }
            }
        }
        catch (XmlException e)
        {
            throw new ImportFileUnreadableException("Import.File.MarcXmlInvalid", e.LineNumber);
        }

        return results;
    }

    /// <summary>True when the root element is a MARC slim collection or record (or an unprefixed record).</summary>
    public static bool LooksLikeMarcXml(ReadOnlySpan<byte> content)
    {
        var start = content.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (start < content.Length && content[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        if (start >= content.Length || content[start] != '<')
        {
            return false;
        }

        try
        {
            // Only the prolog and the root's start tag are read; a prefix of the file is enough. A DTD is skipped here
            // (never processed) so that Read can refuse it with its own message.
            var head = content[..Math.Min(content.Length, 64 * 1024)].ToArray();
            using var reader = XmlReader.Create(new MemoryStream(head, writable: false), Settings(DtdProcessing.Ignore));
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return false;
            }

            return reader.NamespaceURI == Namespace ? reader.LocalName is "collection" or "record"
                : reader.NamespaceURI.Length == 0 && reader.Name == "record";
        }
        catch (XmlException)
        {
            return false;
        }
    }

    private static XmlReaderSettings Settings(DtdProcessing dtd) => new()
    {
        DtdProcessing = dtd,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
    };

    private static MarcRecord ReadRecord(XmlReader reader)
    {
        var leader = string.Empty;
        var fields = new List<MarcField>();
        if (reader.IsEmptyElement)
        {
            return new MarcRecord(leader, fields);
        }

        var depth = reader.Depth;
        reader.Read();
        // ReadElementContentAsString already moves past the element: only advance by hand for other nodes.
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && Is(reader, "leader"))
            {
                leader = reader.ReadElementContentAsString();
            }
            else if (reader.NodeType == XmlNodeType.Element && Is(reader, "controlfield"))
            {
                var tag = reader.GetAttribute("tag") ?? string.Empty;
                fields.Add(MarcField.Control(tag, reader.ReadElementContentAsString()));
            }
            else if (reader.NodeType == XmlNodeType.Element && Is(reader, "datafield"))
            {
                fields.Add(ReadDataField(reader));
            }
            else
            {
                reader.Read();
            }
        }

        return new MarcRecord(leader, fields);
    }

    private static MarcField ReadDataField(XmlReader reader)
    {
        var tag = reader.GetAttribute("tag") ?? string.Empty;
        var indicator1 = Indicator(reader.GetAttribute("ind1"));
        var indicator2 = Indicator(reader.GetAttribute("ind2"));
        var subfields = new List<MarcSubfield>();
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return new MarcField(tag, indicator1, indicator2, null, subfields);
        }

        var depth = reader.Depth;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element && Is(reader, "subfield"))
            {
                var code = reader.GetAttribute("code");
                var value = reader.ReadElementContentAsString();
                if (!string.IsNullOrEmpty(code))
                {
                    subfields.Add(new MarcSubfield(code[0], value));
                }
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read(); // past </datafield>
        return new MarcField(tag, indicator1, indicator2, null, subfields);
    }

    private static char Indicator(string? value) => string.IsNullOrEmpty(value) ? ' ' : value[0];

    private static bool Is(XmlReader reader, string localName) =>
        reader.LocalName == localName && (reader.NamespaceURI == Namespace || reader.NamespaceURI.Length == 0);

    /// <summary>A DOCTYPE in the prolog (XmlReader would refuse it too; this gives the librarian the specific reason).</summary>
    private static bool HasDoctype(byte[] content) =>
        Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 4096)).Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);
}
