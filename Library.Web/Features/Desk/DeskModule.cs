namespace Library.Web.Features.Desk;

internal static class DeskModule
{
    public static WebApplicationBuilder AddDeskModule(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DeskService>();
        return builder;
    }
}
