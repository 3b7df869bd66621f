using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Tests.Domain;

public sealed class AdministrativeUnitTests
{
    [Fact]
    public void ShouldBeValidOnlyInsideItsValidity()
    {
        var old = Units.Province("30", "Hải Dương", to: new DateOnly(2025, 6, 11));
        Assert.True(old.IsValidOn(new DateOnly(2025, 6, 11)));
        Assert.False(old.IsValidOn(new DateOnly(2025, 6, 12)));
        Assert.False(old.IsValidOn(new DateOnly(2008, 7, 31)));
    }

    [Fact]
    public void ShouldRefuseADistrictCreatedAfterTheReform()
    {
        var province = Units.Province();
        var error = Assert.Throws<DomainException>(() =>
            AdministrativeUnit.Create("436", "Huyện mới", UnitKind.District, province, new DateOnly(2025, 7, 1)));
        Assert.Contains("01/07/2025", error.Message);
    }

    [Fact]
    public void ShouldKeepDistrictsFromBeforeTheReform()
    {
        var district = AdministrativeUnit.Create("436", "Huyện Đức Thọ", UnitKind.District, Units.Province(), new DateOnly(2008, 8, 1), new DateOnly(2025, 6, 30));
        Assert.Equal(UnitTier.District, district.Tier);
    }

    [Fact]
    public void ShouldRefuseACommuneWithoutParentAndAProvinceWithOne()
    {
        Assert.Throws<DomainException>(() => AdministrativeUnit.Create("M1", "Xã", UnitKind.Commune, null, Units.AfterReform));
        Assert.Throws<DomainException>(() => AdministrativeUnit.Create("99", "Tỉnh", UnitKind.Province, Units.Province(), Units.AfterReform));
    }

    [Fact]
    public void ShouldRefuseAValidityThatEndsBeforeItStarts() =>
        Assert.Throws<DomainException>(() => Units.Province(to: new DateOnly(2000, 1, 1)));

    [Fact]
    public void ShouldLinkASuccessorOnlyAfterItEnds()
    {
        var current = Units.Province("31", "Hải Phòng", from: new DateOnly(2025, 6, 12));
        var stillValid = Units.Province("30", "Hải Dương");
        Assert.Throws<DomainException>(() => stillValid.AddSuccessor(current));

        var ended = Units.Province("30", "Hải Dương", to: new DateOnly(2025, 6, 11));
        ended.AddSuccessor(current);
        ended.AddSuccessor(current);
        Assert.Single(ended.Successors);
        Assert.Equal(current.Id, ended.Successors[0].SuccessorId);
    }

    [Fact]
    public void ShouldMarkSampleUnitsInTheirDisplayName()
    {
        var sample = AdministrativeUnit.Create("M4201", "Xã mẫu Thạch Hà", UnitKind.Commune, Units.Province(), Units.AfterReform, isSample: true);
        Assert.Contains("(dữ liệu mẫu)", sample.DisplayName);
    }
}
