using System.Text;

namespace Library.Web.Features.Import.Marc;

/// <summary>
/// ISO 2709 (MARC 21 transmission format): a 24-byte leader, a directory of 12-byte entries (tag, length, start) ended by
/// 0x1E, then the fields, each ended by 0x1E; 0x1D ends the record. Lengths and positions count BYTES. A record that does not
/// fit together becomes a problem and reading resumes after the next record terminator.
/// </summary>
internal static class Iso2709Reader
{
    public const byte RecordTerminator = 0x1D;
    public const byte FieldTerminator = 0x1E;
    public const byte SubfieldDelimiter = 0x1F;
    private const int LeaderLength = 24;
    private const int EntryLength = 12;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static IEnumerable<MarcReadResult> Read(byte[] content)
    {
        var position = 0;
        var number = 0;
        while (true)
        {
            position = SkipFiller(content, position);
            if (position >= content.Length)
            {
                yield break;
            }

            number++;
            var declared = Digits(content, position, 5);
            var end = position + declared;
            if (declared < LeaderLength + 2 || end > content.Length || content[end - 1] != RecordTerminator)
            {
                yield return Broken(number, "leader", "Import.Problem.MarcRecordLength");
                var next = Array.IndexOf(content, RecordTerminator, position);
                if (next < 0)
                {
                    yield break;
                }

                position = next + 1;
                continue;
            }

            yield return ReadOne(content.AsSpan(position, declared), number);
            position = end;
        }
    }

    /// <summary>True when the bytes start like an ISO 2709 record: digits where the leader has numbers and a directory that ends where the base address says.</summary>
    public static bool LooksLikeRecord(ReadOnlySpan<byte> content)
    {
        if (content.Length < LeaderLength + 1)
        {
            return false;
        }

        for (var i = 0; i < LeaderLength; i++)
        {
            if (content[i] is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        var length = Digits(content, 0, 5);
        var baseAddress = Digits(content, 12, 5);
        return length > LeaderLength && baseAddress > LeaderLength && baseAddress <= length
            && (baseAddress - 1 - LeaderLength) % EntryLength == 0
            && baseAddress <= content.Length && content[baseAddress - 1] == FieldTerminator;
    }

    private static MarcReadResult ReadOne(ReadOnlySpan<byte> record, int number)
    {
        var leader = Encoding.ASCII.GetString(record[..LeaderLength]);
        if (leader[9] != 'a')
        {
            return Broken(number, "leader/09", "Import.Problem.MarcNotUtf8");
        }

        var baseAddress = Digits(record, 12, 5);
        if (baseAddress <= LeaderLength || baseAddress >= record.Length || record[baseAddress - 1] != FieldTerminator
            || (baseAddress - 1 - LeaderLength) % EntryLength != 0)
        {
            return Broken(number, "directory", "Import.Problem.MarcDirectory");
        }

        var fields = new List<MarcField>();
        var dataEnd = record.Length - 1; // the record terminator
        for (var entry = LeaderLength; entry < baseAddress - 1; entry += EntryLength)
        {
            var tag = Encoding.ASCII.GetString(record.Slice(entry, 3));
            var length = Digits(record, entry + 3, 4);
            var start = Digits(record, entry + 7, 5);
            var from = baseAddress + start;
            if (length < 1 || start < 0 || from + length > dataEnd || record[from + length - 1] != FieldTerminator)
            {
                return Broken(number, tag, "Import.Problem.MarcDirectory");
            }

            string text;
            try
            {
                text = StrictUtf8.GetString(record.Slice(from, length - 1));
            }
            catch (DecoderFallbackException)
            {
                return Broken(number, tag, "Import.Problem.MarcInvalidUtf8");
            }

            fields.Add(tag.StartsWith("00", StringComparison.Ordinal) ? MarcField.Control(tag, text) : DataField(tag, text));
        }

        return new MarcReadResult(number, new MarcRecord(leader, fields), null);
    }

    private static MarcField DataField(string tag, string text)
    {
        var indicator1 = text.Length > 0 ? text[0] : ' ';
        var indicator2 = text.Length > 1 ? text[1] : ' ';
        var subfields = new List<MarcSubfield>();
        foreach (var part in text.Split((char)SubfieldDelimiter).Skip(1))
        {
            if (part.Length > 0)
            {
                subfields.Add(new MarcSubfield(part[0], part[1..]));
            }
        }

        return new MarcField(tag, indicator1, indicator2, null, subfields);
    }

    private static MarcReadResult Broken(int number, string field, string code) => new(number, null, new ImportProblem(number, field, code));

    /// <summary>Line breaks, spaces, NULs and a DOS end-of-file some systems put between or after records.</summary>
    private static int SkipFiller(byte[] content, int position)
    {
        while (position < content.Length && content[position] is (byte)'\r' or (byte)'\n' or (byte)' ' or 0 or 0x1A)
        {
            position++;
        }

        return position;
    }

    /// <returns>The number, or -1 when the bytes are not all ASCII digits or run past the end.</returns>
    private static int Digits(ReadOnlySpan<byte> content, int offset, int count)
    {
        if (offset + count > content.Length)
        {
            return -1;
        }

        var value = 0;
        foreach (var b in content.Slice(offset, count))
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = value * 10 + (b - '0');
        }

        return value;
    }
}
