using Library.Web.Features.Lending;
using Library.Web.Infrastructure.Identity;
using Library.Web.Infrastructure.Identity.Setup;
using Library.Web.Infrastructure.Identity.SignIn;
using Library.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// Everything Redis does for a cluster node (ConnectionStrings:Redis set): the SignalR backplane for /hubs/stock, the
/// live-update relay for Blazor pages, the per-patron lending limit, the failed-sign-in budget, single-use refresh tokens,
/// the setup code and the readiness check. Without Redis nothing here is registered and the node runs alone as before.
/// </summary>
internal static class ClusterRegistration
{
    public static WebApplicationBuilder AddCluster(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (ClusterMode.RedisConfiguration(configuration) is not { } redisConfiguration)
        {
            return builder;
        }

        if (DatabaseProviderSetting.Read(configuration) == DatabaseProvider.Sqlite)
        {
            throw new StartupConfigurationException(
                "ConnectionStrings:Redis is set (cluster mode) but Database:Provider is Sqlite: a SQLite file cannot be shared by " +
                "several nodes. Use Database:Provider=PostgreSQL, or remove ConnectionStrings:Redis to run a single node.");
        }

        var services = builder.Services;
        var section = configuration.GetSection(ClusterOptions.Section);
        services.Configure<ClusterOptions>(section);
        var prefix = section.Get<ClusterOptions>()?.RedisPrefix ?? new ClusterOptions().RedisPrefix;
        var options = RedisConnection.Options(redisConfiguration, prefix);
        services.AddSingleton(sp => RedisConnection.Connect(options, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RedisConnection))));
        services.AddSingleton<RedisOutage>();

        // Hub messages go through Redis, so a broadcast from the node that handled an event reaches every node's clients once.
        services.AddSignalR().AddStackExchangeRedis();
        services.AddOptions<RedisOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
            o.ConnectionFactory = _ => Task.FromResult(redis));
        services.AddSingleton(typeof(RedisHubLifetimeManager<>));
        services.AddSingleton(typeof(HubLifetimeManager<>), typeof(FailoverHubLifetimeManager<>));

        services.AddHostedService<LiveRelayService>();
        services.AddSingleton<IPerPatronLimits, RedisPerPatronLimits>();
        services.AddSingleton<IRefreshTokenLedger, RedisRefreshTokenLedger>();
        services.AddSingleton<ISetupCodeStore, RedisSetupCodeStore>();
        services.AddSingleton<ISignInThrottle, RedisSignInThrottle>();
        services.AddHealthChecks().AddCheck<RedisReadinessCheck>("redis", tags: ["ready"]);
        ClusterTransactionSizes.Apply(services, configuration);
        return builder;
    }
}
