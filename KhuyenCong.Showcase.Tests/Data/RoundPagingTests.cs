using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Data;
using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KhuyenCong.Showcase.Tests.Data;

/// <summary>
/// The rounds grid (issue 10): which rounds an officer sees is decided in SQL (ContestPolicy.Viewable) — the rounds they
/// run and every round above their unit (TT 26/2014 Điều 8; a commune officer follows the province, region and national
/// rounds) — then filtered, sorted and paged in the same query.
/// </summary>
[Collection(DatabaseCollection.Name)]
public sealed class RoundPagingTests(DatabaseFixture databases)
{
    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task EachOfficerShouldPageThroughTheRoundsTheyRunOrFollow(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var contest = new ContestWorld(world);
        var units = await host.Get<GeographyService>().DirectoryAsync();
        var rounds = host.Get<RoundService>();
        var thachHa = await world.UserAsync(Roles.LocalStaff, "T4201");
        var ducTho = await world.UserAsync(Roles.LocalStaff, "T4202");
        var haTinh = await world.UserAsync(Roles.ProvinceStaff, "42");
        var hungYen = await world.UserAsync(Roles.ProvinceStaff, "33");
        var ministry = await world.UserAsync(Roles.MinistryStaff);
        var ours = units.RegionOf(world.Unit("42"))!;
        var other = units.Regions.First(r => r.Id != ours.Id && units.RegionOf(world.Unit("33"))?.Id != r.Id);

        var r1 = await contest.OpenRoundAsync(thachHa, ContestLevel.Commune, "T4201", "Bình chọn cấp xã Thạch Hà");
        var r2 = await contest.OpenRoundAsync(ducTho, ContestLevel.Commune, "T4202", "Bình chọn cấp xã Đức Thọ");
        var r3 = await contest.OpenRoundAsync(haTinh, ContestLevel.Province, "42", "Bình chọn cấp tỉnh Hà Tĩnh");
        var r4 = await contest.OpenRoundAsync(hungYen, ContestLevel.Province, "33", "Bình chọn cấp tỉnh Hưng Yên");
        var r5 = await contest.OpenRoundAsync(ministry, ContestLevel.Region, "42", "Bình chọn khu vực", ours.Id);
        var hostOfOther = units.ProvincesIn(other.Id).First(p => p.IsValidOn(new DateOnly(2026, 1, 1))).Code;
        var r6 = await contest.OpenRoundAsync(ministry, ContestLevel.Region, hostOfOther, "Bình chọn khu vực khác", other.Id);
        var r7 = await contest.OpenRoundAsync(ministry, ContestLevel.National, "01", "Bình chọn cấp quốc gia");

        async Task<List<Guid>> SeenBy(UserScope actor) =>
            [.. (await rounds.PageAsync(actor, new RoundFilter(), new PageRequest(0, 200))).Items.Select(r => r.Id).Order()];
        static List<Guid> Sorted(params Guid[] ids) => [.. ids.Order()];
        Assert.Equal(Sorted(r1, r3, r5, r7), await SeenBy(thachHa));
        Assert.Equal(Sorted(r1, r2, r3, r5, r7), await SeenBy(haTinh));
        Assert.Equal(units.RegionOf(world.Unit("33"))?.Id == ours.Id ? Sorted(r4, r5, r7) : Sorted(r4, r7), await SeenBy(hungYen));
        Assert.Equal(Sorted(r1, r2, r3, r4, r5, r6, r7), await SeenBy(ministry));
        // The in-memory check on one round (a page, an export) is the same rule.
        foreach (var id in new[] { r1, r2, r3, r4, r5, r6, r7 })
        {
            var round = await world.QueryAsync(db => db.Set<Round>().AsNoTracking().SingleAsync(r => r.Id == id));
            Assert.Equal((await SeenBy(thachHa)).Contains(id), ContestPolicy.CanView(thachHa, units, round));
        }
        await Assert.ThrowsAsync<AccessDeniedException>(async () => await rounds.PageAsync(await world.ProducerAsync("T4201"), new RoundFilter(), new PageRequest()));

        // Filters and search without diacritics, counted in the same query; the officer manages only their own.
        var communes = await rounds.PageAsync(haTinh, new RoundFilter(Level: ContestLevel.Commune), new PageRequest(0, 1, nameof(RoundRow.Name)));
        Assert.Equal(2, communes.Total);
        Assert.Equal("Bình chọn cấp xã Đức Thọ", Assert.Single(communes.Items).Name);
        Assert.Equal([r1], (await rounds.PageAsync(haTinh, new RoundFilter(Search: "xa THACH ha"), new PageRequest())).Items.Select(r => r.Id));
        var code = (await rounds.FindAsync(haTinh, r3))!.Code;
        Assert.Equal([r3], (await rounds.PageAsync(haTinh, new RoundFilter(Search: code.ToLowerInvariant()), new PageRequest())).Items.Select(r => r.Id));
        Assert.Equal(0, (await rounds.PageAsync(haTinh, new RoundFilter(State: RoundState.Closed), new PageRequest())).Total);
        Assert.Equal(5, (await rounds.PageAsync(haTinh, new RoundFilter(Year: (await rounds.FindAsync(haTinh, r3))!.Year), new PageRequest())).Total);
        var page = await rounds.PageAsync(thachHa, new RoundFilter(), new PageRequest(0, 200, nameof(RoundRow.Level)));
        Assert.Equal([ContestLevel.Commune, ContestLevel.Province, ContestLevel.Region, ContestLevel.National], page.Items.Select(r => r.Level));
        Assert.Equal([true, false, false, false], page.Items.Select(r => r.CanManage));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task RowsSavedBeforeTheSearchKeysExistedShouldGetThemOnStart(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var haTinh = await world.UserAsync(Roles.ProvinceStaff, "42");
        var admin = await world.UserAsync(Roles.Admin);
        var round = await new ContestWorld(world).OpenRoundAsync(haTinh, ContestLevel.Province, "42", "Bình chọn cấp tỉnh Hà Tĩnh");
        // As a row of before the migration: a Vietnamese name, no key.
        await world.QueryAsync(async db =>
        {
            await db.Users.Where(u => u.Id == haTinh.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.FullName, "Đặng Thị Hà"));
            await db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.NameKey, ""));
            return await db.Set<Round>().ExecuteUpdateAsync(r => r.SetProperty(x => x.SearchKey, ""));
        });
        var rounds = host.Get<RoundService>();
        var accounts = host.Get<AccountService>();
        Assert.Equal(0, (await rounds.PageAsync(haTinh, new RoundFilter(Search: "ha tinh"), new PageRequest())).Total);
        Assert.Equal(0, (await accounts.PageAsync(admin, "DANG thi", new PageRequest())).Total);

        var filled = await world.QueryAsync(db => SearchKeyBackfill.RunAsync(db));
        Assert.True(filled >= 3, $"{filled} rows filled");
        Assert.Equal([round], (await rounds.PageAsync(haTinh, new RoundFilter(Search: "ha tinh"), new PageRequest())).Items.Select(r => r.Id));
        Assert.Equal(0, await world.QueryAsync(db => SearchKeyBackfill.RunAsync(db)));
        Assert.Equal([haTinh.UserId], (await accounts.PageAsync(admin, "DANG thi", new PageRequest())).Items.Select(u => u.Id));
        Assert.Equal([haTinh.UserId], (await accounts.PageAsync(admin, "đặng THỊ hà", new PageRequest())).Items.Select(u => u.Id));
    }
}
