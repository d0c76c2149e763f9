using Library.Domain.Fines;
using Library.Domain.Lending.Events;
using Library.Web.Infrastructure.Messaging;
using Microsoft.Extensions.Options;

namespace Library.Web.Features.Fines;

internal static class FinesModule
{
    public static WebApplicationBuilder AddFinesModule(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<FinesOptions>(builder.Configuration.GetSection(FinesOptions.Section));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<FinesOptions>>().Value.ToPolicy());
        builder.Services.AddSingleton<LateFeeQuote>();
        builder.Services.AddEventHandler<BookReturned, ChargeLateFeeOnBookReturned>("fines.charge-late-fee");
        builder.Services.AddEventHandler<CopyLossRecorded, ChargeReplacementOnCopyLossRecorded>("fines.charge-replacement");
        return builder;
    }
}
