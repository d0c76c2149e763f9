using Bunit;
using Library.Domain.Lending;
using Library.Web.Components.Pages.Lending;
using Library.Web.Features.Lending;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Library.Tests.Components;

public sealed class ReturnDialogTests : PatronComponentTest
{
    private static readonly PatronLoanView Loan = new(
        Guid.NewGuid(), 7, "Quiet Rivers", "Ada Author", 4, 0,
        new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero), LoanStatus.Active);

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(int daysOverdue, long fee)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ReturnDialog> { { d => d.Loan, Loan }, { d => d.DaysOverdue, daysOverdue }, { d => d.Fee, fee } };
        var reference = await provider.InvokeAsync(() => dialogs.ShowAsync<ReturnDialog>("Return", parameters));
        return (provider, reference);
    }

    [Fact]
    public async Task A_late_return_states_the_fee_before_anything_happens()
    {
        var (provider, _) = await ShowAsync(daysOverdue: 7, fee: 500);

        Assert.Contains("This return is 7 days late: a late fee of ₩500 will be charged.", provider.Find("[data-testid=return-fee]").TextContent);
    }

    [Fact]
    public async Task An_on_time_return_says_there_is_no_fee()
    {
        var (provider, _) = await ShowAsync(daysOverdue: 0, fee: 0);

        Assert.Contains("On time: no late fee.", provider.Find("[data-testid=return-fee]").TextContent);
    }

    [Fact]
    public async Task All_copies_are_proposed_and_confirming_answers_the_chosen_quantity()
    {
        var (provider, dialog) = await ShowAsync(daysOverdue: 7, fee: 500);
        var input = provider.Find("input[data-testid=return-quantity]");
        Assert.Equal("4", input.GetAttribute("value"));

        input.Input("3");
        provider.Find("[data-testid=return-confirm]").Click();

        var result = await dialog.Result;
        Assert.False(result!.Canceled);
        Assert.Equal(3, result.Data);
    }

    [Fact]
    public async Task Returning_more_than_on_loan_shows_a_message_and_cannot_be_confirmed()
    {
        var (provider, _) = await ShowAsync(daysOverdue: 0, fee: 0);

        provider.Find("input[data-testid=return-quantity]").Input("9");

        Assert.Contains("Choose between 1 and 4.", provider.Markup);
        Assert.True(provider.Find("[data-testid=return-confirm]").HasAttribute("disabled"));
    }
}
