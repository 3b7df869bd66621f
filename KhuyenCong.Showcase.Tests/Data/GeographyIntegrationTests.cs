using KhuyenCong.Showcase.Geography;
using KhuyenCong.Showcase.Tests.Infrastructure;

namespace KhuyenCong.Showcase.Tests.Data;

[Collection(DatabaseCollection.Name)]
public sealed class GeographyIntegrationTests(DatabaseFixture databases)
{
    private static readonly DateOnly BeforeReform = new(2025, 6, 1), AfterReform = new(2025, 7, 1);

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ReferenceProvincesShouldBe63BeforeTheReformAnd34AfterWithSuccessors(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var units = await host.Get<GeographyService>().DirectoryAsync();

        Assert.Equal(63, units.ProvincesOn(BeforeReform).Count);
        Assert.Equal(34, units.ProvincesOn(AfterReform).Count);
        UnitNode Old(string name) => units.ProvincesOn(BeforeReform).Single(p => p.Name == name);
        string Successor(string name) => Assert.Single(units.SuccessorsOf(Old(name).Id)).Name;
        Assert.Equal("Hải Phòng", Successor("Hải Dương"));
        Assert.Equal("An Giang", Successor("Kiên Giang"));
        Assert.Equal("Thành phố Hồ Chí Minh", Successor("Bình Dương"));
        Assert.Equal("Hưng Yên", Successor("Thái Bình"));
        Assert.Empty(units.SuccessorsOf(Old("Hà Tĩnh").Id));
        Assert.Contains(units.ProvincesOn(AfterReform), p => p.Name == "Hà Tĩnh" && p.Code == "42");
        // An Giang now carries Kiên Giang's old code: the two are different rows.
        Assert.Equal(2, units.All.Count(u => u.Code == "91"));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task TheAdministratorShouldPageThroughTheUnitsInTheDatabase(DbKind kind)
    {
        // Issue 10: the units table pages in SQL; by default what is in force today, the reform's history on request.
        await using var host = await databases.HostAsync(kind);
        var world = await Scenario.CreateAsync(host);
        var admin = await world.UserAsync(Accounts.Roles.Admin);
        var geography = host.Get<GeographyService>();
        var provinces = await geography.PageAsync(admin, new UnitFilter(Tier: UnitTier.Province), new Common.PageRequest(0, 10));
        Assert.Equal(34, provinces.Total);
        Assert.Equal(10, provinces.Items.Count);
        Assert.All(provinces.Items, u => Assert.True(u.InForce));
        var directory = await geography.DirectoryAsync();
        Assert.Equal(directory.All.Count(u => u.Tier == UnitTier.Province),
            (await geography.PageAsync(admin, new UnitFilter(Tier: UnitTier.Province, IncludeHistory: true), new Common.PageRequest())).Total);

        // "hai duong" finds the old province only in the history, with Hải Phòng as its successor.
        Assert.Equal(0, (await geography.PageAsync(admin, new UnitFilter("hai duong"), new Common.PageRequest())).Total);
        var haiDuong = Assert.Single((await geography.PageAsync(admin, new UnitFilter("HAI DUONG", IncludeHistory: true), new Common.PageRequest())).Items);
        Assert.False(haiDuong.InForce);
        Assert.Equal(["Hải Phòng"], haiDuong.Successors);

        // The communes of Hà Tĩnh, found without diacritics, by code, and counted under their province.
        var haTinh = world.Unit("42");
        var communes = await geography.PageAsync(admin, new UnitFilter(Tier: UnitTier.Commune, ProvinceId: haTinh), new Common.PageRequest(0, 20, nameof(UnitRow.Name)));
        Assert.Equal(["T4202", "T4201"], communes.Items.Select(u => u.Code));
        Assert.All(communes.Items, u => Assert.Contains("Hà Tĩnh", u.ParentPath));
        Assert.Equal("T4201", Assert.Single((await geography.PageAsync(admin, new UnitFilter("thach ha"), new Common.PageRequest())).Items).Code);
        Assert.Equal("T4201", Assert.Single((await geography.PageAsync(admin, new UnitFilter("T4201"), new Common.PageRequest())).Items).Code);
        var byChildren = await geography.PageAsync(admin, new UnitFilter("ha tinh", UnitTier.Province), new Common.PageRequest(0, 5, nameof(UnitRow.Children), true));
        Assert.Equal(2, Assert.Single(byChildren.Items).Children);

        var officer = await world.UserAsync(Accounts.Roles.ProvinceStaff, "42");
        await Assert.ThrowsAsync<Common.AccessDeniedException>(() => geography.PageAsync(officer, new UnitFilter(), new Common.PageRequest()));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ImportShouldCreateCommunesUnderTheRightProvinceAndUpdateOnASecondRun(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var geography = host.Get<GeographyService>();
        var first = await geography.ImportAsync(new StringReader(Scenario.SampleUnits));
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal(3, first.Created);

        var renamed = Scenario.SampleUnits.Replace("Xã thử Thạch Hà", "Xã thử Thạch Hà mới");
        var second = await geography.ImportAsync(new StringReader(renamed));
        Assert.Equal((0, 1), (second.Created, second.Updated));

        var units = await geography.DirectoryAsync();
        var haTinh = units.ProvincesOn(AfterReform).Single(p => p.Code == "42");
        Assert.Equal(["Xã thử Đức Thọ", "Xã thử Thạch Hà mới"], units.CommunesOf(haTinh.Id, AfterReform).Select(c => c.Name));
    }

    [Theory]
    [MemberData(nameof(DatabaseFixture.Kinds), MemberType = typeof(DatabaseFixture))]
    public async Task ImportWithAnyBadLineShouldImportNothing(DbKind kind)
    {
        await using var host = await databases.HostAsync(kind);
        var geography = host.Get<GeographyService>();
        var before = (await geography.DirectoryAsync()).Count;
        var csv = Scenario.SampleUnits + "\nT9901,Xã lạc,Xã,99,2025-07-01,,";

        var report = await geography.ImportAsync(new StringReader(csv));

        Assert.False(report.Succeeded);
        Assert.Contains("Dòng 5", Assert.Single(report.Errors));
        Assert.Contains("“99”", report.Errors[0]);
        Assert.Equal(before, (await geography.DirectoryAsync()).Count);
    }
}
