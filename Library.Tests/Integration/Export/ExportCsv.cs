using System.Net;
using System.Text;
using Sylvan.Data.Csv;

namespace Library.Tests.Integration.Export;

/// <summary>A CSV download as a spreadsheet would see it: bytes (BOM), headers, and rows read back with Sylvan.Data.Csv.</summary>
internal sealed record ExportCsv(byte[] Bytes, string[] Header, List<string[]> Rows, HttpResponseMessage Response)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    public static async Task<ExportCsv> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        await using var csv = await CsvDataReader.CreateAsync(reader, new CsvDataReaderOptions { HasHeaders = true });
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        var rows = new List<string[]>();
        while (await csv.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }

        return new ExportCsv(bytes, header, rows, response);
    }

    public string Column(string[] row, string name) => row[Array.IndexOf(Header, name)];

    public void AssertSpreadsheetFile(string namePrefix, DateOnly today)
    {
        Assert.Equal([0xEF, 0xBB, 0xBF], Bytes[..3]);
        Assert.Equal("text/csv", Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", Response.Content.Headers.ContentType?.CharSet);
        Assert.Equal($"{namePrefix}-{today:yyyy-MM-dd}.csv", Response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("\r\n", Text);
    }
}
