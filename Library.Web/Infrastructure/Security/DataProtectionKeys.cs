using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Library.Web.Infrastructure.Security;

/// <summary>
/// Data-protection keys (sign-in cookies, antiforgery, bearer tokens) are encrypted at rest with the certificate from
/// <c>DataProtection:CertificatePath</c> (a PKCS#12 file with its private key; <c>DataProtection:CertificatePassword</c>).
/// Certificates in <c>DataProtection:PreviousCertificatePaths</c> (comma-separated) still decrypt keys written before a rotation.
/// </summary>
internal static class DataProtectionKeys
{
    public const string Section = "DataProtection";

    public static IDataProtectionBuilder ProtectKeysFromConfiguration(this IDataProtectionBuilder dataProtection, IConfiguration configuration)
    {
        dataProtection.Services.AddHostedService<UnencryptedKeysWarning>();
        var section = configuration.GetSection(Section);
        var path = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return dataProtection;
        }

        var password = section["CertificatePassword"];
        dataProtection.ProtectKeysWithCertificate(Load(path, password));
        var previous = (section["PreviousCertificatePaths"] ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => Load(p, password))
            .ToArray();
        if (previous.Length > 0)
        {
            dataProtection.UnprotectKeysWithAnyCertificate(previous);
        }

        return dataProtection;
    }

    private static X509Certificate2 Load(string path, string? password) =>
        X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
}

/// <summary>In Production, says at start-up when the keys on disk are not encrypted (anyone who reads them can forge cookies).</summary>
internal sealed partial class UnencryptedKeysWarning(IOptions<KeyManagementOptions> keys, IHostEnvironment environment, ILogger<UnencryptedKeysWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (environment.IsProduction() && keys.Value.XmlEncryptor is null)
        {
            LogUnencrypted(logger, DataProtectionKeys.Section);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Data-protection keys are stored unencrypted. Set {Section}:CertificatePath (and CertificatePassword) to a PKCS#12 certificate to encrypt them at rest.")]
    private static partial void LogUnencrypted(ILogger logger, string section);
}
