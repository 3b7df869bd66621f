using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

/// <summary>
/// Issue 7, findings 8 and 9 as the probe found them: stack traces and 500s on bad input in the default run mode,
/// refusals answered with redirects or 200s, a sign-in lost to a non-ASCII return address, and a long paste that
/// dropped the connection. The site runs in Development here, as `dotnet run` starts it.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class HostileInputTests(SiteFixture site)
{
    private string Url => site.App.BaseUrl;

    private static async Task ExpectPageAsync(IAPIResponse response, int status, string text)
    {
        var body = await response.TextAsync();
        Assert.True(response.Status == status, $"{response.Url}: {response.Status}, expected {status}\n{body[..Math.Min(body.Length, 400)]}");
        Assert.Contains(text, body);
        foreach (var leak in new[] { "   at ", "Exception", ".cs:line", "/work/", "DeveloperExceptionPage" })
            Assert.DoesNotContain(leak, body);
    }

    [Fact]
    public async Task BadAddressesAnswerAClearVietnamesePageWithTheRightStatusAndNoStackTrace()
    {
        var staff = await site.NewPageAsync();
        await staff.SignInAsync(Url, "tinh@demo.khuyencong.vn");
        var judge = await site.NewPageAsync();
        await judge.SignInAsync(Url, "giamkhao@demo.khuyencong.vn");
        var producer = await site.NewPageAsync();
        await producer.SignInAsync(Url, "coso@demo.khuyencong.vn");
        var other = await site.NewPageAsync();
        await other.SignInAsync(Url, "hungyen@demo.khuyencong.vn");
        var unknown = Guid.NewGuid();

        await ExpectPageAsync(await staff.APIRequest.GetAsync($"{Url}/staff/products?producer=not-a-guid"), 400, "không hợp lệ");
        await ExpectPageAsync(await producer.APIRequest.GetAsync($"{Url}/producer/products/new?saved=abc"), 400, "không hợp lệ");
        foreach (var page in new[] { "declare", "progress", "fairness" })
            await ExpectPageAsync(await judge.APIRequest.GetAsync($"{Url}/jury/rounds/{unknown}/{page}"), 404, "Không tìm thấy");
        await ExpectPageAsync(await staff.APIRequest.GetAsync($"{Url}/staff/entries/{unknown}"), 404, "Không tìm thấy");
        await ExpectPageAsync(await staff.APIRequest.GetAsync($"{Url}/staff/rounds/{unknown}"), 404, "Không tìm thấy");
        await ExpectPageAsync(await staff.APIRequest.GetAsync($"{Url}/khong-co-trang-nay"), 404, "Không tìm thấy");
        await ExpectPageAsync(await staff.APIRequest.GetAsync($"{Url}/rounds/{unknown}/entries.csv"), 404, "Không tìm thấy");

        // Refused pages and files answer 403 where they were asked for, not a redirect and not a 200 with an error in it.
        await ExpectPageAsync(await judge.APIRequest.GetAsync($"{Url}/staff", new() { MaxRedirects = 0 }), 403, "Không có quyền");
        var round = (await site.App.Get<Contests.RoundService>().ListAsync(await TinhAsync()))
            .First(r => r.Level == Contests.ContestLevel.Province && r.State >= Contests.RoundState.DecisionIssued).Id;
        await ExpectPageAsync(await other.APIRequest.GetAsync($"{Url}/rounds/{round}/entries.csv", new() { MaxRedirects = 0 }), 403, "Không có quyền");
        await ExpectPageAsync(await other.APIRequest.GetAsync($"{Url}/staff/rounds/{round}", new() { MaxRedirects = 0 }), 403, "Không có quyền");

        // A return address with a control character goes home; one with Vietnamese letters still works.
        var culture = await staff.APIRequest.GetAsync($"{Url}/culture/en?returnUrl=/%09/x", new() { MaxRedirects = 0 });
        Assert.Equal((302, "/"), (culture.Status, culture.Headers["location"]));
        var login = await site.NewPageAsync();
        await login.GotoAsync($"{Url}/account/login?returnUrl={Uri.EscapeDataString("/staff/products?q=gốm")}");
        await login.FillAsync("#email", "tinh@demo.khuyencong.vn");
        await login.FillAsync("#password", Demo.DemoSeeder.Password);
        await login.ClickAsync("button[type=submit]");
        await login.WaitForURLAsync("**/staff/products?q=*");
        Assert.Equal("gốm", Uri.UnescapeDataString(new Uri(login.Url).Query.Split('=')[1]));
    }

    [Fact]
    public async Task APasteOfThirtyThousandCharactersKeepsTheConnectionAndSaysWhatIsTooLong()
    {
        var page = await site.NewPageAsync();
        await page.SignInAsync(Url, "coso@demo.khuyencong.vn");
        await page.GotoAsync($"{Url}/producer/products/new");
        await page.WaitInteractiveAsync();
        var story = page.Locator("#story");
        Assert.Equal("4000", await story.GetAttributeAsync("maxlength"));
        Assert.Equal("200", await page.Locator("#product-name").GetAttributeAsync("maxlength"));

        // The browser stops at the limit ...
        var pasted = string.Concat(Enumerable.Repeat("Gốm men lam vẽ tay, nung củi. ", 1000));
        await story.FillAsync(pasted);
        Assert.Equal(4000, (await story.InputValueAsync()).Length);

        // ... and a client that ignores it gets a message in Vietnamese, with the circuit still alive.
        await page.EvaluateAsync("""
            text => { const box = document.querySelector('#story'); box.removeAttribute('maxlength'); box.value = text;
                      box.dispatchEvent(new Event('change', { bubbles: true })); }
            """, pasted);
        await page.FillAsync("#product-name", "Bình gốm");
        await page.ClickAsync("[data-testid=save-product]");
        await Assertions.Expect(page.FieldError("story")).ToContainTextAsync("tối đa 4000 ký tự");
        await Assertions.Expect(page.Locator("[data-interactive=true]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#components-reconnect-modal[open], .components-reconnect-show")).ToHaveCountAsync(0);
        await page.ShotAsync("product-too-long-desktop");
    }

    private async Task<Accounts.UserScope> TinhAsync()
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Accounts.AppUser>>(scope.ServiceProvider);
        return await site.App.Get<Accounts.AccountService>().ScopeForAsync((await users.FindByEmailAsync("tinh@demo.khuyencong.vn"))!.Id);
    }
}
