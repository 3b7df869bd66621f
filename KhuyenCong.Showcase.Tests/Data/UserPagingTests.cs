using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>
/// The users grid (issue 10): staff page through the accounts of their own units, the admin through all, sorted and
/// counted in the database with each account's roles. It replaces a list cut at 500 rows without saying so.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class UserPagingTests(DatabaseFixture databases)
{
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task AccountsShouldBePagedWithinTheStaffsUnits(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var province = await world.UserAsync(Roles.ProvinceStaff, "42");
        var communes = new List<UserScope>();
        for (var i = 0; i < 3; i++) communes.Add(await world.UserAsync(Roles.LocalStaff, "T4201"));
        var hungYen = await world.UserAsync(Roles.ProvinceStaff, "33");
        var admin = await world.UserAsync(Roles.Admin);
        var accounts = host.Get<AccountService>();
        var hungYenEmail = await world.EmailOfAsync(hungYen);

        var first = await accounts.PageAsync(province, null, new PageRequest(0, 3));
        Assert.Equal(4, first.Total);
        var mine = new List<string>();
        foreach (var user in communes.Append(province)) mine.Add(await world.EmailOfAsync(user));
        mine.Sort(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(mine.Take(3), first.Items.Select(u => u.Email));
        Assert.Equal([mine[3]], (await accounts.PageAsync(province, null, new PageRequest(1, 3))).Items.Select(u => u.Email));
        Assert.All(first.Items, u => Assert.Single(u.Roles));
        Assert.Contains(first.Items, u => u.Roles[0] == Roles.LocalStaff && u.UnitPath!.Contains("Thạch Hà"));

        // Outside the Hà Tĩnh officer's units: not found, not counted; the admin finds it, by part of the address in any case.
        var fragment = hungYenEmail[..20].ToUpperInvariant();
        Assert.Equal(0, (await accounts.PageAsync(province, fragment, new PageRequest())).Total);
        Assert.Equal([hungYenEmail], (await accounts.PageAsync(admin, fragment, new PageRequest())).Items.Select(u => u.Email));
        Assert.True((await accounts.PageAsync(admin, null, new PageRequest(0, 1))).Total >= 6);
        var descending = await accounts.PageAsync(admin, null, new PageRequest(0, 200, nameof(UserRow.Email), Descending: true));
        Assert.Equal(descending.Items.Select(u => u.Email).OrderDescending(StringComparer.OrdinalIgnoreCase), descending.Items.Select(u => u.Email));

        var producer = await world.ProducerAsync("T4201");
        await Assert.ThrowsAsync<AccessDeniedException>(() => accounts.PageAsync(producer, null, new PageRequest()));
    }
}
