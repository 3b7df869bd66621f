using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

/// <summary>
/// .NET 10's reconnection UI: the server is taken away while a producer edits a product (every connection cut, nothing
/// listening) and brought back; the dialog shows in Vietnamese, goes, the circuit goes on, and nothing saved is lost.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ReconnectJourneyTests(SiteFixture site)
{
    [Fact]
    public async Task WhenTheServerGoesAwayAndComesBackTheBannerShowsAndGoesAndTheEditGoesOn()
    {
        await using var relay = new TcpForwarder(new Uri(site.App.BaseUrl).Port);
        var page = await site.NewPageAsync();
        await page.SignInAsync(relay.Url, "coso@demo.khuyencong.vn");
        await page.GotoAsync($"{relay.Url}/producer/products");
        // A link clicked before the circuit attaches changes the address but not the page (MudBlazor's script makes that window wider).
        await page.WaitInteractiveAsync();
        await page.Locator("[data-testid=product-list] li a").First.ClickAsync();
        await page.WaitInteractiveAsync();
        var name = page.Locator("#product-name");
        var original = await name.InputValueAsync();
        await name.FillAsync(original + " (bản 1)");
        await page.ClickAsync("[data-testid=save-product]");
        await Assertions.Expect(page.Locator("[data-testid=form-success]")).ToContainTextAsync("Đã lưu sản phẩm");

        relay.Stop();
        var dialog = page.Locator("#components-reconnect-modal");
        await Assertions.Expect(dialog).ToHaveAttributeAsync("open", "", new() { Timeout = 15_000 });
        await Assertions.Expect(dialog).ToContainTextAsync("kết nối lại");
        await page.ShotAsync("reconnect-desktop");
        await Task.Delay(1500);
        relay.Start();
        await Assertions.Expect(dialog).Not.ToHaveAttributeAsync("open", "", new() { Timeout = 30_000 });

        // The same circuit goes on: the page still holds what was typed, and the next save works.
        await Assertions.Expect(name).ToHaveValueAsync(original + " (bản 1)");
        await name.FillAsync(original + " (bản 2)");
        await page.ClickAsync("[data-testid=save-product]");
        await Assertions.Expect(page.Locator("[data-testid=form-success]")).ToContainTextAsync("Đã lưu sản phẩm");
        await page.ReloadAsync();
        await page.WaitInteractiveAsync();
        await Assertions.Expect(name).ToHaveValueAsync(original + " (bản 2)");
        await name.FillAsync(original);
        await page.ClickAsync("[data-testid=save-product]");
        await Assertions.Expect(page.Locator("[data-testid=form-success]")).ToContainTextAsync("Đã lưu sản phẩm");
    }
}
