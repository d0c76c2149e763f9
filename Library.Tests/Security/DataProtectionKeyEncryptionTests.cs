using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Library.Tests.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Library.Tests.Security;

/// <summary>
/// With DataProtection:CertificatePath, the keys written to the database are encrypted with that certificate (and sign-in still
/// works); in Production without one, start-up warns that they are not.
/// </summary>
public sealed class DataProtectionKeyEncryptionTests
{
    [Fact]
    public async Task Stored_keys_are_encrypted_with_the_configured_certificate_and_no_warning_is_logged()
    {
        await using var app = new ProductionApp(withCertificate: true);
        await app.InitializeAsync();

        using var patron = await app.SignInPatronAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await patron.GetAsync("/api/me/loans")).StatusCode);

        var keys = await app.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("unencrypted form", xml);
        });
        Assert.DoesNotContain(app.Logs.Warnings, w => w.Contains("unencrypted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Production_without_a_certificate_warns_at_start_up()
    {
        await using var app = new ProductionApp(withCertificate: false);
        await app.InitializeAsync();

        Assert.Contains(app.Logs.Warnings, w => w.Contains("Data-protection keys are stored unencrypted", StringComparison.Ordinal));
    }

    /// <summary>The real app in the Production environment, optionally with a fresh self-signed certificate for its keys.</summary>
    private sealed class ProductionApp : LibraryApp
    {
        public ProductionApp(bool withCertificate)
        {
            if (withCertificate)
            {
                var path = Path.Combine(DataDirectory, "data-protection.pfx");
                using var rsa = RSA.Create(2048);
                var request = new CertificateRequest("CN=Library data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
                File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "test password"));
                With("DataProtection:CertificatePath", path);
                With("DataProtection:CertificatePassword", "test password");
            }
        }

        public CapturedLogs Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
        }
    }

    internal sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _warnings = new();

        public IReadOnlyCollection<string> Warnings => _warnings;

        public ILogger CreateLogger(string categoryName) => new Logger(_warnings);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> warnings) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Warning)
                {
                    warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
