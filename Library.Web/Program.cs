using Library.Web.Components;
using Library.Web.Components.Layout;
using Library.Web.Features.Accounts;
using Library.Web.Features.Admin;
using Library.Web.Features.Calendar;
using Library.Web.Features.Api;
using Library.Web.Features.Catalog;
using Library.Web.Features.Covers;
using Library.Web.Features.Dashboard;
using Library.Web.Features.Desk;
using Library.Web.Features.Export;
using Library.Web.Features.Fines;
using Library.Web.Features.History;
using Library.Web.Features.Import;
using Library.Web.Features.Kiosk;
using Library.Web.Features.Lending;
using Library.Web.Features.Notices;
using Library.Web.Features.Reports;
using Library.Web.Infrastructure.Cluster;
using Library.Web.Infrastructure.Errors;
using Library.Web.Infrastructure.Health;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Jobs;
using Library.Web.Infrastructure.Logging;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;
using Library.Web.Infrastructure.Security;
using Library.Web.Localization;
using MudBlazor.Services;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
try
{
    builder.AddPersistence().AddCluster();
}
catch (StartupConfigurationException ex)
{
    // A setting the app cannot run with: one line that says which and what is allowed, no stack trace.
    Console.Error.WriteLine(ex.Message);
    Environment.ExitCode = 1;
    return;
}

builder.AddLibraryLogging()
    .AddMessaging()
    .AddLibraryIdentity()
    .AddAccountsModule()
    .AddLibraryLocalization()
    .AddCalendarModule()
    .AddErrorHandling()
    .AddHttpHardening()
    .AddCatalogModule()
    .AddCoversModule()
    .AddLendingModule()
    .AddDeskModule()
    .AddKioskModule()
    .AddFinesModule()
    .AddDashboardModule()
    .AddHistoryModule()
    .AddNoticesModule()
    .AddAdminModule()
    .AddExports()
    .AddReportsModule()
    .AddImportModule()
    .AddLibraryApi()
    .AddJobs()
    .AddHealth();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddSignalR();
builder.Services.AddMudServices(SnackbarSetup.Configure);
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler("/error", createScopeForErrors: true);
app.UseLibraryStatusCodePages();
app.UseApiRequestBodyLimit(app.Configuration);
app.UseApiHeadAsGet();
app.UseRouting();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseBearerStampCheck();
app.UseCookieApiWriteGuard();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi("/api/openapi/{documentName}.json");
app.MapScalarApiReference("/api/docs", o => o.WithOpenApiRoutePattern("/api/openapi/{documentName}.json").WithTitle("Library API"));
app.MapHealth();
app.MapCultureSwitch();
app.MapLibraryApi();
app.MapNoticeApi();
app.MapHistoryApi();
app.MapAdminApi();
app.MapExportApi();
app.MapCoverApi();
app.MapImportApi();
app.MapCopyApi();
app.MapHoldApi();
app.MapReportsApi();
app.MapHub<StockHub>(StockHub.Path);
app.MapAdditionalIdentityEndpoints();
app.MapAccountEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

try
{
    await app.InitializeDatabaseAsync();
}
catch (StartupConfigurationException ex)
{
    // E.g. a single node started next to another node on one PostgreSQL database (see INodeLease).
    Console.Error.WriteLine(ex.Message);
    Environment.ExitCode = 1;
    return;
}

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation("Library is running at {Urls}", string.Join(", ", app.Urls)));
await app.RunAsync();

public partial class Program;
