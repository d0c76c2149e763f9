using Library.Domain.Common;
using Library.Web.Infrastructure.Errors;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Components.Pages.Admin.Desk;

/// <summary>
/// Why a scan was refused, in the librarian's language: a misread code (check digit), an unknown barcode or card, or a
/// broken lending rule (RuleMessages). Anything else is logged and shown as "scan it again".
/// </summary>
internal sealed class DeskProblems(IStringLocalizer<DeskText> text, RuleMessages rules, ILogger logger)
{
    /// <returns>Null for a cancellation (the page is closing): nothing to show.</returns>
    public string? Describe(Exception exception, string input, bool card) => exception switch
    {
        OperationCanceledException => null,
        UnreadableScanException { Problem: ScanCodeProblem.WrongCheckDigit } => text[card ? "Error.CheckDigit.Card" : "Error.CheckDigit.Barcode", input],
        UnreadableScanException => text[card ? "Error.NotACard" : "Error.NotABarcode", input],
        NotFoundException { What: "Copy" } => text["Error.UnknownCopy", input],
        NotFoundException { What: "Card" } => text["Error.UnknownCard", input],
        NotFoundException => text["Error.PatronGone"],
        BusinessRuleViolationException refused => rules.For(refused.BrokenRule),
        _ => Unexpected(exception),
    };

    private string Unexpected(Exception exception)
    {
        logger.LogError(exception, "A desk scan failed");
        return text["Error.Failed"];
    }
}
