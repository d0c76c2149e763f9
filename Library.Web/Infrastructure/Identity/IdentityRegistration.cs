using Library.Web.Infrastructure.Identity.Passwords;
using Library.Web.Infrastructure.Identity.Setup;
using Library.Web.Infrastructure.Identity.SignIn;
using Library.Web.Infrastructure.Persistence;
using Library.Web.Infrastructure.Persistence.Seeding;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Library.Web.Infrastructure.Identity;

internal static class IdentityRegistration
{
    public const string ApiPolicy = "Api";
    public const string LibrarianPolicy = "Librarian";
    private const string CookieOrBearerScheme = "CookieOrBearer";

    public static WebApplicationBuilder AddLibraryIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieOrBearerScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // A request that carries a bearer token is authenticated by it (also on Identity's own /api/auth/manage
            // endpoints, which use the default scheme); every other request by the sign-in cookie.
            .AddPolicyScheme(CookieOrBearerScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "Library.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Events = new CookieAuthenticationEvents
            {
                // Identity's own check, which a new events object would otherwise drop: a cookie issued before a password
                // change or "sign out everywhere" stops working within SecurityStampValidatorOptions.ValidationInterval.
                OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                // The JSON API answers with status codes, never with a redirect to the sign-in page.
                OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden),
            };
        });

        services.AddIdentityCore<LibraryUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                // OWASP ASVS: length over composition rules.
                options.Password.RequiredLength = LibraryPasswordValidator.MinLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<LibraryDbContext>()
            .AddUserManager<LibraryUserManager>()
            .AddSignInManager<LibrarySignInManager>()
            .AddPasswordValidator<LibraryPasswordValidator>()
            .AddDefaultTokenProviders()
            .AddApiEndpoints();
        services.AddScoped<IUserClaimsPrincipalFactory<LibraryUser>, LibraryClaimsPrincipalFactory>();
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoAccounts>();
        services.AddSingleton<DemoPasswordChecks>();
        services.AddAccountSecurity(builder.Configuration);

        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser())
            .AddPolicy(LibrarianPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.BearerScheme, IdentityConstants.ApplicationScheme)
                .RequireRole(Roles.Librarian));
        return builder;
    }

    /// <summary>Sign-in throttle, stamp checks, single-use refresh tokens, registration and first-librarian setup.</summary>
    private static void AddAccountSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<InMemorySignInThrottle>();
        services.TryAddSingleton<ISignInThrottle>(sp => sp.GetRequiredService<InMemorySignInThrottle>());
        // A password change or "sign out everywhere" changes the security stamp: cookies and bearer tokens stop working
        // within this interval (measured on the app's TimeProvider).
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = SecurityStampCheck.Interval;
            o.TimeProvider = clock;
        });
        services.AddSingleton<StampCache>();
        services.AddScoped<SecurityStampCheck>();
        services.AddSingleton<RefreshTokenLedger>();
        services.TryAddSingleton<IRefreshTokenLedger>(sp => sp.GetRequiredService<RefreshTokenLedger>());
        services.AddSingleton<AccountMailer>();
        services.AddScoped<PatronRegistration>();
        services.TryAddSingleton<ISetupCodeStore, InProcessSetupCodeStore>();
        services.AddSingleton<SetupCode>();
        services.AddScoped<FirstLibrarianSetup>();
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }

        return Task.CompletedTask;
    }
}
