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
        await staff.ChooseAsync("round-level", "Cấp xã");
        await staff.ChooseAsync("round-unit-province", "42 — Hà Tĩnh");
        // The commune is typed without diacritics and picked from what the box offers (MudAutocomplete).
        await staff.PickCommuneAsync("round-unit", "thach ha", "Xã mẫu Thạch Hà (dữ liệu mẫu)");
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

    /// <summary>Picks an option of a MudSelect (found by its data-testid) by the option's whole text.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, string option)
    {
        await page.Locator($"[data-testid={testId}]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item")
            .Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(option)}\\s*$") })
            .ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Types into a unit autocomplete ("{prefix}-commune") and picks what it offers.</summary>
    public static async Task PickCommuneAsync(this IPage page, string prefix, string typed, string option)
    {
        await page.FillAsync($"#{prefix}-commune", typed);
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = option }).ClickAsync();
        await Assertions.Expect(page.Locator($"#{prefix}-commune")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(option)));
    }

    /// <summary>The message a Mud input (or DateField) shows under the box whose input has this id.</summary>
    public static ILocator FieldError(this IPage page, string inputId) =>
        page.Locator($".mud-input-control:has(#{inputId}) .mud-input-helper-text.mud-input-error").First;

    public static Task ShotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Infrastructure.SiteFixture.ScreenshotFolder, name + ".png"), FullPage = true });
}
