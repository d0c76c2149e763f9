using Library.Web.Features.Import;
using Library.Web.Features.Import.Marc;

namespace Library.Tests.Import.Marc;

public sealed class MarcMappingTests
{
    private static ImportRecord Map(MarcBuilder builder) =>
        Assert.Single(MarcImport.Read(builder.Build(), ImportFormat.MarcIso2709).Records);

    private static MarcBuilder Titled() => new MarcBuilder().Control("008", "190315s2001    ulk                 kor c")
        .Data("245", "00", "a", "제목.");

    [Fact]
    public void Year_comes_from_264_before_260_before_008()
    {
        Assert.Equal("2019", Map(Titled().Data("260", "  ", "c", "1990.").Data("264", " 1", "b", "문학동네,", "c", "c2019.")).Year);
        Assert.Equal("1990", Map(Titled().Data("260", "  ", "b", "민음사,", "c", "1990.")).Year);
        Assert.Equal("2001", Map(Titled()).Year);
        Assert.Null(Map(new MarcBuilder().Control("008", "190315suuuu    ulk                 kor c").Data("245", "00", "a", "제목")).Year);
    }

    [Fact]
    public void Publication_264_wins_over_a_copyright_264_and_the_copyright_year_fills_in()
    {
        var record = Map(Titled().Data("264", " 4", "c", "©2018").Data("264", " 1", "b", "창비 :", "c", "[n.d.]"));

        Assert.Equal(("창비", "2018"), (record.Publisher, record.Year));
    }

    [Fact]
    public void Copies_count_952_items_else_852_holdings_else_one()
    {
        Assert.Equal("3", Map(Titled().Data("952", "  ", "p", "1").Data("952", "  ", "p", "2").Data("952", "  ", "p", "3").Data("852", "  ", "a", "x")).Copies);
        Assert.Equal("2", Map(Titled().Data("852", "  ", "a", "x").Data("852", "  ", "a", "y")).Copies);
        Assert.Equal("1", Map(Titled()).Copies);
    }

    [Fact]
    public void Record_without_020_has_no_isbn_and_an_invalid_one_is_passed_on_for_the_import_to_report()
    {
        Assert.Null(Map(Titled()).Isbn);
        Assert.Equal("9780000000001", Map(Titled().Data("020", "  ", "a", "9780000000001 (pbk.)")).Isbn);
        Assert.Equal("0143039431", Map(Titled().Data("020", "  ", "z", "9780000000001").Data("020", "  ", "a", "0-14-303943-1 (v. 1)")).Isbn);
    }

    [Fact]
    public void Author_falls_back_from_100_to_110_to_the_first_700()
    {
        Assert.Equal("Kim, Young-ha", Map(Titled().Data("700", "1 ", "a", "Lee, B.").Data("100", "1 ", "a", "Kim, Young-ha,")).Author);
        Assert.Equal("Korea. Ministry of Culture", Map(Titled().Data("110", "1 ", "a", "Korea. Ministry of Culture.")).Author);
        Assert.Equal("Lee, B.", Map(Titled().Data("700", "1 ", "a", "Lee, B.,").Data("700", "1 ", "a", "Park, C.")).Author);
    }

    [Theory]
    [InlineData("Title /", "Title")]
    [InlineData("Title :", "Title")]
    [InlineData("Title ;", "Title")]
    [InlineData("Title =", "Title")]
    [InlineData("Title.", "Title")]
    [InlineData("What now?", "What now?")]
    public void Trailing_isbd_punctuation_is_trimmed(string written, string expected) =>
        Assert.Equal(expected, MarcMapper.TrimIsbd(written));

    [Fact]
    public void Subtitle_gets_a_colon_when_245a_has_none()
    {
        Assert.Equal("Annual report : statistics", Map(new MarcBuilder().Data("245", "00", "a", "Annual report", "b", "statistics /")).Title);
        Assert.Equal("나목 = The bare tree", Map(new MarcBuilder().Data("245", "00", "a", "나목 =", "b", "The bare tree /")).Title);
    }
}
