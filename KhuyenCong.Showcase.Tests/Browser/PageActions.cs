using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

public static class PageActions
{
    /// <summary>Clicks made before the circuit attaches are lost: wait for the layout to say it is interactive.</summary>
    public static Task WaitInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static async Task SignInAsync(this IPage page, string baseUrl, string email, string password = Demo.DemoSeeder.Password)
    {
        await page.GotoAsync($"{baseUrl}/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.SiteFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
