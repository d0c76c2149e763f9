using System.Threading.Channels;
using Library.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Library.Tests.Integration;

/// <summary>/hubs/stock, as a kiosk or any non-Blazor client sees it.</summary>
public sealed class StockHubTests(LibraryApp app) : IClassFixture<LibraryApp>
{
    public sealed record StockChanged(int BookId, int AvailableCopies, int TotalCopies);

    [Fact]
    public async Task A_borrow_and_a_return_are_pushed_with_the_new_available_count()
    {
        var received = Channel.CreateUnbounded<StockChanged>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(app.BaseAddress, "/hubs/stock"))
            .Build();
        hub.On<StockChanged>("stockChanged", m => received.Writer.TryWrite(m));
        await hub.StartAsync();
        using var patron = await app.SignInPatronAsync();
        var book = await patron.FindBookWithCopiesAsync(2);

        var loan = await (await patron.BorrowAsync(book.Id, 2)).ReadAsync<Api.Loan>();
        var afterBorrow = await NextForAsync(received.Reader, book.Id);
        await patron.ReturnAsync(loan.Id, 1);
        var afterReturn = await NextForAsync(received.Reader, book.Id);

        Assert.Equal(book.AvailableCopies - 2, afterBorrow.AvailableCopies);
        Assert.Equal(book.AvailableCopies - 1, afterReturn.AvailableCopies);
        Assert.Equal(book.TotalCopies, afterReturn.TotalCopies);
    }

    private static async Task<StockChanged> NextForAsync(ChannelReader<StockChanged> reader, int bookId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = await reader.ReadAsync(timeout.Token);
            if (message.BookId == bookId)
            {
                return message;
            }
        }
    }
}
