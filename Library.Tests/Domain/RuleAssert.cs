using System.Globalization;
using System.Text.RegularExpressions;
using Library.Domain.Common;

namespace Library.Tests.Domain;

internal static class RuleAssert
{
    /// <summary>Asserts that <paramref name="act"/> throws a <see cref="BusinessRuleViolationException"/> for <typeparamref name="TRule"/>.</summary>
    /// <returns>The broken rule, for further assertions on its message or arguments.</returns>
    public static TRule AssertBrokenRule<TRule>(Action act)
        where TRule : class, IBusinessRule
    {
        var exception = Assert.Throws<BusinessRuleViolationException>(act);
        var rule = Assert.IsType<TRule>(exception.BrokenRule);
        Assert.True(rule.IsBroken(), $"{typeof(TRule).Name} was thrown but reports itself as not broken.");
        Assert.Equal(rule.Message, exception.Message);
        return rule;
    }

    /// <summary>
    /// Asserts that the message can be shown to a user as is: not blank, no unfilled placeholders,
    /// and it mentions each value (numbers as whole numbers, so 3 does not match 13).
    /// </summary>
    public static void AssertReadableMessage(IBusinessRule rule, params object[] mentions)
    {
        var message = rule.Message;
        Assert.False(string.IsNullOrWhiteSpace(message), $"{rule.GetType().Name} has a blank message.");
        Assert.DoesNotContain("{", message);
        Assert.DoesNotContain("}", message);
        Assert.False(string.IsNullOrWhiteSpace(rule.Code), $"{rule.GetType().Name} has a blank code.");
        foreach (var mention in mentions)
        {
            var text = Convert.ToString(mention, CultureInfo.InvariantCulture)!;
            var pattern = mention is int or long
                ? $@"(?<!\d){Regex.Escape(text)}(?!\d)"
                : Regex.Escape(text);
            Assert.Matches(pattern, message);
        }
    }
}
