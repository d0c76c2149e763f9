namespace Library.Web.Infrastructure.Security;

/// <summary>
/// A route whose body may be larger than the API's JSON limit (e.g. a cover upload), registered by its module as a singleton;
/// the endpoint then enforces its own limit. <see cref="MaxBytes"/> is read per request so it follows the module's options.
/// </summary>
internal sealed record ApiBodyLimitException(Func<HttpRequest, bool> Applies, Func<int> MaxBytes);
