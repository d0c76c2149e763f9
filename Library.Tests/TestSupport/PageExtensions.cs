using Microsoft.Playwright;

namespace Library.Tests.TestSupport;

public static class PageExtensions
{
    /// <summary>Signs in through the real sign-in form and waits for the interactive home page.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password, string returnUrl = "/")
    {
        await page.GotoAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
    }

    /// <summary>Waits until Blazor's interactive circuit is up, so clicks reach the server.</summary>
    public static Task WaitForBlazorAsync(this IPage page) =>
        page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-interactive=\"true\"]') !== null");

    /// <summary>Screenshots for people to look at (not compared), all in bin/…/TestResults/screenshots.</summary>
    private static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public static async Task SaveScreenshotAsync(this IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = fullPage });
    }
}
