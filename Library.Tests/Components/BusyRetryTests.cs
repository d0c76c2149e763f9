using Bunit;
using Library.Domain.Lending;
using Library.Web.Components.Pages.Catalog;
using Library.Web.Components.Pages.Lending;
using Library.Web.Components.Shared;
using Library.Web.Features.Lending;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace Library.Tests.Components;

/// <summary>
/// The busy state: a borrow or return the lending throttle turns away (TooBusyException) shows "Busy — retrying in N s",
/// counts down, and is tried again by itself; the lending call here stands in for the throttle saying "busy" once.
/// </summary>
public sealed class BusyRetryTests : PatronComponentTest
{
    private readonly FakeTimeProvider _clock = new();

    private static Func<CancellationToken, Task<T>> BusyOnceThen<T>(T result, TimeSpan retryAfter, List<int> attempts) => _ =>
    {
        attempts.Add(attempts.Count + 1);
        return attempts.Count == 1 ? throw new TooBusyException(retryAfter) : Task.FromResult(result);
    };

    [Fact]
    public void A_busy_borrow_counts_down_and_completes_when_retried()
    {
        using var retry = new BusyRetry(_clock);
        var attempts = new List<int>();
        var borrowed = new List<int>();
        var cut = Render<BorrowControl>(p => p
            .Add(c => c.Available, 3)
            .Add(c => c.SignedIn, true)
            .Add(c => c.Retry, retry)
            .Add(c => c.OnBorrow, async (int quantity) =>
                borrowed.Add(await retry.RunAsync(BusyOnceThen(quantity, TimeSpan.FromSeconds(3), attempts), CancellationToken.None))));

        cut.Find("input[data-testid=borrow-quantity]").Input("2");
        cut.Find("[data-testid=borrow-button]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Busy — retrying in 3 s", cut.Find("[data-testid=busy-retry]").TextContent.Trim()));
        Assert.Empty(borrowed);

        _clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal("Busy — retrying in 2 s", cut.Find("[data-testid=busy-retry]").TextContent.Trim()));

        _clock.Advance(TimeSpan.FromSeconds(2));
        cut.WaitForAssertion(() => Assert.Equal([2], borrowed));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=busy-retry]")));
        Assert.Equal([1, 2], attempts);
    }

    [Fact]
    public async Task A_busy_return_keeps_the_dialog_open_with_the_countdown_and_closes_it_after_the_retry()
    {
        using var retry = new BusyRetry(_clock);
        var attempts = new List<int>();
        var returned = new List<int>();
        var loan = new PatronLoanView(Guid.NewGuid(), 7, "Quiet Rivers", "Ada Author", 4, 0,
            new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero), LoanStatus.Active);
        var provider = Render<MudDialogProvider>();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ReturnDialog>
        {
            { d => d.Loan, loan },
            { d => d.Retry, retry },
            { d => d.Submit, async (quantity, ct) => returned.Add(await retry.RunAsync(BusyOnceThen(quantity, TimeSpan.FromSeconds(2), attempts), ct)) },
        };
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ReturnDialog>("Return", parameters));

        provider.Find("[data-testid=return-confirm]").Click();

        provider.WaitForAssertion(() => Assert.Equal("Busy — retrying in 2 s", provider.Find("[data-testid=busy-retry]").TextContent.Trim()));
        Assert.True(provider.Find("[data-testid=return-confirm]").HasAttribute("disabled"));
        Assert.False(dialog.Result.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(2));

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(result!.Canceled);
        Assert.Equal([4], returned);
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=busy-retry]")));
    }

    [Fact]
    public async Task Cancelling_a_waiting_return_stops_retrying_and_returns_nothing()
    {
        using var retry = new BusyRetry(_clock);
        var attempts = new List<int>();
        var loan = new PatronLoanView(Guid.NewGuid(), 7, "Quiet Rivers", "Ada Author", 1, 0,
            new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero), LoanStatus.Active);
        var provider = Render<MudDialogProvider>();
        var dialogs = Context.Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<ReturnDialog>
        {
            { d => d.Loan, loan },
            { d => d.Retry, retry },
            { d => d.Submit, async (quantity, ct) => await retry.RunAsync(BusyOnceThen(quantity, TimeSpan.FromSeconds(5), attempts), ct) },
        };
        var dialog = await provider.InvokeAsync(() => dialogs.ShowAsync<ReturnDialog>("Return", parameters));
        provider.Find("[data-testid=return-confirm]").Click();
        provider.WaitForAssertion(() => provider.Find("[data-testid=busy-retry]"));

        provider.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel").Click();

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(result!.Canceled);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal([1], attempts);
    }

    [Fact]
    public async Task After_the_last_retry_the_caller_hears_that_it_is_still_busy()
    {
        using var retry = new BusyRetry(_clock);
        var attempts = 0;
        var run = retry.RunAsync<int>(_ =>
        {
            attempts++;
            throw new TooBusyException(TimeSpan.FromSeconds(1));
        }, CancellationToken.None);

        for (var i = 0; i < 20 && !run.IsCompleted; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }

        await Assert.ThrowsAsync<TooBusyException>(() => run);
        Assert.Equal(1 + BusyRetry.MaxRetries, attempts);
        Assert.Null(retry.SecondsLeft);
    }
}
