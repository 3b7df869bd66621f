using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Geography;

using static KhuyenCong.Showcase.Tests.Domain.SampleUnits;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class UnitDirectoryTests
{
    [Fact]
    public void AProvinceScopeShouldCoverItsCommunesAndTheHistoryOfTheProvincesItSucceeded()
    {
        var scope = Sample.ScopeOf(HaiPhong.Id);
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
        var scope = Sample.ScopeOf(ThachHa.Id);
        Assert.Equal([ThachHa.Id], scope);
    }

    [Fact]
    public void TheUnitsCoveringAUnitShouldBeExactlyThoseWhoseScopeHoldsIt()
    {
        // A commune of old Hải Dương lies under its district, its province, and Hải Phòng which succeeded it, and under the new commune.
        Assert.Equal(new HashSet<Guid> { OldCommune.Id, KinhMon.Id, HaiDuong.Id, HaiPhong.Id, NewCommune.Id }, Sample.CoveringOf(OldCommune.Id));
        Assert.Equal(new HashSet<Guid> { ThachHa.Id, HaTinh.Id }, Sample.CoveringOf(ThachHa.Id));
        Assert.Empty(Sample.CoveringOf(Guid.NewGuid()));
        // The reverse of ScopeOf, over every pair of units.
        foreach (var unit in Sample.All)
            Assert.Equal(Sample.All.Where(u => Sample.ScopeOf(u.Id).Contains(unit.Id)).Select(u => u.Id).ToHashSet(), Sample.CoveringOf(unit.Id));
    }

    [Fact]
    public void ProvincesShouldBeListedAsTheyWereOnTheDay()
    {
        Assert.Equal(["30", "42"], Sample.ProvincesOn(new DateOnly(2024, 1, 1)).Select(p => p.Code));
        Assert.Equal(["31", "42"], Sample.ProvincesOn(new DateOnly(2025, 8, 1)).Select(p => p.Code));
    }

    [Fact]
    public void OldRecordsShouldKeepTheNamesTheyHad()
    {
        Assert.Equal("Xã cũ, Thị xã Kinh Môn, Hải Dương", Sample.PathOf(OldCommune.Id));
        Assert.Equal(HaiDuong.Id, Sample.ProvinceOf(OldCommune.Id)?.Id);
        Assert.Equal([HaiPhong.Id], Sample.SuccessorsOf(HaiDuong.Id).Select(u => u.Id));
    }

    [Fact]
    public void CommunesOfAProvinceShouldOnlyBeThoseInForce()
    {
        Assert.Equal(["Xã mẫu Đức Thọ", "Xã mẫu Thạch Hà"], Sample.CommunesOf(HaTinh.Id, new DateOnly(2025, 9, 1)).Select(c => c.Name));
        Assert.Empty(Sample.CommunesOf(HaTinh.Id, new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void StaffShouldSeeOnlyUnitsInTheirScopeAndAdminsEverything()
    {
        var provinceStaff = new UserScope("u1", "Cán bộ", new HashSet<string> { Roles.ProvinceStaff }, HaTinh.Id, null);
        var localStaff = new UserScope("u2", "Cán bộ xã", new HashSet<string> { Roles.LocalStaff }, DucTho.Id, null);
        var judge = new UserScope("u3", "Giám khảo", new HashSet<string> { Roles.Judge }, HaTinh.Id, null);
        var admin = new UserScope("u4", "Admin", new HashSet<string> { Roles.Admin }, null, null);

        Assert.True(provinceStaff.CanSeeUnit(Sample, ThachHa.Id));
        Assert.False(provinceStaff.CanSeeUnit(Sample, NewCommune.Id));
        Assert.True(localStaff.CanSeeUnit(Sample, DucTho.Id));
        Assert.False(localStaff.CanSeeUnit(Sample, ThachHa.Id));
        Assert.False(judge.CanSeeUnit(Sample, ThachHa.Id));
        Assert.True(admin.CanSeeUnit(Sample, NewCommune.Id));
    }

    [Fact]
    public void StaffShouldInviteOnlyWithinTheirScopeAndNeverAboveTheirLevel()
    {
        var provinceStaff = new UserScope("u1", "Cán bộ", new HashSet<string> { Roles.ProvinceStaff }, HaTinh.Id, null);
        var localStaff = new UserScope("u2", "Cán bộ xã", new HashSet<string> { Roles.LocalStaff }, DucTho.Id, null);

        Assert.True(InvitePolicy.CanInvite(provinceStaff, Sample, Roles.Judge, HaTinh.Id));
        Assert.True(InvitePolicy.CanInvite(provinceStaff, Sample, Roles.LocalStaff, ThachHa.Id));
        Assert.False(InvitePolicy.CanInvite(provinceStaff, Sample, Roles.LocalStaff, HaTinh.Id));
        Assert.False(InvitePolicy.CanInvite(provinceStaff, Sample, Roles.Judge, HaiPhong.Id));
        Assert.False(InvitePolicy.CanInvite(provinceStaff, Sample, Roles.Admin, HaTinh.Id));
        Assert.True(InvitePolicy.CanInvite(localStaff, Sample, Roles.Judge, DucTho.Id));
        Assert.False(InvitePolicy.CanInvite(localStaff, Sample, Roles.ProvinceStaff, HaTinh.Id));
        Assert.False(InvitePolicy.CanInvite(localStaff, Sample, Roles.Judge, ThachHa.Id));
    }
}
