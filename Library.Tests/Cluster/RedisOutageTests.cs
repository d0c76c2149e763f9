using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Library.Tests.TestSupport;
using Library.Web.Features.Catalog;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Library.Tests.Cluster;

/// <summary>
/// Redis is a helper, not a dependency of lending: while it is down a cluster node still lends (the per-patron limit fails
/// open), its own pages and hub clients still update, readiness says Degraded; when Redis is back, live updates cross nodes again.
/// </summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class RedisOutageTests
{
    private const int ShelfCopies = 50;

    [Fact]
    public async Task Borrowing_works_while_Redis_is_down_and_live_updates_cross_nodes_again_when_it_is_back()
    {
        await using var redis = new PrivateRedis();
        await redis.StartAsync();
        await using var nodes = new OneDispatcherClusterNodes().Configure(app => app.With("ConnectionStrings:Redis", redis.Configuration));
        await nodes.InitializeAsync();
        var bookId = await nodes.A.WithDbAsync(db => db.Books.OrderBy(b => b.Id).Select(b => b.Id).Skip(7).FirstAsync());
        await nodes.A.PutCopiesOnShelfAsync(bookId, ShelfCopies);
        var heardOnA = Channel.CreateUnbounded<StockLevel>();
        var heardOnB = Channel.CreateUnbounded<StockLevel>();
        using var subscriptionA = nodes.A.Services.GetRequiredService<StockNotifier>().Subscribe(bookId, l => Write(heardOnA, l));
        using var subscriptionB = nodes.B.Services.GetRequiredService<StockNotifier>().Subscribe(bookId, l => Write(heardOnB, l));
        var hubOnA = Channel.CreateUnbounded<StockLevel>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(nodes.A.BaseAddress, "/hubs/stock")).Build();
        hub.On<StockLevel>("stockChanged", l => Write(hubOnA, l));
        await hub.StartAsync();
        using var patron = await nodes.A.SignInPatronAsync();

        await redis.KillAsync();
        var connectionA = nodes.A.Services.GetRequiredService<IConnectionMultiplexer>();
        await Eventually.HoldsAsync(() => Task.FromResult(!connectionA.IsConnected), "node A notices that Redis is gone");

        var borrowed = await patron.BorrowAsync(bookId, 1);
        Assert.Equal(HttpStatusCode.Created, borrowed.StatusCode);
        var local = await heardOnA.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal(49, local.AvailableCopies);
        var pushed = await hubOnA.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal((bookId, 49), (pushed.BookId, pushed.AvailableCopies));
        using var probe = nodes.A.CreateApiClient();
        var ready = await probe.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        await redis.StartAsync();
        var loan = await borrowed.ReadAsync<Api.Loan>();
        await Eventually.HoldsAsync(async () =>
        {
            // Return and borrow one copy until node B hears it: node A's publications take the Redis path again.
            Assert.Equal(HttpStatusCode.OK, (await patron.ReturnAsync(loan.Id, 1)).StatusCode);
            var again = await patron.BorrowAsync(bookId, 1);
            Assert.Equal(HttpStatusCode.Created, again.StatusCode);
            loan = await again.ReadAsync<Api.Loan>();
            await Task.Delay(200);
            return heardOnB.Reader.TryRead(out _);
        }, "node B hears node A's changes again after Redis is back", TimeSpan.FromSeconds(60));
        Assert.Equal("Healthy", (await (await probe.GetAsync("/health/ready")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    private static Task Write(Channel<StockLevel> channel, StockLevel level)
    {
        if (level.AvailableCopies != ShelfCopies)
        {
            channel.Writer.TryWrite(level); // the setup's own stock change may be heard late
        }

        return Task.CompletedTask;
    }
}
