using Microsoft.AspNetCore.Http.Features;

namespace Library.Web.Infrastructure.Security;

/// <summary>
/// HEAD under /api answers what GET would (status and headers) without the body: the request is routed as GET and the
/// body written into nothing. Must run before routing so the GET endpoint matches.
/// </summary>
internal static class HeadRequests
{
    public static IApplicationBuilder UseApiHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method) || !context.Request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }

        var body = context.Features.Get<IHttpResponseBodyFeature>()!;
        context.Request.Method = HttpMethods.Get;
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
            context.Request.Method = HttpMethods.Head;
        }
    });
}
