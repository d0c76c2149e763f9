using Library.Web.Features.Accounts.Mail;
using Library.Web.Features.Accounts.Sessions;
using Library.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Library.Web.Features.Accounts;

internal static class AccountsModule
{
    /// <summary>
    /// Self-service accounts: profile, e-mail change with confirmation, password change and reset by e-mail, sessions
    /// (one row per sign-in, checked on every request), account deletion. Call after the identity registration.
    /// </summary>
    public static WebApplicationBuilder AddAccountsModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<SessionStore>();
        services.AddSingleton<AccountEmailComposer>();
        services.AddSingleton<AccountEmailSender>();
        services.AddSingleton<IEmailSender<LibraryUser>>(sp => sp.GetRequiredService<AccountEmailSender>());
        services.AddSingleton<AccountDeletion>();
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => SessionCookieEvents.Attach(o.Events));
        // The periodic security-stamp check rebuilds the principal from the user row; keep the cookie's session id in it,
        // or the session check would sign everyone out at the first stamp check.
        services.PostConfigure<SecurityStampValidatorOptions>(o =>
        {
            var previous = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async ctx =>
            {
                if (previous is not null)
                {
                    await previous(ctx);
                }

                SessionClaims.CarryOver(ctx.CurrentPrincipal, ctx.NewPrincipal);
            };
        });
        return builder;
    }

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapSessionEndpoints();
        return app;
    }
}
