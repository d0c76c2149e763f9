using Bunit;
using Library.Tests.TestSupport;
using Library.Web.Components.Pages.Lending;
using Library.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Library.Tests.Components;

/// <summary>"1 day" / "2 days", "1 fee" / "0 fees" in English, never "(s)"; Korean counters stay as they are.</summary>
public sealed class PluralsTests : PatronComponentTest
{
    private string DueState(int daysOverdue, int daysLeft = 0) =>
        Render<LoanDueState>(p => p.Add(c => c.DaysOverdue, daysOverdue).Add(c => c.DaysLeft, daysLeft).Add(c => c.Fee, daysOverdue > 0 ? 500 : 0))
            .Markup;

    [Fact]
    public void Loan_states_say_1_day_and_2_days_in_English()
    {
        using var _ = new UseCulture("en");

        Assert.Contains("1 day overdue", DueState(1));
        Assert.Contains("2 days overdue", DueState(2));
        Assert.Contains("Due in 3 days", DueState(0, 3));
    }

    [Fact]
    public void Loan_states_use_the_day_counter_in_Korean()
    {
        using var _ = new UseCulture("ko");

        Assert.Contains("1일 연체", DueState(1));
        Assert.Contains("2일 연체", DueState(2));
        Assert.Contains("3일 남음", DueState(0, 3));
    }

    [Fact]
    public void Fee_totals_say_0_fees_1_fee_and_2_fees_and_Korean_counts_cases()
    {
        var admin = Context.Services.GetRequiredService<IStringLocalizer<AdminText>>();
        using (new UseCulture("en"))
        {
            Assert.Equal("0 fees · ₩0", admin.Plural("Fees.Total", 0, "₩0", 0).Value);
            Assert.Equal("1 fee · ₩500", admin.Plural("Fees.Total", 1, "₩500", 1).Value);
            Assert.Equal("2 fees · ₩1,000", admin.Plural("Fees.Total", 2, "₩1,000", 2).Value);
        }

        using (new UseCulture("ko"))
        {
            Assert.Equal("1건 · 합계 ₩500", admin.Plural("Fees.Total", 1, "₩500", 1).Value);
        }
    }

    [Fact]
    public void A_broken_rule_about_one_copy_says_copy()
    {
        using var _ = new UseCulture("en");
        var messages = Context.Services.GetRequiredService<RuleMessages>();

        var message = messages.For(new Library.Domain.Lending.Rules.CannotReturnMoreThanOnLoanRule(1, 2));

        Assert.Equal("You have 1 copy of this book on loan and cannot return 2.", message);
    }

    [Fact]
    public void No_English_text_writes_a_plural_with_parentheses()
    {
        var folder = Path.Combine(RepoRoot.Directory, "Library.Web", "Localization");
        var offenders = Directory.GetFiles(folder, "*.resx")
            .SelectMany(file => File.ReadLines(file).Where(line => line.Contains("(s)") || line.Contains("(es)")).Select(line => $"{Path.GetFileName(file)}: {line.Trim()}"))
            .ToList();

        Assert.Empty(offenders);
    }
}
