using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KhuyenCong.Showcase.Tests.Browser;

/// <summary>
/// Issue 7, findings 6 and 12 as the probe found them: sessions that outlived a lock, a demotion or a sign-out; no
/// e-mail confirmation, no forgotten-password flow, common passwords taken; an admin lock read as wrong passwords.
/// Mail goes through a real SMTP server (aiosmtpd) and is read from its mailbox.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class AccountJourneyTests(SiteFixture site)
{
    private const string Password = "Bien-Ban-2026-x";
    private string Url => site.App.BaseUrl;

    private async Task<(string Id, string Email)> StaffAsync(string role = Roles.ProvinceStaff, string unitCode = "42")
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var units = await site.App.Get<GeographyService>().DirectoryAsync();
        var email = $"canbo-{Guid.NewGuid():N}@example.vn";
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, FullName = "Cán bộ thử", CreatedAt = DateTimeOffset.UtcNow,
            UnitId = units.ProvincesOn(TimeProvider.System.Today()).Single(p => p.Code == unitCode).Id,
        };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return (user.Id, email);
    }

    private async Task<UserScope> AdminAsync()
    {
        await using var scope = site.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await site.App.Get<AccountService>().ScopeForAsync((await users.FindByEmailAsync("admin@demo.khuyencong.vn"))!.Id);
    }

    /// <summary>A second browser holding a copy of the first one's cookies, as a stolen cookie would be used.</summary>
    private async Task<IPage> CopyOfAsync(IPage page)
    {
        var copy = await site.NewPageAsync();
        await copy.Context.AddCookiesAsync((await page.Context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        return copy;
    }

    private async Task<int> StatusAsync(IPage page, string path) =>
        (await page.APIRequest.GetAsync($"{Url}{path}", new() { MaxRedirects = 0 })).Status;

    [Fact]
    public async Task LockingAnAccountEndsEverySessionAtOnceAndTheOpenPageShowsThe403Page()
    {
        var (id, email) = await StaffAsync();
        var page = await site.NewPageAsync();
        await page.SignInAsync(Url, email, Password);
        await page.GotoAsync($"{Url}/staff/rounds");
        await page.WaitInteractiveAsync();
        var copy = await CopyOfAsync(page);
        var round = (await site.App.Get<Contests.RoundService>().ListAsync(await site.App.Get<AccountService>().ScopeForAsync(id)))[0].Id;
        Assert.Equal(200, await StatusAsync(copy, $"/rounds/{round}/entries.csv"));

        var units = await site.App.Get<GeographyService>().DirectoryAsync();
        await site.App.Get<AccountService>().UpdateAccessAsync(await AdminAsync(), id, [Roles.ProvinceStaff],
            units.ProvincesOn(TimeProvider.System.Today()).Single(p => p.Code == "42").Id, locked: true);

        // The copied cookie opens nothing any more: pages send it to sign in, files refuse it.
        Assert.Equal(302, await StatusAsync(copy, "/staff/rounds"));
        Assert.Equal(302, await StatusAsync(copy, $"/rounds/{round}/entries.csv"));
        // The page already open in its circuit answers its next operation with the 403 page, not an error.
        await page.Locator("td a[href^='staff/rounds/']").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=server-error]")).ToHaveCountAsync(0);
        await page.ShotAsync("session-ended-desktop");

        var again = await site.NewPageAsync();
        await again.SignInAsync(Url, email, Password);
        await Assertions.Expect(again.Locator("[data-testid=login-error]")).ToContainTextAsync("quản trị viên khóa");
    }

    [Fact]
    public async Task SigningOutEndsACopiedCookieToo()
    {
        var (_, email) = await StaffAsync();
        var page = await site.NewPageAsync();
        await page.SignInAsync(Url, email, Password);
        var copy = await CopyOfAsync(page);
        Assert.Equal(200, await StatusAsync(copy, "/staff"));
        await page.GotoAsync($"{Url}/staff");
        await page.ClickAsync("[data-testid=logout]");
        await page.WaitForURLAsync($"{Url}/");
        Assert.Equal(302, await StatusAsync(copy, "/staff"));
    }

    [Fact]
    public async Task ARoleRemovedWhileAPageIsOpenShowsThe403PageThere()
    {
        var (id, email) = await StaffAsync();
        var page = await site.NewPageAsync();
        await page.SignInAsync(Url, email, Password);
        await page.GotoAsync($"{Url}/staff/rounds");
        await page.WaitInteractiveAsync();
        var units = await site.App.Get<GeographyService>().DirectoryAsync();
        await site.App.Get<AccountService>().UpdateAccessAsync(await AdminAsync(), id, [Roles.Judge],
            units.ProvincesOn(TimeProvider.System.Today()).Single(p => p.Code == "42").Id, locked: false);
        await page.Locator("td a[href^='staff/rounds/']").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=access-denied]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=server-error]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ASignUpOpensOnlyOnceTheMailedLinkConfirmsTheAddress()
    {
        var email = $"coso-{Guid.NewGuid():N}@example.vn";
        var page = await site.NewPageAsync(phone: true);
        await page.GotoAsync($"{Url}/account/register");
        await page.FillAsync("#fullname", "Lê Văn Nghề");
        await page.FillAsync("#email", email);
        // A common password is refused with the reason, in Vietnamese.
        foreach (var weak in new[] { "matkhau2026", "password123" })
        {
            await page.FillAsync("#password", weak);
            await page.FillAsync("#confirm", weak);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator("[data-testid=register-errors]")).ToContainTextAsync("quá dễ đoán");
        }
        await page.ShotAsync("register-common-password-phone");
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=register-sent]")).ToContainTextAsync(email);
        await page.ShotAsync("register-sent-phone");

        // Not yet: the address is not confirmed.
        await page.SignInAsync(Url, email, Password);
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("chưa được xác nhận");

        // Signing up again with the same address says the same thing and mails the owner instead.
        var other = await site.NewPageAsync();
        await other.GotoAsync($"{Url}/account/register");
        await other.FillAsync("#fullname", "Người khác");
        await other.FillAsync("#email", email);
        await other.FillAsync("#password", "Mot-Mat-Khau-Khac-9");
        await other.FillAsync("#confirm", "Mot-Mat-Khau-Khac-9");
        await other.ClickAsync("button[type=submit]");
        await Assertions.Expect(other.Locator("[data-testid=register-sent]")).ToBeVisibleAsync();

        // An unconfirmed address is not an account yet: the second sign-up replaced the first, nobody was told it was taken.
        Assert.DoesNotContain(site.Mail.Messages(), m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject ?? "").Contains("đã có tài khoản"));
        string newId;
        await using (var scope = site.App.Services.CreateAsyncScope())
            newId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
        var mail = await site.Mail.WaitForAsync(email, "Xác nhận địa chỉ email", m => (m.TextBody ?? "").Contains(Uri.EscapeDataString(newId)));
        await page.GotoAsync(SmtpSink.LinkTo(mail, "/account/confirm"));
        await Assertions.Expect(page.Locator("[data-testid=email-confirmed]")).ToBeVisibleAsync();
        // The replaced sign-up's password is the one that works: the latest sign-up of an unconfirmed address wins.
        await page.SignInAsync(Url, email, "Mot-Mat-Khau-Khac-9");
        await page.WaitForURLAsync("**/producer");

        // Once confirmed, a sign-up with the address mails its owner that it is taken, and the page still says only "sent".
        await other.GotoAsync($"{Url}/account/register");
        await other.FillAsync("#fullname", "Người khác nữa");
        await other.FillAsync("#email", email);
        await other.FillAsync("#password", "Mot-Mat-Khau-Khac-9");
        await other.FillAsync("#confirm", "Mot-Mat-Khau-Khac-9");
        await other.ClickAsync("button[type=submit]");
        await Assertions.Expect(other.Locator("[data-testid=register-sent]")).ToBeVisibleAsync();
        await site.Mail.WaitForAsync(email, "đã có tài khoản");
    }

    [Fact]
    public async Task AForgottenPasswordIsResetThroughAMailedLink()
    {
        var (_, email) = await StaffAsync(Roles.LocalStaff);
        var page = await site.NewPageAsync();
        await page.GotoAsync($"{Url}/account/login");
        await page.ClickAsync("[data-testid=forgot-link]");
        // The sign-in page has an #email too: filling before the forgotten-password page has replaced it types into the
        // page that is leaving, and the form then posts empty.
        await page.WaitForURLAsync("**/account/forgot");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Quên mật khẩu");
        await page.FillAsync("#email", email);
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=forgot-sent]")).ToContainTextAsync(email);
        // An unknown address gets the very same answer.
        await page.GotoAsync($"{Url}/account/forgot");
        await page.FillAsync("#email", "khong-ai@example.vn");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=forgot-sent]")).ToContainTextAsync("khong-ai@example.vn");
        Assert.DoesNotContain(site.Mail.Messages(), m => m.To.Mailboxes.Any(b => b.Address == "khong-ai@example.vn"));

        var mail = await site.Mail.WaitForAsync(email, "Đặt lại mật khẩu");
        await page.GotoAsync(SmtpSink.LinkTo(mail, "/account/reset"));
        await page.FillAsync("#password", "iloveyou2026");
        await page.FillAsync("#confirm", "iloveyou2026");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=reset-errors]")).ToContainTextAsync("quá dễ đoán");
        await page.FillAsync("#password", "Mat-Khau-Moi-2026");
        await page.FillAsync("#confirm", "Mat-Khau-Moi-2026");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("[data-testid=reset-done]")).ToBeVisibleAsync();

        await page.SignInAsync(Url, email, Password);
        await Assertions.Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("không đúng");
        await page.SignInAsync(Url, email, "Mat-Khau-Moi-2026");
        await page.WaitForURLAsync("**/staff");
    }

    [Fact]
    public async Task AnInvitationTakesBackAnAddressSomeoneSignedUpWithButNeverConfirmed()
    {
        var officer = $"can-bo-xa-{Guid.NewGuid():N}@hatinh.gov.vn";
        var accounts = site.App.Get<AccountService>();
        Assert.True((await accounts.RegisterProducerAsync(officer, "Chiem-Dia-Chi-2026", "Kẻ chiếm chỗ", path => Url + path)).Succeeded);

        var staff = await site.NewPageAsync();
        await staff.SignInAsync(Url, "tinh@demo.khuyencong.vn");
        await staff.GotoAsync($"{Url}/staff/users");
        await staff.WaitInteractiveAsync();
        await staff.FillAsync("#invite-name", "Nguyễn Văn Cán");
        await staff.FillAsync("#invite-email", officer);
        await staff.ClickAsync("[data-testid=invite-form] button[type=submit]");
        await Assertions.Expect(staff.Locator("[data-testid=invite-link]")).ToContainTextAsync("gửi thư mời");

        var invitation = await site.Mail.WaitForAsync(officer, "Lời mời");
        var page = await site.NewPageAsync();
        await page.GotoAsync(SmtpSink.LinkTo(invitation, "/account/invitation"));
        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"{Url}/");
        var squatter = await site.NewPageAsync();
        await squatter.SignInAsync(Url, officer, "Chiem-Dia-Chi-2026");
        await Assertions.Expect(squatter.Locator("[data-testid=login-error]")).ToBeVisibleAsync();
    }
}
