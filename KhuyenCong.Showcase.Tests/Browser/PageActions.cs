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

    /// <summary>
    /// Opens the new-round form and fills it for a commune round of the sample commune Thạch Hà (Hà Tĩnh): the decision
    /// date as given, the schedule from tomorrow's registration onwards, every date typed as dd/MM/yyyy text.
    /// </summary>
    public static async Task FillNewCommuneRoundAsync(this IPage staff, string baseUrl, string name, string decisionNumber, string decisionDate,
        DateOnly today)
    {
        static string D(DateOnly day) => day.ToString("dd/MM/yyyy");
        await staff.GotoAsync($"{baseUrl}/staff/rounds/new");
        await staff.WaitInteractiveAsync();
        await staff.SelectOptionAsync("#round-level", nameof(Contests.ContestLevel.Commune));
        await staff.SelectOptionAsync("#round-unit-province", new SelectOptionValue { Label = "42 — Hà Tĩnh" });
        // The commune is typed without diacritics and picked from what the box offers (MudAutocomplete).
        await staff.FillAsync("#round-unit-commune", "thach ha");
        await staff.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = "Xã mẫu Thạch Hà (dữ liệu mẫu)" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#round-unit-commune")).ToHaveValueAsync("Xã mẫu Thạch Hà (dữ liệu mẫu)");
        await staff.FillAsync("#round-name", name);
        await staff.FillAsync("#round-organiser", "UBND xã mẫu Thạch Hà");
        await staff.FillAsync("#decision-number", decisionNumber);
        await staff.FillAsync("#decision-signer", "Chủ tịch UBND xã");
        foreach (var (id, text) in new[] { ("decision-date", decisionDate), ("registration-opens", D(today.AddDays(-1))), ("registration-closes", D(today.AddDays(20))),
                     ("review-until", D(today.AddDays(25))), ("judging-from", D(today.AddDays(26))), ("judging-to", D(today.AddDays(30))), ("announcement-on", D(today.AddDays(31))) })
        {
            await staff.FillAsync($"#{id}", text);
            await staff.Keyboard.PressAsync("Tab");
        }
    }

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.SiteFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
