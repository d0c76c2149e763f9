using Library.Domain.Fines.Events;
using Library.Domain.Lending.Events;
using Library.Web.Infrastructure.Messaging;
using Library.Web.Infrastructure.Persistence;

namespace Library.Web.Features.Notices;

internal static class NoticesModule
{
    /// <summary>
    /// Patron notices: in-app (bell + /notifications, live) and e-mail. E-mail goes through SMTP when Smtp:Host is
    /// set, otherwise as .eml files into Notifications:PickupDirectory (default: "mail-pickup" beside the database).
    /// </summary>
    public static WebApplicationBuilder AddNoticesModule(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SmtpOptions>(builder.Configuration.GetSection(SmtpOptions.Section));
        services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        services.AddSingleton<NotificationNotifier>();
        services.AddSingleton<NoticeMailSignal>();
        services.AddSingleton<NoticeEmailComposer>();
        services.AddSingleton<NoticeMailer>();
        services.AddSingleton<NoticeService>();
        services.AddHostedService<NoticeMailerService>();

        var smtpHost = builder.Configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"];
        if (!string.IsNullOrWhiteSpace(smtpHost))
        {
            services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        }
        else
        {
            var pickup = PickupDirectoryFor(builder.Configuration, builder.Environment.ContentRootPath);
            Directory.CreateDirectory(pickup);
            services.AddSingleton(new PickupDirectory(pickup));
            services.AddSingleton<INotificationSender, PickupDirectoryNotificationSender>();
        }

        services.AddEventHandler<BookExpired, NotifyPatron>("notices.notify-patron");
        services.AddEventHandler<LateFeeCharged, NotifyPatron>("notices.notify-patron");
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldReady, NotifyPatron>("notices.notify-patron");
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldExpired, NotifyPatron>("notices.notify-patron");
        services.AddEventHandler<Domain.Lending.Holds.Events.HoldCancelled, NotifyPatron>("notices.notify-patron");
        services.AddEventHandler<LoanRenewed, NotifyPatron>("notices.notify-patron");
        services.AddEventHandler<LoanDueSoonReminded, NotifyPatron>("notices.notify-patron");
        return builder;
    }

    public static string PickupDirectoryFor(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{NotificationOptions.Section}:{nameof(NotificationOptions.PickupDirectory)}"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
        }

        return Path.Combine(StorageOptions.DataDirectory(configuration, contentRoot), "mail-pickup");
    }
}
