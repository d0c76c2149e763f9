using Library.Domain.Common;

namespace Library.Tests.Domain;

public sealed class ScanCodeTests
{
    [Fact]
    public void A_code_is_the_prefix_the_padded_sequence_and_its_check_digit()
    {
        Assert.Equal("LIB000000125", ScanCode.Create("LIB", 12));
        Assert.Equal("P000000018", ScanCode.Create("P", 1));
        Assert.Equal("000000018", ScanCode.Create("", 1));
    }

    [Theory]
    [InlineData("lib")]
    [InlineData("LIB1")]
    [InlineData("TOOLONGPREFIX")]
    public void A_prefix_is_capital_letters_only(string prefix) =>
        Assert.Throws<ArgumentException>(() => ScanCode.Create(prefix, 1));

    [Theory]
    [InlineData("LIB000000125", "LIB000000125")]
    [InlineData(" lib 0000-00125\n", "LIB000000125")]
    [InlineData("OLD12345", "OLD12345")] // an earlier system's label: no check digit of ours to verify
    public void Scanned_and_typed_codes_are_normalised(string input, string expected)
    {
        Assert.Equal(ScanCodeProblem.None, ScanCode.Read(input, "LIB", out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("LIB000000126", ScanCodeProblem.WrongCheckDigit)]
    [InlineData("LIB000000152", ScanCodeProblem.WrongCheckDigit)]
    [InlineData("", ScanCodeProblem.Empty)]
    [InlineData("   ", ScanCodeProblem.Empty)]
    [InlineData("LIB", ScanCodeProblem.Malformed)]
    [InlineData("LIB12X4", ScanCodeProblem.Malformed)]
    [InlineData("'; DROP TABLE", ScanCodeProblem.Malformed)]
    public void Bad_codes_are_caught_before_any_lookup(string input, ScanCodeProblem expected)
    {
        Assert.Equal(expected, ScanCode.Read(input, "LIB", out var code));
        Assert.Equal(string.Empty, code);
    }
}
