using System.Diagnostics;
using System.Threading.Channels;
using Library.Tests.TestSupport;
using Library.Web.Features.Catalog;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Library.Tests.Cluster;

/// <summary>
/// A change handled by node A reaches node B's /hubs/stock clients (SignalR Redis backplane) and node B's Blazor notifier
/// subscribers (the Redis live relay), each exactly once.
/// </summary>
[Trait(TestStore.Trait, TestStore.PostgreSqlOnly)]
public sealed class CrossNodeLiveUpdateTests(ClusterNodes nodes, ITestOutputHelper output) : IClassFixture<ClusterNodes>
{
    public sealed record StockChanged(int BookId, int AvailableCopies, int TotalCopies);

    private const int Borrows = 200;

    [Fact]
    public async Task A_hub_client_on_node_B_sees_a_borrow_made_through_node_A_once()
    {
        var received = Channel.CreateUnbounded<StockChanged>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(nodes.B.BaseAddress, "/hubs/stock")).Build();
        hub.On<StockChanged>("stockChanged", m => received.Writer.TryWrite(m));
        await hub.StartAsync();
        var (book, fence) = await TwoBooksAsync(skip: 0);
        using var patron = await nodes.A.SignInPatronAsync();

        Assert.Equal(System.Net.HttpStatusCode.Created, (await patron.BorrowAsync(book.Id, 1)).StatusCode);
        // A later change to another title: the hub delivers in order, so a duplicate of the first would come before it.
        Assert.Equal(System.Net.HttpStatusCode.Created, (await patron.BorrowAsync(fence.Id, 1)).StatusCode);

        var seen = await UntilAsync(received.Reader, m => m.BookId == fence.Id);
        var forBook = seen.Where(m => m.BookId == book.Id).ToList();
        Assert.Single(forBook);
        Assert.Equal(book.AvailableCopies - 1, forBook[0].AvailableCopies);
    }

    [Fact]
    public async Task Node_B_notifier_subscribers_hear_each_of_node_A_borrows_exactly_once()
    {
        var book = await nodes.A.WithDbAsync(db => db.Books.OrderBy(b => b.Id).Select(b => b.Id).Skip(20).FirstAsync());
        await nodes.A.PutCopiesOnShelfAsync(book, Borrows + 10);
        var heard = Channel.CreateUnbounded<(StockLevel Level, long At)>();
        var notifierB = nodes.B.Services.GetRequiredService<StockNotifier>();
        using var subscription = notifierB.Subscribe(book, level =>
        {
            if (level.AvailableCopies == Borrows + 10)
            {
                return Task.CompletedTask; // the setup's own stock change, relayed late
            }

            heard.Writer.TryWrite((level, Stopwatch.GetTimestamp()));
            return Task.CompletedTask;
        });
        var hubHeard = Channel.CreateUnbounded<(StockChanged Level, long At)>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(nodes.B.BaseAddress, "/hubs/stock")).Build();
        hub.On<StockChanged>("stockChanged", m => { if (m.AvailableCopies != Borrows + 10) { hubHeard.Writer.TryWrite((m, Stopwatch.GetTimestamp())); } });
        await hub.StartAsync();
        var borrowers = new List<HttpClient>();
        for (var i = 0; i < Borrows; i += 10)
        {
            borrowers.Add(await RegisteredPatronAsync(nodes.A, i));
        }

        var notifierLatency = new List<double>();
        var afterResponse = new List<double>();
        var hubLatency = new List<double>();
        var levels = new List<int>();
        for (var i = 0; i < Borrows; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            var response = await borrowers[i / 10].BorrowAsync(book, 1);
            var answered = Stopwatch.GetTimestamp();
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
            var (level, at) = await NextAsync(heard.Reader);
            levels.Add(level.AvailableCopies);
            notifierLatency.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
            afterResponse.Add(Math.Max(0, Stopwatch.GetElapsedTime(answered, at).TotalMilliseconds));
            var (hubLevel, hubAt) = await NextMatchingAsync(hubHeard.Reader, m => m.Level.BookId == book);
            Assert.Equal(level.AvailableCopies, hubLevel.AvailableCopies);
            hubLatency.Add(Stopwatch.GetElapsedTime(sent, hubAt).TotalMilliseconds);
        }

        // Every borrow heard once, in order: one message per step down, none twice, none missing.
        Assert.Equal(Enumerable.Range(0, Borrows).Select(i => Borrows + 10 - 1 - i), levels);
        Assert.False(heard.Reader.TryRead(out _));
        output.WriteLine($"Cross-node live update over {Borrows} borrows (node A request sent -> node B callback), ms: " +
            $"notifier p50 {Percentile(notifierLatency, 50):F1} p95 {Percentile(notifierLatency, 95):F1} max {notifierLatency.Max():F1}; " +
            $"notifier after node A's 201 (commit is before it) p50 {Percentile(afterResponse, 50):F1} p95 {Percentile(afterResponse, 95):F1}; " +
            $"hub client p50 {Percentile(hubLatency, 50):F1} p95 {Percentile(hubLatency, 95):F1} max {hubLatency.Max():F1}");
        foreach (var client in borrowers)
        {
            client.Dispose();
        }
    }

    private async Task<(Api.Book, Api.Book)> TwoBooksAsync(int skip)
    {
        using var client = nodes.A.CreateApiClient();
        var page = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<Api.BookPage>(client, "/api/books?pageSize=100", Api.Json);
        var books = page!.Items.Where(b => b.AvailableCopies >= 2).Skip(skip).Take(2).ToList();
        return (books[0], books[1]);
    }

    private static async Task<HttpClient> RegisteredPatronAsync(LibraryApp node, int n)
    {
        var email = $"live{n}-{Guid.NewGuid():N}"[..16] + "@test.local";
        using var anonymous = node.CreateApiClient();
        var registered = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(anonymous, "/api/auth/register",
            new { email, password = "Live-password-2026!" });
        registered.EnsureSuccessStatusCode();
        return await node.SignInApiAsync(email, "Live-password-2026!");
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await reader.ReadAsync(timeout.Token);
    }

    private static async Task<T> NextMatchingAsync<T>(ChannelReader<T> reader, Func<T, bool> match)
    {
        while (true)
        {
            var next = await NextAsync(reader);
            if (match(next))
            {
                return next;
            }
        }
    }

    private static async Task<List<T>> UntilAsync<T>(ChannelReader<T> reader, Func<T, bool> last)
    {
        var seen = new List<T>();
        while (true)
        {
            var next = await NextAsync(reader);
            seen.Add(next);
            if (last(next))
            {
                return seen;
            }
        }
    }

    private static double Percentile(List<double> values, int percent)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
