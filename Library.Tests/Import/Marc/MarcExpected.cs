using Library.Web.Features.Import;

namespace Library.Tests.Import.Marc;

internal static class MarcExpected
{
    public static readonly ImportRecord Vegetarian = new(
        1, "9788936433598", "채식주의자 : 한강 장편소설", "한강", "창비", "2007", "2", "평범한 여자 영혜가 육식을 거부하며 벌어지는 이야기.");

    public static readonly ImportRecord Hobbit = new(
        2, "9780261103344", "The hobbit, or, There and back again", "Tolkien, J. R. R.", "HarperCollins", "1999", "1", null);

    public static readonly ImportRecord OldMaps = new(3, null, "한국의 옛 지도", "김정호", null, "1985", "1", null);

    public static readonly ImportRecord AnnualReport = new(
        4, "9788960905115", "Annual report : library statistics", "National Library of Korea", "National Library of Korea", "2021", "3",
        "Statistics of Korean public libraries, \"visitors, loans\" and =formulas.");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", name);
}
