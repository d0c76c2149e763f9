namespace Library.Domain.Common;

/// <summary>What reading a scanned or typed code found.</summary>
public enum ScanCodeProblem
{
    None,
    Empty,
    /// <summary>Not a prefix of letters followed by digits.</summary>
    Malformed,
    /// <summary>The library's own format, but the last digit is not the check digit: a mistyped or misread code.</summary>
    WrongCheckDigit,
}

/// <summary>
/// The library's printed codes (copy barcodes, library card numbers): a prefix of capital letters chosen by the library,
/// a zero-padded sequence number and a Luhn check digit over the digits, e.g. <c>LIB000000125</c> (sequence 12, check 5).
/// Scanners type them followed by Enter; hand-typed ones may come in lower case or with spaces, which are dropped.
/// </summary>
public static class ScanCode
{
    public const int SequenceDigits = 8;
    public const int MaxPrefixLength = 8;

    /// <summary>The code for <paramref name="sequence"/> (1 or more) under <paramref name="prefix"/>.</summary>
    public static string Create(string prefix, long sequence)
    {
        if (!IsValidPrefix(prefix))
        {
            throw new ArgumentException($"A code prefix is 0 to {MaxPrefixLength} capital letters A-Z.", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        var digits = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(SequenceDigits, '0');
        return prefix + digits + LuhnCheckDigit.Compute(digits);
    }

    public static bool IsValidPrefix(string? prefix) =>
        prefix is not null && prefix.Length <= MaxPrefixLength && prefix.All(char.IsAsciiLetterUpper);

    /// <summary>
    /// Normalises a scanned or typed code (white space and hyphens dropped, upper case). A code that starts with
    /// <paramref name="prefix"/> followed only by digits is the library's own and must carry its check digit; any other
    /// letters-then-digits code (labels an earlier system printed) is accepted as it is.
    /// </summary>
    public static ScanCodeProblem Read(string? input, string prefix, out string code)
    {
        code = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return ScanCodeProblem.Empty;
        }

        var compact = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray()).ToUpperInvariant();
        var letters = compact.TakeWhile(char.IsAsciiLetterUpper).Count();
        var digits = compact.AsSpan(letters);
        if (compact.Length > 40 || digits.Length == 0 || !digits.ToString().All(char.IsAsciiDigit))
        {
            return ScanCodeProblem.Malformed;
        }

        if (compact.AsSpan(0, letters).SequenceEqual(prefix) && !LuhnCheckDigit.IsValid(digits))
        {
            return ScanCodeProblem.WrongCheckDigit;
        }

        code = compact;
        return ScanCodeProblem.None;
    }
}
