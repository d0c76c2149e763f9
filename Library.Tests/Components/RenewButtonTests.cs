using System.Globalization;
using Bunit;
using Library.Domain.Common;
using Library.Domain.Lending;
using Library.Domain.Lending.Rules;
using Library.Web.Components.Pages.Lending;
using Library.Web.Components.Pages.Notices;
using Library.Web.Features.Lending;
using Library.Web.Features.Notices;
using Library.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace Library.Tests.Components;

/// <summary>The Renew button on My loans: renewals left, the click, and the refusal in the patron's language.</summary>
public sealed class RenewButtonTests : PatronComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static PatronLoanView Loan(int renewals) => new(
        Guid.NewGuid(), 7, "Quiet Rivers", "Ada Author", 1, 0, Now.AddDays(-8), Now.AddDays(6), LoanStatus.Active, 0, renewals);

    private IRenderedComponent<LoanList> RenderList(PatronLoanView loan, Action<PatronLoanView>? onRenew = null, string? refusal = null) =>
        Render<LoanList>(p => p
            .Add(l => l.Loans, [loan])
            .Add(l => l.Now, Now)
            .Add(l => l.FeeFor, _ => 0L)
            .Add(l => l.MaxRenewals, 2)
            .Add(l => l.OnRenew, v => onRenew?.Invoke(v))
            .Add(l => l.Refusals, refusal is null ? new Dictionary<Guid, string>() : new Dictionary<Guid, string> { [loan.Id] = refusal }));

    [Fact]
    public void Each_loan_shows_how_many_renewals_are_left_and_the_button_renews_that_loan()
    {
        var loan = Loan(renewals: 1);
        PatronLoanView? renewed = null;
        var list = RenderList(loan, l => renewed = l);

        Assert.Equal("1 renewal left", list.Find("[data-testid=renewals-left]").TextContent.Trim());
        var button = list.Find("[data-testid=renew-button]");
        Assert.Equal("Renew “Quiet Rivers”", button.GetAttribute("aria-label"));
        button.Click();

        Assert.Equal(loan.Id, renewed?.Id);
    }

    [Fact]
    public void With_no_renewals_left_the_button_is_disabled_and_says_so()
    {
        var list = RenderList(Loan(renewals: 2));

        Assert.Equal("No renewals left", list.Find("[data-testid=renewals-left]").TextContent.Trim());
        Assert.True(list.Find("[data-testid=renew-button]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_refusal_is_shown_under_the_loan_in_the_patrons_language()
    {
        var rules = Context.Services.GetRequiredService<RuleMessages>();
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ko");
            var refusal = rules.For(new OverdueLoanCannotBeRenewedRule(3, 0));
            var list = RenderList(Loan(renewals: 0), refusal: refusal);

            Assert.Equal("이 대출은 3일 연체되어 연장할 수 없습니다. 반납해 주세요.", list.Find("[data-testid=renew-refusal]").TextContent.Trim());
            Assert.Equal("연장 2회 남음", list.Find("[data-testid=renewals-left]").TextContent.Trim());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public void English_refusals_read_as_the_rule_says()
    {
        var rules = Context.Services.GetRequiredService<RuleMessages>();

        Assert.Equal("This loan has been renewed 2 times, the most allowed (2). Please return it by its due date.",
            rules.For(new RenewalLimitMustNotBeReachedRule(2, 2)));
        Assert.Equal("This loan is 1 day overdue and cannot be renewed. Please return it.", rules.For(new OverdueLoanCannotBeRenewedRule(1, 0)));
    }

    [Fact]
    public void A_due_soon_reminder_says_why_the_loan_will_not_be_renewed_automatically()
    {
        var notice = new NoticeView(Guid.NewGuid(), NoticeKind.DueSoon, 7, "Quiet Rivers", 1, 0, 0, Now.AddDays(2), Now, false, "TitleWaitedForByOthers");

        var card = Render<NoticeCard>(p => p.Add(c => c.Notice, notice));

        Assert.Contains("Due soon: Quiet Rivers", card.Markup);
        Assert.Contains("another patron is waiting for this title", card.Markup);
    }
}
