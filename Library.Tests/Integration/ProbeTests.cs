using Library.Tests.TestSupport;
namespace Library.Tests.Integration;
public sealed class ProbeTests
{
    [Fact]
    public async Task Probe()
    {
        await using var app = new LibraryApp();
        await app.InitializeAsync();
        using var c = app.CreateApiClient();
        var html = await c.GetStringAsync("/catalogue");
        Console.WriteLine("PROBE " + string.Join("\nPROBE ", html.Split('\n').Where(l => l.Contains("stylesheet") || l.Contains("<script"))));
        foreach (var url in new[] { "/_content/MudBlazor/MudBlazor.min.css", "/app.css", "/_framework/blazor.web.js" })
        {
            var r = await c.GetAsync(url);
            Console.WriteLine($"PROBE {url} {(int)r.StatusCode} {r.Content.Headers.ContentType} {r.Content.Headers.ContentLength}");
        }
    }
}
