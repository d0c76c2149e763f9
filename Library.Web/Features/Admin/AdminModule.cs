using Library.Web.Features.Admin.Audit;
using Library.Web.Features.Admin.Books;
using Library.Web.Features.Admin.Fees;
using Library.Web.Features.Admin.Librarians;
using Library.Web.Features.Admin.Loans;
using Library.Web.Features.Admin.Patrons;

namespace Library.Web.Features.Admin;

internal static class AdminModule
{
    public static WebApplicationBuilder AddAdminModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AdminOverviewQueries>();
        services.AddScoped<AdminBookService>();
        services.AddScoped<AdminBookQueries>();
        services.AddScoped<Copies.CopyAdminService>();
        services.AddScoped<Copies.CopyLabels>();
        services.Configure<Copies.LabelOptions>(builder.Configuration.GetSection(Copies.LabelOptions.Section));
        services.AddScoped<PatronAdminService>();
        services.AddScoped<PatronQueries>();
        services.AddScoped<AdminLoanService>();
        services.AddScoped<AdminLoanQueries>();
        services.AddScoped<FeeAdminService>();
        services.AddScoped<FeeQueries>();
        services.AddScoped<LibrarianAdminService>();
        services.AddScoped<Calendar.CalendarAdminService>();
        return builder;
    }
}
