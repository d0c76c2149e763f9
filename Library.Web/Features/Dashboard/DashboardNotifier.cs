using Library.Web.Infrastructure.Live;

namespace Library.Web.Features.Dashboard;

/// <summary>Tells a patron's open pages that their dashboard changed (key: patron id).</summary>
public sealed class DashboardNotifier(ILogger<DashboardNotifier> logger) : KeyedNotifier<string, string>(logger);
