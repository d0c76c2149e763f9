using Library.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Library.Tests.E2E;

[Collection(SecondBrowserCollection.Name)]
public sealed class ReconnectTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task A_dropped_connection_shows_the_reconnect_dialog_and_the_page_works_again_once_back()
    {
        var page = await browser.NewPageAsync(app);
        var network = new CircuitNetwork();
        await network.AttachAsync(page);
        await page.GotoAsync("/catalogue");
        await page.WaitForBlazorAsync();
        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).ToBeHiddenAsync();

        await network.DropAsync();

        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Connection lost. Reconnecting…");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Catalogue" })).ToBeVisibleAsync(); // still there, dimmed
        await page.SaveScreenshotAsync("reconnecting-en-1280");

        network.Restore();

        await Expect(dialog).ToBeHiddenAsync(new() { Timeout = 20_000 });
        await page.GetByLabel("Search by title, author or ISBN").FillAsync("weary dev");
        await Expect(page.GetByTestId("result-count")).Not.ToHaveTextAsync("200 titles");
    }

    /// <summary>Cuts the circuit's WebSocket (and any fallback transport) the way a dropped network would, then lets it back.</summary>
    private sealed class CircuitNetwork
    {
        private readonly List<IWebSocketRoute> _sockets = [];
        private volatile bool _online = true;

        public async Task AttachAsync(IPage page)
        {
            await page.RouteWebSocketAsync("**/_blazor**", socket =>
            {
                if (!_online)
                {
                    _ = socket.CloseAsync();
                    return;
                }

                socket.ConnectToServer();
                lock (_sockets)
                {
                    _sockets.Add(socket);
                }
            });
            await page.RouteAsync("**/_blazor**", async route =>
            {
                if (_online)
                {
                    await route.ContinueAsync();
                }
                else
                {
                    await route.AbortAsync();
                }
            });
        }

        public async Task DropAsync()
        {
            _online = false;
            List<IWebSocketRoute> open;
            lock (_sockets)
            {
                open = [.. _sockets];
                _sockets.Clear();
            }

            foreach (var socket in open)
            {
                await socket.CloseAsync();
            }
        }

        public void Restore() => _online = true;
    }
}
