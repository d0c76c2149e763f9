using Library.Domain.Common;

namespace Library.Tests.Domain;

public sealed class LuhnCheckDigitTests
{
    [Theory]
    [InlineData("7992739871", '3')] // the textbook example
    [InlineData("0", '0')]
    [InlineData("00000001", '8')]
    [InlineData("00000012", '5')]
    public void Check_digit_is_the_luhn_digit(string digits, char expected) =>
        Assert.Equal(expected, LuhnCheckDigit.Compute(digits));

    [Fact]
    public void Every_single_mistyped_digit_is_caught()
    {
        const string number = "000012345674";
        Assert.True(LuhnCheckDigit.IsValid(number));
        for (var i = 0; i < number.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d != number[i])
                {
                    var typo = number[..i] + d + number[(i + 1)..];
                    Assert.False(LuhnCheckDigit.IsValid(typo), typo);
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("12a4")]
    public void Too_short_or_not_digits_is_not_valid(string number) => Assert.False(LuhnCheckDigit.IsValid(number));
}
