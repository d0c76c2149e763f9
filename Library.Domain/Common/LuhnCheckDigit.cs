namespace Library.Domain.Common;

/// <summary>
/// Luhn mod 10 over a run of decimal digits: catches every single mistyped digit and most swaps of two neighbours,
/// which is what a hand-typed barcode or card number gets wrong.
/// </summary>
public static class LuhnCheckDigit
{
    /// <summary>The digit to append to <paramref name="digits"/> (ASCII digits only, at least one).</summary>
    public static char Compute(ReadOnlySpan<char> digits)
    {
        if (digits.IsEmpty || !digits.ContainsOnlyAsciiDigits())
        {
            throw new ArgumentException("Only the digits 0-9 carry a Luhn check digit.", nameof(digits));
        }

        var sum = 0;
        var doubled = true; // the rightmost digit of the payload is doubled once the check digit is appended
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return (char)('0' + (10 - sum % 10) % 10);
    }

    /// <summary>True when the last digit of <paramref name="number"/> is the Luhn check digit of the digits before it.</summary>
    public static bool IsValid(ReadOnlySpan<char> number) =>
        number.Length >= 2 && number.ContainsOnlyAsciiDigits() && Compute(number[..^1]) == number[^1];

    private static bool ContainsOnlyAsciiDigits(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
