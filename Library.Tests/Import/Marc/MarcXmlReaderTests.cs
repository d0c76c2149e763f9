using System.Text;
using Library.Web.Features.Import;
using Library.Web.Features.Import.Marc;

namespace Library.Tests.Import.Marc;

public sealed class MarcXmlReaderTests
{
    [Fact]
    public void Marcxml_gives_the_same_records_as_iso2709()
    {
        var xml = MarcImport.Read(Encoding.UTF8.GetBytes(MarcLiterals.VegetarianAndHobbitXml), ImportFormat.MarcXml);
        var iso = MarcImport.Read(MarcLiterals.Bytes(MarcLiterals.Vegetarian, MarcLiterals.Hobbit), ImportFormat.MarcIso2709);

        Assert.Equal(iso.Records, xml.Records);
        Assert.Empty(xml.Problems);
    }

    [Fact]
    public void A_single_unprefixed_record_is_read()
    {
        const string Xml = """
            <record><leader>00000nam a2200000 i 4500</leader>
            <datafield tag="245" ind1="0" ind2="0"><subfield code="a">토지 /</subfield><subfield code="c">박경리.</subfield></datafield>
            <datafield tag="100" ind1="1" ind2=" "><subfield code="a">박경리,</subfield></datafield></record>
            """;

        var record = Assert.Single(MarcImport.Read(Encoding.UTF8.GetBytes(Xml), ImportFormat.MarcXml).Records);

        Assert.Equal(new ImportRecord(1, null, "토지", "박경리", null, null, "1", null), record);
    }

    [Fact]
    public void External_entity_attempt_is_refused_and_nothing_of_the_file_system_leaks()
    {
        const string Xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE record [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <record xmlns="http://www.loc.gov/MARC21/slim">
              <datafield tag="245" ind1="0" ind2="0"><subfield code="a">&xxe;</subfield></datafield>
            </record>
            """;

        var refused = Assert.Throws<ImportFileUnreadableException>(() => MarcImport.Read(Encoding.UTF8.GetBytes(Xxe), ImportFormat.MarcXml));

        Assert.Equal("Import.File.MarcXmlDtd", refused.Code);
    }

    [Fact]
    public void A_dtd_hidden_after_a_long_comment_is_still_prohibited_by_the_xml_reader()
    {
        var xml = "<?xml version=\"1.0\"?><!--" + new string('x', 5000) + "-->" +
            "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
            "<record><datafield tag=\"245\" ind1=\"0\" ind2=\"0\"><subfield code=\"a\">&b;</subfield></datafield></record>";

        var refused = Assert.Throws<ImportFileUnreadableException>(() => MarcImport.Read(Encoding.UTF8.GetBytes(xml), ImportFormat.MarcXml));

        Assert.Equal("Import.File.MarcXmlInvalid", refused.Code);
    }

    [Fact]
    public void Xml_that_is_not_well_formed_is_a_whole_file_error_with_its_line()
    {
        var refused = Assert.Throws<ImportFileUnreadableException>(() =>
            MarcImport.Read(Encoding.UTF8.GetBytes("<collection xmlns=\"http://www.loc.gov/MARC21/slim\">\n<record>\n</collection>"), ImportFormat.MarcXml));

        Assert.Equal("Import.File.MarcXmlInvalid", refused.Code);
        Assert.Equal(3, refused.Arguments[0]);
    }

    [Fact]
    public void A_collection_without_records_is_a_whole_file_error()
    {
        var refused = Assert.Throws<ImportFileUnreadableException>(() =>
            MarcImport.Read(Encoding.UTF8.GetBytes("<collection xmlns=\"http://www.loc.gov/MARC21/slim\"/>"), ImportFormat.MarcXml));

        Assert.Equal("Import.File.MarcNoRecords", refused.Code);
    }
}
