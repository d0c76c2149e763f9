using System.Text;
using Library.Web.Features.Import;
using Library.Web.Features.Import.Marc;

namespace Library.Tests.Import.Marc;

public sealed class MarcSniffTests
{
    [Fact]
    public void Iso2709_is_recognised_from_its_leader_and_directory() =>
        Assert.Equal(ImportFormat.MarcIso2709, MarcImport.Sniff(MarcLiterals.Bytes(MarcLiterals.Vegetarian)));

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<collection xmlns=\"http://www.loc.gov/MARC21/slim\"><record/></collection>")]
    [InlineData("\uFEFF  <marc:record xmlns:marc=\"http://www.loc.gov/MARC21/slim\"></marc:record>")]
    [InlineData("<record><leader>00000nam a2200000 i 4500</leader></record>")]
    public void Marcxml_is_recognised_from_its_root_element(string xml) =>
        Assert.Equal(ImportFormat.MarcXml, MarcImport.Sniff(Encoding.UTF8.GetBytes(xml)));

    [Theory]
    [InlineData("12345,Title,Author,Publisher,2019,1,description\r\n")]
    [InlineData("978893643359800000000000000000000,채식주의자,한강\r\n")]
    [InlineData("isbn,title,author,publisher,year,copies,description\r\n9788936433598,채식주의자,한강,창비,2007,2,\r\n")]
    [InlineData("<books><book>not MARC</book></books>")]
    [InlineData("<collection xmlns=\"urn:other\"><record/></collection>")]
    [InlineData("")]
    public void Csv_and_other_files_are_not_taken_for_marc(string text) =>
        Assert.Null(MarcImport.Sniff(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Digits_with_a_fake_base_address_are_not_enough()
    {
        // Leader-shaped digits, but no 0x1E where the base address points.
        var fake = Encoding.ASCII.GetBytes("00100nam a2200037 i 4500" + "245000500000" + "X" + new string('y', 60));

        Assert.Null(MarcImport.Sniff(fake));
    }
}
