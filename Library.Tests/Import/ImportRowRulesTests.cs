using Library.Web.Features.Import;

namespace Library.Tests.Import;

public sealed class ImportRowRulesTests
{
    private static (ImportTitle? Title, List<ImportProblem> Problems) Check(
        string? isbn = "9780441172719", string? title = "Dune", string? author = "Frank Herbert", string? year = "1965", string? copies = "2")
    {
        var problems = new List<ImportProblem>();
        var result = ImportRowRules.Check(new ImportRecord(7, isbn, title, author, null, year, copies, null), 2026, problems);
        return (result, problems);
    }

    [Fact]
    public void A_valid_row_gives_the_normalised_isbn()
    {
        var (title, problems) = Check(isbn: "978-0-441-17271-9");

        Assert.Empty(problems);
        Assert.Equal(("9780441172719", 1965, 2), (title!.Isbn, title.Year, title.Copies));
    }

    [Theory]
    [InlineData("978044117271X", null, null, null, null, "isbn", "Import.Problem.IsbnInvalid")]
    [InlineData(null, "", null, null, null, "title", "Import.Problem.TitleRequired")]
    [InlineData(null, null, " ", null, null, "author", "Import.Problem.AuthorRequired")]
    [InlineData(null, null, null, "1200", null, "year", "Import.Problem.YearRange")]
    [InlineData(null, null, null, "2028", null, "year", "Import.Problem.YearRange")]
    [InlineData(null, null, null, "c1965", null, "year", "Import.Problem.YearNotNumber")]
    [InlineData(null, null, null, null, "2.5", "copies", "Import.Problem.CopiesNotNumber")]
    [InlineData(null, null, null, null, "-1", "copies", "Import.Problem.CopiesNegative")]
    [InlineData(null, null, null, null, "10000", "copies", "Import.Problem.CopiesTooMany")]
    public void A_bad_value_rejects_the_row_naming_line_and_field(string? isbn, string? title, string? author, string? year, string? copies, string field, string code)
    {
        var (result, problems) = Check(isbn ?? "9780441172719", title ?? "Dune", author ?? "Frank Herbert", year ?? "1965", copies ?? "2");

        Assert.Null(result);
        var problem = Assert.Single(problems);
        Assert.Equal((7, field, code), (problem.Line, problem.Field, problem.Code));
    }

    [Fact]
    public void Empty_copies_mean_not_given()
    {
        Assert.Null(Check(copies: "").Title!.Copies);
    }
}
