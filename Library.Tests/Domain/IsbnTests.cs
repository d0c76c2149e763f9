using Library.Domain.Catalog;

namespace Library.Tests.Domain;

public sealed class IsbnTests
{
    [Theory]
    [InlineData("9780306406157")]
    [InlineData("9791030200003")]
    [InlineData("0306406152")]
    [InlineData("080442957X")]
    public void Valid_isbn_is_accepted_unchanged(string isbn)
    {
        Assert.True(Isbn.TryNormalize(isbn, out var normalized));
        Assert.Equal(isbn, normalized);
        Assert.True(Isbn.IsValid(isbn));
    }

    [Theory]
    [InlineData("978-0-306-40615-7", "9780306406157")]
    [InlineData("978 0 306 40615 7", "9780306406157")]
    [InlineData(" 978-0306406157 ", "9780306406157")]
    [InlineData("0-306-40615-2", "0306406152")]
    [InlineData("0-8044-2957-x", "080442957X")]
    public void Hyphens_and_spaces_are_removed_and_check_digit_x_is_upper_cased(string input, string expected)
    {
        Assert.True(Isbn.TryNormalize(input, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("9780306406158")]
    [InlineData("9780306406150")]
    [InlineData("0306406153")]
    [InlineData("0804429571")]
    public void Bad_check_digit_is_rejected(string isbn) => AssertRejected(isbn);

    [Theory]
    [InlineData("978030640615")]
    [InlineData("97803064061570")]
    [InlineData("030640615")]
    [InlineData("03064061522")]
    public void Wrong_length_is_rejected(string isbn) => AssertRejected(isbn);

    [Fact]
    public void Thirteen_digits_with_valid_checksum_but_977_prefix_is_rejected() =>
        AssertRejected("9770306406158");

    [Theory]
    [InlineData("08044295X7")]
    [InlineData("978030640615X")]
    [InlineData("978O306406157")]
    [InlineData("978.0.306.40615.7")]
    public void Letters_or_other_separators_are_rejected(string isbn) => AssertRejected(isbn);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("---")]
    public void Missing_isbn_is_rejected(string? isbn) => AssertRejected(isbn);

    private static void AssertRejected(string? isbn)
    {
        Assert.False(Isbn.TryNormalize(isbn, out var normalized));
        Assert.Equal(string.Empty, normalized);
        Assert.False(Isbn.IsValid(isbn));
    }
}
