using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Library.Tests.E2E.Admin;
using Library.Tests.TestSupport;
using Microsoft.Playwright;

namespace Library.Tests.E2E.Accessibility;

/// <summary>axe-core finds no serious or critical violation on any page of <see cref="AxePages"/>, in English and Korean.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeRunTests(BrowserFixture browser, LibraryApp app) : IClassFixture<LibraryApp>
{
    private static readonly string[] Failing = ["serious", "critical"];
    private static readonly SemaphoreSlim PatronGate = new(1, 1);
    private static readonly Dictionary<string, string> PatronStates = new();

    public static TheoryData<string, string, int> Cases() => AxePages.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Page_has_no_serious_or_critical_axe_violations(string name, string language, int width)
    {
        var entry = AxePages.All.Single(p => p.Name == name);
        var (bookId, patronId, heldBookId) = await AxeDemoData.EnsureAsync(app);
        var path = entry.Path.Replace("{book}", bookId.ToString()).Replace("{patron}", patronId).Replace("{heldbook}", heldBookId.ToString());
        var locale = language == "ko" ? "ko-KR" : "en-US";

        var page = await OpenAsync(entry.Visitor, path, locale, width);
        try
        {
            if (entry.Visitor != Visitor.Anonymous && !path.StartsWith("/account/"))
            {
                await page.WaitForBlazorAsync();
            }

            if (entry.Ready is not null)
            {
                await entry.Ready(page);
            }

            // Violations only: the details of every passing node (thousands on a grid page) were half of each run.
            var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            var failures = result.Violations.Where(v => Failing.Contains(v.Impact)).ToList();
            if (failures.Count > 0)
            {
                await page.SaveScreenshotAsync($"axe-{name}-{language}-{width}");
            }

            Assert.True(failures.Count == 0, $"{name} ({path}, {language}, {width} px): " + Describe(failures));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IPage> OpenAsync(Visitor visitor, string path, string locale, int width)
    {
        if (visitor == Visitor.Librarian)
        {
            return await LibrarianSession.OpenAsync(browser, app, path, locale, width);
        }

        if (visitor == Visitor.Patron)
        {
            var patron = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseAddress.ToString().TrimEnd('/'),
                Locale = locale,
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
                StorageState = await PatronStateAsync(locale[..2]),
            });
            patron.SetDefaultTimeout(15_000);
            var signedIn = await patron.NewPageAsync();
            await signedIn.GotoAsync(path);
            return signedIn;
        }

        var page = await browser.NewPageAsync(app, locale);
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.Load);
        return page;
    }

    /// <summary>The demo patron's cookies (sign-in and language), made once per app and language through the real forms.</summary>
    private async Task<string> PatronStateAsync(string language)
    {
        await PatronGate.WaitAsync();
        try
        {
            var key = $"{app.BaseAddress} {language}";
            if (!PatronStates.TryGetValue(key, out var state))
            {
                var page = await browser.NewPageAsync(app);
                await page.SignInAsync(LibraryApp.PatronEmail, LibraryApp.PatronPassword);
                await page.GotoAsync($"/culture/set?culture={language}&returnUrl=/");
                state = await page.Context.StorageStateAsync();
                await page.Context.CloseAsync();
                PatronStates[key] = state;
            }

            return state;
        }
        finally
        {
            PatronGate.Release();
        }
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) =>
        string.Join(Environment.NewLine, violations.Select(v =>
            $"{v.Id} [{v.Impact}] {v.Help}: " + string.Join(" | ", v.Nodes.Take(4).Select(n => $"{n.Target} {Trim(n.Html)}"))
            + (v.Nodes.Length > 4 ? $" (+{v.Nodes.Length - 4} more)" : "")));

    private static string Trim(string html) => html.Length > 160 ? html[..160] + "…" : html;
}
