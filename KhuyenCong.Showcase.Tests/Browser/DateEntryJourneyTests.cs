using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
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
        var today = TimeProvider.System.Today();
        string D(DateOnly day) => day.ToString("dd/MM/yyyy");
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-US", TimezoneId = "America/New_York" });
        context.SetDefaultTimeout(20_000);
        var staff = await context.NewPageAsync();
        Assert.Equal("en-US", await staff.EvaluateAsync<string>("navigator.language"));
        await staff.SignInAsync(Url, "xa@demo.khuyencong.vn");
        await staff.GotoAsync($"{Url}/staff/rounds/new");
        await staff.WaitInteractiveAsync();
        await staff.SelectOptionAsync("#round-level", nameof(ContestLevel.Commune));
        await staff.SelectOptionAsync("#round-unit-province", new SelectOptionValue { Label = "42 — Hà Tĩnh" });
        await staff.Locator("#round-unit-commune option", new() { HasTextString = "Xã mẫu Thạch Hà" }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await staff.SelectOptionAsync("#round-unit-commune", new SelectOptionValue { Label = "Xã mẫu Thạch Hà (dữ liệu mẫu)" });
        await staff.FillAsync("#round-name", $"Kỳ thử ngày tháng {Guid.NewGuid().ToString("N")[..4]}");
        await staff.FillAsync("#round-organiser", "UBND xã mẫu Thạch Hà");
        await staff.FillAsync("#decision-number", "05/QĐ-UBND");
        await staff.FillAsync("#decision-signer", "Chủ tịch UBND xã");
        foreach (var (id, text) in new[] { ("decision-date", "05/03/2026"), ("registration-opens", D(today.AddDays(-1))), ("registration-closes", D(today.AddDays(20))),
                     ("review-until", D(today.AddDays(25))), ("judging-from", D(today.AddDays(26))), ("judging-to", D(today.AddDays(30))), ("announcement-on", D(today.AddDays(31))) })
        {
            await staff.FillAsync($"#{id}", text);
            await staff.Keyboard.PressAsync("Tab");
        }
        // The typed day stays as typed, day first, in the English browser.
        await Assertions.Expect(staff.Locator("#decision-date")).ToHaveValueAsync("05/03/2026");
        await staff.ShotAsync("date-entry-en-us-desktop");
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
