using Bunit;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Geography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>
/// The admin's users page: the accounts come a page at a time, a row's roles, unit and lock change in a MudDialog,
/// and a change the domain refuses (an admin taking away their own admin role) stays in the dialog with its reason,
/// with nothing saved.
/// </summary>
public sealed class UserAccessDialogTests : SignedInComponentContext
{
    private UserScope _admin = null!, _officer = null!;
    private string _adminEmail = "", _officerEmail = "";

    protected override IEnumerable<Type> AppServices => [typeof(AccountService), typeof(GeographyService)];

    protected override async Task<UserScope> ArrangeAsync()
    {
        _officer = await World.UserAsync(Roles.LocalStaff, "T4201");
        _admin = await World.UserAsync(Roles.Admin);
        _officerEmail = await World.EmailOfAsync(_officer);
        _adminEmail = await World.EmailOfAsync(_admin);
        return _admin;
    }

    [Fact]
    public async Task AnAdminLocksAnAccountInTheDialogAndCannotDemoteThemselves()
    {
        var provider = Render<MudDialogProvider>();
        Render<MudPopoverProvider>();
        var page = Render<UsersAdminPage>();
        AngleSharp.Dom.IElement Row(string email) =>
            page.FindAll("[data-testid=user-table] tbody tr.mud-table-row").Single(r => r.TextContent.Contains(email));
        page.WaitForAssertion(() => Assert.Contains("Thạch Hà", Row(_officerEmail).TextContent));
        Assert.DoesNotContain("Đã khóa", Row(_officerEmail).TextContent);

        // Lock the officer: saved, the dialog closes, the row says so.
        var editing = Row(_officerEmail).QuerySelector("[data-testid=edit-user]")!.ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=user-access-dialog]")));
        Assert.Contains(_officerEmail, provider.Find(".mud-dialog-title").TextContent);
        LockBox(provider).Change(true);
        await provider.Find("[data-testid=save-access]").ClickAsync(new());
        await editing;
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("[data-testid=user-access-dialog]")));
        page.WaitForAssertion(() => Assert.Contains("Đã khóa", Row(_officerEmail).TextContent));
        Assert.True(await LockedAsync(_officer.UserId));

        // The admin unticks their own admin role: refused with the domain's reason, the dialog stays, nothing changes.
        editing = Row(_adminEmail).QuerySelector("[data-testid=edit-user]")!.ClickAsync(new());
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("[data-testid=user-access-dialog]")));
        provider.FindAll("[data-testid=user-access-dialog] .role-boxes input[type=checkbox]")
            .Single(box => box.HasAttribute("checked") || ((AngleSharp.Html.Dom.IHtmlInputElement)box).IsChecked).Change(false);
        await provider.Find("[data-testid=save-access]").ClickAsync(new());
        provider.WaitForAssertion(() => Assert.Contains(Resources.Messages.AccountCannotDemoteSelf, provider.Find("[data-testid=user-access-dialog]").TextContent));
        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.Contains(Roles.Admin, await users.GetRolesAsync((await users.FindByIdAsync(_admin.UserId))!));
        }
        await provider.FindAll(".mud-dialog-actions button").First(b => b.TextContent.Contains(Resources.UiText.Common_Cancel)).ClickAsync(new());
        await editing;
    }

    private static AngleSharp.Dom.IElement LockBox(IRenderedComponent<MudDialogProvider> provider) =>
        provider.FindAll("[data-testid=user-access-dialog] input[type=checkbox]").Last();

    private async Task<bool> LockedAsync(string userId)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!);
    }
}
