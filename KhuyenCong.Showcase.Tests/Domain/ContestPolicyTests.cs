using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Geography;

namespace KhuyenCong.Showcase.Tests.Domain;

/// <summary>
/// Who runs and who follows which round (TT 26/2014 Điều 8) has two forms: in memory for one round, and as a condition
/// the database evaluates for lists (ContestPolicy.Manageable, ContestPolicy.Viewable). They must agree on every level,
/// unit and role, including a province that succeeded another in the 2025 reform.
/// </summary>
public sealed class ContestPolicyTests
{
    private static readonly DateOnly Start = new(2008, 8, 1), OldEnd = new(2025, 6, 11), NewStart = new(2025, 6, 12);
    private static readonly UnitNode HaiDuong = new(Guid.NewGuid(), "30", "Hải Dương", UnitKind.Province, null, Start, OldEnd, false);
    private static readonly UnitNode KinhMon = new(Guid.NewGuid(), "292", "Thị xã Kinh Môn", UnitKind.Town, HaiDuong.Id, Start, new(2025, 6, 30), false);
    private static readonly UnitNode OldCommune = new(Guid.NewGuid(), "10690", "Xã cũ", UnitKind.Commune, KinhMon.Id, Start, new(2025, 6, 30), false);
    private static readonly UnitNode HaiPhong = new(Guid.NewGuid(), "31", "Hải Phòng", UnitKind.CentralCity, null, NewStart, null, false);
    private static readonly UnitNode NewCommune = new(Guid.NewGuid(), "M3101", "Phường mẫu", UnitKind.Ward, HaiPhong.Id, new(2025, 7, 1), null, true);
    private static readonly UnitNode HaTinh = new(Guid.NewGuid(), "42", "Hà Tĩnh", UnitKind.Province, null, Start, null, false);
    private static readonly UnitNode ThachHa = new(Guid.NewGuid(), "M4201", "Xã mẫu Thạch Hà", UnitKind.Commune, HaTinh.Id, new(2025, 7, 1), null, true);
    private static readonly RegionNode North = new(Guid.NewGuid(), "BAC", "Khu vực phía Bắc", 1);
    private static readonly RegionNode Centre = new(Guid.NewGuid(), "TRUNG", "Khu vực miền Trung", 2);

    private static readonly UnitDirectory Directory = new(
        [HaiDuong, KinhMon, OldCommune, HaiPhong, NewCommune, HaTinh, ThachHa],
        [(HaiDuong.Id, HaiPhong.Id), (OldCommune.Id, NewCommune.Id)],
        [North, Centre],
        [(HaiDuong.Id, North.Id), (HaiPhong.Id, North.Id), (HaTinh.Id, Centre.Id)]);

    private static UserScope Person(string? role, UnitNode? unit) =>
        new(Guid.NewGuid().ToString(), "Người thử", role is null ? new HashSet<string>() : new HashSet<string> { role }, unit?.Id, null);

    public static TheoryData<string?, string?> People()
    {
        var data = new TheoryData<string?, string?>();
        foreach (var role in new string?[] { null, Roles.Producer, Roles.Judge, Roles.LocalStaff, Roles.ProvinceStaff, Roles.MinistryStaff, Roles.Admin })
        foreach (var unit in new string?[] { null, "42", "M4201", "31", "30", "292", "10690", "M3101" })
            data.Add(role, unit);
        return data;
    }

    [Theory]
    [MemberData(nameof(People))]
    public void TheDatabaseFormsShouldAgreeWithTheRuleOnEveryRound(string? role, string? unitCode)
    {
        var actor = Person(role, unitCode is null ? null : Directory.All.Single(u => u.Code == unitCode));
        var manageable = ContestPolicy.Manageable(actor, Directory).Compile();
        var viewable = ContestPolicy.Viewable(actor, Directory).Compile();
        var checkedRounds = 0;
        foreach (var level in Enum.GetValues<ContestLevel>())
        foreach (var unit in Directory.All)
        foreach (var region in new RegionNode?[] { null, North, Centre })
        {
            if (level == ContestLevel.Region && region is null) continue;
            Round round;
            try
            {
                round = Round.Create(RoundStateMachineTests.Details(level, unit.Id) with { RegionId = level == ContestLevel.Region ? region!.Id : null },
                    unit.Code, CriteriaTemplates.Regulation, DateTimeOffset.UtcNow);
            }
            catch (Common.DomainException)
            {
                continue; // a district round of 2026: no such round can exist (district level ended 1/7/2025)
            }
            var manages = ContestPolicy.CanManage(actor, Directory, round);
            // Điều 8 as the regulation reads: the round's own staff, and staff whose unit lies in the round's area.
            var follows = manages || (actor.IsStaff && (actor.SeesAllUnits || (actor.UnitId is { } own && ContestPolicy.InArea(Directory, round, own))));
            Assert.True(manages == manageable(round), $"manage {level} {unit.Name} {region?.Code}: {manages}");
            Assert.True(follows == viewable(round), $"view {level} {unit.Name} {region?.Code}: {follows}");
            Assert.Equal(follows, ContestPolicy.CanView(actor, Directory, round));
            checkedRounds++;
        }
        Assert.True(checkedRounds > 60, $"{checkedRounds} rounds");
    }

    [Fact]
    public void AHaiPhongOfficerShouldFollowNoHaTinhRoundAndACommuneOfficerTheProvinceAbove()
    {
        Round RoundOf(ContestLevel level, UnitNode unit) =>
            Round.Create(RoundStateMachineTests.Details(level, unit.Id), unit.Code, CriteriaTemplates.Regulation, DateTimeOffset.UtcNow);
        var haiPhong = Person(Roles.ProvinceStaff, HaiPhong);
        var thachHa = Person(Roles.LocalStaff, ThachHa);
        Assert.True(ContestPolicy.CanView(haiPhong, Directory, RoundOf(ContestLevel.Commune, OldCommune)));
        Assert.False(ContestPolicy.CanView(haiPhong, Directory, RoundOf(ContestLevel.Province, HaTinh)));
        Assert.True(ContestPolicy.CanView(thachHa, Directory, RoundOf(ContestLevel.Province, HaTinh)));
        Assert.False(ContestPolicy.CanManage(thachHa, Directory, RoundOf(ContestLevel.Province, HaTinh)));
        // The ward that succeeded an old Hải Dương commune lies under Hải Phòng: its officer follows the Hải Phòng round.
        Assert.True(ContestPolicy.CanView(Person(Roles.LocalStaff, NewCommune), Directory, RoundOf(ContestLevel.Province, HaiPhong)));
    }
}
