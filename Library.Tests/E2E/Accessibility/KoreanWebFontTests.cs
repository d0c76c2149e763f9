using System.Text.Json;
using Library.Tests.TestSupport;
using Microsoft.Playwright;

namespace Library.Tests.E2E.Accessibility;

/// <summary>Korean text is drawn with the Noto Sans KR web font the app serves itself, not with whatever the machine has.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KoreanWebFontTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    [Fact]
    public async Task Korean_headings_render_with_the_served_noto_sans_kr_font()
    {
        var page = await browser.NewPageAsync(app, "ko-KR");
        var fontRequests = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/fonts/noto-sans-kr/") && response.Ok)
            {
                lock (fontRequests)
                {
                    fontRequests.Add(response.Url);
                }
            }
        };

        await page.GotoAsync("/catalogue");
        await page.WaitForBlazorAsync();
        await page.EvaluateAsync("() => document.fonts.ready");

        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"Noto Sans KR\"', '가')"));
        lock (fontRequests)
        {
            Assert.Contains(fontRequests, url => url.Contains("noto-sans-kr-korean-"));
        }

        // Ask Chromium which font actually drew the heading's glyphs.
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("DOM.enable");
        await cdp.SendAsync("CSS.enable");
        var document = await cdp.SendAsync("DOM.getDocument");
        var heading = await cdp.SendAsync("DOM.querySelector", new Dictionary<string, object>
        {
            ["nodeId"] = document!.Value.GetProperty("root").GetProperty("nodeId").GetInt32(),
            ["selector"] = "h1",
        });
        var fonts = await cdp.SendAsync("CSS.getPlatformFontsForNode", new Dictionary<string, object>
        {
            ["nodeId"] = heading!.Value.GetProperty("nodeId").GetInt32(),
        });
        var used = fonts!.Value.GetProperty("fonts").EnumerateArray()
            .Select(f => (Family: f.GetProperty("familyName").GetString(), Custom: f.GetProperty("isCustomFont").GetBoolean()))
            .ToList();
        Assert.True(used.Count > 0 && used.All(f => f.Custom && f.Family!.Replace(" ", "").StartsWith("NotoSansKR")),
            "heading drawn with " + JsonSerializer.Serialize(used.Select(f => $"{f.Family} (web font: {f.Custom})")));
        await page.Context.CloseAsync();
    }
}
