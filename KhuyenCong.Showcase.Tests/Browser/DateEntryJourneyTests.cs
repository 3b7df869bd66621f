using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Resources;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

/// <summary>Dates are typed and read as dd/MM/yyyy whatever the browser's own language (DateField).</summary>
[Collection(SiteCollection.Name)]
public sealed class DateEntryJourneyTests(SiteFixture site)
{
    private string Url => site.App.BaseUrl;

    [Fact]
    public async Task AnOfficerOnAnEnglishBrowserTypes05032026AndTheRecordSays5March2026()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", TimezoneId = "America/New_York" });
        context.SetDefaultTimeout(20_000);
        var staff = await context.NewPageAsync();
        Assert.Equal("en-US", await staff.EvaluateAsync<string>("navigator.language"));
        await staff.SignInAsync(Url, "xa@demo.khuyencong.vn");
        await staff.FillNewCommuneRoundAsync(Url, $"Kỳ thử ngày tháng {Guid.NewGuid().ToString("N")[..4]}", "05/QĐ-UBND", "05/03/2026",
            TimeProvider.System.Today());
        // The typed day stays as typed, day first, in the English browser.
        await Assertions.Expect(staff.Locator("#decision-date")).ToHaveValueAsync("05/03/2026");
        await staff.ShotAsync("date-entry-en-us-desktop");
        // The calendar beside the box opens on the typed day (MudDatePicker), and closes with Escape without changing it.
        await staff.Locator("#decision-date").ScrollIntoViewIfNeededAsync();
        await staff.Locator(".date-field", new() { Has = staff.Locator("#decision-date") }).GetByRole(AriaRole.Button, new() { Name = UiText.Date_OpenCalendar }).ClickAsync();
        await Assertions.Expect(staff.Locator(".mud-picker-calendar .mud-selected")).ToHaveTextAsync("5");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(SiteFixture.ScreenshotFolder, "date-entry-calendar-desktop.png") });
        await staff.Keyboard.PressAsync("Escape");
        await Assertions.Expect(staff.Locator("#decision-date")).ToHaveValueAsync("05/03/2026");
        // A day before the one it follows: the domain's refusal stands under that day's box, and nothing is created.
        var today = TimeProvider.System.Today();
        await staff.FillAsync("#judging-to", today.AddDays(20).ToString("dd/MM/yyyy"));
        await staff.Keyboard.PressAsync("Tab");
        await staff.ClickAsync("[data-testid=save-round]");
        await Assertions.Expect(staff.FieldError("judging-to")).ToContainTextAsync(Messages.RoundScheduleOrder);
        await Assertions.Expect(staff.Locator("[data-testid=form-error]")).ToContainTextAsync(UiText.Form_SeeMarkedField);
        await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff/rounds/new$"));
        await staff.ShotAsync("round-edit-field-error-desktop");
        await staff.FillAsync("#judging-to", today.AddDays(30).ToString("dd/MM/yyyy"));
        await staff.Keyboard.PressAsync("Tab");
        await Assertions.Expect(staff.FieldError("judging-to")).ToHaveCountAsync(0);
        await staff.ClickAsync("[data-testid=save-round]");
        await Assertions.Expect(staff).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/staff/rounds/[0-9a-f-]{36}$"));

        var round = await site.App.Get<RoundService>().FindAsync(await site.ScopeOfAsync("xa@demo.khuyencong.vn"), Guid.Parse(staff.Url.Split('/').Last()));
        Assert.Equal(new DateOnly(2026, 3, 5), round!.Establishment!.Date);

        // Read back on the edit page, still day first.
        await staff.GotoAsync($"{Url}/staff/rounds/{round.Id}/edit");
        await staff.WaitInteractiveAsync();
        await Assertions.Expect(staff.Locator("#decision-date")).ToHaveValueAsync("05/03/2026");
        await context.CloseAsync();
    }
}
