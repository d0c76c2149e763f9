using System.Text;

namespace Library.Web.Features.Import;

/// <summary>Import file bytes to text, and whether the text is text at all.</summary>
internal static class ImportDecoding
{
    private const int Cp949CodePage = 949;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ImportDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>"auto", "utf-8"/"utf8", "cp949"/"euc-kr"; null for anything else.</summary>
    public static ImportEncoding? ParseEncoding(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => ImportEncoding.Auto,
        "utf-8" or "utf8" => ImportEncoding.Utf8,
        "cp949" or "euc-kr" or "ks_c_5601-1987" => ImportEncoding.Cp949,
        _ => null,
    };

    /// <summary>
    /// Decodes the file: a UTF-8 byte-order mark means UTF-8; bytes that are valid UTF-8 are UTF-8; anything else is read as
    /// CP949 (Korean Windows, a superset of EUC-KR), unless the librarian chose the encoding.
    /// </summary>
    public static string Decode(byte[] content, ImportEncoding encoding)
    {
        var hasBom = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF;
        var body = hasBom ? content.AsSpan(3) : content.AsSpan();
        if (encoding == ImportEncoding.Cp949)
        {
            return Encoding.GetEncoding(Cp949CodePage).GetString(body);
        }

        if (encoding == ImportEncoding.Utf8 || hasBom)
        {
            return Encoding.UTF8.GetString(body);
        }

        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(Cp949CodePage).GetString(body);
        }
    }

    /// <summary>False for binary content: NUL bytes or other control characters a spreadsheet export never holds.</summary>
    public static bool LooksLikeText(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, 64 * 1024));
        var controls = 0;
        foreach (var c in sample)
        {
            if (c == '\0' || c == '\uFFFD')
            {
                return false;
            }

            if (char.IsControl(c) && c is not ('\r' or '\n' or '\t'))
            {
                controls++;
            }
        }

        return controls == 0;
    }
}
