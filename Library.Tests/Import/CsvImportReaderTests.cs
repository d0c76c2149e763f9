using System.Text;
using Library.Web.Features.Import;

namespace Library.Tests.Import;

public sealed class CsvImportReaderTests
{
    private const string Header = "isbn,title,author,publisher,year,copies,description";

    static CsvImportReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static ImportFileContent Read(byte[] bytes, ImportEncoding encoding = ImportEncoding.Auto) =>
        ImportFileReader.Read(bytes, encoding, maxBytes: 20_971_520);

    private static ImportFileContent Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Utf8_with_a_byte_order_mark_reads_Korean_and_the_first_header_name()
    {
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\r\n9788936434120,채식주의자,한강,창비,2007,2,\r\n")).ToArray();

        var record = Assert.Single(Read(bytes).Records);

        Assert.Equal(new ImportRecord(2, "9788936434120", "채식주의자", "한강", "창비", "2007", "2", ""), record);
    }

    [Fact]
    public void Utf8_without_a_byte_order_mark_is_detected()
    {
        var record = Assert.Single(Read($"{Header}\n9788936434120,소년이 온다,한강,창비,2014,1,\n").Records);

        Assert.Equal("소년이 온다", record.Title);
    }

    [Fact]
    public void Cp949_bytes_are_detected_and_can_be_chosen()
    {
        var cp949 = Encoding.GetEncoding(949).GetBytes("isbn,서명,저자\r\n9788936434120,채식주의자,한강\r\n");

        Assert.Equal("채식주의자", Assert.Single(Read(cp949).Records).Title);
        Assert.Equal("한강", Assert.Single(Read(cp949, ImportEncoding.Cp949).Records).Author);
    }

    [Fact]
    public void Semicolons_are_taken_from_the_header_line()
    {
        var record = Assert.Single(Read("title;isbn;author\n\"Dune, the novel\";9780441172719;Frank Herbert\n").Records);

        Assert.Equal(("Dune, the novel", "9780441172719", "Frank Herbert"), (record.Title, record.Isbn, record.Author));
    }

    [Fact]
    public void A_quoted_field_over_several_lines_keeps_the_line_numbers_of_the_file()
    {
        var content = Read($"{Header}\n9780441172719,Dune,Frank Herbert,Ace,1965,1,\"Desert planet.\nSpice.\nWorms.\"\n9780261103573,The Hobbit,Tolkien,,,,\n");

        Assert.Equal([2, 5], content.Records.Select(r => r.Line));
        Assert.Equal("Desert planet.\nSpice.\nWorms.", content.Records[0].Description);
    }

    [Fact]
    public void Blank_lines_are_skipped_and_still_counted()
    {
        var content = Read($"{Header}\n\n9780441172719,Dune,Frank Herbert,,,,\n,,,,,,\n9780261103573,The Hobbit,Tolkien,,,,\n");

        Assert.Equal([3, 5], content.Records.Select(r => r.Line));
    }

    [Fact]
    public void Korean_header_names_in_any_order_and_extra_columns_are_ignored()
    {
        var record = Assert.Single(Read("비고,지은이,도서명,ISBN,발행처,발행연도,부수,소개\n메모,한강,채식주의자,978-89-364-3412-0,창비,2007,3,연작소설\n").Records);

        Assert.Equal(new ImportRecord(2, "978-89-364-3412-0", "채식주의자", "한강", "창비", "2007", "3", "연작소설"), record);
    }

    [Fact]
    public void Columns_the_file_lacks_are_null_so_an_update_keeps_them()
    {
        var record = Assert.Single(Read("ISBN,Title,Author\n9780441172719,Dune,Frank Herbert\n").Records);

        Assert.Null(record.Publisher);
        Assert.Null(record.Copies);
    }

    [Fact]
    public void A_missing_title_column_refuses_the_whole_file()
    {
        var unreadable = Assert.Throws<ImportFileUnreadableException>(() => Read("isbn,author\n9780441172719,Frank Herbert\n"));

        Assert.Equal("Import.File.MissingColumns", unreadable.Code);
        Assert.Equal("title", unreadable.Arguments.Single());
    }

    [Fact]
    public void The_exports_formula_guard_is_taken_off()
    {
        var record = Assert.Single(Read($"{Header}\n9780441172719,'=Dune,'-Herbert,'Ace,,,\n").Records);

        Assert.Equal(("=Dune", "-Herbert", "'Ace"), (record.Title, record.Author, record.Publisher));
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52 }, "Import.File.Unrecognised")]
    [InlineData(new byte[0], "Import.File.Empty")]
    [InlineData(new byte[] { 0x20, 0x0A }, "Import.File.Empty")]
    public void Binary_and_empty_files_are_refused(byte[] bytes, string code)
    {
        Assert.Equal(code, Assert.Throws<ImportFileUnreadableException>(() => Read(bytes)).Code);
    }

    [Fact]
    public void Text_without_a_known_header_is_not_csv()
    {
        Assert.Equal("Import.File.Unrecognised", Assert.Throws<ImportFileUnreadableException>(() => Read("hello world\nthis is a letter\n")).Code);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused()
    {
        var unreadable = Assert.Throws<ImportFileUnreadableException>(
            () => ImportFileReader.Read(Encoding.UTF8.GetBytes($"{Header}\n9780441172719,Dune,Frank Herbert,,,,\n"), ImportEncoding.Auto, maxBytes: 10));

        Assert.Equal("Import.File.TooLarge", unreadable.Code);
    }
}
