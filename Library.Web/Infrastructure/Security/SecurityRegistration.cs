namespace Library.Web.Infrastructure.Security;

internal static class SecurityRegistration
{
    /// <summary>HSTS for one year (sent only over HTTPS, outside Development; see Program.cs).</summary>
    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }
}
