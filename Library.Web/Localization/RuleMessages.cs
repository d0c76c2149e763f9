using System.Globalization;
using Library.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Library.Web.Localization;

/// <summary>Turns a broken rule into a message in the current UI language ("Rule.{Code}" resources), English as fallback.</summary>
public sealed class RuleMessages(IStringLocalizer<SharedResource> localizer)
{
    public string For(IBusinessRule rule)
    {
        // Rules name their count first ("{0} copies are on loan"): one copy reads "1 copy is on loan" (Plurals).
        var key = "Rule." + rule.MessageKey;
        var template = localizer[rule.Arguments is [int count, ..] ? localizer.PluralKey(key, count) : key];
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
