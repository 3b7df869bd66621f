using Bunit;
using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Components.Layout;
using Microsoft.AspNetCore.Components;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>
/// The signed-in menu, written as MudBlazor's nav markup rather than a component per link: each role sees its areas,
/// the link of the page one is on is marked (NavLink's rules: an exact link only on its own page), and it follows the
/// address as one moves.
/// </summary>
public sealed class AppNavMenuTests : MudComponentContext
{
    [Fact]
    public void StaffSeeTheirAreasAndTheLinkOfThePageTheyAreOnIsMarkedAsTheyMove()
    {
        AddAuthorization().SetAuthorized("tinh@demo.khuyencong.vn").SetPolicies(Policies.Staff, Policies.ProvinceStaff);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("staff/products?producer=abc");
        var menu = Render<AppNavMenu>();

        var hrefs = menu.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/", "catalogue", "staff", "staff/review", "staff/rounds", "staff/producers", "staff/products", "staff/users", "staff/calendar", "notifications"], hrefs);
        Assert.Equal(["staff/products"], Active(menu));
        Assert.Equal("page", menu.Find("a.active").GetAttribute("aria-current"));
        Assert.NotNull(menu.Find("[data-testid=logout]"));

        // "staff" is exact: its pages under it do not mark it; a round's page marks the rounds link.
        navigation.NavigateTo("staff/rounds/01a23c4d-5851-7807-b593-c27daff28d52");
        menu.WaitForAssertion(() => Assert.Equal(["staff/rounds"], Active(menu)));
        navigation.NavigateTo("staff");
        menu.WaitForAssertion(() => Assert.Equal(["staff"], Active(menu)));
        navigation.NavigateTo("/");
        menu.WaitForAssertion(() => Assert.Equal(["/"], Active(menu)));
    }

    [Fact]
    public void AProducerSeesOnlyTheirOwnAreasAndOnceSignedOutOnlyTheSignIn()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("coso@demo.khuyencong.vn").SetPolicies(Policies.Producer);
        var menu = Render<AppNavMenu>();
        Assert.Equal(["/", "catalogue", "producer", "producer/products", "producer/entries", "producer/profile", "notifications"],
            menu.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList());
        Assert.DoesNotContain(menu.FindAll("a"), a => a.GetAttribute("href")!.StartsWith("staff"));

        // Signed out while the page is open (revalidation): the same menu follows the new sign-in state.
        auth.SetNotAuthorized();
        menu.WaitForAssertion(() => Assert.Equal(["/", "catalogue", "account/login"], menu.FindAll("a.mud-nav-link").Select(a => a.GetAttribute("href")).ToList()));
        Assert.Empty(menu.FindAll("[data-testid=logout]"));
    }

    private static List<string?> Active(IRenderedComponent<AppNavMenu> menu) => [.. menu.FindAll("a.active").Select(a => a.GetAttribute("href"))];
}
