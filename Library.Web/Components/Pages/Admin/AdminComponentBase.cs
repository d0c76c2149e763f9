using System.Globalization;
using Library.Domain.Common;
using Library.Web.Features.Admin;
using Library.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Library.Web.Components.Pages.Admin;

/// <summary>Shared by admin pages and dialogs: the acting librarian, localized text, and turning failures into snackbars.</summary>
public abstract class AdminComponentBase : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<AdminText> T { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected RuleMessages RuleMessages { get; set; } = default!;

    [Inject]
    protected ILogger<AdminComponentBase> Logger { get; set; } = default!;

    [Inject]
    protected LibraryDates Dates { get; set; } = default!;

    protected async Task<Actor> ActorAsync() => Actor.Librarian((await AuthenticationState).User);

    /// <summary>Runs an admin change; a broken rule or a vanished record shows a snackbar instead of an error page.</summary>
    /// <returns>True when the change was made.</returns>
    protected async Task<bool> TryChangeAsync(Func<Actor, Task> change, string? successMessage)
    {
        try
        {
            await change(await ActorAsync());
            if (successMessage is not null)
            {
                Snackbar.Add(successMessage, Severity.Success);
            }

            return true;
        }
        catch (BusinessRuleViolationException ex)
        {
            Snackbar.Add(RuleMessages.For(ex.BrokenRule), Severity.Warning);
        }
        catch (NotFoundException)
        {
            Snackbar.Add(T["Common.NoLongerExists"], Severity.Warning);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Admin change failed");
            Snackbar.Add(T["Common.Failed"], Severity.Error);
        }

        return false;
    }

    protected string Date(DateTimeOffset value) => Dates.Date(value);

    protected string DateAndTime(DateTimeOffset value) => Dates.DateAndTime(value);

    protected static string Money(long amount) => Won.Format(amount);
}
