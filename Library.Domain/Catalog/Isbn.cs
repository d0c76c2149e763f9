namespace Library.Domain.Catalog;

/// <summary>ISBN-10 or ISBN-13 with a valid check digit, stored without hyphens or spaces (X upper-case).</summary>
public static class Isbn
{
    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        var compact = new string(input.Where(c => c is not ('-' or ' ')).ToArray()).ToUpperInvariant();
        if (!IsValidIsbn10(compact) && !IsValidIsbn13(compact))
        {
            return false;
        }

        normalized = compact;
        return true;
    }

    public static bool IsValid(string? input) => TryNormalize(input, out _);

    private static bool IsValidIsbn10(string s)
    {
        if (s.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            int digit;
            if (char.IsAsciiDigit(s[i]))
            {
                digit = s[i] - '0';
            }
            else if (i == 9 && s[i] == 'X')
            {
                digit = 10;
            }
            else
            {
                return false;
            }

            sum += digit * (10 - i);
        }

        return sum % 11 == 0;
    }

    private static bool IsValidIsbn13(string s)
    {
        if (s.Length != 13 || !s.All(char.IsAsciiDigit) || !(s.StartsWith("978") || s.StartsWith("979")))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (s[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }

        var check = (10 - sum % 10) % 10;
        return check == s[12] - '0';
    }
}
