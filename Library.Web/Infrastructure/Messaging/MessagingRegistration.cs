using Library.Domain.Common;
using Library.Domain.Messaging;

namespace Library.Web.Infrastructure.Messaging;

internal static class MessagingRegistration
{
    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection(OutboxOptions.Section));
        builder.Services.AddSingleton<OutboxDispatcher>();
        builder.Services.AddScoped<AfterCommit>();
        builder.Services.AddSingleton<IEventBus, OutboxEventBus>();
        builder.Services.AddHostedService<OutboxDispatcherService>();
        return builder;
    }

    /// <summary>Subscribes a handler that changes state; it runs in its own savepoint, once per event id.</summary>
    /// <param name="name">
    /// The handler's stable name, <c>module.what-it-does</c>, recorded with every event it applied: never change it once
    /// released (that would apply every stored event again). The same handler subscribing to several events uses one name.
    /// </param>
    public static IServiceCollection AddEventHandler<TEvent, THandler>(this IServiceCollection services, string name)
        where TEvent : IDomainEvent
        where THandler : class, IEventHandler<TEvent>
    {
        RegistryOf(services).Add(typeof(TEvent), typeof(THandler), name);
        services.AddScoped<THandler>();
        return services;
    }

    /// <summary>Subscribes a stateless handler that only tells live clients; it runs after commit (see OutboxDispatcher).</summary>
    /// <param name="name">The handler's name in logs (nothing is recorded for live handlers); unique among all handlers.</param>
    public static IServiceCollection AddLiveEventHandler<TEvent, THandler>(this IServiceCollection services, string name)
        where TEvent : IDomainEvent
        where THandler : class, IEventHandler<TEvent>
    {
        RegistryOf(services).AddLive(typeof(TEvent), typeof(THandler), name);
        services.AddScoped<THandler>();
        return services;
    }

    private static EventHandlerRegistry RegistryOf(IServiceCollection services)
    {
        var registry = services.Where(d => d.ServiceType == typeof(EventHandlerRegistry))
            .Select(d => d.ImplementationInstance)
            .OfType<EventHandlerRegistry>()
            .FirstOrDefault();
        if (registry is null)
        {
            registry = new EventHandlerRegistry();
            services.AddSingleton(registry);
        }

        return registry;
    }
}
