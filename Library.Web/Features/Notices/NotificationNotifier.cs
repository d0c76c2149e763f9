using Library.Web.Infrastructure.Live;

namespace Library.Web.Features.Notices;

/// <summary>Tells a patron's open pages (the bell, the notices page) that their notices changed (key: patron id).</summary>
public sealed class NotificationNotifier(ILogger<NotificationNotifier> logger) : KeyedNotifier<string, string>(logger);
