using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace Library.Web.Infrastructure.Cluster;

/// <summary>
/// The Redis backplane, plus one fallback: a broadcast that cannot reach Redis goes to this node's own hub clients
/// instead of failing (kiosks on this node keep updating through a Redis outage, like its Blazor pages). Everything else
/// is the backplane's.
/// </summary>
internal sealed class FailoverHubLifetimeManager<THub>(RedisHubLifetimeManager<THub> redis, RedisOutage outage) : HubLifetimeManager<THub>
    where THub : Hub
{
    private readonly HubConnectionStore _local = new();

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        _local.Add(connection);
        try
        {
            await redis.OnConnectedAsync(connection);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn("hub clients connecting now hear this node's broadcasts only", ex);
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        _local.Remove(connection);
        try
        {
            await redis.OnDisconnectedAsync(connection);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn("a hub client's Redis subscription is left to expire", ex);
        }
    }

    public override async Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.SendAllAsync(methodName, args, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            outage.Warn("hub broadcasts reach this node's clients only", ex);
            var message = new InvocationMessage(methodName, args);
            foreach (var connection in _local)
            {
                await connection.WriteAsync(message, cancellationToken);
            }
        }
    }

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        redis.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        redis.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        redis.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        redis.SendGroupAsync(groupName, methodName, args, cancellationToken);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        redis.SendGroupsAsync(groupNames, methodName, args, cancellationToken);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        redis.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        redis.SendUserAsync(userId, methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        redis.SendUsersAsync(userIds, methodName, args, cancellationToken);

    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        redis.AddToGroupAsync(connectionId, groupName, cancellationToken);

    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
        redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        redis.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        redis.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        redis.TryGetReturnType(invocationId, out type);
}
