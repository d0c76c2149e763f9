using Library.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Library.Tests.Accounts;

/// <summary>The real app in the Production environment, with demo seeding left at its default unless a test sets it.</summary>
public sealed class ProductionApp : LibraryApp
{
    public ProductionApp() => With("Seed:Demo", null);

    public CapturedLogs Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
