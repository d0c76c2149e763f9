using Library.Web.Features.Import;
using Library.Web.Features.Import.Marc;

namespace Library.Tests.Import.Marc;

/// <summary>The multi-record fixtures the API integration test uses too (marc-sample.py tells how they were made).</summary>
public sealed class MarcFixtureTests
{
    private static readonly ImportRecord[] Expected =
        [MarcExpected.Vegetarian, MarcExpected.Hobbit, MarcExpected.OldMaps, MarcExpected.AnnualReport];

    [Theory]
    [InlineData("marc-sample.mrc", nameof(ImportFormat.MarcIso2709))]
    [InlineData("marc-sample.xml", nameof(ImportFormat.MarcXml))]
    public void Sample_file_is_sniffed_and_reads_four_titles(string name, string formatName)
    {
        var format = Enum.Parse<ImportFormat>(formatName);
        var bytes = File.ReadAllBytes(MarcExpected.Fixture(name));

        Assert.Equal(format, MarcImport.Sniff(bytes));
        var content = MarcImport.Read(bytes, format);
        Assert.Equal(Expected, content.Records);
        Assert.Empty(content.Problems);
    }
}
