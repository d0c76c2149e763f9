using System.Globalization;
using System.Text;

namespace Library.Web.Infrastructure.Csv;

/// <summary>
/// A CSV download for spreadsheets (decision 121): UTF-8 with a byte-order mark (Excel then reads Korean), CRLF lines,
/// RFC 4180 quoting, and a leading apostrophe on a text a spreadsheet would run as a formula (=, +, -, @, tab, CR first;
/// OWASP's advice against CSV injection). Numbers and dates are written by the caller in one invariant form
/// (<see cref="Number"/>, <see cref="Day"/>). Reading CSV is Sylvan.Data.Csv's job (the import).
/// </summary>
internal sealed class CsvSheet : IAsyncDisposable
{
    private readonly StreamWriter _writer;

    private CsvSheet(Stream output)
    {
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = "\r\n",
        };
    }

    public static CsvSheet Open(Stream output) => new(output);

    public Task WriteRowAsync(params string?[] fields) =>
        _writer.WriteLineAsync(string.Join(',', fields.Select(f => Field(f ?? string.Empty))));

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.FlushAsync();
        await _writer.DisposeAsync();
    }
}
