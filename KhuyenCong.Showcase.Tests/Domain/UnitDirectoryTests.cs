using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class UnitDirectoryTests
{
    private static readonly DateOnly Start = new(2008, 8, 1), OldEnd = new(2025, 6, 11), NewStart = new(2025, 6, 12);

    // Hải Dương (old, with a district and a commune) merged into Hải Phòng (new, with a commune); Hà Tĩnh unchanged.
    private static readonly UnitNode HaiDuong = new(Guid.NewGuid(), "30", "Hải Dương", UnitKind.Province, null, Start, OldEnd, false);
    private static readonly UnitNode KinhMon = new(Guid.NewGuid(), "292", "Thị xã Kinh Môn", UnitKind.Town, HaiDuong.Id, Start, new(2025, 6, 30), false);
    private static readonly UnitNode OldCommune = new(Guid.NewGuid(), "10690", "Xã cũ", UnitKind.Commune, KinhMon.Id, Start, new(2025, 6, 30), false);
    private static readonly UnitNode HaiPhong = new(Guid.NewGuid(), "31", "Hải Phòng", UnitKind.CentralCity, null, NewStart, null, false);
    private static readonly UnitNode NewCommune = new(Guid.NewGuid(), "M3101", "Phường mẫu", UnitKind.Ward, HaiPhong.Id, new(2025, 7, 1), null, true);
    private static readonly UnitNode HaTinh = new(Guid.NewGuid(), "42", "Hà Tĩnh", UnitKind.Province, null, Start, null, false);
    private static readonly UnitNode ThachHa = new(Guid.NewGuid(), "M4201", "Xã mẫu Thạch Hà", UnitKind.Commune, HaTinh.Id, new(2025, 7, 1), null, true);
    private static readonly UnitNode DucTho = new(Guid.NewGuid(), "M4202", "Xã mẫu Đức Thọ", UnitKind.Commune, HaTinh.Id, new(2025, 7, 1), null, true);

    private static readonly UnitDirectory Directory = new(
        [HaiDuong, KinhMon, OldCommune, HaiPhong, NewCommune, HaTinh, ThachHa, DucTho],
        [(HaiDuong.Id, HaiPhong.Id), (OldCommune.Id, NewCommune.Id)]);

    [Fact]
    public void AProvinceScopeShouldCoverItsCommunesAndTheHistoryOfTheProvincesItSucceeded()
    {
        var scope = Directory.ScopeOf(HaiPhong.Id);
        Assert.Contains(NewCommune.Id, scope);
        Assert.Contains(HaiDuong.Id, scope);
        Assert.Contains(KinhMon.Id, scope);
        Assert.Contains(OldCommune.Id, scope);
        Assert.DoesNotContain(HaTinh.Id, scope);
        Assert.DoesNotContain(ThachHa.Id, scope);
    }

    [Fact]
    public void ACommuneScopeShouldNotReachItsNeighbours()
    {
        var scope = Directory.ScopeOf(ThachHa.Id);
        Assert.Equal([ThachHa.Id], scope);
    }

    [Fact]
    public void TheUnitsCoveringAUnitShouldBeExactlyThoseWhoseScopeHoldsIt()
    {
        // A commune of old Hải Dương lies under its district, its province, and Hải Phòng which succeeded it, and under the new commune.
        Assert.Equal(new HashSet<Guid> { OldCommune.Id, KinhMon.Id, HaiDuong.Id, HaiPhong.Id, NewCommune.Id }, Directory.CoveringOf(OldCommune.Id));
        Assert.Equal(new HashSet<Guid> { ThachHa.Id, HaTinh.Id }, Directory.CoveringOf(ThachHa.Id));
        Assert.Empty(Directory.CoveringOf(Guid.NewGuid()));
        // The reverse of ScopeOf, over every pair of units.
        foreach (var unit in Directory.All)
            Assert.Equal(Directory.All.Where(u => Directory.ScopeOf(u.Id).Contains(unit.Id)).Select(u => u.Id).ToHashSet(), Directory.CoveringOf(unit.Id));
    }

    [Fact]
    public void ProvincesShouldBeListedAsTheyWereOnTheDay()
    {
        Assert.Equal(["30", "42"], Directory.ProvincesOn(new DateOnly(2024, 1, 1)).Select(p => p.Code));
        Assert.Equal(["31", "42"], Directory.ProvincesOn(new DateOnly(2025, 8, 1)).Select(p => p.Code));
    }

    [Fact]
    public void OldRecordsShouldKeepTheNamesTheyHad()
    {
        Assert.Equal("Xã cũ, Thị xã Kinh Môn, Hải Dương", Directory.PathOf(OldCommune.Id));
        Assert.Equal(HaiDuong.Id, Directory.ProvinceOf(OldCommune.Id)?.Id);
        Assert.Equal([HaiPhong.Id], Directory.SuccessorsOf(HaiDuong.Id).Select(u => u.Id));
    }

    [Fact]
    public void CommunesOfAProvinceShouldOnlyBeThoseInForce()
    {
        Assert.Equal(["Xã mẫu Đức Thọ", "Xã mẫu Thạch Hà"], Directory.CommunesOf(HaTinh.Id, new DateOnly(2025, 9, 1)).Select(c => c.Name));
        Assert.Empty(Directory.CommunesOf(HaTinh.Id, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void StaffShouldSeeOnlyUnitsInTheirScopeAndAdminsEverything()
    {
        var provinceStaff = new UserScope("u1", "Cán bộ", new HashSet<string> { Roles.ProvinceStaff }, HaTinh.Id, null);
        var localStaff = new UserScope("u2", "Cán bộ xã", new HashSet<string> { Roles.LocalStaff }, DucTho.Id, null);
        var judge = new UserScope("u3", "Giám khảo", new HashSet<string> { Roles.Judge }, HaTinh.Id, null);
        var admin = new UserScope("u4", "Admin", new HashSet<string> { Roles.Admin }, null, null);

        Assert.True(provinceStaff.CanSeeUnit(Directory, ThachHa.Id));
        Assert.False(provinceStaff.CanSeeUnit(Directory, NewCommune.Id));
        Assert.True(localStaff.CanSeeUnit(Directory, DucTho.Id));
        Assert.False(localStaff.CanSeeUnit(Directory, ThachHa.Id));
        Assert.False(judge.CanSeeUnit(Directory, ThachHa.Id));
        Assert.True(admin.CanSeeUnit(Directory, NewCommune.Id));
    }

    [Fact]
    public void StaffShouldInviteOnlyWithinTheirScopeAndNeverAboveTheirLevel()
    {
        var provinceStaff = new UserScope("u1", "Cán bộ", new HashSet<string> { Roles.ProvinceStaff }, HaTinh.Id, null);
        var localStaff = new UserScope("u2", "Cán bộ xã", new HashSet<string> { Roles.LocalStaff }, DucTho.Id, null);

        Assert.True(InvitePolicy.CanInvite(provinceStaff, Directory, Roles.Judge, HaTinh.Id));
        Assert.True(InvitePolicy.CanInvite(provinceStaff, Directory, Roles.LocalStaff, ThachHa.Id));
        Assert.False(InvitePolicy.CanInvite(provinceStaff, Directory, Roles.LocalStaff, HaTinh.Id));
        Assert.False(InvitePolicy.CanInvite(provinceStaff, Directory, Roles.Judge, HaiPhong.Id));
        Assert.False(InvitePolicy.CanInvite(provinceStaff, Directory, Roles.Admin, HaTinh.Id));
        Assert.True(InvitePolicy.CanInvite(localStaff, Directory, Roles.Judge, DucTho.Id));
        Assert.False(InvitePolicy.CanInvite(localStaff, Directory, Roles.ProvinceStaff, HaTinh.Id));
        Assert.False(InvitePolicy.CanInvite(localStaff, Directory, Roles.Judge, ThachHa.Id));
    }
}
