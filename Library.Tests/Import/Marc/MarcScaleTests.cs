using System.Diagnostics;
using Library.Web.Features.Import;
using Library.Web.Features.Import.Marc;
using Xunit.Abstractions;

namespace Library.Tests.Import.Marc;

/// <summary>20,000 records in one ISO 2709 file and as MARCXML read completely; the times are printed (README), not asserted.</summary>
public sealed class MarcScaleTests(ITestOutputHelper output)
{
    private const int Records = 20_000;

    [Fact]
    public void Twenty_thousand_records_read_completely_in_both_syntaxes()
    {
        var iso = MarcLiterals.Bytes(Enumerable.Range(0, Records / 2).SelectMany(_ => new[] { MarcLiterals.Vegetarian, MarcLiterals.Hobbit }).ToArray());
        var xml = System.Text.Encoding.UTF8.GetBytes(string.Concat(
            "<collection xmlns=\"http://www.loc.gov/MARC21/slim\">",
            string.Concat(Enumerable.Repeat(RecordsOf(MarcLiterals.VegetarianAndHobbitXml), Records / 2)),
            "</collection>"));

        var (isoContent, isoMs) = Time(() => MarcImport.Read(iso, ImportFormat.MarcIso2709));
        var (xmlContent, xmlMs) = Time(() => MarcImport.Read(xml, ImportFormat.MarcXml));

        output.WriteLine($"{Records} records: ISO 2709 ({iso.Length / 1024} KB) {isoMs:F0} ms, MARCXML ({xml.Length / 1024} KB) {xmlMs:F0} ms");
        Assert.Equal(Records, isoContent.Records.Count);
        Assert.Equal(Records, xmlContent.Records.Count);
        Assert.Equal(MarcExpected.Hobbit with { Line = Records }, isoContent.Records[^1]);
        Assert.Equal(isoContent.Records, xmlContent.Records);
    }

    private static string RecordsOf(string collection)
    {
        var start = collection.IndexOf("<marc:record>", StringComparison.Ordinal);
        var end = collection.LastIndexOf("</marc:record>", StringComparison.Ordinal) + "</marc:record>".Length;
        return collection[start..end].Replace("<marc:record>", "<marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\">", StringComparison.Ordinal);
    }

    private static (ImportFileContent Content, double Ms) Time(Func<ImportFileContent> read)
    {
        read(); // warm-up
        var watch = Stopwatch.StartNew();
        var content = read();
        return (content, watch.Elapsed.TotalMilliseconds);
    }
}
