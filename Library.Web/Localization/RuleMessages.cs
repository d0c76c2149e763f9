using System.Globalization;
using Library.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Library.Web.Localization;

/// <summary>Turns a broken rule into a message in the current UI language ("Rule.{Code}" resources), English as fallback.</summary>
public sealed class RuleMessages(IStringLocalizer<SharedResource> localizer)
{
    public string For(IBusinessRule rule)
    {
        var template = localizer["Rule." + rule.MessageKey];
        if (template.ResourceNotFound)
        {
            return rule.Message;
        }

        try
        {
            return string.Format(CultureInfo.CurrentCulture, template.Value, rule.Arguments);
        }
        catch (FormatException)
        {
            return rule.Message;
        }
    }
}
