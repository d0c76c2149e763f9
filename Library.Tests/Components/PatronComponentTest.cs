using System.Globalization;
using Bunit;
using Library.Web.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Library.Tests.Components;

/// <summary>
/// bunit context with what the patron components inject: MudBlazor services, localization (English UI), loose JS interop.
/// Disposed asynchronously (MudBlazor's services are IAsyncDisposable only, and xunit 2 would call the synchronous Dispose).
/// </summary>
public abstract class PatronComponentTest : IAsyncLifetime
{
    protected PatronComponentTest()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        Context.Services.AddMudServices();
        Context.Services.AddLocalization();
        Context.Services.AddSingleton<RuleMessages>();
        Context.Services.AddSingleton(new LibraryDates(new Library.Domain.Lending.LibraryCalendar(TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul"))));
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected BunitContext Context { get; } = new();

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : IComponent => Context.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Context.DisposeAsync();
}
