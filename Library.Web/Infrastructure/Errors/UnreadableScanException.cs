using Library.Domain.Common;

namespace Library.Web.Infrastructure.Errors;

/// <summary>A scanned or typed code that cannot be a code at all, or fails its check digit: 400, nothing is looked up.</summary>
public sealed class UnreadableScanException(string what, ScanCodeProblem problem, string? input)
    : Exception(problem == ScanCodeProblem.WrongCheckDigit
        ? $"The {what} '{input}' fails its check digit: it was mistyped or misread. Scan or type it again."
        : $"'{input}' is not a {what}.")
{
    public string What { get; } = what;
    public ScanCodeProblem Problem { get; } = problem;
}
