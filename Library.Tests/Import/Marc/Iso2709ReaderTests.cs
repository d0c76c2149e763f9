using System.Text;
using Library.Web.Features.Import;
using Library.Web.Features.Import.Marc;

namespace Library.Tests.Import.Marc;

public sealed class Iso2709ReaderTests
{
    [Fact]
    public void Korean_record_is_read_with_directory_lengths_in_bytes()
    {
        var content = MarcImport.Read(MarcLiterals.Bytes(MarcLiterals.Vegetarian), ImportFormat.MarcIso2709);

        Assert.Empty(content.Problems);
        Assert.Equal(MarcExpected.Vegetarian, Assert.Single(content.Records));
    }

    [Fact]
    public void Isbn_qualifier_is_dropped_and_260_gives_publisher_and_year()
    {
        var content = MarcImport.Read(MarcLiterals.Bytes(MarcLiterals.Vegetarian, MarcLiterals.Hobbit), ImportFormat.MarcIso2709);

        Assert.Equal([MarcExpected.Vegetarian, MarcExpected.Hobbit], content.Records);
    }

    [Fact]
    public void Broken_directory_length_rejects_that_record_and_the_next_one_is_read()
    {
        // 245 declared 70 bytes long instead of 60: it then ends past a field terminator.
        var broken = MarcLiterals.Vegetarian.Replace("245006000101", "245007000101", StringComparison.Ordinal);

        var content = MarcImport.Read(MarcLiterals.Bytes(broken, MarcLiterals.Hobbit), ImportFormat.MarcIso2709);

        var problem = Assert.Single(content.Problems);
        Assert.Equal((1, "245", "Import.Problem.MarcDirectory"), (problem.Line, problem.Field, problem.Code));
        Assert.Equal(MarcExpected.Hobbit, Assert.Single(content.Records));
    }

    [Fact]
    public void Wrong_record_length_rejects_that_record_and_reading_resumes_after_its_terminator()
    {
        var broken = "00999" + MarcLiterals.Vegetarian[5..];

        var content = MarcImport.Read(MarcLiterals.Bytes(broken, MarcLiterals.Hobbit), ImportFormat.MarcIso2709);

        Assert.Equal(new ImportProblem(1, "leader", "Import.Problem.MarcRecordLength"), Assert.Single(content.Problems), ProblemComparer.Instance);
        Assert.Equal(MarcExpected.Hobbit, Assert.Single(content.Records));
    }

    [Fact]
    public void Missing_record_terminator_at_the_end_of_the_file_is_a_problem_not_a_crash()
    {
        var truncated = MarcLiterals.Bytes(MarcLiterals.Vegetarian, MarcLiterals.Hobbit)[..^1];

        var content = MarcImport.Read(truncated, ImportFormat.MarcIso2709);

        Assert.Equal([MarcExpected.Vegetarian], content.Records);
        Assert.Equal((2, "Import.Problem.MarcRecordLength"), (Assert.Single(content.Problems).Line, content.Problems[0].Code));
    }

    [Fact]
    public void Marc8_record_is_rejected_with_a_clear_problem_and_the_utf8_one_is_read()
    {
        var marc8 = MarcLiterals.Hobbit[..9] + ' ' + MarcLiterals.Hobbit[10..];

        var content = MarcImport.Read(MarcLiterals.Bytes(MarcLiterals.Vegetarian, marc8), ImportFormat.MarcIso2709);

        Assert.Equal([MarcExpected.Vegetarian], content.Records);
        var problem = Assert.Single(content.Problems);
        Assert.Equal((2, "leader/09", "Import.Problem.MarcNotUtf8"), (problem.Line, problem.Field, problem.Code));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_reject_the_record()
    {
        var bytes = MarcLiterals.Bytes(MarcLiterals.Hobbit);
        var pound = Array.IndexOf(bytes, (byte)0xC2); // "£" = C2 A3; C2 alone followed by 'X' is not UTF-8
        bytes[pound + 1] = (byte)'X';

        var content = MarcImport.Read(bytes, ImportFormat.MarcIso2709);

        Assert.Empty(content.Records);
        Assert.Equal((1, "020", "Import.Problem.MarcInvalidUtf8"), (content.Problems[0].Line, content.Problems[0].Field, content.Problems[0].Code));
    }

    [Fact]
    public void Line_breaks_between_records_are_tolerated()
    {
        var content = MarcImport.Read(
            Encoding.UTF8.GetBytes(MarcLiterals.Vegetarian + "\r\n" + MarcLiterals.Hobbit + "\n"), ImportFormat.MarcIso2709);

        Assert.Equal([MarcExpected.Vegetarian, MarcExpected.Hobbit], content.Records);
        Assert.Empty(content.Problems);
    }

    [Fact]
    public void Control_fields_have_no_indicators_and_data_fields_keep_theirs()
    {
        var result = Iso2709Reader.Read(MarcLiterals.Bytes(MarcLiterals.Hobbit)).Single();

        Assert.Equal("ocm00012345", result.Record!.First("001")!.Value);
        var title = result.Record.First("245")!;
        Assert.Equal(('1', '4'), (title.Indicator1, title.Indicator2));
        Assert.Equal(["a", "c"], title.Subfields.Select(s => s.Code.ToString()));
    }

    private sealed class ProblemComparer : IEqualityComparer<ImportProblem>
    {
        public static readonly ProblemComparer Instance = new();

        public bool Equals(ImportProblem? x, ImportProblem? y) =>
            x is not null && y is not null && (x.Line, x.Field, x.Code) == (y.Line, y.Field, y.Code);

        public int GetHashCode(ImportProblem obj) => HashCode.Combine(obj.Line, obj.Field, obj.Code);
    }
}
