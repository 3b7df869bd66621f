using KhuyenCong.Showcase.Accounts;
using KhuyenCong.Showcase.Contests;
using KhuyenCong.Showcase.Geography;

using static KhuyenCong.Showcase.Tests.Domain.SampleUnits;

namespace KhuyenCong.Showcase.Tests.Domain;

/// <summary>
/// Who runs and who follows which round (TT 26/2014 Điều 8) has two forms: in memory for one round, and as a condition
/// the database evaluates for lists (ContestPolicy.Manageable, ContestPolicy.Viewable). They must agree on every level,
/// unit and role, including a province that succeeded another in the 2025 reform.
/// </summary>
public sealed class ContestPolicyTests
{
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
        var actor = Person(role, unitCode is null ? null : Sample.All.Single(u => u.Code == unitCode));
        var manageable = ContestPolicy.Manageable(actor, Sample).Compile();
        var viewable = ContestPolicy.Viewable(actor, Sample).Compile();
        var checkedRounds = 0;
        foreach (var level in Enum.GetValues<ContestLevel>())
        foreach (var unit in Sample.All)
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
            var manages = ContestPolicy.CanManage(actor, Sample, round);
            // Điều 8 as the regulation reads: the round's own staff, and staff whose unit lies in the round's area.
            var follows = manages || (actor.IsStaff && (actor.SeesAllUnits || (actor.UnitId is { } own && ContestPolicy.InArea(Sample, round, own))));
            Assert.True(manages == manageable(round), $"manage {level} {unit.Name} {region?.Code}: {manages}");
            Assert.True(follows == viewable(round), $"view {level} {unit.Name} {region?.Code}: {follows}");
            Assert.Equal(follows, ContestPolicy.CanView(actor, Sample, round));
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
        Assert.True(ContestPolicy.CanView(haiPhong, Sample, RoundOf(ContestLevel.Commune, OldCommune)));
        Assert.False(ContestPolicy.CanView(haiPhong, Sample, RoundOf(ContestLevel.Province, HaTinh)));
        Assert.True(ContestPolicy.CanView(thachHa, Sample, RoundOf(ContestLevel.Province, HaTinh)));
        Assert.False(ContestPolicy.CanManage(thachHa, Sample, RoundOf(ContestLevel.Province, HaTinh)));
        // The ward that succeeded an old Hải Dương commune lies under Hải Phòng: its officer follows the Hải Phòng round.
        Assert.True(ContestPolicy.CanView(Person(Roles.LocalStaff, NewCommune), Sample, RoundOf(ContestLevel.Province, HaiPhong)));
    }
}
