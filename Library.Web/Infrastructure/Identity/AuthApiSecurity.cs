using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Library.Web.Infrastructure.Identity.SignIn;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace Library.Web.Infrastructure.Identity;

/// <summary>Body of POST /api/auth/register: Identity's fields plus the display name the sign-up page asks for.</summary>
public sealed record PatronRegisterRequest(string? Email, string? Password, string? DisplayName);

/// <summary>
/// What the app adds to Identity's /api/auth endpoints: registration through <see cref="PatronRegistration"/> (Patron role,
/// display name, no account enumeration), a sign-in throttle with one uniform failure answer, single-use refresh tokens.
/// </summary>
internal static class AuthApiSecurity
{
    public const string SignInFailedTitle = "Sign-in failed";
    public const string SignInFailedDetail = "The e-mail address or password is not correct.";

    public static RouteGroupBuilder AddAccountSecurity(this RouteGroupBuilder auth)
    {
        // Identity maps POST /register too; a lower order wins the route, so this one answers.
        auth.MapPost("/register", Register).WithOrder(-1)
            .WithSummary("Register a patron account")
            .WithDescription("200 with an empty body for a new address and for one that already has an account (its owner is e-mailed); " +
                             "400 with the password rules broken.");
        auth.AddEndpointFilter(GuardSignIn);
        return auth;
    }

    private static async Task<Results<Ok, ValidationProblem>> Register(
        PatronRegisterRequest request, PatronRegistration registration, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email) || !new EmailAddressAttribute().IsValid(request.Email.Trim()))
        {
            errors["InvalidEmail"] = ["Enter a valid e-mail address."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["PasswordRequired"] = ["Enter a password."];
        }

        if (request.DisplayName?.Length > PatronRegistration.MaxDisplayNameLength)
        {
            errors["DisplayNameTooLong"] = [$"The name must be at most {PatronRegistration.MaxDisplayNameLength} characters."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var result = await registration.RegisterAsync(request.Email!, request.Password!, request.DisplayName, SignInUrl(http));
        return result.Succeeded
            ? TypedResults.Ok()
            : TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Code).ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
    }

    internal static string SignInUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}/account/login";

    private static async ValueTask<object?> GuardSignIn(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var path = http.Request.Path.Value ?? string.Empty;
        if (path.EndsWith("/refresh", StringComparison.OrdinalIgnoreCase)
            && context.Arguments.OfType<RefreshRequest>().FirstOrDefault() is { RefreshToken: { } refreshToken }
            && !await http.RequestServices.GetRequiredService<IRefreshTokenLedger>().TrySpendAsync(refreshToken))
        {
            return TypedResults.Problem(title: "Refresh token already used",
                detail: "A refresh token can be used once; sign in again.", statusCode: StatusCodes.Status401Unauthorized);
        }

        if (!path.EndsWith("/login", StringComparison.OrdinalIgnoreCase)
            || context.Arguments.OfType<LoginRequest>().FirstOrDefault() is not { } login)
        {
            return await next(context);
        }

        var throttle = http.RequestServices.GetRequiredService<ISignInThrottle>();
        var address = ClientAddress.Of(http);
        var account = login.Email ?? string.Empty;
        if (throttle.TryBegin(address, account) is { } wait)
        {
            return TooManyAttempts(http, wait);
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status401Unauthorized })
        {
            // Unknown account, wrong password, locked out, not allowed: one answer for all of them.
            return TypedResults.Problem(title: SignInFailedTitle, detail: SignInFailedDetail, statusCode: StatusCodes.Status401Unauthorized);
        }

        if (http.Response.StatusCode is >= 200 and < 300)
        {
            throttle.Succeeded(address, account);
        }

        return result;
    }

    internal static ProblemHttpResult TooManyAttempts(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(title: "Too many sign-in attempts",
            detail: "Too many failed sign-ins from this address or for this account; try again later.",
            statusCode: StatusCodes.Status429TooManyRequests);
    }

    internal static int RetryAfterSeconds(TimeSpan wait) => (int)Math.Ceiling(wait.TotalSeconds);
}
