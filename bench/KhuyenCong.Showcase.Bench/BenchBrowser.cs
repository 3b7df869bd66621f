// The Chromium the benchmarks drive, and signing in through the app's own form: shared by the judging benchmark
// (Program.cs) and the memory benchmark (CircuitMemory.cs).
using Microsoft.Playwright;

static class BenchBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        Headless = true, ExecutablePath = "/usr/bin/chromium",
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>A browser context signed in as <paramref name="email"/> (its cookie serves every page opened in it);
    /// <paramref name="locale"/> null keeps the browser's own.</summary>
    public static async Task<IBrowserContext> SignInAsync(IBrowser browser, string url, string email, string password, string? locale = null)
    {
        var context = await browser.NewContextAsync(new() { Locale = locale });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{url}/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.CloseAsync();
        return context;
    }
}
